/* ct-figure-preferences.c: the threshold, the disclosure rule and the
 * SDQ prompt's days, in the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-figure-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-figure-preferences.h"
#include "ct-preferences.h"

struct _CtFigurePreferences
{
  AdwPreferencesGroup  parent_instance;

  CtDatabase          *database;
  gboolean             loading;
  GtkSpinButton       *threshold_spin;
  AdwComboRow         *rule_row;
  GtkSpinButton       *days_spin;
};

G_DEFINE_FINAL_TYPE (CtFigurePreferences, ct_figure_preferences, ADW_TYPE_PREFERENCES_GROUP)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report (CtFigurePreferences *self,
        GError              *error)
{
  if (error != NULL)
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
on_threshold_changed (CtFigurePreferences *self)
{
  g_autoptr(GError) error = NULL;
  gint64 hundredths = (gint64) (gtk_spin_button_get_value (self->threshold_spin) * 100 + 0.5);

  if (!self->loading && self->database != NULL &&
      !ct_preferences_set_threshold (self->database, hundredths, &error))
    report (self, error);
}

static void
on_rule_changed (CtFigurePreferences *self)
{
  g_autoptr(GError) error = NULL;
  CtDisclosureRule rule = adw_combo_row_get_selected (self->rule_row);

  if (!self->loading && self->database != NULL &&
      !ct_preferences_set_rule (self->database, rule, &error))
    report (self, error);
}

static void
on_days_changed (CtFigurePreferences *self)
{
  g_autoptr(GError) error = NULL;
  guint days = gtk_spin_button_get_value_as_int (self->days_spin);

  if (!self->loading && self->database != NULL &&
      !ct_preferences_set_prompt_days (self->database, days, &error))
    report (self, error);
}

void
ct_figure_preferences_set_database (CtFigurePreferences *self,
                                    CtDatabase          *database)
{
  g_return_if_fail (CT_IS_FIGURE_PREFERENCES (self));

  g_set_object (&self->database, database);
  /* Nothing to change until the preferences are shown. */
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

void
ct_figure_preferences_show (CtFigurePreferences *self,
                            gint64               threshold,
                            CtDisclosureRule     rule,
                            guint                days)
{
  g_return_if_fail (CT_IS_FIGURE_PREFERENCES (self));

  self->loading = TRUE;
  gtk_spin_button_set_value (self->threshold_spin, threshold / 100.0);
  adw_combo_row_set_selected (self->rule_row, rule);
  gtk_spin_button_set_value (self->days_spin, days);
  self->loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
}

/* A row with a spin button at its end, saved by @on_changed. */
static GtkSpinButton *
add_spin_row (CtFigurePreferences *self,
              const char          *title,
              const char          *subtitle,
              GtkAdjustment       *adjustment,
              guint                digits,
              GCallback            on_changed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new (adjustment, 0, digits);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_swapped (spin, "value-changed", on_changed, self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return GTK_SPIN_BUTTON (spin);
}

GtkWidget *
ct_figure_preferences_new (void)
{
  return g_object_new (CT_TYPE_FIGURE_PREFERENCES, NULL);
}

static void
ct_figure_preferences_dispose (GObject *object)
{
  g_clear_object (&CT_FIGURE_PREFERENCES (object)->database);
  G_OBJECT_CLASS (ct_figure_preferences_parent_class)->dispose (object);
}

static void
ct_figure_preferences_class_init (CtFigurePreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ct_figure_preferences_dispose;

  /**
   * CtFigurePreferences::error:
   * @message: what went wrong, for a person
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

/* Rule labels in CtDisclosureRule order. */
static GListModel *
create_rule_labels (void)
{
  const char *labels[] = {
    _("Suppress 1 to 4"),
    _("NHS Digital"),
    NULL,
  };

  return G_LIST_MODEL (gtk_string_list_new (labels));
}

static void
ct_figure_preferences_init (CtFigurePreferences *self)
{
  g_autoptr(GListModel) rules = create_rule_labels ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Outcomes and Reports"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Kept in the records file for the whole team; every "
                                           "change is in the audit log."));
  self->threshold_spin =
    add_spin_row (self, _("Reliable-_change threshold"),
                  _("A goal’s change of at least this much is a reliable improvement (2.45 "
                    "by default)"),
                  gtk_adjustment_new (CT_RELIABLE_CHANGE_DEFAULT / 100.0,
                                      CT_RELIABLE_CHANGE_MIN / 100.0,
                                      CT_RELIABLE_CHANGE_MAX / 100.0,
                                      CT_RELIABLE_CHANGE_STEP / 100.0, 0.25, 0),
                  2, G_CALLBACK (on_threshold_changed));

  gtk_widget_set_name (GTK_WIDGET (self->threshold_spin), "threshold-spin");
  self->rule_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->rule_row), "rule-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rule_row), _("_Disclosure rule"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->rule_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rule_row),
                               _("What a public summary withholds"));
  adw_combo_row_set_model (self->rule_row, rules);
  g_signal_connect_swapped (self->rule_row, "notify::selected", G_CALLBACK (on_rule_changed),
                            self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->rule_row));

  self->days_spin =
    add_spin_row (self, _("SDQ prompt _days"),
                  _("A child with a worrying SDQ is listed when nobody has seen them for this "
                    "many days"),
                  gtk_adjustment_new (CT_SDQ_PROMPT_DAYS_DEFAULT, CT_SDQ_PROMPT_DAYS_MIN,
                                      CT_SDQ_PROMPT_DAYS_MAX, 1, 30, 0),
                  0, G_CALLBACK (on_days_changed));
  gtk_widget_set_name (GTK_WIDGET (self->days_spin), "days-spin");
}
