/* ct-episode-group.c: one referral of a child, and the goals of its episode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-episode-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-detail-rows.h"
#include "ct-episode-group.h"
#include "ct-gbo-text.h"
#include "ct-goal-card.h"
#include "ct-record-button.h"
#include "ct-validate.h"

struct _CtEpisodeGroup
{
  AdwPreferencesGroup  parent_instance;

  CtDatabase          *database;
  gint64               referral_id;
  gint64               clinician_id;  /* whose episode it is: its goals' and ratings' owner */
  guint                n_goals;
  guint                n_paired;
  double               total_change;
  double               threshold;
  GtkWidget           *no_goals_label;
};

G_DEFINE_FINAL_TYPE (CtEpisodeGroup, ct_episode_group, ADW_TYPE_PREFERENCES_GROUP)

/* Open on @today as DOMAIN.md says: accepted, started, not ended. */
typedef enum
{
  CT_EPISODE_NOT_ACCEPTED,
  CT_EPISODE_NOT_STARTED,
  CT_EPISODE_OPEN,
  CT_EPISODE_ENDED,
} CtEpisodeStatus;

static CtEpisodeStatus
episode_status (CtRecord   *referral,
                   const char *today)
{
  g_autofree char *decision = ct_record_get_string_by_name (referral, "decision");
  g_autofree char *start = ct_record_get_string_by_name (referral, "start_date");
  g_autofree char *end = ct_record_get_string_by_name (referral, "end_date");

  if (g_strcmp0 (decision, "accepted") != 0)
    return CT_EPISODE_NOT_ACCEPTED;
  if (end != NULL && g_strcmp0 (end, today) <= 0)
    return CT_EPISODE_ENDED;
  if (start == NULL || g_strcmp0 (start, today) > 0)
    return CT_EPISODE_NOT_STARTED;
  return CT_EPISODE_OPEN;
}

static char *
dup_status_text (CtRecord *referral)
{
  g_autofree char *today = ct_validate_dup_today ();

  switch (episode_status (referral, today))
    {
    case CT_EPISODE_NOT_STARTED:
      return g_strdup (_("Accepted, not started"));
    case CT_EPISODE_OPEN:
      return g_strdup (_("Open"));
    case CT_EPISODE_ENDED:
      return g_strdup (_("Ended"));
    case CT_EPISODE_NOT_ACCEPTED:
    default:
      return ct_cell_text_dup (referral,
                               ct_kind_find_field (ct_record_get_kind (referral), "decision"));
    }
}

/* The fields worth a row: the optional ones only when they are set. */
static void
add_details (CtEpisodeGroup *self,
             CtRecord       *referral)
{
  static const char *const always[] = { "referral_source", "decision", "clinician",
                                        "start_date" };
  static const char *const when_set[] = { "decision_reason", "end_date", "end_reason" };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *status = dup_status_text (referral);

  for (guint i = 0; i < G_N_ELEMENTS (always); i++)
    g_ptr_array_add (names, (gpointer) always[i]);
  for (guint i = 0; i < G_N_ELEMENTS (when_set); i++)
    {
      g_autofree char *value = ct_record_get_string_by_name (referral, when_set[i]);

      if (value != NULL)
        g_ptr_array_add (names, (gpointer) when_set[i]);
    }
  g_ptr_array_add (names, NULL);

  ct_detail_rows_add (ADW_PREFERENCES_GROUP (self), referral, (const char * const *) names->pdata);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), ct_detail_row_new (_("Status"), status));
}

static void
add_buttons (CtEpisodeGroup *self,
             CtRecord       *referral,
             gboolean        accepted)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons),
                  ct_record_button_new (self->database, CT_PERMISSION_CHANGE, _("_Edit"), NULL,
                                        "child.edit-record", referral));
  gtk_box_append (GTK_BOX (buttons),
                  ct_record_button_new (self->database, CT_PERMISSION_DELETE, _("_Delete"), NULL,
                                        "child.delete-record", referral));
  if (accepted)
    {
      GtkWidget *add_goal = gtk_button_new_with_mnemonic (_("Add _Goal"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (add_goal), "child.add-goal");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add_goal),
                                              g_variant_new_int64 (self->referral_id));
      ct_record_button_check_new (add_goal, self->database, ct_kind_lookup ("goal"), "referral",
                                  self->referral_id, self->clinician_id);
      gtk_box_append (GTK_BOX (buttons), add_goal);
    }
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), buttons);
}

GtkWidget *
ct_episode_group_new (CtDatabase *database,
                      CtRecord   *referral,
                      double      threshold)
{
  CtEpisodeGroup *self;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *decision = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (CT_IS_RECORD (referral), NULL);

  date = ct_cell_text_dup (referral, ct_kind_find_field (ct_record_get_kind (referral),
                                                         "referral_date"));
  /* Translators: the heading of one referral of a child, "Referral of 3 Mar 2025" */
  title = g_strdup_printf (_("Referral of %s"), date);
  self = g_object_new (CT_TYPE_EPISODE_GROUP, "title", title, NULL);
  self->database = g_object_ref (database);
  self->referral_id = ct_record_get_id (referral);
  self->clinician_id = ct_record_get_reference (referral, "clinician");
  self->threshold = threshold;
  add_details (self, referral);

  decision = ct_record_get_string_by_name (referral, "decision");
  add_buttons (self, referral, g_strcmp0 (decision, "accepted") == 0);
  if (g_strcmp0 (decision, "accepted") == 0)
    {
      self->no_goals_label = gtk_label_new (_("No goals yet. Agree up to three goals at the "
                                              "start of direct work and rate each at baseline."));
      gtk_label_set_wrap (GTK_LABEL (self->no_goals_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->no_goals_label), 0);
      gtk_widget_add_css_class (self->no_goals_label, "dim-label");
      gtk_widget_set_margin_top (self->no_goals_label, 12);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->no_goals_label);
    }
  return GTK_WIDGET (self);
}

/* "Mean change over 2 paired goals: +3.0 (Reliable improvement; reliable
 * change is 2.45 or more)": the threshold the charts used, said once. */
static void
show_mean_change (CtEpisodeGroup *self)
{
  double mean = self->total_change / self->n_paired;
  g_autofree char *number = ct_gbo_text_change (mean);
  g_autofree char *threshold = g_strdup_printf ("%.2f", self->threshold);
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("Mean change over %u paired goal: %s (%s; reliable change "
                                    "is %s or more)",
                                    "Mean change over %u paired goals: %s (%s; reliable change "
                                    "is %s or more)",
                                    self->n_paired),
                          self->n_paired, number,
                          ct_gbo_text_change_label (ct_gbo_classify_change (mean,
                                                                            self->threshold)),
                          threshold);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), text);
}

void
ct_episode_group_add_goal (CtEpisodeGroup *self,
                           CtRecord       *goal,
                           GListModel     *ratings)
{
  GtkWidget *card;
  CtGoalChart *chart;
  double change;

  g_return_if_fail (CT_IS_EPISODE_GROUP (self));

  card = ct_goal_card_new (self->database, goal, ratings, self->threshold, self->clinician_id);
  gtk_widget_set_margin_top (card, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), card);
  if (self->no_goals_label != NULL)
    gtk_widget_set_visible (self->no_goals_label, FALSE);
  self->n_goals++;

  chart = ct_goal_card_get_chart (CT_GOAL_CARD (card));
  if (ct_gbo_scores_get_change (ct_goal_chart_get_scores (chart), &change))
    {
      self->n_paired++;
      self->total_change += change;
      show_mean_change (self);
    }
}

gint64
ct_episode_group_get_referral_id (CtEpisodeGroup *self)
{
  g_return_val_if_fail (CT_IS_EPISODE_GROUP (self), 0);

  return self->referral_id;
}

guint
ct_episode_group_get_n_goals (CtEpisodeGroup *self)
{
  g_return_val_if_fail (CT_IS_EPISODE_GROUP (self), 0);

  return self->n_goals;
}

static void
ct_episode_group_dispose (GObject *object)
{
  g_clear_object (&CT_EPISODE_GROUP (object)->database);

  G_OBJECT_CLASS (ct_episode_group_parent_class)->dispose (object);
}

static void
ct_episode_group_class_init (CtEpisodeGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ct_episode_group_dispose;
}

static void
ct_episode_group_init (CtEpisodeGroup *self)
{
}
