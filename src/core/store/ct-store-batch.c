/* ct-store-batch.c: many new records of one kind, written at once
 *
 * The rows go in many to an INSERT (ct_database_insert_rows()); one query
 * per unique key then finds two new rows that clash (each record was
 * checked against the rows before, but not against the others of the
 * batch); then go the rows of each word list, and one read of the key
 * fields of every new row (as the database now holds them: a staff
 * member's name as stored), from which the audit entries are written,
 * again many to an INSERT on a team server. A few dozen statements for
 * thousands of records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ct-store-batch.h"
#include "ct-store-private.h"

typedef struct
{
  const CtKind  *kind;
  CtRecord     **records;
  guint          n;
  gint64        *ids;       /* of each record, once inserted */
  GArray        *word_ids;  /* one word list's rows: the record's id */
  GPtrArray     *words;     /* and the word */
} Batch;

static void
bind_record (CtStatement *stmt,
             int          first_param,
             guint        row,
             gpointer     user_data)
{
  Batch *batch = user_data;

  ct_store_bind_columns (stmt, first_param, batch->records[row]);
}

static void
bind_word (CtStatement *stmt,
           int          first_param,
           guint        row,
           gpointer     user_data)
{
  Batch *batch = user_data;

  ct_statement_bind_int64 (stmt, first_param, g_array_index (batch->word_ids, gint64, row));
  ct_statement_bind_text (stmt, first_param + 1, g_ptr_array_index (batch->words, row));
}

/* The rows of the word list @field of every record. */
static gboolean
insert_words (CtDatabase  *db,
              Batch       *batch,
              guint        field,
              const char  *sql,
              GError     **error)
{
  g_array_set_size (batch->word_ids, 0);
  g_ptr_array_set_size (batch->words, 0);
  for (guint row = 0; row < batch->n; row++)
    {
      const char * const *words = g_value_get_boxed (ct_record_peek_value (batch->records[row],
                                                                           field));

      for (guint i = 0; words != NULL && words[i] != NULL; i++)
        {
          g_array_append_val (batch->word_ids, batch->ids[row]);
          g_ptr_array_add (batch->words, (gpointer) words[i]);
        }
    }
  return ct_database_insert_rows (db, sql, batch->words->len, bind_word, batch, NULL,
                                  _("save the record"), error);
}

/* "SELECT 1 FROM <table> n WHERE n.id BETWEEN ?1 AND ?2 AND EXISTS (<the
 * unique check>) LIMIT 1", where the check's parameters (?1 the record's
 * id, ?2... its key fields) become the columns of the new row n. */
static char *
dup_clash_sql (const CtKind   *kind,
               const CtUnique *unique,
               const char     *check)
{
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "SELECT 1 FROM %s n WHERE n.id BETWEEN ?1 AND ?2 AND EXISTS (",
                   kind->name);
  for (const char *p = check; *p != '\0';)
    {
      char *after;
      gulong param;

      if (*p != '?')
        {
          g_string_append_c (sql, *p++);
          continue;
        }
      param = strtoul (p + 1, &after, 10);
      g_string_append_printf (sql, "n.%s", param == 1
                              ? "id"
                              : ct_field_column (ct_kind_find_field (kind,
                                                                     unique->fields[param - 2])));
      p = after;
    }
  g_string_append (sql, ") LIMIT 1");
  return g_string_free (sql, FALSE);
}

/* Fails, without saying which, when two new rows share a unique key. */
static gboolean
check_no_clash (CtDatabase  *db,
                Batch       *batch,
                GError     **error)
{
  const CtStoreText *text = ct_store_text_get (db, batch->kind);

  for (guint i = 0; text->unique_check[i] != NULL; i++)
    {
      g_autofree char *sql = dup_clash_sql (batch->kind, &batch->kind->unique[i],
                                            text->unique_check[i]);
      CtStatement *stmt = ct_database_prepare (db, sql, error);
      gint64 clash = 0;

      if (stmt == NULL)
        return FALSE;
      ct_statement_bind_int64 (stmt, 1, batch->ids[0]);
      ct_statement_bind_int64 (stmt, 2, batch->ids[batch->n - 1]);
      if (!ct_store_query_int (db, stmt, &clash, error))
        return FALSE;
      if (clash != 0)
        {
          g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CONFLICT,
                               _("Two of the new records have the same key."));
          return FALSE;
        }
    }
  return TRUE;
}

/* "SELECT t.id, <the key fields> FROM <table> t <joins> WHERE t.id BETWEEN
 * ?1 AND ?2 ORDER BY t.id" */
static char *
dup_describe_sql (CtDatabase   *db,
                  const CtKind *kind)
{
  const CtSqlDialect *dialect = ct_database_get_dialect (db);
  GString *sql = g_string_new ("SELECT t.id");

  for (guint i = 0; i < G_N_ELEMENTS (kind->describe) && kind->describe[i] != NULL; i++)
    {
      g_autofree char *column = ct_field_dup_select_sql (ct_kind_find_field (kind,
                                                                             kind->describe[i]),
                                                          dialect->hides_clinical_text);
      g_string_append_printf (sql, ", %s", column);
    }
  g_string_append_printf (sql, " FROM %s t", kind->name);
  if (kind->joins != NULL)
    g_string_append_printf (sql, " %s", kind->joins);
  g_string_append (sql, " WHERE t.id BETWEEN ?1 AND ?2 ORDER BY t.id");
  return g_string_free (sql, FALSE);
}

/* Reads the key fields of every new row into its record (the ids ascend,
 * as the rows were inserted; others' rows in between are skipped). */
static gboolean
read_key_fields (CtDatabase  *db,
                 Batch       *batch,
                 GError     **error)
{
  g_autofree char *sql = dup_describe_sql (db, batch->kind);
  CtStatement *stmt = ct_database_prepare (db, sql, error);
  gboolean has_row = TRUE;
  guint row = 0;

  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_int64 (stmt, 1, batch->ids[0]);
  ct_statement_bind_int64 (stmt, 2, batch->ids[batch->n - 1]);
  while (ct_statement_step (stmt, &has_row, _("save the record"), error))
    {
      if (!has_row)
        {
          ct_statement_reset (stmt);
          return TRUE;
        }
      if (row < batch->n && ct_statement_column_int64 (stmt, 0) == batch->ids[row])
        {
          for (guint i = 0;
               i < G_N_ELEMENTS (batch->kind->describe) && batch->kind->describe[i] != NULL;
               i++)
            {
              const CtField *field = ct_kind_find_field (batch->kind, batch->kind->describe[i]);

              ct_store_read_value (stmt, 1 + i, field,
                                   ct_record_peek_field (batch->records[row], field));
            }
          row++;
        }
    }
  ct_statement_reset (stmt);
  return FALSE;
}

static gboolean
audit_all (CtDatabase  *db,
           Batch       *batch,
           GError     **error)
{
  g_autoptr(GPtrArray) descriptions = g_ptr_array_new_full (batch->n, g_free);
  g_autofree gint64 *child_ids = g_new (gint64, batch->n);

  for (guint row = 0; row < batch->n; row++)
    {
      g_ptr_array_add (descriptions, ct_store_describe (batch->records[row]));
      child_ids[row] = ct_store_child_of (batch->records[row], batch->ids[row]);
    }
  if (!ct_database_audit_each (db, "create", batch->kind->name, batch->ids, child_ids,
                               (const char * const *) descriptions->pdata, batch->n, error))
    return FALSE;
  ct_database_note_changes (db);
  return TRUE;
}

static gboolean
write_all (CtDatabase  *db,
           Batch       *batch,
           GError     **error)
{
  const CtStoreText *text = ct_store_text_get (db, batch->kind);

  if (!ct_database_insert_rows (db, text->insert, batch->n, bind_record, batch, batch->ids,
                                _("save the record"), error) ||
      !check_no_clash (db, batch, error))
    return FALSE;
  for (guint i = 0; i < batch->kind->n_fields; i++)
    if (text->words_insert[i] != NULL && !insert_words (db, batch, i, text->words_insert[i], error))
      return FALSE;
  return read_key_fields (db, batch, error) && audit_all (db, batch, error);
}

gboolean
ct_store_insert_all (CtDatabase  *db,
                     GPtrArray   *records,
                     GError     **error)
{
  Batch batch = { 0 };
  gboolean ok;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (records->len == 0)
    return TRUE;
  batch.kind = ct_record_get_kind (g_ptr_array_index (records, 0));
  batch.records = (CtRecord **) records->pdata;
  batch.n = records->len;
  if (!ct_database_begin (db, error))
    return FALSE;

  batch.ids = g_new0 (gint64, batch.n);
  batch.word_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  batch.words = g_ptr_array_new ();
  ok = write_all (db, &batch, error);
  g_free (batch.ids);
  g_array_unref (batch.word_ids);
  g_ptr_array_unref (batch.words);

  if (!ok)
    {
      ct_database_rollback (db);
      return FALSE;
    }
  return ct_database_commit (db, error);
}
