/* ct-store-order.c: a list's column order, in SQL
 *
 * A list of 400,000 consultations is never read whole: the store orders
 * its rows, and the list reads only those shown. A column orders by what
 * it holds: dates and numbers by value, text by its lower case byte by
 * byte on both stores, an enumeration by its labels; empty values first.
 * A search is ct-search-text.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include "ct-store-private.h"

static void
append_sql_text (GString    *sql,
                 const char *text)
{
  g_string_append_c (sql, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (sql, '\'');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '\'');
}

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      field)
{
  return g_utf8_collate (ct_enum_label (field, *(const char **) a),
                         ct_enum_label (field, *(const char **) b));
}

/* An enumeration ordered by its labels, as the list shows them. */
static void
append_label_rank (GString       *sql,
                   const CtField *field,
                   const char    *column)
{
  const char * const *words = ct_enum_words (field);
  g_autoptr(GPtrArray) by_label = g_ptr_array_new ();

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    g_ptr_array_add (by_label, (gpointer) words[i]);
  g_ptr_array_sort_with_data (by_label, compare_labels, (gpointer) field);
  g_string_append_printf (sql, "CASE %s", column);
  for (guint i = 0; i < by_label->len; i++)
    {
      g_string_append (sql, " WHEN ");
      append_sql_text (sql, by_label->pdata[i]);
      g_string_append_printf (sql, " THEN %u", i);
    }
  g_string_append (sql, " END");
}

/* The kind's own order; without its "+" (see CtKind.order_by) when
 * @by_index, where the index gives the ids in order without a sort. */
static void
append_kind_order (GString      *sql,
                   const CtKind *kind,
                   gboolean      by_index)
{
  for (const char *p = kind->order_by; *p != '\0'; p++)
    if (!by_index || *p != '+')
      g_string_append_c (sql, *p);
}

void
ct_store_append_order (GString            *sql,
                       const CtSqlDialect *dialect,
                       const CtKind       *kind,
                       const CtFilter     *filter,
                       gboolean            by_index)
{
  const CtField *field = filter->sort_field;
  const char *direction = filter->sort_descending ? " DESC" : "";
  g_autofree char *column = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  g_string_append (sql, " ORDER BY ");
  if (field == NULL)
    {
      append_kind_order (sql, kind, by_index);
      return;
    }

  column = ct_field_dup_select_sql (field, dialect->hides_clinical_text);
  if (field->type == CT_FIELD_ENUM)
    append_label_rank (key, field, column);
  else if (field->type == CT_FIELD_TEXT || field->type == CT_FIELD_ENUM_LIST)
    g_string_append_printf (key, "%s%s%s", dialect->text_order_open, column,
                            dialect->text_order_close);
  else
    g_string_append (key, column);
  g_string_append_printf (sql, "CASE WHEN %s IS NULL THEN 0 ELSE 1 END%s, %s%s, ",
                          column, direction, key->str, direction);
  append_kind_order (sql, kind, FALSE);
}
