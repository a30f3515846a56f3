/* ct-store-sql.c: moving field values between records and SQL statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-store-private.h"

/* Columns before the fields in CtStoreText.select. */
#define N_LEADING_COLUMNS 3

void
ct_store_bind_value (sqlite3_stmt  *stmt,
                     int            index,
                     const CtField *field,
                     const GValue  *value)
{
  switch (field->type)
    {
    case CT_FIELD_INTEGER:
      if (g_value_get_int (value) != CT_RECORD_NO_NUMBER)
        sqlite3_bind_int (stmt, index, g_value_get_int (value));
      break;
    case CT_FIELD_REAL:
      if (g_value_get_double (value) != CT_RECORD_NO_NUMBER)
        sqlite3_bind_double (stmt, index, g_value_get_double (value));
      break;
    case CT_FIELD_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;
    case CT_FIELD_REFERENCE:
      if (g_value_get_int64 (value) != 0)
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;
    case CT_FIELD_ENUM_LIST:
      g_return_if_reached ();
    case CT_FIELD_TEXT:
    case CT_FIELD_DATE:
    case CT_FIELD_ENUM:
    default:
      if (g_value_get_string (value) != NULL)
        sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_TRANSIENT);
      break;
    }
}

static int
word_order (gconstpointer a,
            gconstpointer b,
            gpointer      field)
{
  const char * const *words = ct_enum_words (field);
  const char *word_a = *(const char **) a;
  const char *word_b = *(const char **) b;
  int index_a = 0, index_b = 0;

  while (words[index_a] != NULL && !g_str_equal (words[index_a], word_a))
    index_a++;
  while (words[index_b] != NULL && !g_str_equal (words[index_b], word_b))
    index_b++;
  return index_a - index_b;
}

/* "b;a" → { "a", "b" } in the order of DOMAIN.md. */
static GStrv
read_words (const CtField *field,
            const char    *text)
{
  GStrv words = g_strsplit (text != NULL ? text : "", ";", -1);

  g_qsort_with_data (words, g_strv_length (words), sizeof (char *), word_order, (gpointer) field);
  return words;
}

void
ct_store_read_value (sqlite3_stmt  *stmt,
                     int            column,
                     const CtField *field,
                     GValue        *value)
{
  gboolean null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  switch (field->type)
    {
    case CT_FIELD_INTEGER:
      g_value_set_int (value, null ? CT_RECORD_NO_NUMBER : sqlite3_column_int (stmt, column));
      break;
    case CT_FIELD_REAL:
      g_value_set_double (value, null ? CT_RECORD_NO_NUMBER : sqlite3_column_double (stmt, column));
      break;
    case CT_FIELD_BOOLEAN:
      g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
      break;
    case CT_FIELD_REFERENCE:
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
      break;
    case CT_FIELD_ENUM_LIST:
      g_value_take_boxed (value, read_words (field, (const char *) sqlite3_column_text (stmt, column)));
      break;
    case CT_FIELD_TEXT:
    case CT_FIELD_DATE:
    case CT_FIELD_ENUM:
    default:
      g_value_set_string (value, (const char *) sqlite3_column_text (stmt, column));
      break;
    }
}

gboolean
ct_store_step (CtDatabase    *db,
               sqlite3_stmt  *stmt,
               gboolean      *has_row,
               const char    *what,
               GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *has_row = rc == SQLITE_ROW;
      return TRUE;
    }

  ct_database_set_error (db, error, sqlite3_extended_errcode (sqlite3_db_handle (stmt)), what);
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
ct_store_query_int (CtDatabase    *db,
                    sqlite3_stmt  *stmt,
                    gint64        *result,
                    GError       **error)
{
  gboolean has_row = FALSE;

  if (!ct_store_step (db, stmt, &has_row, _("read the records file"), error))
    return FALSE;
  *result = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

CtRecord *
ct_store_read_record (const CtKind *kind,
                      sqlite3_stmt *stmt)
{
  CtRecord *record = ct_record_new (kind);

  for (guint i = 0; i < kind->n_fields; i++)
    ct_store_read_value (stmt, N_LEADING_COLUMNS + i, &kind->fields[i],
                         ct_record_peek_value (record, i));
  ct_record_set_saved (record, sqlite3_column_int64 (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2));
  return record;
}
