/* ct-date-row.c: a calendar date, typed or chosen from a calendar
 *
 * The row shows dates as the locale writes them (the numeric order of
 * nl_langinfo (D_FMT), with four-digit years; day first when no locale is
 * set) and reads both that and YYYY-MM-DD. Its text for the record is
 * always YYYY-MM-DD; text that is not a date is passed on as typed, for the
 * validation to name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-date-row"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ct-date-row.h"

#define ISO_FORMAT "%Y-%m-%d"

struct _CtDateRow
{
  AdwEntryRow  parent_instance;

  GtkCalendar *calendar;
  GtkPopover  *popover;
};

static void ct_date_row_field_row_init (CtFieldRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtDateRow, ct_date_row, ADW_TYPE_ENTRY_ROW,
                               G_IMPLEMENT_INTERFACE (CT_TYPE_FIELD_ROW,
                                                      ct_date_row_field_row_init))

/* Formats and parsing */

typedef enum { PART_DAY, PART_MONTH, PART_YEAR, N_PARTS } DatePart;

/* Where @conversion first occurs in @format, or G_MAXSSIZE. */
static gssize
find_conversion (const char *format,
                 const char *first,
                 const char *second)
{
  const char *a = strstr (format, first);
  const char *b = strstr (format, second);

  if (a == NULL && b == NULL)
    return G_MAXSSIZE;
  if (a == NULL || (b != NULL && b < a))
    a = b;
  return a - format;
}

/* The locale's D_FMT; with no locale set (C, POSIX), day/month/year as in
 * en_GB rather than the C locale's month/day/year. */
static const char *
locale_date_format (void)
{
  const char *time_locale = setlocale (LC_TIME, NULL);

  if (time_locale == NULL || g_str_equal (time_locale, "C") ||
      g_str_equal (time_locale, "POSIX") || g_str_has_prefix (time_locale, "C."))
    return "%d/%m/%y";
  return nl_langinfo (D_FMT);
}

/* The locale's numeric date format with a four-digit year, or ISO when it
 * has no numeric day, month and year. @order receives the parts in the
 * order the format writes them. */
static char *
dup_locale_format (DatePart order[N_PARTS])
{
  const char *format = locale_date_format ();
  gssize at[N_PARTS] = {
    [PART_DAY] = find_conversion (format, "%d", "%e"),
    [PART_MONTH] = find_conversion (format, "%m", "%m"),
    [PART_YEAR] = find_conversion (format, "%y", "%Y"),
  };
  GString *four_digit_years;

  if (at[PART_DAY] == G_MAXSSIZE || at[PART_MONTH] == G_MAXSSIZE || at[PART_YEAR] == G_MAXSSIZE)
    {
      order[0] = PART_YEAR, order[1] = PART_MONTH, order[2] = PART_DAY;
      return g_strdup (ISO_FORMAT);
    }

  for (guint i = 0; i < N_PARTS; i++)
    {
      guint rank = 0;

      for (guint j = 0; j < N_PARTS; j++)
        rank += at[j] < at[i];
      order[rank] = i;
    }
  four_digit_years = g_string_new (format);
  g_string_replace (four_digit_years, "%y", "%Y", 0);
  return g_string_free (four_digit_years, FALSE);
}

/* 25 → 2025, 98 → 1998 (when this is 2025). */
static guint
full_year (guint year,
           gsize n_digits)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint this_year = g_date_time_get_year (now);

  if (n_digits > 2)
    return year;
  year += this_year - this_year % 100;
  return year > this_year ? year - 100 : year;
}

/* The numbers of @text, split at anything that is not a digit. */
static GStrv
split_numbers (const char *text)
{
  g_autoptr(GStrvBuilder) numbers = g_strv_builder_new ();
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      for (; *p != '\0' && !g_ascii_isdigit (*p); p++)
        ;
      for (start = p; g_ascii_isdigit (*p); p++)
        ;
      if (p > start)
        {
          g_autofree char *number = g_strndup (start, p - start);
          g_strv_builder_add (numbers, number);
        }
    }
  return g_strv_builder_end (numbers);
}

char *
ct_date_row_parse (const char *text)
{
  g_auto(GStrv) numbers = split_numbers (text != NULL ? text : "");
  g_autofree char *format = NULL;
  DatePart order[N_PARTS];
  guint value[N_PARTS];

  if (g_strv_length (numbers) != N_PARTS || strlen (numbers[0]) > 4 ||
      strlen (numbers[1]) > 2 || strlen (numbers[2]) > 4)
    return NULL;

  format = dup_locale_format (order);
  if (strlen (numbers[0]) == 4)
    order[0] = PART_YEAR, order[1] = PART_MONTH, order[2] = PART_DAY;
  else if (order[0] == PART_MONTH && atoi (numbers[0]) > 12)
    order[0] = PART_DAY, order[1] = PART_MONTH;

  for (guint i = 0; i < N_PARTS; i++)
    value[order[i]] = order[i] == PART_YEAR ? full_year (atoi (numbers[i]), strlen (numbers[i]))
                                            : (guint) atoi (numbers[i]);

  if (!g_date_valid_dmy (value[PART_DAY], value[PART_MONTH], value[PART_YEAR]))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", value[PART_YEAR], value[PART_MONTH], value[PART_DAY]);
}

char *
ct_date_row_format (const char *date)
{
  g_autofree char *iso = ct_date_row_parse (date);
  g_autofree char *format = NULL;
  DatePart order[N_PARTS];
  char buffer[64];
  GDate parsed;

  if (iso == NULL || !g_str_equal (iso, date))
    return NULL;

  format = dup_locale_format (order);
  g_date_clear (&parsed, 1);
  g_date_set_dmy (&parsed, atoi (date + 8), atoi (date + 5), atoi (date));
  if (g_date_strftime (buffer, sizeof buffer, format, &parsed) == 0)
    return g_strdup (date);
  return g_strdup (buffer);
}

/* The row */

static char *
ct_date_row_dup_text (CtFieldRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  char *date;

  if (*text == '\0')
    return NULL;
  date = ct_date_row_parse (text);
  return date != NULL ? date : g_steal_pointer (&text);
}

static void
ct_date_row_set_text (CtFieldRow *row,
                      const char *text)
{
  g_autofree char *shown = ct_date_row_format (text);

  gtk_editable_set_text (GTK_EDITABLE (row), shown != NULL ? shown : text != NULL ? text : "");
}

static void
ct_date_row_field_row_init (CtFieldRowInterface *iface)
{
  iface->dup_text = ct_date_row_dup_text;
  iface->set_text = ct_date_row_set_text;
}

/* Typed dates are rewritten as the locale writes them once the focus
 * leaves, so that "1/2/25" can be checked at a glance. */
static void
on_focus_leave (CtDateRow *self)
{
  g_autofree char *date = ct_date_row_dup_text (CT_FIELD_ROW (self));
  g_autofree char *shown = ct_date_row_format (date);

  if (shown != NULL && !g_str_equal (shown, gtk_editable_get_text (GTK_EDITABLE (self))))
    gtk_editable_set_text (GTK_EDITABLE (self), shown);
}

static void on_day_selected (CtDateRow *self);

/* The calendar opens on the date typed, else today. */
static void
on_popover_show (CtDateRow *self)
{
  g_autofree char *date = ct_date_row_parse (gtk_editable_get_text (GTK_EDITABLE (self)));
  g_autoptr(GDateTime) day = NULL;

  if (date != NULL)
    day = g_date_time_new_local (atoi (date), atoi (date + 5), atoi (date + 8), 12, 0, 0);
  else
    day = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (self->calendar, on_day_selected, self);
  gtk_calendar_select_day (self->calendar, day);
  g_signal_handlers_unblock_by_func (self->calendar, on_day_selected, self);
}

static void
on_day_selected (CtDateRow *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (day, ISO_FORMAT);

  ct_date_row_set_text (CT_FIELD_ROW (self), date);
  gtk_popover_popdown (self->popover);
}

static void
ct_date_row_class_init (CtDateRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/editor/ct-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CtDateRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, CtDateRow, popover);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, ct_field_row_changed);
}

static void
ct_date_row_init (CtDateRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
ct_date_row_new (const CtField *field)
{
  CtDateRow *self = g_object_new (CT_TYPE_DATE_ROW, NULL);

  ct_field_row_set_up (CT_FIELD_ROW (self), field,
                       GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self))));
  return GTK_WIDGET (self);
}
