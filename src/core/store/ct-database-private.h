/* ct-database-private.h: for the core's own record code, the stores and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"
#include "ct-statement-private.h"

G_BEGIN_DECLS

/* The staff member called ?1, an active one first (the file's own staff
 * is the one its actor names). */
#define CT_SQL_STAFF_BY_NAME \
  "SELECT id FROM staff WHERE name = ?1 ORDER BY active DESC, id DESC LIMIT 1"

/* The few places where the two stores' SQL differs. Everything else the
 * core writes is SQL that both run alike. */
typedef struct _CtSqlDialect
{
  guint       id;          /* 0 the file, 1 the server: an index for caches */
  const char *begin;       /* opens the outermost transaction */
  const char *scan_hint;   /* after "FROM table t" when listing every record */
  const char *like;        /* LIKE that ignores (at least ASCII) case */
  /* Around text to sort it by its lower case byte by byte: SQLite's
   * NOCASE folds ASCII as its lower () does, without a copy of each row's
   * text (an allocation, which the file's memory security locks and wipes:
   * 1.2 of the 1.6 s of sorting the ×10 file's consultations by team). */
  const char *text_order_open;
  const char *text_order_close;
  const char *now;         /* the current UTC time as YYYY-MM-DDTHH:MM:SSZ */
  const char *count_distinct;  /* counts the distinct values of the column that follows, then ")" */
  const char *own_staff;   /* the signed-in person's staff id, ?1 the actor */
  /* One value, as text, that moves whenever a commit (but the
   * connection's own) changes what the connection reads. */
  const char *data_version;
  gboolean    hides_clinical_text;  /* read as NULL, never searched (an administrator) */
} CtSqlDialect;

#define CT_N_DIALECTS 3

const CtSqlDialect *ct_database_get_dialect (CtDatabase   *self);
/* For a store whose dialect depends on who signed in; the class's otherwise. */
void          ct_database_set_dialect      (CtDatabase         *self,
                                            const CtSqlDialect *dialect);

/* A prepared statement cached on the connection, reset and cleared of
 * bindings. Owned by the database: do not free. */
CtStatement  *ct_database_prepare          (CtDatabase    *self,
                                            const char    *sql,
                                            GError       **error);

/* Executes SQL with no results. */
gboolean      ct_database_exec             (CtDatabase    *self,
                                            const char    *sql,
                                            GError       **error);

/* Binds the parameters of row @row of a ct_database_insert_rows(), which
 * in its statement start at @first_param (the one-row text's ?1). */
typedef void (*CtRowBinder) (CtStatement *stmt,
                             int          first_param,
                             guint        row,
                             gpointer     user_data);

/* Runs @sql, a one-row "INSERT ... VALUES (?1, ...)" that may end with
 * "RETURNING id", for @n_rows rows in a few statements of many rows each
 * (ct-database-rows.c). @bind binds each row. @ids, when not NULL, gets
 * the new id of each row in the rows' order. */
gboolean      ct_database_insert_rows      (CtDatabase    *self,
                                            const char    *sql,
                                            guint          n_rows,
                                            CtRowBinder    bind,
                                            gpointer       user_data,
                                            gint64        *ids,
                                            const char    *what,
                                            GError       **error);

/* ct_database_audit() for an entry about a record of the child @child_id
 * (the child itself, or a record of theirs; 0 for none), which the audit
 * log finds by child. */
gboolean      ct_database_audit_record     (CtDatabase    *self,
                                            const char    *action,
                                            const char    *record_kind,
                                            gint64         record_id,
                                            gint64         child_id,
                                            const char    *description,
                                            GError       **error);

/* Make CtDatabase::changed due once the outermost transaction commits (at
 * once outside one): @kind's record @id was written (@kind a static
 * string: the kind's name)... */
void          ct_database_note_record_change (CtDatabase        *self,
                                              const char        *kind,
                                              gint64             id,
                                              CtRecordChangeKind change);
/* ...or records were written that are not listed one by one (an import,
 * a setting). */
void          ct_database_note_changes     (CtDatabase    *self);

/* The actor's staff id as ct_store_find_own_staff() last found it (0: not
 * known), kept until the actor, a staff record or anything made elsewhere
 * changes: a role's permission checks ask for it at every selection. */
gint64        ct_database_get_own_staff    (CtDatabase    *self);
void          ct_database_set_own_staff    (CtDatabase    *self,
                                            gint64         staff_id);

/* The store's count of changes committed by other connections (the file's
 * PRAGMA data_version; the team server's notifications); -1 when closed or
 * not known. Only its moving means anything. */
gint64        ct_database_count_changes_elsewhere (CtDatabase *self);

/* Sets @error to CT_DATABASE_ERROR_CLOSED and returns FALSE unless open. */
gboolean      ct_database_check_open       (CtDatabase    *self,
                                            GError       **error);

G_END_DECLS
