/* ct-period.c: financial years, quarters, months and custom ranges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-period"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ct-period.h"
#include "ct-text-clean.h"

/* Years a period may start in: four digits, and the year after it too. */
#define FIRST_YEAR 1900
#define LAST_YEAR  9998

#define ISO_DATE_LENGTH 10

struct _CtPeriod
{
  CtPeriodKind kind;
  char         from[ISO_DATE_LENGTH + 1];
  char         to[ISO_DATE_LENGTH + 1];
  char        *label;
  gboolean     to_date;
};

G_DEFINE_BOXED_TYPE (CtPeriod, ct_period, ct_period_copy, ct_period_free)
G_DEFINE_QUARK (ct-period-error-quark, ct_period_error)

/* English: the label is a value of the committee document, like the
 * enumeration words, and is the same whatever the reader's language. */
static const char *const month_names[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

static void
format_date (const GDate *date,
             char         out[ISO_DATE_LENGTH + 1])
{
  g_snprintf (out, ISO_DATE_LENGTH + 1, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Takes @label. */
static CtPeriod *
period_new (CtPeriodKind  kind,
            const GDate  *from,
            const GDate  *to,
            char         *label)
{
  CtPeriod *period = g_new0 (CtPeriod, 1);

  period->kind = kind;
  format_date (from, period->from);
  format_date (to, period->to);
  period->label = label;
  return period;
}

/* The months @first_month of @year to @last_month (of the same year). */
static CtPeriod *
months_new (CtPeriodKind  kind,
            int           year,
            int           first_month,
            int           last_month,
            char         *label)
{
  g_autoptr(GDate) from = g_date_new_dmy (1, first_month, year);
  g_autoptr(GDate) to = g_date_new_dmy (g_date_get_days_in_month (last_month, year),
                                        last_month, year);

  return period_new (kind, from, to, label);
}

static char *
financial_year_label (int start_year)
{
  return g_strdup_printf ("%d/%02d", start_year, (start_year + 1) % 100);
}

CtPeriod *
ct_period_new_financial_year (int start_year)
{
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;

  g_return_val_if_fail (start_year >= FIRST_YEAR && start_year <= LAST_YEAR, NULL);

  from = g_date_new_dmy (1, G_DATE_APRIL, start_year);
  to = g_date_new_dmy (31, G_DATE_MARCH, start_year + 1);
  return period_new (CT_PERIOD_FINANCIAL_YEAR, from, to, financial_year_label (start_year));
}

CtPeriod *
ct_period_new_quarter (int start_year,
                       int quarter)
{
  g_autofree char *year_label = NULL;
  int year;
  int first_month;

  g_return_val_if_fail (start_year >= FIRST_YEAR && start_year <= LAST_YEAR, NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  /* Q1 starts in April; Q4 is January to March of the next calendar year. */
  first_month = (quarter * 3) % 12 + 1;
  year = quarter == 4 ? start_year + 1 : start_year;
  year_label = financial_year_label (start_year);
  return months_new (CT_PERIOD_QUARTER, year, first_month, first_month + 2,
                     g_strdup_printf ("%s Q%d", year_label, quarter));
}

CtPeriod *
ct_period_new_month (int year,
                     int month)
{
  g_return_val_if_fail (year >= FIRST_YEAR && year <= LAST_YEAR + 1, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return months_new (CT_PERIOD_MONTH, year, month, month,
                     g_strdup_printf ("%s %d", month_names[month - 1], year));
}

gboolean
ct_period_parse_date (const char  *text,
                      GDate       *date,
                      GError     **error)
{
  g_autofree char *quoted = NULL;

  if (text != NULL && g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    {
      int year = atoi (text);
      int month = atoi (text + 5);
      int day = atoi (text + 8);

      if (year >= FIRST_YEAR && g_date_valid_dmy (day, month, year))
        {
          g_date_set_dmy (date, day, month, year);
          return TRUE;
        }
    }

  quoted = ct_text_dup_quote (text);
  g_set_error (error, CT_PERIOD_ERROR, CT_PERIOD_ERROR_INVALID,
               _("“%s” is not a date. Give a date as YYYY-MM-DD, such as 2025-03-31."), quoted);
  return FALSE;
}

CtPeriod *
ct_period_new_custom (const char  *from,
                      const char  *to,
                      GError     **error)
{
  GDate first, last;

  if (!ct_period_parse_date (from, &first, error) || !ct_period_parse_date (to, &last, error))
    return NULL;

  if (g_date_compare (&last, &first) < 0)
    {
      g_set_error (error, CT_PERIOD_ERROR, CT_PERIOD_ERROR_INVALID,
                   _("The period ends on %s, before it starts on %s. "
                     "Give an end date on or after the start date."),
                   to, from);
      return NULL;
    }

  return period_new (CT_PERIOD_CUSTOM, &first, &last, g_strdup_printf ("%s – %s", from, to));
}

static CtPeriod *
parse_financial (const char  *text,
                 GMatchInfo  *match,
                 GError     **error)
{
  g_autofree char *start = g_match_info_fetch (match, 1);
  g_autofree char *end = g_match_info_fetch (match, 2);
  g_autofree char *quarter = g_match_info_fetch (match, 3);
  int start_year = atoi (start);

  if (start_year < FIRST_YEAR || start_year > LAST_YEAR || atoi (end) != (start_year + 1) % 100)
    {
      g_set_error (error, CT_PERIOD_ERROR, CT_PERIOD_ERROR_INVALID,
                   _("“%s” is not a financial year: the second year must follow the first, "
                     "as in 2024/25."),
                   text);
      return NULL;
    }

  if (quarter == NULL || *quarter == '\0')
    return ct_period_new_financial_year (start_year);
  return ct_period_new_quarter (start_year, atoi (quarter));
}

static CtPeriod *
parse_month (const char  *text,
             GMatchInfo  *match,
             GError     **error)
{
  g_autofree char *year = g_match_info_fetch (match, 1);
  g_autofree char *month = g_match_info_fetch (match, 2);
  int y = atoi (year);
  int m = atoi (month);

  if (y < FIRST_YEAR || m < 1 || m > 12)
    {
      g_set_error (error, CT_PERIOD_ERROR, CT_PERIOD_ERROR_INVALID,
                   _("“%s” is not a month. Give the year and the month, such as 2025-03."),
                   text);
      return NULL;
    }
  return ct_period_new_month (y, m);
}

CtPeriod *
ct_period_parse (const char  *text,
                 GError     **error)
{
  g_autoptr(GRegex) financial = g_regex_new ("^([0-9]{4})/([0-9]{2})(?: Q([1-4]))?$", 0, 0, NULL);
  g_autoptr(GRegex) month = g_regex_new ("^([0-9]{4})-([0-9]{2})$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (g_regex_match (financial, text, 0, &match))
    return parse_financial (text, match, error);
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (month, text, 0, &match))
    return parse_month (text, match, error);

  quoted = ct_text_dup_quote (text);
  g_set_error (error, CT_PERIOD_ERROR, CT_PERIOD_ERROR_INVALID,
               _("“%s” is not a period. Give a financial year such as 2024/25, a quarter "
                 "such as 2024/25 Q2, or a month such as 2025-03."),
               quoted);
  return NULL;
}

CtPeriod *
ct_period_new_to_date (const CtPeriod *period,
                       const char     *today)
{
  CtPeriod *cut;

  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (today != NULL && strlen (today) == ISO_DATE_LENGTH, NULL);

  cut = ct_period_copy (period);
  if (strcmp (period->from, today) > 0 || strcmp (today, period->to) >= 0)
    return cut;
  g_strlcpy (cut->to, today, sizeof cut->to);
  g_free (cut->label);
  /* English, like every label: " to date" is part of the committee document. */
  cut->label = g_strconcat (period->label, " to date", NULL);
  cut->to_date = TRUE;
  return cut;
}

gboolean
ct_period_is_to_date (const CtPeriod *period)
{
  g_return_val_if_fail (period != NULL, FALSE);
  return period->to_date;
}

CtPeriod *
ct_period_copy (const CtPeriod *period)
{
  CtPeriod *copy;

  g_return_val_if_fail (period != NULL, NULL);

  copy = g_memdup2 (period, sizeof *period);
  copy->label = g_strdup (period->label);
  return copy;
}

void
ct_period_free (CtPeriod *period)
{
  if (period == NULL)
    return;
  g_free (period->label);
  g_free (period);
}

CtPeriodKind
ct_period_get_kind (const CtPeriod *period)
{
  g_return_val_if_fail (period != NULL, CT_PERIOD_CUSTOM);
  return period->kind;
}

const char *
ct_period_get_from (const CtPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);
  return period->from;
}

const char *
ct_period_get_to (const CtPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);
  return period->to;
}

const char *
ct_period_get_label (const CtPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);
  return period->label;
}
