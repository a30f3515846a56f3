/* ct-store.c: writing records, each with its audit entry
 *
 * Every write is one (nested) transaction holding the row, its word lists
 * and one audit entry: both or neither. The record is updated from the
 * database (id, timestamps, display fields) only after the commit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-store-private.h"
#include "ct-store.h"
#include "ct-validate.h"

int
ct_store_bind_columns (CtStatement *stmt,
                       int          first_param,
                       CtRecord    *record)
{
  const CtKind *kind = ct_record_get_kind (record);
  int param = first_param;

  for (guint i = 0; i < kind->n_fields; i++)
    if (ct_field_is_stored_column (&kind->fields[i]))
      ct_store_bind_value (stmt, param++, &kind->fields[i], ct_record_peek_value (record, i));
  return param;
}

static gboolean
run_write (CtStatement  *stmt,
           GError      **error)
{
  gboolean has_row;
  gboolean ok = ct_statement_step (stmt, &has_row, _("save the record"), error);

  ct_statement_reset (stmt);
  return ok;
}

/* Inserts (*id == 0) or updates the record's row at the version that was
 * read; both return its id. */
static gboolean
write_row (CtDatabase  *db,
           CtRecord    *record,
           gint64      *id,
           GError     **error)
{
  const CtKind *kind = ct_record_get_kind (record);
  const CtStoreText *text = ct_store_text_get (db, kind);
  CtStatement *stmt = ct_database_prepare (db, *id == 0 ? text->insert : text->update, error);
  gboolean has_row = FALSE;
  gboolean ok;
  int next;

  if (stmt == NULL)
    return FALSE;
  next = ct_store_bind_columns (stmt, 1, record);
  if (*id != 0)
    {
      ct_statement_bind_int64 (stmt, next, *id);
      ct_statement_bind_int64 (stmt, next + 1, ct_record_get_version (record));
    }
  ok = ct_statement_step (stmt, &has_row, _("save the record"), error);
  if (ok && has_row)
    *id = ct_statement_column_int64 (stmt, 0);
  ct_statement_reset (stmt);
  if (!ok)
    return FALSE;

  return has_row || ct_store_refuse_stale (db, kind, *id, ct_record_get_version (record), error);
}

/* Replaces the rows of a word list's side table. */
static gboolean
write_words (CtDatabase     *db,
             const char     *delete,
             const char     *insert,
             gint64          id,
             const char    **words,
             GError        **error)
{
  CtStatement *stmt = ct_database_prepare (db, delete, error);

  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_int64 (stmt, 1, id);
  if (!run_write (stmt, error))
    return FALSE;

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      stmt = ct_database_prepare (db, insert, error);
      if (stmt == NULL)
        return FALSE;
      ct_statement_bind_int64 (stmt, 1, id);
      ct_statement_bind_text (stmt, 2, words[i]);
      if (!run_write (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_word_lists (CtDatabase  *db,
                  CtRecord    *record,
                  gint64       id,
                  GError     **error)
{
  const CtKind *kind = ct_record_get_kind (record);
  const CtStoreText *text = ct_store_text_get (db, kind);

  for (guint i = 0; i < kind->n_fields; i++)
    if (text->words_delete[i] != NULL &&
        !write_words (db, text->words_delete[i], text->words_insert[i], id,
                      g_value_get_boxed (ct_record_peek_value (record, i)), error))
      return FALSE;
  return TRUE;
}

char *
ct_store_describe (CtRecord *record)
{
  const CtKind *kind = ct_record_get_kind (record);
  GString *text = g_string_new (ct_kind_get_label (kind));

  for (guint i = 0; i < G_N_ELEMENTS (kind->describe) && kind->describe[i] != NULL; i++)
    {
      g_autofree char *value = ct_record_get_string_by_name (record, kind->describe[i]);

      if (value != NULL)
        g_string_append_printf (text, "%s%s", i == 0 ? " " : ", ", value);
    }
  return g_string_free (text, FALSE);
}

gint64
ct_store_child_of (CtRecord *record,
                   gint64    id)
{
  const CtKind *kind = ct_record_get_kind (record);

  if (g_str_equal (kind->name, "child"))
    return id;
  return kind->child_field != NULL ? ct_record_get_reference (record, kind->child_field) : 0;
}

static gboolean
audit (CtDatabase  *db,
       const char  *action,
       CtRecord    *record,
       GError     **error)
{
  g_autofree char *description = ct_store_describe (record);

  return ct_database_audit_record (db, action, ct_record_get_kind (record)->name,
                                   ct_record_get_id (record),
                                   ct_store_child_of (record, ct_record_get_id (record)),
                                   description,
                                   error);
}

gboolean
ct_store_audit_view (CtDatabase  *db,
                     CtRecord    *record,
                     GError     **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (CT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (ct_record_get_id (record) != 0, FALSE);

  return audit (db, "view", record, error);
}

/* Writes @record (insert when @id is 0) and its audit entry; *saved is the
 * record as the database now holds it. */
static gboolean
write_record (CtDatabase  *db,
              CtRecord    *record,
              gint64       id,
              CtRecord   **saved,
              GError     **error)
{
  const char *action = id == 0 ? "create" : "update";

  if (!write_row (db, record, &id, error) ||
      !write_word_lists (db, record, id, error))
    return FALSE;

  *saved = ct_store_get (db, ct_record_get_kind (record), id, error);
  if (*saved == NULL || !audit (db, action, *saved, error))
    return FALSE;
  ct_database_note_record_change (db, ct_record_get_kind (record)->name, id,
                                  g_str_equal (action, "create") ? CT_RECORD_CREATED
                                                                 : CT_RECORD_UPDATED);
  return TRUE;
}

static gboolean
save (CtDatabase  *db,
      CtRecord    *record,
      GError     **error)
{
  g_autoptr(CtRecord) saved = NULL;

  if (!ct_record_validate (record, db, error) || !ct_database_begin (db, error))
    return FALSE;

  if (!write_record (db, record, ct_record_get_id (record), &saved, error))
    {
      ct_database_rollback (db);
      return FALSE;
    }
  if (!ct_database_commit (db, error))
    return FALSE;

  ct_record_assign (record, saved);
  return TRUE;
}

gboolean
ct_store_insert (CtDatabase  *db,
                 CtRecord    *record,
                 GError     **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (CT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (ct_record_get_id (record) == 0, FALSE);

  return save (db, record, error);
}

gboolean
ct_store_update (CtDatabase  *db,
                 CtRecord    *record,
                 GError     **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (CT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (ct_record_get_id (record) != 0, FALSE);

  return save (db, record, error);
}

/* Deleting */

static gboolean
count_references (CtDatabase     *db,
                  const CtKind   *dependent,
                  const CtField  *field,
                  gint64          id,
                  gint64         *count,
                  GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1",
                                          dependent->name, ct_field_column (field));
  CtStatement *stmt = ct_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_int64 (stmt, 1, id);
  return ct_store_query_int (db, stmt, count, error);
}

/* "3 referrals": the kind's N_() plural forms each hold one %u. */
static char *
count_text (const CtKind *kind,
            gint64        count)
{
  const char *format = g_dngettext (GETTEXT_PACKAGE, kind->plural_one, kind->plural_many, count);
  char *text;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  text = g_strdup_printf (format, (guint) count);
#pragma GCC diagnostic pop
  return text;
}

/* "3 referrals", "12 consultations" for every kind whose records refer to
 * the record @id of @kind. */
static gboolean
list_dependents (CtDatabase    *db,
                 const CtKind  *kind,
                 gint64         id,
                 GPtrArray     *parts,
                 GError       **error)
{
  for (guint k = 0; k < ct_kind_get_n_kinds (); k++)
    {
      const CtKind *dependent = ct_kind_get_nth (k);
      gint64 total = 0;

      for (guint i = 0; i < dependent->n_fields; i++)
        {
          const CtField *field = &dependent->fields[i];
          gint64 count = 0;

          if (field->type != CT_FIELD_REFERENCE || (field->flags & CT_FIELD_DISPLAY) ||
              g_strcmp0 (field->reference, kind->name) != 0)
            continue;
          if (!count_references (db, dependent, field, id, &count, error))
            return FALSE;
          total += count;
        }
      if (total > 0)
        g_ptr_array_add (parts, count_text (dependent, total));
    }
  return TRUE;
}

/* { "3 referrals", "12 consultations", "1 goal" } → "3 referrals, 12
 * consultations and 1 goal" */
static char *
join_list (GPtrArray *parts)
{
  g_autoptr(GString) head = g_string_new (g_ptr_array_index (parts, 0));

  if (parts->len == 1)
    return g_strdup (head->str);
  for (guint i = 1; i + 1 < parts->len; i++)
    g_string_append_printf (head, ", %s", (const char *) g_ptr_array_index (parts, i));
  /* TRANSLATORS: the end of a list, "3 referrals and 12 consultations" */
  return g_strdup_printf (_("%s and %s"), head->str,
                          (const char *) g_ptr_array_index (parts, parts->len - 1));
}

static gboolean
check_not_in_use (CtDatabase    *db,
                  const CtKind  *kind,
                  gint64         id,
                  GError       **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (!list_dependents (db, kind, id, parts, error))
    return FALSE;
  if (parts->len == 0)
    return TRUE;

  list = join_list (parts);
  /* TRANSLATORS: "Cannot delete this child: 3 referrals and 12 consultations refer to it. ..." */
  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_IN_USE,
               _("Cannot delete %s: other records refer to it (%s). Delete or change those first."),
               _(kind->this_record), list);
  return FALSE;
}

/* Deletes the row at the version that was read. */
static gboolean
delete_row (CtDatabase    *db,
            CtRecord      *record,
            GError       **error)
{
  const CtKind *kind = ct_record_get_kind (record);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1 AND version = ?2"
                                          " RETURNING id", kind->name);
  CtStatement *stmt = ct_database_prepare (db, sql, error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_int64 (stmt, 1, ct_record_get_id (record));
  ct_statement_bind_int64 (stmt, 2, ct_record_get_version (record));
  ok = ct_statement_step (stmt, &has_row, _("delete the record"), error);
  ct_statement_reset (stmt);
  return ok && (has_row || ct_store_refuse_stale (db, kind, ct_record_get_id (record),
                                                    ct_record_get_version (record), error));
}

/* Deletes record @id of @kind if its version is @version (0: any). */
static gboolean
delete_at_version (CtDatabase    *db,
                   const CtKind  *kind,
                   gint64         id,
                   gint64         version,
                   GError       **error)
{
  g_autoptr(CtRecord) record = NULL;

  if (!ct_database_begin (db, error))
    return FALSE;

  record = ct_store_get (db, kind, id, error);
  if (record == NULL ||
      (version != 0 && ct_record_get_version (record) != version &&
       !ct_store_refuse_stale (db, kind, id, version, error)) ||
      !check_not_in_use (db, kind, id, error) ||
      !delete_row (db, record, error) ||
      !audit (db, "delete", record, error))
    {
      ct_database_rollback (db);
      return FALSE;
    }
  ct_database_note_record_change (db, kind->name, id, CT_RECORD_DELETED);
  return ct_database_commit (db, error);
}

gboolean
ct_store_delete (CtDatabase    *db,
                 const CtKind  *kind,
                 gint64         id,
                 GError       **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  return delete_at_version (db, kind, id, 0, error);
}

gboolean
ct_store_delete_record (CtDatabase  *db,
                        CtRecord    *record,
                        GError     **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (CT_IS_RECORD (record), FALSE);

  return delete_at_version (db, ct_record_get_kind (record), ct_record_get_id (record),
                            ct_record_get_version (record), error);
}
