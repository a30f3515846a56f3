/* ct-store-private.h: SQL helpers shared by the store and the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database-private.h"
#include "ct-record-private.h"

G_BEGIN_DECLS

/* Binds @value (of @field's type) to parameter @index; an empty value binds NULL. */
void        ct_store_bind_value       (sqlite3_stmt   *stmt,
                                       int             index,
                                       const CtField  *field,
                                       const GValue   *value);
/* Reads column @column into @value (initialised to @field's type). */
void        ct_store_read_value       (sqlite3_stmt   *stmt,
                                       int             column,
                                       const CtField  *field,
                                       GValue         *value);
/* Steps @stmt once: TRUE with *has_row for SQLITE_ROW / SQLITE_DONE, else
 * FALSE with an error saying what was being done (@what, "save the child").
 * The statement is not reset. */
gboolean    ct_store_step             (CtDatabase     *db,
                                       sqlite3_stmt   *stmt,
                                       gboolean       *has_row,
                                       const char     *what,
                                       GError        **error);
/* Runs a statement that returns at most one integer: TRUE and *result (0
 * when no row), or FALSE with an error. Resets the statement. */
gboolean    ct_store_query_int        (CtDatabase     *db,
                                       sqlite3_stmt   *stmt,
                                       gint64         *result,
                                       GError        **error);

/* "SELECT t.id, t.created_at, t.updated_at, <every field> FROM <table> t <joins>" */
char       *ct_store_dup_select_sql   (const CtKind   *kind);
/* A record of @kind from the current row of a statement built on
 * ct_store_dup_select_sql(). */
CtRecord   *ct_store_read_record      (const CtKind   *kind,
                                       sqlite3_stmt   *stmt);

G_END_DECLS
