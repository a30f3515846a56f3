/* ct-preferences.c: the threshold, the disclosure rule and the prompt's days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-preferences.h"
#include "ct-setting.h"

/* The whole number @text, @fallback when NULL or not a number in
 * [@minimum, @maximum]. */
static gint64
parse_number (const char *text,
              gint64      fallback,
              gint64      minimum,
              gint64      maximum)
{
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, minimum, maximum, &value, NULL))
    return fallback;
  return value;
}

/* The whole number stored under @key, as parse_number() reads it. */
static gint64
get_number (CtDatabase  *db,
            const char  *key,
            gint64       fallback,
            gint64       minimum,
            gint64       maximum,
            GError     **error)
{
  g_autofree char *text = ct_setting_get (db, key, error);

  return parse_number (text, fallback, minimum, maximum);
}

static gboolean
set_number (CtDatabase  *db,
            const char  *key,
            gint64       value,
            GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return ct_setting_set (db, key, text, error);
}

char *
ct_preferences_format_threshold (gint64 hundredths)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT,
                          hundredths / 100, hundredths % 100);
}

/* Stored in hundredths ("245"), so that comparisons stay exact. */
gint64
ct_preferences_parse_threshold (const char *text)
{
  gint64 value = parse_number (text, CT_RELIABLE_CHANGE_DEFAULT,
                               CT_RELIABLE_CHANGE_MIN, CT_RELIABLE_CHANGE_MAX);

  return value % CT_RELIABLE_CHANGE_STEP == 0 ? value : CT_RELIABLE_CHANGE_DEFAULT;
}

gint64
ct_preferences_get_threshold (CtDatabase  *db,
                              GError     **error)
{
  g_autofree char *text = ct_setting_get (db, CT_SETTING_RELIABLE_CHANGE, error);

  return ct_preferences_parse_threshold (text);
}

CtDisclosureRule
ct_preferences_parse_rule (const char *text)
{
  CtDisclosureRule rule = CT_DISCLOSURE_SUPPRESS_1_4;

  if (text != NULL)
    ct_disclosure_rule_parse (text, &rule);
  return rule;
}

gboolean
ct_preferences_set_threshold (CtDatabase  *db,
                              gint64       hundredths,
                              GError     **error)
{
  if (hundredths < CT_RELIABLE_CHANGE_MIN || hundredths > CT_RELIABLE_CHANGE_MAX ||
      hundredths % CT_RELIABLE_CHANGE_STEP != 0)
    {
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
                   _("The reliable-change threshold must be from 1.00 to 5.00 in steps of "
                     "0.05."));
      return FALSE;
    }
  return set_number (db, CT_SETTING_RELIABLE_CHANGE, hundredths, error);
}

CtDisclosureRule
ct_preferences_get_rule (CtDatabase  *db,
                         GError     **error)
{
  g_autofree char *text = ct_setting_get (db, CT_SETTING_DISCLOSURE_RULE, error);

  return ct_preferences_parse_rule (text);
}

gboolean
ct_preferences_set_rule (CtDatabase        *db,
                         CtDisclosureRule   rule,
                         GError           **error)
{
  return ct_setting_set (db, CT_SETTING_DISCLOSURE_RULE, ct_disclosure_rule_to_string (rule),
                         error);
}

guint
ct_preferences_get_prompt_days (CtDatabase  *db,
                                GError     **error)
{
  return get_number (db, CT_SETTING_SDQ_PROMPT_DAYS, CT_SDQ_PROMPT_DAYS_DEFAULT,
                     CT_SDQ_PROMPT_DAYS_MIN, CT_SDQ_PROMPT_DAYS_MAX, error);
}

gboolean
ct_preferences_set_prompt_days (CtDatabase  *db,
                                guint        days,
                                GError     **error)
{
  if (days < CT_SDQ_PROMPT_DAYS_MIN || days > CT_SDQ_PROMPT_DAYS_MAX)
    {
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
                   _("The SDQ prompt’s number of days must be from %d to %d."),
                   CT_SDQ_PROMPT_DAYS_MIN, CT_SDQ_PROMPT_DAYS_MAX);
      return FALSE;
    }
  return set_number (db, CT_SETTING_SDQ_PROMPT_DAYS, days, error);
}
