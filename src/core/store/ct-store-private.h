/* ct-store-private.h: SQL helpers shared by the store and the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database-private.h"
#include "ct-record-private.h"
#include "ct-store.h"

G_BEGIN_DECLS

/* A field with a column of the kind's own table that a save writes (not a
 * display field, not a word list: its rows in the side table are written,
 * and the store's triggers keep its column). */
static inline gboolean
ct_field_is_stored_column (const CtField *field)
{
  return !(field->flags & CT_FIELD_DISPLAY) && field->type != CT_FIELD_ENUM_LIST;
}

/* Binds @value (of @field's type) to parameter @index; an empty value binds NULL. */
void        ct_store_bind_value       (CtStatement *stmt,
                                       int             index,
                                       const CtField  *field,
                                       const GValue   *value);
/* Reads column @column into @value (initialised to @field's type). */
void        ct_store_read_value       (CtStatement *stmt,
                                       int             column,
                                       const CtField  *field,
                                       GValue         *value);
/* A word list's words as text, "b;a" (NULL: none) → { "a", "b" }, in the
 * order of DOMAIN.md. */
GStrv       ct_store_read_words       (const CtField  *field,
                                       const char     *text);
/* Runs a statement that returns at most one integer: TRUE and *result (0
 * when no row), or FALSE with an error. Resets the statement. */
gboolean    ct_store_query_int        (CtDatabase     *db,
                                       CtStatement *stmt,
                                       gint64         *result,
                                       GError        **error);

/* "50%_off" → "%50\%\_off%": text to find anywhere, for LIKE ... ESCAPE '\'. */
char       *ct_store_like_pattern     (const char     *text);
/* Binds @record's stored columns in table order from @first_param (the
 * text of CtStoreText.insert); returns the next parameter. */
int         ct_store_bind_columns     (CtStatement    *stmt,
                                       int             first_param,
                                       CtRecord       *record);
/* "Consultation 2024-05-01, Dr Invented", the audit entry's words for a
 * record: its kind and key fields (CtKind.describe), never the notes. */
char       *ct_store_describe         (CtRecord       *record);
/* The child @record (saved with @id) is about: the child itself, or the
 * child of a referral, consultation, goal, goal rating or SDQ score; 0 for
 * none. The audit trail files entries under it. */
gint64      ct_store_child_of         (CtRecord       *record,
                                       gint64          id);
/* After a save or delete of record @id of @kind at @version, the one that
 * was read, touched no row: fails with CT_DATABASE_ERROR_NOT_FOUND when the
 * record is gone, CT_DATABASE_ERROR_NOT_ALLOWED when it is still at
 * @version (a team server's rules kept it from this person), else
 * CT_DATABASE_ERROR_STALE naming who changed it last and when
 * (ct-store-stale.c). Returns FALSE. */
gboolean    ct_store_refuse_stale     (CtDatabase     *db,
                                       const CtKind   *kind,
                                       gint64          id,
                                       gint64          version,
                                       GError        **error);

/* The SQL text of a kind's reads and writes (ct-store-text.c), built once
 * for the life of the program. Per-field arrays have one entry per field of
 * the kind (NULL where it does not apply). */
typedef struct
{
  /* "SELECT t.id, t.created_at, t.updated_at, t.version, <every field> FROM <table> t
   * <joins>"; select_scan adds the store's hint for reading every row
   * (CtSqlDialect.scan_hint). */
  char  *select;
  char  *select_scan;
  char  *get;               /* select + " WHERE t.id = ?1" */
  char  *get_page;          /* select + " WHERE t.id IN (?1, ...)": CT_STORE_PAGE_SIZE ids */
  char  *insert;            /* the stored columns, ?1... in field order; RETURNING id */
  char  *update;            /* the same, then id and version; RETURNING id */
  char **words_delete;      /* word lists: "DELETE FROM side WHERE key = ?1" */
  char **words_insert;      /* word lists: "INSERT INTO side (key, word) ..." */
  char **reference_check;   /* references: "SELECT 1 FROM kind WHERE id = ?1" */
  char **unique_check;      /* per kind->unique entry; NULL-terminated */
} CtStoreText;

const CtStoreText *ct_store_text_get  (CtDatabase     *db,
                                       const CtKind   *kind);

/* @select + " WHERE t.id IN (?1, ..., ?100)": a page of a list, its
 * CT_STORE_PAGE_SIZE ids bound in order (0 for none). */
char       *ct_store_page_sql         (const char     *select);

/* A record of @kind from the current row of a statement built on
 * CtStoreText.select. */
CtRecord   *ct_store_read_record      (const CtKind   *kind,
                                       CtStatement *stmt);

/* ct-store-order.c: CtFilter's order in SQL */

/* " ORDER BY ..." by @filter's sort_field, then the kind's own order
 * (which, @by_index, its index may give without sorting). */
void        ct_store_append_order     (GString            *sql,
                                       const CtSqlDialect *dialect,
                                       const CtKind       *kind,
                                       const CtFilter     *filter,
                                       gboolean            by_index);

G_END_DECLS
