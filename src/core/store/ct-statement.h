/* ct-statement.h: one SQL statement, on whichever store holds the records
 *
 * The core reads and writes records only through this: prepare (on the
 * database, ct_database_prepare()), bind, step, read columns, reset. Each
 * store implements it once (store/sqlite, store/postgres). Parameters are
 * written ?1, ?2 ... or :name in the SQL text; indexes start at 1, columns
 * at 0. Both stores give the same values for the same SQL: integers,
 * reals, text (dates as YYYY-MM-DD) and NULL; a boolean column reads as
 * 0 or 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CtStatement CtStatement;

/* Text is copied; a NULL text binds NULL. */
void         ct_statement_bind_text      (CtStatement  *self,
                                          int           index,
                                          const char   *text);
void         ct_statement_bind_int64     (CtStatement  *self,
                                          int           index,
                                          gint64        value);
void         ct_statement_bind_double    (CtStatement  *self,
                                          int           index,
                                          double        value);
void         ct_statement_bind_null      (CtStatement  *self,
                                          int           index);
/* The index of a parameter written ":name" in the SQL, or 0. */
int          ct_statement_parameter_index (CtStatement *self,
                                          const char   *name);
void         ct_statement_clear_bindings (CtStatement  *self);

/* Runs the statement, or moves to its next row: TRUE with *has_row, or
 * FALSE with a CT_DATABASE_ERROR whose message says what was being done
 * (@what: "save the child") and why it failed. */
gboolean     ct_statement_step           (CtStatement  *self,
                                          gboolean     *has_row,
                                          const char   *what,
                                          GError      **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean     ct_statement_run            (CtStatement  *self,
                                          const char   *what,
                                          GError      **error);
/* Ready to run again with the same bindings. */
void         ct_statement_reset          (CtStatement  *self);

gboolean     ct_statement_column_is_null (CtStatement  *self,
                                          int           column);
gint64       ct_statement_column_int64   (CtStatement  *self,
                                          int           column);
int          ct_statement_column_int     (CtStatement  *self,
                                          int           column);
double       ct_statement_column_double  (CtStatement  *self,
                                          int           column);
/* Valid until the next step or reset; NULL for NULL. */
const char  *ct_statement_column_text    (CtStatement  *self,
                                          int           column);

G_END_DECLS
