/* ct-store-sql.c: moving field values between records and SQL statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-store-private.h"

/* Columns before the fields in CtStoreText.select. */
#define N_LEADING_COLUMNS 4

void
ct_store_bind_value (CtStatement *stmt,
                     int            index,
                     const CtField *field,
                     const GValue  *value)
{
  switch (field->type)
    {
    case CT_FIELD_INTEGER:
      if (g_value_get_int (value) != CT_RECORD_NO_NUMBER)
        ct_statement_bind_int64 (stmt, index, g_value_get_int (value));
      break;
    case CT_FIELD_REAL:
      if (g_value_get_double (value) != CT_RECORD_NO_NUMBER)
        ct_statement_bind_double (stmt, index, g_value_get_double (value));
      break;
    case CT_FIELD_BOOLEAN:
      ct_statement_bind_int64 (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;
    case CT_FIELD_REFERENCE:
      if (g_value_get_int64 (value) != 0)
        ct_statement_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;
    case CT_FIELD_ENUM_LIST:
      g_return_if_reached ();
    case CT_FIELD_TEXT:
    case CT_FIELD_DATE:
    case CT_FIELD_ENUM:
    default:
      if (g_value_get_string (value) != NULL)
        ct_statement_bind_text (stmt, index, g_value_get_string (value));
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

GStrv
ct_store_read_words (const CtField *field,
                     const char    *text)
{
  GStrv words = g_strsplit (text != NULL ? text : "", ";", -1);

  g_qsort_with_data (words, g_strv_length (words), sizeof (char *), word_order, (gpointer) field);
  return words;
}

void
ct_store_read_value (CtStatement *stmt,
                     int            column,
                     const CtField *field,
                     GValue        *value)
{
  gboolean null = ct_statement_column_is_null (stmt, column);

  switch (field->type)
    {
    case CT_FIELD_INTEGER:
      g_value_set_int (value, null ? CT_RECORD_NO_NUMBER : ct_statement_column_int (stmt, column));
      break;
    case CT_FIELD_REAL:
      g_value_set_double (value, null ? CT_RECORD_NO_NUMBER : ct_statement_column_double (stmt, column));
      break;
    case CT_FIELD_BOOLEAN:
      g_value_set_boolean (value, ct_statement_column_int (stmt, column) != 0);
      break;
    case CT_FIELD_REFERENCE:
      g_value_set_int64 (value, ct_statement_column_int64 (stmt, column));
      break;
    case CT_FIELD_ENUM_LIST:
      g_value_take_boxed (value, ct_store_read_words (field, ct_statement_column_text (stmt, column)));
      break;
    case CT_FIELD_TEXT:
    case CT_FIELD_DATE:
    case CT_FIELD_ENUM:
    default:
      g_value_set_string (value, ct_statement_column_text (stmt, column));
      break;
    }
}

gboolean
ct_store_query_int (CtDatabase    *db,
                    CtStatement *stmt,
                    gint64        *result,
                    GError       **error)
{
  gboolean has_row = FALSE;

  if (!ct_statement_step (stmt, &has_row, _("read the records file"), error))
    return FALSE;
  *result = has_row ? ct_statement_column_int64 (stmt, 0) : 0;
  ct_statement_reset (stmt);
  return TRUE;
}

CtRecord *
ct_store_read_record (const CtKind *kind,
                      CtStatement *stmt)
{
  CtRecord *record = ct_record_new (kind);

  for (guint i = 0; i < kind->n_fields; i++)
    ct_store_read_value (stmt, N_LEADING_COLUMNS + i, &kind->fields[i],
                         ct_record_peek_value (record, i));
  ct_record_set_saved (record, ct_statement_column_int64 (stmt, 0),
                       ct_statement_column_int64 (stmt, 3),
                       ct_statement_column_text (stmt, 1),
                       ct_statement_column_text (stmt, 2));
  return record;
}
