/* ct-move.c: every record of one store copied into another
 *
 * Kinds are copied in their dependency order (ct_kind_get_nth()), so that
 * every record a reference points to has its destination id by the time
 * the reference is copied. Each record goes through ct_store_insert(), so
 * it is validated and audited as any new record; its created and updated
 * times are then set back to the source's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-move"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-csv-columns.h"
#include "ct-move.h"
#include "ct-records.h"
#include "ct-store-private.h"
#include "ct-store.h"

typedef struct
{
  CtDatabase  *from;
  CtDatabase  *to;
  const char  *source;
  gboolean     merge;
  GHashTable **ids;   /* per kind: source id → destination id */
  GHashTable **used;  /* per kind: the destination ids paired in this move */
  guint        n_copied;
  guint        n_matched;
} CtMove;

/* How a kind's records are found in the destination: by its natural key
 * (its first unique key, text case-blind), else by every stored field. */
typedef struct
{
  GPtrArray *key_fields;
  char      *key_sql;
  GPtrArray *all_fields;
  char      *all_sql;
} CtMatcher;

static guint
kind_index (const CtKind *kind)
{
  guint i = 0;

  while (ct_kind_get_nth (i) != kind)
    i++;
  return i;
}

static gint64 *
dup_id (gint64 id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  return copy;
}

static gint64
lookup_id (GHashTable *map,
           gint64      id)
{
  gint64 *found = g_hash_table_lookup (map, &id);

  return found != NULL ? *found : 0;
}

/* The destination must hold no records but staff (whom add-user makes). */
static gboolean
check_empty (CtMove  *move,
             GError **error)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint k = 0; k < ct_kind_get_n_kinds (); k++)
    {
      const CtKind *kind = ct_kind_get_nth (k);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", kind->name);
      CtStatement *stmt;
      gint64 count = 0;

      if (g_str_equal (kind->name, "staff"))
        continue;
      stmt = ct_database_prepare (move->to, sql, error);
      if (stmt == NULL || !ct_store_query_int (move->to, stmt, &count, error))
        return FALSE;
      if (count > 0)
        g_ptr_array_add (held, ct_csv_dup_count_text (kind, count));
    }
  if (held->len == 0)
    return TRUE;

  g_ptr_array_add (held, NULL);
  list = g_strjoinv (", ", (char **) held->pdata);
  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_EXISTS,
               _("The destination already holds records (%s), so nothing was copied."), list);
  return FALSE;
}

/* Matching */

/* "SELECT id FROM child WHERE true AND reference = ?1 COLLATE NOCASE ORDER
 * BY id"; without @by_key, each field equal or both empty. */
static char *
match_sql (const CtKind *kind,
           GPtrArray    *fields,
           gboolean      by_key,
           const char   *condition)
{
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "SELECT id FROM %s WHERE true", kind->name);
  for (guint i = 0; i < fields->len; i++)
    {
      const CtField *field = g_ptr_array_index (fields, i);
      const char *column = ct_field_column (field);

      if (by_key)
        g_string_append_printf (sql, " AND %s = ?%u%s", column, i + 1,
                                field->type == CT_FIELD_TEXT ? " COLLATE NOCASE" : "");
      else
        g_string_append_printf (sql, " AND (%s = ?%u OR (%s IS NULL AND ?%u IS NULL))",
                                column, i + 1, column, i + 1);
    }
  if (condition != NULL)
    g_string_append_printf (sql, " AND (%s)", condition);
  g_string_append (sql, " ORDER BY id");
  return g_string_free (sql, FALSE);
}

static void
matcher_init (CtMatcher    *matcher,
              const CtKind *kind)
{
  const CtUnique *unique = kind->unique != NULL && kind->unique[0].fields[0] != NULL
                           ? &kind->unique[0] : NULL;

  matcher->key_fields = g_ptr_array_new ();
  matcher->all_fields = g_ptr_array_new ();
  for (guint i = 0; unique != NULL && i < G_N_ELEMENTS (unique->fields) &&
                    unique->fields[i] != NULL; i++)
    g_ptr_array_add (matcher->key_fields, (gpointer) ct_kind_find_field (kind, unique->fields[i]));
  for (guint i = 0; i < kind->n_fields; i++)
    if (ct_field_is_stored_column (&kind->fields[i]))
      g_ptr_array_add (matcher->all_fields, (gpointer) &kind->fields[i]);

  matcher->key_sql = unique != NULL
                     ? match_sql (kind, matcher->key_fields, TRUE, unique->condition) : NULL;
  matcher->all_sql = match_sql (kind, matcher->all_fields, FALSE, NULL);
}

static void
matcher_clear (CtMatcher *matcher)
{
  g_ptr_array_unref (matcher->key_fields);
  g_ptr_array_unref (matcher->all_fields);
  g_free (matcher->key_sql);
  g_free (matcher->all_sql);
}

/* The first record that @sql finds for @record and that no other record of
 * this move was paired with: its id, 0 for none, -1 on error. */
static gint64
find_unpaired (CtMove     *move,
               const char *sql,
               GPtrArray  *fields,
               CtRecord   *record,
               GHashTable *used,
               GError    **error)
{
  CtStatement *stmt = ct_database_prepare (move->to, sql, error);
  gboolean has_row = FALSE;
  gint64 found = 0;
  gboolean ok;

  if (stmt == NULL)
    return -1;
  for (guint i = 0; i < fields->len; i++)
    {
      const CtField *field = g_ptr_array_index (fields, i);
      ct_store_bind_value (stmt, i + 1, field, ct_record_peek_field (record, field));
    }
  while ((ok = ct_statement_step (stmt, &has_row, _("look for the record"), error)) && has_row)
    {
      gint64 id = ct_statement_column_int64 (stmt, 0);

      if (!g_hash_table_contains (used, &id))
        {
          found = id;
          break;
        }
    }
  ct_statement_reset (stmt);
  return ok ? found : -1;
}

static gint64
find_match (CtMove     *move,
            CtMatcher  *matcher,
            CtRecord   *record,
            GHashTable *used,
            GError    **error)
{
  gint64 id = 0;

  if (matcher->key_sql != NULL)
    id = find_unpaired (move, matcher->key_sql, matcher->key_fields, record, used, error);
  if (id == 0)
    id = find_unpaired (move, matcher->all_sql, matcher->all_fields, record, used, error);
  return id;
}

/* Copying */

/* A new record with @source's fields, its references remapped to the
 * destination's ids. */
static CtRecord *
copy_record (CtMove    *move,
             CtRecord  *source,
             GError   **error)
{
  const CtKind *kind = ct_record_get_kind (source);
  g_autoptr(CtRecord) copy = ct_record_new (kind);

  for (guint i = 0; i < ct_kind_get_n_fields (kind); i++)
    {
      const CtField *field = ct_kind_get_field (kind, i);
      const CtKind *referred = ct_field_get_reference_kind (field);
      g_auto(GValue) value = G_VALUE_INIT;
      gint64 id;

      if (ct_field_is_display (field))
        continue;
      if (referred == NULL)
        {
          ct_record_get_value (source, field, &value);
          ct_record_set_value (copy, field, &value);
          continue;
        }

      id = ct_record_get_reference (source, ct_field_get_name (field));
      if (id == 0)
        continue;
      ct_record_set_reference (copy, ct_field_get_name (field),
                               lookup_id (move->ids[kind_index (referred)], id));
      if (ct_record_get_reference (copy, ct_field_get_name (field)) == 0)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     ct_record_get_id (source));
          /* TRANSLATORS: "Consultation 12 of records.ctdb refers to a record that is not there." */
          g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND,
                       _("%s %s of %s refers to a record that is not there."),
                       ct_kind_get_label (kind), number, move->source);
          return NULL;
        }
    }
  return g_steal_pointer (&copy);
}

/* Sets the created and updated times of the copy @id to @source's. */
static gboolean
keep_times (CtMove    *move,
            CtRecord  *source,
            gint64     id,
            GError   **error)
{
  const CtKind *kind = ct_record_get_kind (source);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET created_at = ?1, updated_at = ?2"
                                          " WHERE id = ?3", kind->name);
  CtStatement *stmt = ct_database_prepare (move->to, sql, error);

  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_text (stmt, 1, ct_record_get_created_at (source));
  ct_statement_bind_text (stmt, 2, ct_record_get_updated_at (source));
  ct_statement_bind_int64 (stmt, 3, id);
  return ct_statement_run (stmt, _("keep the record's times"), error);
}

/* Copies @source, or pairs it with the destination's record @match; the
 * destination's id, or -1 on error. */
static gint64
move_record (CtMove    *move,
             CtRecord  *source,
             CtRecord  *copy,
             gint64     match,
             GError   **error)
{
  if (match > 0)
    {
      move->n_matched++;
      return match;
    }
  if (!ct_store_insert (move->to, copy, error) ||
      !keep_times (move, source, ct_record_get_id (copy), error))
    return -1;
  move->n_copied++;
  return ct_record_get_id (copy);
}

static gboolean
audit_kind (CtMove        *move,
            const CtKind  *kind,
            guint          n_copied,
            guint          n_matched,
            GError       **error)
{
  g_autofree char *count = ct_csv_dup_count_text (kind, n_copied);
  g_autofree char *description = NULL;

  if (n_copied == 0 && n_matched == 0)
    return TRUE;
  if (n_matched == 0)
    /* TRANSLATORS: "Moved 120 consultations from records.ctdb" */
    description = g_strdup_printf (_("Moved %s from %s"), count, move->source);
  else
    /* TRANSLATORS: "Moved 120 consultations from records.ctdb; 3 more were there already" */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Moved %s from %s; %u more was there already",
                                                "Moved %s from %s; %u more were there already",
                                                n_matched),
                                    count, move->source, n_matched);
  if (!ct_database_audit (move->to, "import", kind->name, 0, description, error))
    return FALSE;
  ct_database_note_changes (move->to);
  return TRUE;
}

static gboolean
move_records (CtMove        *move,
              const CtKind  *kind,
              GListModel    *records,
              CtMatcher     *matcher,
              GError       **error)
{
  guint k = kind_index (kind);
  /* Staff are people: always the destination's namesake. */
  gboolean match = move->merge || g_str_equal (kind->name, "staff");
  guint copied = move->n_copied;
  guint matched = move->n_matched;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(CtRecord) source = g_list_model_get_item (records, i);
      g_autoptr(CtRecord) copy = copy_record (move, source, error);
      gint64 found = 0;
      gint64 id;

      if (copy == NULL)
        return FALSE;
      if (match && (found = find_match (move, matcher, copy, move->used[k], error)) < 0)
        return FALSE;
      if ((id = move_record (move, source, copy, found, error)) < 0)
        return FALSE;
      g_hash_table_insert (move->ids[k], dup_id (ct_record_get_id (source)), dup_id (id));
      g_hash_table_add (move->used[k], dup_id (id));
    }
  return audit_kind (move, kind, move->n_copied - copied, move->n_matched - matched, error);
}

static gboolean
move_kind (CtMove        *move,
           const CtKind  *kind,
           GError       **error)
{
  g_autoptr(GListModel) records = ct_store_list (move->from, kind, NULL, error);
  CtMatcher matcher;
  gboolean ok;

  if (records == NULL)
    return FALSE;
  matcher_init (&matcher, kind);
  ok = move_records (move, kind, records, &matcher, error);
  matcher_clear (&matcher);
  return ok;
}

static gboolean
run_move (CtMove  *move,
          GError **error)
{
  if (!move->merge && !check_empty (move, error))
    return FALSE;
  if (!ct_database_begin (move->to, error))
    return FALSE;

  for (guint k = 0; k < ct_kind_get_n_kinds (); k++)
    if (!move_kind (move, ct_kind_get_nth (k), error))
      {
        ct_database_rollback (move->to);
        return FALSE;
      }
  /* A failed commit has rolled back already. */
  return ct_database_commit (move->to, error);
}

gboolean
ct_move_records (CtDatabase  *from,
                 CtDatabase  *to,
                 const char  *source,
                 gboolean     merge,
                 guint       *n_copied,
                 guint       *n_matched,
                 GError     **error)
{
  guint n_kinds = ct_kind_get_n_kinds ();
  CtMove move = { from, to, source, merge, NULL, NULL, 0, 0 };
  gboolean ok;

  g_return_val_if_fail (CT_IS_DATABASE (from) && CT_IS_DATABASE (to), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  move.ids = g_new0 (GHashTable *, n_kinds);
  move.used = g_new0 (GHashTable *, n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      move.ids[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      move.used[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }

  ok = run_move (&move, error);
  if (n_copied != NULL)
    *n_copied = ok ? move.n_copied : 0;
  if (n_matched != NULL)
    *n_matched = ok ? move.n_matched : 0;

  for (guint k = 0; k < n_kinds; k++)
    {
      g_hash_table_unref (move.ids[k]);
      g_hash_table_unref (move.used[k]);
    }
  g_free (move.ids);
  g_free (move.used);
  return ok;
}
