/* ct-cell-text.c: a record's field as a person reads it in a list
 *
 * Lists format every visible cell, and a picker's search formats every
 * choice once, so dates are formatted from a table of month names rather
 * than through a GDateTime per cell. A list's search in the store
 * (ct-search-rows.c) keeps and matches the same text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-cell-text"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"

/* The locale's abbreviated month names ("Jan" ...), as GLib formats %b. */
static gpointer
build_month_names (gpointer data)
{
  char **names = g_new0 (char *, 13);

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, month, 1, 0, 0, 0);

      names[month - 1] = g_date_time_format (date, "%b");
    }
  return names;
}

/* The locale's abbreviated name of @month (1–12). */
static const char *
month_name (guint month)
{
  static GOnce once = G_ONCE_INIT;
  char **names = g_once (&once, build_month_names, NULL);

  return names[month - 1];
}

/* Parses exactly YYYY-MM-DD. */
static gboolean
parse_iso_date (const char *text,
                guint      *year,
                guint      *month,
                guint      *day)
{
  static const char pattern[] = "dddd-dd-dd";

  if (text == NULL || strlen (text) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;

  *year = g_ascii_strtoull (text, NULL, 10);
  *month = g_ascii_strtoull (text + 5, NULL, 10);
  *day = g_ascii_strtoull (text + 8, NULL, 10);
  return *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31;
}

char *
ct_cell_text_format_date (const char *iso_date)
{
  guint year, month, day;

  if (!parse_iso_date (iso_date, &year, &month, &day))
    return g_strdup (iso_date != NULL ? iso_date : "");
  return g_strdup_printf ("%u %s %u", day, month_name (month), year);
}

static char *
join_labels (const CtField      *field,
             const char * const *words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, ct_enum_label (field, words[i]));
    }
  return g_string_free (text, FALSE);
}

static char *
dup_stored_text (CtRecord      *record,
                 const CtField *field)
{
  char *text = ct_record_get_string (record, field);

  return text != NULL ? text : g_strdup ("");
}

static char *
dup_word_label (const CtField *field,
                const char    *word)
{
  return g_strdup (word != NULL ? ct_enum_label (field, word) : "");
}

/* Means such as a session's rating read "4.0" beside "3.7", not "4". */
static char *
dup_real_text (CtRecord      *record,
               const CtField *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  double step;

  ct_field_get_range (field, NULL, NULL, &step);
  ct_record_get_value (record, field, &value);
  if (g_value_get_double (&value) == CT_RECORD_NO_NUMBER)
    return g_strdup ("");
  return g_strdup_printf (step < 0.5 ? "%.1f" : "%g", g_value_get_double (&value));
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) *text >= 0x80)
      return FALSE;
  return TRUE;
}

char *
ct_cell_text_fold (const char *text)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* Most text is plain ASCII, which needs neither normalising nor Unicode
   * case folding. */
  if (is_ascii (text))
    return g_ascii_strdown (text, -1);
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normalized, -1);
}

char *
ct_cell_text_dup (CtRecord      *record,
                  const CtField *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (CT_IS_RECORD (record), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  switch (ct_field_get_value_type (field))
    {
    case CT_FIELD_DATE:
      ct_record_get_value (record, field, &value);
      return ct_cell_text_format_date (g_value_get_string (&value));
    case CT_FIELD_BOOLEAN:
      ct_record_get_value (record, field, &value);
      return g_strdup (g_value_get_boolean (&value) ? _("Yes") : _("No"));
    case CT_FIELD_ENUM:
      ct_record_get_value (record, field, &value);
      return dup_word_label (field, g_value_get_string (&value));
    case CT_FIELD_ENUM_LIST:
      ct_record_get_value (record, field, &value);
      return join_labels (field, g_value_get_boxed (&value));
    case CT_FIELD_REAL:
      return dup_real_text (record, field);
    case CT_FIELD_TEXT:
    case CT_FIELD_INTEGER:
    case CT_FIELD_REFERENCE:
    default:
      return dup_stored_text (record, field);
    }
}
