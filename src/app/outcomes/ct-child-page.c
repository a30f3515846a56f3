/* ct-child-page.c: one child: details, referrals, goals and their ratings
 *
 * Six queries per reading, whatever the number of referrals and goals, on
 * the store's reader: the child, their referrals, their goals and their
 * goal ratings, grouped there, their SDQ scores and their timeline
 * (ct-timeline.h). The content is built anew on every reading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-child-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-child-page.h"
#include "ct-detail-rows.h"
#include "ct-editor-launcher.h"
#include "ct-episode-group.h"
#include "ct-goal-card.h"
#include "ct-outcomes.h"
#include "ct-preferences.h"
#include "ct-record-button.h"
#include "ct-records.h"
#include "ct-sdq-group.h"
#include "ct-timeline-group.h"
#include "ct-timeline.h"

/* What one reading finds. */
typedef struct
{
  CtRecord        *child;
  GListModel      *referrals;
  GHashTable      *goals_by_referral;  /* gint64 * → GListStore of CtGoal */
  GHashTable      *ratings_by_goal;    /* gint64 * → GListStore of CtGoalRating */
  GListModel      *sdq_scores;         /* newest first */
  GListModel      *timeline;           /* of CtTimelineEntry, newest first */
  double           threshold;          /* the reliable-change threshold in force */
} ChildRead;

struct _CtChildPage
{
  CtRecordPage     parent_instance;

  ChildRead        shown;              /* what was read last, for the actions */

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  AdwStatusPage   *missing_page;
  AdwClamp        *clamp;
  gint64           shown_goal_id;  /* to bring into view once read */
};

G_DEFINE_FINAL_TYPE (CtChildPage, ct_child_page, CT_TYPE_RECORD_PAGE)

/* Reading */

static const CtKind *
kind (const char *name)
{
  return ct_kind_lookup (name);
}

/* The records of @records by the id in their reference @field, in the
 * order of @records. */
static GHashTable *
group_by_reference (GListModel *records,
                    const char *field)
{
  GHashTable *groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  guint n_records = g_list_model_get_n_items (records);

  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (records, i);
      gint64 id = ct_record_get_reference (record, field);
      GListStore *group = g_hash_table_lookup (groups, &id);

      if (group == NULL)
        {
          group = g_list_store_new (G_OBJECT_TYPE (record));
          g_hash_table_insert (groups, g_memdup2 (&id, sizeof id), group);
        }
      g_list_store_append (group, record);
    }
  return groups;
}

static GListModel *
lookup_group (GHashTable *groups,
              gint64      id)
{
  return groups != NULL ? g_hash_table_lookup (groups, &id) : NULL;
}

static void
child_read_clear (ChildRead *read)
{
  g_clear_object (&read->child);
  g_clear_object (&read->referrals);
  g_clear_pointer (&read->goals_by_referral, g_hash_table_unref);
  g_clear_pointer (&read->ratings_by_goal, g_hash_table_unref);
  g_clear_object (&read->sdq_scores);
  g_clear_object (&read->timeline);
}

static void
child_read_free (ChildRead *read)
{
  child_read_clear (read);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChildRead, child_read_free)

/* On the store's reader. */
static gpointer
read_child (CtDatabase  *database,
            gint64       child_id,
            GError     **error)
{
  CtFilter filter = { .child_id = child_id };
  g_autoptr(ChildRead) read = g_new0 (ChildRead, 1);
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GListModel) ratings = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 threshold;

  read->child = ct_store_get (database, kind ("child"), child_id, error);
  if (read->child == NULL)
    return NULL;
  read->referrals = ct_store_list (database, kind ("referral"), &filter, error);
  if (read->referrals == NULL)
    return NULL;
  goals = ct_store_list (database, kind ("goal"), &filter, error);
  if (goals == NULL)
    return NULL;
  ratings = ct_store_list (database, kind ("goal_rating"), &filter, error);
  if (ratings == NULL)
    return NULL;
  read->sdq_scores = ct_store_list (database, kind ("sdq_score"), &filter, error);
  if (read->sdq_scores == NULL)
    return NULL;
  read->timeline = ct_timeline_list (database, child_id, error);
  if (read->timeline == NULL)
    return NULL;
  threshold = ct_preferences_get_threshold (database, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  read->threshold = threshold / 100.0;

  read->goals_by_referral = group_by_reference (goals, "referral");
  read->ratings_by_goal = group_by_reference (ratings, "goal");
  return g_steal_pointer (&read);
}

/* Building */

static GtkWidget *
build_header (CtChildPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *reference = ct_record_get_string_by_name (self->shown.child, "reference");
  GtkWidget *name_label = gtk_label_new (ct_record_page_get_title (CT_RECORD_PAGE (self)));
  GtkWidget *reference_label = gtk_label_new (reference);
  GtkWidget *edit_button = gtk_button_new_with_mnemonic (_("_Edit Details"));

  gtk_widget_add_css_class (name_label, "title-1");
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_xalign (GTK_LABEL (reference_label), 0);
  gtk_widget_add_css_class (reference_label, "dim-label");
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (names), name_label);
  gtk_box_append (GTK_BOX (names), reference_label);

  gtk_widget_set_valign (edit_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit_button), "child.edit-child");
  ct_record_button_check (edit_button, ct_record_page_get_database (CT_RECORD_PAGE (self)),
                          self->shown.child, CT_PERMISSION_CHANGE);
  gtk_box_append (GTK_BOX (box), names);
  gtk_box_append (GTK_BOX (box), edit_button);
  return box;
}

static GtkWidget *
build_details (CtChildPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Details"));
  ct_detail_rows_add (ADW_PREFERENCES_GROUP (group), self->shown.child, NULL);
  return group;
}

static GtkWidget *
build_referrals_heading (CtChildPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add_button = gtk_button_new_with_mnemonic (_("Add _Referral"));
  guint n_referrals = g_list_model_get_n_items (self->shown.referrals);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Referrals"));
  if (n_referrals == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No referrals yet."));
  gtk_widget_add_css_class (add_button, "suggested-action");
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "child.add-referral");
  ct_record_button_check_new (add_button, ct_record_page_get_database (CT_RECORD_PAGE (self)),
                              kind ("referral"), "child", ct_record_get_id (self->shown.child), 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add_button);
  return group;
}

static GtkWidget *
build_episode (CtChildPage *self,
               CtRecord    *referral)
{
  GtkWidget *group = ct_episode_group_new (ct_record_page_get_database (CT_RECORD_PAGE (self)),
                                           referral, self->shown.threshold);
  GListModel *goals = lookup_group (self->shown.goals_by_referral, ct_record_get_id (referral));
  guint n_goals = goals != NULL ? g_list_model_get_n_items (goals) : 0;

  for (guint i = 0; i < n_goals; i++)
    {
      g_autoptr(CtRecord) goal = g_list_model_get_item (goals, i);
      GListModel *ratings = lookup_group (self->shown.ratings_by_goal, ct_record_get_id (goal));

      ct_episode_group_add_goal (CT_EPISODE_GROUP (group), goal, ratings);
    }
  return group;
}

static GtkWidget *
build_content (CtChildPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  guint n_referrals = g_list_model_get_n_items (self->shown.referrals);

  gtk_box_append (GTK_BOX (box), build_header (self));
  gtk_box_append (GTK_BOX (box), build_details (self));
  gtk_box_append (GTK_BOX (box), ct_sdq_group_new (ct_record_page_get_database (CT_RECORD_PAGE (self)),
                                                    self->shown.sdq_scores));
  gtk_box_append (GTK_BOX (box), build_referrals_heading (self));
  for (guint i = 0; i < n_referrals; i++)
    {
      g_autoptr(CtRecord) referral = g_list_model_get_item (self->shown.referrals, i);

      gtk_box_append (GTK_BOX (box), build_episode (self, referral));
    }
  gtk_box_append (GTK_BOX (box),
                  ct_timeline_group_new (self->shown.timeline, "child.edit-record"));
  return box;
}

static void
show_missing (CtChildPage  *self,
              const GError *error)
{
  child_read_clear (&self->shown);
  adw_clamp_set_child (self->clamp, NULL);
  if (!g_error_matches (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND))
    adw_status_page_set_description (self->missing_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "missing");
}

static gboolean
is_shown_goal (GtkWidget     *widget,
               gconstpointer  data)
{
  return CT_IS_GOAL_CARD (widget) &&
         ct_goal_card_get_goal_id (CT_GOAL_CARD (widget)) == *(const gint64 *) data;
}

static GtkWidget *
find_widget (GtkWidget     *root,
             gboolean     (*match) (GtkWidget *, gconstpointer),
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The goal @goal_id among those read, or NULL. */
static CtRecord *
find_shown_goal (CtChildPage *self,
                 gint64       goal_id)
{
  GHashTableIter iter;
  gpointer goals;

  if (self->shown.goals_by_referral == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, self->shown.goals_by_referral);
  while (g_hash_table_iter_next (&iter, NULL, &goals))
    for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
      {
        g_autoptr(CtRecord) goal = g_list_model_get_item (goals, i);

        if (ct_record_get_id (goal) == goal_id)
          return g_steal_pointer (&goal);
      }
  return NULL;
}

/* The goal to bring into view is audited as viewed once it is read. */
static void
audit_shown_goal (CtChildPage *self)
{
  g_autoptr(CtRecord) goal = NULL;

  if (self->shown_goal_id != 0)
    goal = find_shown_goal (self, self->shown_goal_id);
  if (goal != NULL)
    ct_record_page_audit_view (CT_RECORD_PAGE (self), goal);
}

/* Focusing a widget in the card scrolls it into view. Once the page is in
 * a window, which is after it is read. */
static gboolean
focus_shown_goal (gpointer data)
{
  CtChildPage *self = data;
  GtkWidget *card = find_widget (GTK_WIDGET (self->clamp), is_shown_goal, &self->shown_goal_id);

  if (card != NULL && gtk_widget_get_mapped (card) &&
      gtk_widget_child_focus (card, GTK_DIR_TAB_FORWARD))
    self->shown_goal_id = 0;
  return G_SOURCE_REMOVE;
}

static void
ct_child_page_show (CtRecordPage *page,
                    gpointer      data,
                    const GError *error)
{
  CtChildPage *self = CT_CHILD_PAGE (page);
  ChildRead *read = data;
  g_autofree char *name = NULL;

  if (read == NULL)
    {
      show_missing (self, error);
      return;
    }
  /* Taken: the read is freed after. */
  child_read_clear (&self->shown);
  self->shown = *read;
  *read = (ChildRead) { 0 };

  ct_record_page_audit_view (page, self->shown.child);
  audit_shown_goal (self);
  name = ct_record_get_string_by_name (self->shown.child, "name");
  ct_record_page_set_title (page, name);
  adw_clamp_set_child (self->clamp, build_content (self));
  gtk_stack_set_visible_child_name (self->stack, "child");
  if (self->shown_goal_id != 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_shown_goal, g_object_ref (self), g_object_unref);
}

/* Actions: the editor, pre-filled */

static void
open_editor (CtChildPage *self,
             CtRecord    *record)
{
  CtDatabase *database = ct_record_page_get_database (CT_RECORD_PAGE (self));

  ct_editor_launcher_open (GTK_WIDGET (self), database, record,
                           G_CALLBACK (ct_record_page_reload));
}

static void
edit_child (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CtChildPage *self = CT_CHILD_PAGE (widget);

  if (self->shown.child != NULL)
    open_editor (self, self->shown.child);
}

/* The editor for a new record of @kind_name about this child. */
static void
add_for_child (GtkWidget  *widget,
               const char *kind_name)
{
  CtChildPage *self = CT_CHILD_PAGE (widget);
  g_autoptr(CtRecord) record = ct_record_new (kind (kind_name));

  ct_record_set_reference (record, "child", ct_record_page_get_record_id (CT_RECORD_PAGE (self)));
  open_editor (self, record);
}

static void
add_referral (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  add_for_child (widget, "referral");
}

static void
add_sdq (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  add_for_child (widget, "sdq_score");
}

static void
edit_record (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtChildPage *self = CT_CHILD_PAGE (widget);

  ct_record_page_edit_target (CT_RECORD_PAGE (self), self->toast_overlay, parameter);
}

/* The toast after deleting a referral, a goal or a rating. */
static const char *
deleted_message (GVariant *target)
{
  gint64 id;
  const CtKind *record_kind = ct_record_button_parse_target (target, &id);

  if (record_kind == kind ("referral"))
    return _("Referral deleted");
  if (record_kind == kind ("goal"))
    return _("Goal deleted");
  if (record_kind == kind ("sdq_score"))
    return _("SDQ score deleted");
  return _("Rating deleted");
}

static void
delete_record (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtChildPage *self = CT_CHILD_PAGE (widget);

  ct_record_page_delete_target (CT_RECORD_PAGE (self), self->toast_overlay, parameter,
                                deleted_message (parameter));
}

/* The number after the referral's highest goal number. */
static int
next_goal_number (CtChildPage *self,
                  gint64       referral_id)
{
  GListModel *goals = lookup_group (self->shown.goals_by_referral, referral_id);
  guint n_goals = goals != NULL ? g_list_model_get_n_items (goals) : 0;
  int highest = 0;

  for (guint i = 0; i < n_goals; i++)
    {
      g_autoptr(CtRecord) goal = g_list_model_get_item (goals, i);
      int number;

      g_object_get (goal, "number", &number, NULL);
      highest = MAX (highest, number);
    }
  return highest + 1;
}

static void
add_goal (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  CtChildPage *self = CT_CHILD_PAGE (widget);
  gint64 referral_id = g_variant_get_int64 (parameter);
  g_autoptr(CtRecord) goal = ct_record_new (kind ("goal"));

  ct_record_set_reference (goal, "referral", referral_id);
  g_object_set (goal, "number", next_goal_number (self, referral_id), NULL);
  open_editor (self, goal);
}

static void
add_rating (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CtChildPage *self = CT_CHILD_PAGE (widget);
  gint64 goal_id = g_variant_get_int64 (parameter);
  GListModel *ratings = lookup_group (self->shown.ratings_by_goal, goal_id);
  g_autoptr(CtRecord) rating = ct_record_new (kind ("goal_rating"));
  CtGboScores scores = { CT_RECORD_NO_NUMBER, CT_RECORD_NO_NUMBER, CT_RECORD_NO_NUMBER,
                         CT_GBO_RELIABLE_CHANGE };

  if (ratings != NULL)
    ct_gbo_scores_from_ratings (&scores, ratings);
  ct_record_set_reference (rating, "goal", goal_id);
  g_object_set (rating, "time-point",
                scores.baseline == CT_RECORD_NO_NUMBER ? "baseline" : "review", NULL);
  open_editor (self, rating);
}

/* Public API */

GtkWidget *
ct_child_page_new (CtDatabase *database,
                   gint64      child_id)
{
  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);

  return g_object_new (CT_TYPE_CHILD_PAGE, "database", database, "record-id", child_id, NULL);
}

/* GObject */

void
ct_child_page_show_goal (CtChildPage *self,
                         gint64       goal_id)
{
  g_return_if_fail (CT_IS_CHILD_PAGE (self));

  self->shown_goal_id = goal_id;
  audit_shown_goal (self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_shown_goal, g_object_ref (self), g_object_unref);
}

static void
ct_child_page_dispose (GObject *object)
{
  CtChildPage *self = CT_CHILD_PAGE (object);

  child_read_clear (&self->shown);

  G_OBJECT_CLASS (ct_child_page_parent_class)->dispose (object);
}

static void
ct_child_page_class_init (CtChildPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_child_page_dispose;
  CT_RECORD_PAGE_CLASS (klass)->read = read_child;
  CT_RECORD_PAGE_CLASS (klass)->read_free = (GDestroyNotify) child_read_free;
  CT_RECORD_PAGE_CLASS (klass)->show = ct_child_page_show;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/outcomes/ct-child-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CtChildPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CtChildPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CtChildPage, missing_page);
  gtk_widget_class_bind_template_child (widget_class, CtChildPage, clamp);

  gtk_widget_class_install_action (widget_class, "child.edit-child", NULL, edit_child);
  gtk_widget_class_install_action (widget_class, "child.add-referral", NULL, add_referral);
  gtk_widget_class_install_action (widget_class, "child.add-sdq", NULL, add_sdq);
  gtk_widget_class_install_action (widget_class, "child.edit-record", "(sx)", edit_record);
  gtk_widget_class_install_action (widget_class, "child.delete-record", "(sx)", delete_record);
  gtk_widget_class_install_action (widget_class, "child.add-goal", "x", add_goal);
  gtk_widget_class_install_action (widget_class, "child.add-rating", "x", add_rating);
}

static void
ct_child_page_init (CtChildPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ct_record_page_add_loading (self->stack);
}
