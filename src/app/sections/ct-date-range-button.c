/* ct-date-range-button.c: picks the first and last day a list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-date-range-button"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-date-range-button.h"

struct _CtDateRangeButton
{
  AdwBin            parent_instance;

  char             *from;
  char             *to;

  AdwButtonContent *content;
  GtkPopover       *popover;
  GtkCalendar      *from_calendar;
  GtkCalendar      *to_calendar;
};

G_DEFINE_FINAL_TYPE (CtDateRangeButton, ct_date_range_button, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_label (const char *from,
           const char *to)
{
  g_autofree char *first = ct_cell_text_format_date (from);
  g_autofree char *last = ct_cell_text_format_date (to);

  if (from != NULL && to != NULL)
    /* TRANSLATORS: a range of dates, "1 Apr 2024 – 31 Mar 2025" */
    return g_strdup_printf (_("%s – %s"), first, last);
  if (from != NULL)
    /* TRANSLATORS: dates from this one on, "From 1 Apr 2024" */
    return g_strdup_printf (_("From %s"), first);
  if (to != NULL)
    /* TRANSLATORS: dates up to this one, "Until 31 Mar 2025" */
    return g_strdup_printf (_("Until %s"), last);
  return g_strdup (_("All Dates"));
}

/* The dates shown on the button, which are also its accessible name (its
 * tooltip says what it does). */
static void
show_range (CtDateRangeButton *self)
{
  g_autofree char *label = dup_label (self->from, self->to);

  adw_button_content_set_label (self->content, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (adw_bin_get_child (ADW_BIN (self))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* "2025-03-03" → that day; NULL → today. */
static GDateTime *
date_or_today (const char *iso_date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *midnight = NULL;
  GDateTime *date = NULL;

  if (iso_date != NULL)
    {
      midnight = g_strconcat (iso_date, "T00:00:00", NULL);
      date = g_date_time_new_from_iso8601 (midnight, zone);
    }
  return date != NULL ? date : g_date_time_new_now_local ();
}

static void
select_day (GtkCalendar *calendar,
            const char  *iso_date)
{
  g_autoptr(GDateTime) date = date_or_today (iso_date);

  gtk_calendar_select_day (calendar, date);
}

static char *
dup_selected_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
on_popover_show (CtDateRangeButton *self)
{
  select_day (self->from_calendar, self->from);
  select_day (self->to_calendar, self->to);
}

/* A range picked backwards is meant forwards. */
static void
on_show_clicked (CtDateRangeButton *self)
{
  g_autofree char *from = dup_selected_day (self->from_calendar);
  g_autofree char *to = dup_selected_day (self->to_calendar);

  gtk_popover_popdown (self->popover);
  if (strcmp (from, to) > 0)
    ct_date_range_button_set_range (self, to, from);
  else
    ct_date_range_button_set_range (self, from, to);
}

static void
on_all_dates_clicked (CtDateRangeButton *self)
{
  gtk_popover_popdown (self->popover);
  ct_date_range_button_set_range (self, NULL, NULL);
}

static void
ct_date_range_button_finalize (GObject *object)
{
  CtDateRangeButton *self = CT_DATE_RANGE_BUTTON (object);

  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (ct_date_range_button_parent_class)->finalize (object);
}

static void
ct_date_range_button_class_init (CtDateRangeButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ct_date_range_button_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/sections/ct-date-range-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CtDateRangeButton, content);
  gtk_widget_class_bind_template_child (widget_class, CtDateRangeButton, popover);
  gtk_widget_class_bind_template_child (widget_class, CtDateRangeButton, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, CtDateRangeButton, to_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_show_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_all_dates_clicked);
}

static void
ct_date_range_button_init (CtDateRangeButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_range (self);
}

GtkWidget *
ct_date_range_button_new (void)
{
  return g_object_new (CT_TYPE_DATE_RANGE_BUTTON, NULL);
}

const char *
ct_date_range_button_get_from (CtDateRangeButton *self)
{
  g_return_val_if_fail (CT_IS_DATE_RANGE_BUTTON (self), NULL);

  return self->from;
}

const char *
ct_date_range_button_get_to (CtDateRangeButton *self)
{
  g_return_val_if_fail (CT_IS_DATE_RANGE_BUTTON (self), NULL);

  return self->to;
}

void
ct_date_range_button_set_range (CtDateRangeButton *self,
                                const char        *from,
                                const char        *to)
{
  g_return_if_fail (CT_IS_DATE_RANGE_BUTTON (self));

  if (g_strcmp0 (from, self->from) == 0 && g_strcmp0 (to, self->to) == 0)
    return;

  g_free (self->from);
  g_free (self->to);
  self->from = g_strdup (from);
  self->to = g_strdup (to);

  show_range (self);
  g_signal_emit (self, signals[CHANGED], 0);
}
