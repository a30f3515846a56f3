/* ct-goal-card.c: one goal of an episode, its scores and its chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-goal-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-gbo-text.h"
#include "ct-goal-card.h"
#include "ct-record-button.h"

struct _CtGoalCard
{
  GtkBox       parent_instance;

  CtDatabase  *database;
  gint64       goal_id;
  gint64       owner;        /* the staff id whose episode it is, as read */

  GtkLabel    *title_label;
  GtkLabel    *description_label;
  GtkLabel    *set_by_label;
  GtkBox      *buttons_box;
  GtkButton   *add_rating_button;
  GtkListBox  *ratings_list;
  GtkBox      *figures_box;
  CtGoalChart *chart;
};

G_DEFINE_FINAL_TYPE (CtGoalCard, ct_goal_card, GTK_TYPE_BOX)

/* A caption over a value: "Baseline" / "2.0". */
static void
add_figure (CtGoalCard *self,
            const char *caption,
            const char *value,
            const char *note,
            const char *style_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_widget_add_css_class (value_label, "title-4");
  if (style_class != NULL)
    gtk_widget_add_css_class (value_label, style_class);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_box_append (GTK_BOX (box), value_label);
  if (note != NULL)
    {
      GtkWidget *note_label = gtk_label_new (note);

      gtk_widget_add_css_class (note_label, "caption");
      gtk_label_set_wrap (GTK_LABEL (note_label), TRUE);
      gtk_label_set_justify (GTK_LABEL (note_label), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), note_label);
    }
  gtk_box_append (self->figures_box, box);
}

static void
add_score (CtGoalCard *self,
           const char *caption,
           double      score)
{
  g_autofree char *value = ct_gbo_text_score (score);

  add_figure (self, caption, value, NULL, NULL);
}

static void
add_change (CtGoalCard        *self,
            const CtGboScores *scores)
{
  g_autofree char *value = NULL;
  CtGboChange change;
  double difference;

  if (!ct_gbo_scores_get_change (scores, &difference))
    {
      add_figure (self, _("Change"), "—", _("Needs baseline and end"), NULL);
      return;
    }
  /* The chart's badge names the change in words, just below. */
  change = ct_gbo_scores_classify (scores);
  value = ct_gbo_text_change (difference);
  add_figure (self, _("Change"), value, NULL, ct_gbo_text_style_class (change));
}

static void
show_goal (CtGoalCard *self,
           CtRecord   *goal)
{
  const CtField *set_by = ct_kind_find_field (ct_record_get_kind (goal), "set_by");
  g_autofree char *number = ct_record_get_string_by_name (goal, "number");
  g_autofree char *description = ct_record_get_string_by_name (goal, "description");
  g_autofree char *set_by_text = ct_cell_text_dup (goal, set_by);
  g_autofree char *title = NULL;
  g_autofree char *set_by_line = NULL;
  g_autofree char *chart_label = NULL;

  self->goal_id = ct_record_get_id (goal);
  /* Translators: the heading of a goal, "Goal 2" */
  title = g_strdup_printf (_("Goal %s"), number);
  /* Translators: who agreed the goal, "Set by: Carer" */
  set_by_line = g_strdup_printf (_("Set by: %s"), set_by_text);
  /* Translators: the accessible name of a goal's chart, "Ratings of goal 2" */
  chart_label = g_strdup_printf (_("Ratings of goal %s"), number);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->description_label, description);
  gtk_label_set_label (self->set_by_label, set_by_line);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_rating_button),
                                          g_variant_new_int64 (self->goal_id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, chart_label,
                                  -1);
  ct_record_button_check_new (GTK_WIDGET (self->add_rating_button), self->database,
                              ct_kind_lookup ("goal_rating"), "goal", self->goal_id, self->owner);
  gtk_box_append (self->buttons_box,
                  ct_record_button_new_owned (self->database, CT_PERMISSION_CHANGE, _("Edit Goal"),
                                              "document-edit-symbolic", "child.edit-record", goal,
                                              self->owner));
  gtk_box_append (self->buttons_box,
                  ct_record_button_new_owned (self->database, CT_PERMISSION_DELETE, _("Delete Goal"),
                                              "user-trash-symbolic", "child.delete-record", goal,
                                              self->owner));
}

/* The ratings, one row each: time point, date and score, with buttons to
 * edit and delete it. */

static char *
dup_text (CtRecord   *rating,
          const char *name)
{
  return ct_cell_text_dup (rating, ct_kind_find_field (ct_record_get_kind (rating), name));
}

static GtkWidget *
create_rating_row (CtGoalCard *self,
                   CtRecord   *rating)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *time_point = dup_text (rating, "time_point");
  g_autofree char *date = dup_text (rating, "date");
  g_autofree char *score = dup_text (rating, "score");
  /* Translators: an icon button's name, "Edit rating of 3 Mar 2025" */
  g_autofree char *edit = g_strdup_printf (_("Edit rating of %s"), date);
  /* Translators: an icon button's name, "Delete rating of 3 Mar 2025" */
  g_autofree char *delete = g_strdup_printf (_("Delete rating of %s"), date);
  GtkWidget *score_label = gtk_label_new (score);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), time_point);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
  gtk_widget_add_css_class (score_label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), score_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ct_record_button_new_owned (self->database, CT_PERMISSION_CHANGE,
                                                         edit, "document-edit-symbolic",
                                                         "child.edit-record", rating,
                                                         self->owner));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ct_record_button_new_owned (self->database, CT_PERMISSION_DELETE,
                                                         delete, "user-trash-symbolic",
                                                         "child.delete-record", rating,
                                                         self->owner));
  return row;
}

static void
show_ratings (CtGoalCard *self,
              GListModel *ratings)
{
  guint n_ratings = ratings != NULL ? g_list_model_get_n_items (ratings) : 0;

  for (guint i = 0; i < n_ratings; i++)
    {
      g_autoptr(CtRecord) rating = g_list_model_get_item (ratings, i);

      gtk_list_box_append (self->ratings_list, create_rating_row (self, rating));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ratings_list), n_ratings > 0);
}

GtkWidget *
ct_goal_card_new (CtDatabase *database,
                  CtRecord   *goal,
                  GListModel *ratings,
                  double      threshold,
                  gint64      owner)
{
  CtGoalCard *self;
  const CtGboScores *scores;

  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (CT_IS_RECORD (goal), NULL);
  g_return_val_if_fail (ratings == NULL || G_IS_LIST_MODEL (ratings), NULL);

  self = g_object_new (CT_TYPE_GOAL_CARD, NULL);
  self->database = g_object_ref (database);
  self->owner = owner;
  show_goal (self, goal);
  ct_goal_chart_set_threshold (self->chart, threshold);
  ct_goal_chart_set_ratings (self->chart, ratings);
  show_ratings (self, ratings);

  scores = ct_goal_chart_get_scores (self->chart);
  add_score (self, _("Baseline"), scores->baseline);
  add_score (self, _("Latest"), scores->latest);
  add_score (self, _("End"), scores->end);
  add_change (self, scores);
  return GTK_WIDGET (self);
}

gint64
ct_goal_card_get_goal_id (CtGoalCard *self)
{
  g_return_val_if_fail (CT_IS_GOAL_CARD (self), 0);

  return self->goal_id;
}

CtGoalChart *
ct_goal_card_get_chart (CtGoalCard *self)
{
  g_return_val_if_fail (CT_IS_GOAL_CARD (self), NULL);

  return self->chart;
}

static void
ct_goal_card_dispose (GObject *object)
{
  g_clear_object (&CT_GOAL_CARD (object)->database);

  G_OBJECT_CLASS (ct_goal_card_parent_class)->dispose (object);
}

static void
ct_goal_card_class_init (CtGoalCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_goal_card_dispose;

  g_type_ensure (CT_TYPE_GOAL_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/outcomes/ct-goal-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CtGoalCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, CtGoalCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, CtGoalCard, set_by_label);
  gtk_widget_class_bind_template_child (widget_class, CtGoalCard, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, CtGoalCard, add_rating_button);
  gtk_widget_class_bind_template_child (widget_class, CtGoalCard, ratings_list);
  gtk_widget_class_bind_template_child (widget_class, CtGoalCard, figures_box);
  gtk_widget_class_bind_template_child (widget_class, CtGoalCard, chart);
}

static void
ct_goal_card_init (CtGoalCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
