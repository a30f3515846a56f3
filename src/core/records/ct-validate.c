/* ct-validate.c: the rules a record must keep
 *
 * The rules of one field come from its descriptor (required, type, range,
 * words, not in the future, not before another date); the rules between
 * fields are each kind's check function; unique keys are each kind's table
 * of CtUnique. Every failure names the field and says what to fix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-store-private.h"
#include "ct-text-clean.h"
#include "ct-validate.h"

static char *today_for_testing;

/* The local date is worked out at most once a second: asking for the local
 * time zone costs system calls, and an import validates thousands of dates
 * a second. */
G_LOCK_DEFINE_STATIC (today);
static gint64 today_second = -1;
static char   today_text[sizeof "YYYY-MM-DD"];

char *
ct_validate_dup_today (void)
{
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;
  char *today;

  if (today_for_testing != NULL)
    return g_strdup (today_for_testing);

  G_LOCK (today);
  if (second != today_second)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *text = g_date_time_format (now, "%Y-%m-%d");

      g_strlcpy (today_text, text, sizeof today_text);
      today_second = second;
    }
  today = g_strdup (today_text);
  G_UNLOCK (today);
  return today;
}

void
ct_validate_set_today_for_testing (const char *date)
{
  g_free (today_for_testing);
  today_for_testing = g_strdup (date);
}

/* YYYY-MM-DD, and a day that exists. */
static gboolean
is_calendar_date (const char *text)
{
  guint64 year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
is_empty (const CtField *field,
          const GValue  *value)
{
  switch (field->type)
    {
    case CT_FIELD_INTEGER:
      return g_value_get_int (value) == CT_RECORD_NO_NUMBER;
    case CT_FIELD_REAL:
      return g_value_get_double (value) == CT_RECORD_NO_NUMBER;
    case CT_FIELD_BOOLEAN:
      return FALSE;
    case CT_FIELD_ENUM_LIST:
      {
        const char * const *words = g_value_get_boxed (value);
        return words == NULL || words[0] == NULL;
      }
    case CT_FIELD_REFERENCE:
      return g_value_get_int64 (value) == 0;
    case CT_FIELD_TEXT:
    case CT_FIELD_DATE:
    case CT_FIELD_ENUM:
    default:
      return is_blank (g_value_get_string (value));
    }
}

static gboolean
fail_required (CtRecord       *record,
               const CtField  *field,
               GError        **error)
{
  const char *detail;

  switch (field->type)
    {
    case CT_FIELD_ENUM:
    case CT_FIELD_REFERENCE:
      detail = _("this is required; choose one.");
      break;
    case CT_FIELD_ENUM_LIST:
      detail = _("this is required; choose at least one.");
      break;
    default:
      detail = _("this is required; fill it in.");
      break;
    }
  return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID, "%s", detail);
}

static gboolean
check_date (CtRecord       *record,
            const CtField  *field,
            const char     *date,
            GError        **error)
{
  const CtField *earlier;
  g_autofree char *today = NULL;
  g_autofree char *other = NULL;
  g_autofree char *quoted = NULL;

  if (!is_calendar_date (date))
    {
      quoted = ct_text_dup_quote (date);
      return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID,
                             _("“%s” is not a date; enter a real date as YYYY-MM-DD, "
                               "such as 2024-03-31."), quoted);
    }

  if (field->flags & CT_FIELD_NOT_FUTURE)
    today = ct_validate_dup_today ();
  if (today != NULL && strcmp (date, today) > 0)
    return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID,
                           _("%s is later than today; enter a date on or before %s."),
                           date, today);

  if (field->not_before == NULL)
    return TRUE;
  earlier = ct_kind_find_field (ct_record_get_kind (record), field->not_before);
  other = ct_record_get_string (record, earlier);
  if (other != NULL && is_calendar_date (other) && strcmp (date, other) < 0)
    return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID,
                           _("this is before “%s” (%s); enter a date on or after it."),
                           ct_field_get_label (earlier), other);
  return TRUE;
}

static gboolean
check_number (CtRecord       *record,
              const CtField  *field,
              double          number,
              GError        **error)
{
  gboolean half = (field->flags & CT_FIELD_HALF_POINTS) != 0;

  if (number >= field->minimum && number <= field->maximum &&
      (!half || number * 2 == (double) (gint64) (number * 2)))
    return TRUE;

  if (half)
    return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID,
                           _("enter a number from %g to %g in whole or half points, "
                             "such as 6.5."), field->minimum, field->maximum);
  if (field->maximum == CT_NO_MAXIMUM)
    return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID,
                           _("enter a whole number of %g or more."), field->minimum);
  return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID,
                         field->type == CT_FIELD_REAL ? _("enter a number from %g to %g.")
                                                      : _("enter a whole number from %g to %g."),
                         field->minimum, field->maximum);
}

static gboolean
check_word (CtRecord       *record,
            const CtField  *field,
            const char     *word,
            GError        **error)
{
  g_autofree char *allowed = NULL;
  g_autofree char *quoted = NULL;

  if (ct_enum_contains (field, word))
    return TRUE;

  allowed = g_strjoinv (", ", (char **) ct_enum_words (field));
  quoted = ct_text_dup_quote (word);
  return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID,
                         _("“%s” is not one of the allowed words: %s."), quoted, allowed);
}

static gboolean
check_words (CtRecord       *record,
             const CtField  *field,
             const char    **words,
             GError        **error)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!check_word (record, field, words[i], error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (words[i], words[j]))
          return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID,
                                 _("“%s” is listed twice; list each word once."), words[i]);
    }
  return TRUE;
}

static gboolean
check_field (CtRecord       *record,
             const CtField  *field,
             const GValue   *value,
             GError        **error)
{
  if (is_empty (field, value))
    return !(field->flags & CT_FIELD_REQUIRED) || fail_required (record, field, error);

  switch (field->type)
    {
    case CT_FIELD_DATE:
      return check_date (record, field, g_value_get_string (value), error);
    case CT_FIELD_INTEGER:
      return check_number (record, field, g_value_get_int (value), error);
    case CT_FIELD_REAL:
      return check_number (record, field, g_value_get_double (value), error);
    case CT_FIELD_ENUM:
      return check_word (record, field, g_value_get_string (value), error);
    case CT_FIELD_ENUM_LIST:
      return check_words (record, field, g_value_get_boxed (value), error);
    case CT_FIELD_TEXT:
      if ((field->flags & CT_FIELD_IDENTIFIER) && ct_text_has_invisible (g_value_get_string (value)))
        return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID, "%s",
                               _("this holds an invisible or control character (such as a "
                                 "zero-width space); type it again without one."));
      return TRUE;
    case CT_FIELD_BOOLEAN:
    case CT_FIELD_REFERENCE:
    default:
      return TRUE;
    }
}

/* Checks against the database */

static gboolean
check_reference (CtRecord       *record,
                 const CtField  *field,
                 const char     *sql,
                 CtDatabase     *db,
                 GError        **error)
{
  gint64 id = g_value_get_int64 (ct_record_peek_field (record, field));
  CtStatement *stmt;
  gint64 found = 0;

  if (id == 0)
    return TRUE;

  stmt = ct_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_int64 (stmt, 1, id);
  if (!ct_store_query_int (db, stmt, &found, error))
    return FALSE;
  if (found == 0)
    return ct_record_fail (record, field, error, CT_DATABASE_ERROR_INVALID,
                           _("the chosen record no longer exists; choose another."));
  return TRUE;
}

/* The blamed value as a person reads it: an enumeration word's label. */
static char *
dup_display_text (CtRecord      *record,
                  const CtField *field)
{
  g_autofree char *text = ct_record_get_string (record, field);

  if (field->type == CT_FIELD_ENUM)
    return g_strdup (ct_enum_label (field, text));
  return g_steal_pointer (&text);
}

static gboolean
check_unique (CtRecord        *record,
              const CtUnique  *unique,
              const char      *sql,
              CtDatabase      *db,
              GError         **error)
{
  const CtKind *kind = ct_record_get_kind (record);
  g_autofree char *display = NULL;
  g_autofree char *value = NULL;
  const CtField *blamed = ct_kind_find_field (kind, unique->fields[0]);
  CtStatement *stmt = ct_database_prepare (db, sql, error);
  gint64 taken = 0;

  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_int64 (stmt, 1, ct_record_get_id (record));
  for (guint i = 0; i < G_N_ELEMENTS (unique->fields) && unique->fields[i] != NULL; i++)
    {
      const CtField *field = ct_kind_find_field (kind, unique->fields[i]);
      ct_store_bind_value (stmt, i + 2, field, ct_record_peek_field (record, field));
    }
  if (!ct_store_query_int (db, stmt, &taken, error))
    return FALSE;
  if (taken == 0)
    return TRUE;

  display = dup_display_text (record, blamed);
  value = ct_text_dup_quote (display);
  /* The messages are N_() strings of the kind tables, each with one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  ct_record_fail (record, blamed, error, CT_DATABASE_ERROR_CONFLICT, _(unique->message), value);
#pragma GCC diagnostic pop
  return FALSE;
}

static gboolean
check_database (CtRecord    *record,
                CtDatabase  *db,
                GError     **error)
{
  const CtKind *kind = ct_record_get_kind (record);
  const CtStoreText *text = ct_store_text_get (db, kind);

  for (guint i = 0; i < kind->n_fields; i++)
    if (text->reference_check[i] != NULL &&
        !check_reference (record, &kind->fields[i], text->reference_check[i], db, error))
      return FALSE;

  for (guint i = 0; text->unique_check[i] != NULL; i++)
    if (!check_unique (record, &kind->unique[i], text->unique_check[i], db, error))
      return FALSE;

  return kind->check_stored == NULL || kind->check_stored (record, db, error);
}

gboolean
ct_record_validate (CtRecord    *record,
                    CtDatabase  *db,
                    GError     **error)
{
  const CtKind *kind;

  g_return_val_if_fail (CT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (db == NULL || CT_IS_DATABASE (db), FALSE);

  kind = ct_record_get_kind (record);
  ct_record_clear_invalid (record);

  for (guint i = 0; i < kind->n_fields; i++)
    if (!(kind->fields[i].flags & CT_FIELD_DISPLAY) &&
        !check_field (record, &kind->fields[i], ct_record_peek_value (record, i), error))
      return FALSE;

  if (kind->check != NULL && !kind->check (record, error))
    return FALSE;

  return db == NULL || check_database (record, db, error);
}
