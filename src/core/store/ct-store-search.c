/* ct-store-search.c: a list's search and column order, in SQL
 *
 * A list of 400,000 consultations is never read whole: the store finds
 * and orders its rows, and the list reads only those shown. So the search
 * matches in SQL what the list shows (ct_cell_text_dup()): every word typed
 * must occur in one of the fields searched, as text, a whole number, a
 * date formatted "3 Mar 2025" in the locale's month names, or the label of
 * an enumeration's word or of Yes / No (the words whose label holds it).
 * Decimals (a rating) are not searched. A column orders by what it
 * holds: dates and numbers by value, text by its lower case byte by byte
 * on both stores, an enumeration by its labels; empty values first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
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

/* Whether @label, as a search compares it, holds @folded_word. */
static gboolean
label_holds (const char *label,
             const char *folded_word)
{
  g_autofree char *folded = ct_cell_text_fold (label);

  return strstr (folded, folded_word) != NULL;
}

/* The words of @field's enumeration whose label holds @folded_word, as
 * "'a', 'b'", or NULL when none does. */
static char *
dup_matching_words (const CtField *field,
                    const char    *folded_word)
{
  const char * const *words = ct_enum_words (field);
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (!label_holds (ct_enum_label (field, words[i]), folded_word))
        continue;
      if (sql->len > 0)
        g_string_append (sql, ", ");
      append_sql_text (sql, words[i]);
    }
  return sql->len > 0 ? g_string_free (g_steal_pointer (&sql), FALSE) : NULL;
}

typedef enum
{
  NO_MATCH,      /* the field never shows the word */
  MATCH,         /* a condition on the field's values */
  MATCH_PATTERN, /* a condition using the word's LIKE pattern */
} Match;

/* Appends ", 'a'" to @list when @folded_word is part of @text. */
static void
add_if_part (GString    *list,
             const char *text,
             const char *folded_word,
             guint       value)
{
  if (label_holds (text, folded_word))
    g_string_append_printf (list, "%s'%02u'", list->len > 0 ? ", " : "", value);
}

static gboolean
is_digits (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* A date shows "3 Mar 2025": a word (never a space) is part of the day,
 * the month's name or the year, each told apart from the ISO text without
 * building the shown text for every row. */
static Match
append_date_match (GString            *sql,
                   const CtSqlDialect *dialect,
                   const char         *column,
                   const char         *folded_word,
                   int                 param)
{
  g_autofree char *text = g_strdup_printf ("CAST (%s AS TEXT)", column);
  g_autoptr(GString) days = g_string_new (NULL);
  g_autoptr(GString) months = g_string_new (NULL);
  gboolean year = is_digits (folded_word) && strlen (folded_word) <= 4;
  const char *or = "";

  for (guint day = 1; day <= 31; day++)
    {
      char number[4];

      g_snprintf (number, sizeof number, "%u", day);
      add_if_part (days, number, folded_word, day);
    }
  for (guint month = 1; month <= 12; month++)
    add_if_part (months, ct_cell_text_month_name (month), folded_word, month);
  if (days->len == 0 && months->len == 0 && !year)
    return NO_MATCH;

  g_string_append_c (sql, '(');
  if (days->len > 0)
    {
      g_string_append_printf (sql, "substr (%s, 9, 2) IN (%s)", text, days->str);
      or = " OR ";
    }
  if (months->len > 0)
    {
      g_string_append_printf (sql, "%ssubstr (%s, 6, 2) IN (%s)", or, text, months->str);
      or = " OR ";
    }
  if (year)
    g_string_append_printf (sql, "%ssubstr (%s, 1, 4) %s ?%d ESCAPE '\\'", or, text,
                            dialect->like, param);
  g_string_append_c (sql, ')');
  return year ? MATCH_PATTERN : MATCH;
}

/* Appends the condition under which @field shows @word (parameter @param
 * holds its LIKE pattern). */
static Match
append_field_match (GString            *sql,
                    const CtSqlDialect *dialect,
                    const CtField      *field,
                    const char         *folded_word,
                    int                 param)
{
  g_autofree char *column = NULL;
  g_autofree char *words = NULL;
  gboolean yes, no;

  if (dialect->hides_clinical_text && (field->flags & CT_FIELD_CLINICAL_TEXT))
    return NO_MATCH;
  column = ct_field_dup_select_sql (field, dialect->word_list, FALSE);
  switch (field->type)
    {
    case CT_FIELD_TEXT:
      g_string_append_printf (sql, "%s %s ?%d ESCAPE '\\'", column, dialect->like, param);
      return MATCH_PATTERN;
    case CT_FIELD_INTEGER:
    case CT_FIELD_REFERENCE:
      g_string_append_printf (sql, "CAST (%s AS TEXT) %s ?%d ESCAPE '\\'", column,
                              dialect->like, param);
      return MATCH_PATTERN;
    case CT_FIELD_DATE:
      return append_date_match (sql, dialect, column, folded_word, param);
    case CT_FIELD_ENUM:
      words = dup_matching_words (field, folded_word);
      if (words == NULL)
        return NO_MATCH;
      g_string_append_printf (sql, "%s IN (%s)", column, words);
      return MATCH;
    case CT_FIELD_ENUM_LIST:
      words = dup_matching_words (field, folded_word);
      if (words == NULL)
        return NO_MATCH;
      /* Read once for every row, not once per row. */
      g_string_append_printf (sql, "t.id IN (SELECT %s FROM %s WHERE %s IN (%s))",
                              field->side_key, field->side_table, ct_field_column (field), words);
      return MATCH;
    case CT_FIELD_BOOLEAN:
      yes = label_holds (_("Yes"), folded_word);
      no = label_holds (_("No"), folded_word);
      if (!yes && !no)
        return NO_MATCH;
      g_string_append_printf (sql, yes && no ? "%s IS NOT NULL" : yes ? "%s = TRUE" : "%s = FALSE",
                              column);
      return MATCH;
    case CT_FIELD_REAL:
    default:
      return NO_MATCH;
    }
}

/* The fields searched: @filter's, or the kind's text fields. */
static GPtrArray *
searched_fields (const CtKind   *kind,
                 const CtFilter *filter)
{
  GPtrArray *fields = g_ptr_array_new ();

  if (filter->search_fields != NULL)
    for (guint i = 0; filter->search_fields[i] != NULL; i++)
      g_ptr_array_add (fields, (gpointer) filter->search_fields[i]);
  else
    for (guint i = 0; i < kind->n_fields; i++)
      if (kind->fields[i].type == CT_FIELD_TEXT)
        g_ptr_array_add (fields, (gpointer) &kind->fields[i]);
  return fields;
}

GStrv
ct_store_search_words (const char *search)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  guint n = 0;

  if (search == NULL)
    return NULL;
  parts = g_strsplit_set (search, " \t", -1);
  for (guint i = 0; parts[i] != NULL && n < CT_STORE_MAX_SEARCH_WORDS; i++)
    if (parts[i][0] != '\0')
      {
        g_strv_builder_add (words, parts[i]);
        n++;
      }
  return g_strv_builder_end (words);
}

guint64
ct_store_append_search (GString            *sql,
                        const CtSqlDialect *dialect,
                        const CtKind       *kind,
                        const CtFilter     *filter,
                        int                 first_param)
{
  g_auto(GStrv) words = ct_store_search_words (filter->search);
  g_autoptr(GPtrArray) fields = searched_fields (kind, filter);
  guint64 patterns = 0;

  for (guint w = 0; words != NULL && words[w] != NULL; w++)
    {
      g_autofree char *folded = ct_cell_text_fold (words[w]);
      gboolean any = FALSE;

      g_string_append (sql, " AND (");
      for (guint i = 0; i < fields->len; i++)
        {
          gsize before = sql->len;
          Match match;

          if (any)
            g_string_append (sql, " OR ");
          match = append_field_match (sql, dialect, fields->pdata[i], folded, first_param + w);
          if (match == NO_MATCH)
            g_string_truncate (sql, before);
          any = any || match != NO_MATCH;
          if (match == MATCH_PATTERN)
            patterns |= G_GUINT64_CONSTANT (1) << w;
        }
      g_string_append (sql, any ? ")" : "FALSE)");
    }
  return patterns;
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

  column = ct_field_dup_select_sql (field, dialect->word_list, dialect->hides_clinical_text);
  if (field->type == CT_FIELD_ENUM)
    append_label_rank (key, field, column);
  else if (field->type == CT_FIELD_TEXT || field->type == CT_FIELD_ENUM_LIST)
    g_string_append_printf (key, "lower (%s)%s", column, dialect->byte_order);
  else
    g_string_append (key, column);
  g_string_append_printf (sql, "CASE WHEN %s IS NULL THEN 0 ELSE 1 END%s, %s%s, ",
                          column, direction, key->str, direction);
  append_kind_order (sql, kind, FALSE);
}
