/* test-child-page.c: a child's page shows their details, referrals, goals
 * and ratings, reads them again when they change, and opens the editor
 * pre-filled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-child-page"

#include "config.h"

#include <adwaita.h>

#include "ct-child-page.h"
#include "ct-episode-group.h"
#include "ct-goal-card.h"
#include "ct-record-editor.h"
#include "records-fixture.h"

/* A safety net for a hung test, not a measure of speed. */
#define WAIT_SECONDS 60

typedef struct
{
  RecordsFixture  records;
  gint64          accepted;   /* 2024-04-01, two goals */
  gint64          signposted; /* 2025-02-01 */
  gint64          goals[2];
  GtkWindow      *window;
  CtChildPage    *page;
} Fixture;

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
rate (CtDatabase *db,
      gint64      goal_id,
      const char *date,
      const char *time_point,
      const char *score)
{
  g_autofree char *goal = id_text (goal_id);

  records_insert (db, "goal_rating", "goal", goal, "date", date, "time_point", time_point,
                  "score", score, NULL);
}

static gint64
insert_goal (Fixture    *fixture,
             const char *number)
{
  g_autofree char *referral = id_text (fixture->accepted);

  return records_insert (fixture->records.db, "goal", "referral", referral, "number", number,
                         "description", "An invented goal", "set_by", "child", NULL);
}

/* Finding widgets */

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (gpointer root,
          GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (root), type, found);
  return found;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0 &&
        gtk_widget_is_visible (g_ptr_array_index (labels, i)))
      return TRUE;
  return FALSE;
}

/* Waiting */

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

/* The fixture: Test Child A, an accepted referral with two rated goals
 * and a signposted one */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *child = NULL;
  g_autofree char *staff = NULL;
  CtDatabase *db;

  records_fixture_setup (&fixture->records, data);
  db = fixture->records.db;
  child = id_text (fixture->records.child_id);
  staff = id_text (fixture->records.staff_id);
  fixture->accepted = records_insert (db, "referral", "child", child,
                                      "referral_date", "2024-04-01",
                                      "referral_source", "social_worker", "decision", "accepted",
                                      "clinician", staff, "start_date", "2024-04-10",
                                      "end_date", "2025-01-20", "end_reason", "goals_met", NULL);
  fixture->signposted = records_insert (db, "referral", "child", child,
                                        "referral_date", "2025-02-01", "referral_source", "iro",
                                        "decision", "signposted",
                                        "decision_reason", "An invented reason", NULL);
  fixture->goals[0] = insert_goal (fixture, "1");
  fixture->goals[1] = insert_goal (fixture, "2");
  rate (db, fixture->goals[0], "2024-04-20", "baseline", "2");
  rate (db, fixture->goals[0], "2024-09-01", "review", "4");
  rate (db, fixture->goals[0], "2025-01-20", "end", "6");
  rate (db, fixture->goals[1], "2024-04-20", "baseline", "5");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = CT_CHILD_PAGE (ct_child_page_new (db, fixture->records.child_id));
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  wait_until_mapped (GTK_WIDGET (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
  gtk_window_destroy (fixture->window);
  g_assert_null (fixture->page);
  records_fixture_teardown (&fixture->records, data);
}

static CtEpisodeGroup *
episode (GPtrArray *groups,
         gint64     referral_id)
{
  for (guint i = 0; i < groups->len; i++)
    if (ct_episode_group_get_referral_id (g_ptr_array_index (groups, i)) == referral_id)
      return g_ptr_array_index (groups, i);
  g_assert_not_reached ();
}

/* Tests */

static void
test_shows_child (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) groups = find_all (fixture->page, CT_TYPE_EPISODE_GROUP);
  g_autoptr(GPtrArray) cards = find_all (fixture->page, CT_TYPE_GOAL_CARD);
  CtGoalChart *chart;
  double change;

  g_assert_cmpstr (ct_child_page_get_title (fixture->page), ==, "Test Child A");
  g_assert_cmpint (ct_child_page_get_child_id (fixture->page), ==, fixture->records.child_id);

  /* Every field of the child, with its value as a person reads it. */
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "Date of birth"));
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "6 May 2014"));
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "Looked after"));

  /* Both referrals, newest first, with their status in words. */
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpint (ct_episode_group_get_referral_id (g_ptr_array_index (groups, 0)), ==,
                   fixture->signposted);
  g_assert_cmpuint (ct_episode_group_get_n_goals (episode (groups, fixture->signposted)), ==, 0);
  g_assert_cmpuint (ct_episode_group_get_n_goals (episode (groups, fixture->accepted)), ==, 2);
  g_assert_true (has_label (GTK_WIDGET (episode (groups, fixture->accepted)), "Ended"));
  /* The episode's mean change over its paired goals (only goal 1). */
  g_assert_cmpstr (adw_preferences_group_get_description (
                     ADW_PREFERENCES_GROUP (episode (groups, fixture->accepted))), ==,
                   "Mean change over 1 paired goal: +4.0 (Reliable improvement)");
  g_assert_cmpstr (adw_preferences_group_get_description (
                     ADW_PREFERENCES_GROUP (episode (groups, fixture->signposted))), ==, "");
  g_assert_true (has_label (GTK_WIDGET (episode (groups, fixture->accepted)), "Test Clinician A"));
  g_assert_true (has_label (GTK_WIDGET (episode (groups, fixture->signposted)), "Signposted"));
  g_assert_true (has_label (GTK_WIDGET (episode (groups, fixture->signposted)),
                            "An invented reason"));

  /* Each goal with its scores and its chart. */
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpint (ct_goal_card_get_goal_id (g_ptr_array_index (cards, 0)), ==, fixture->goals[0]);
  chart = ct_goal_card_get_chart (g_ptr_array_index (cards, 0));
  g_assert_cmpuint (ct_goal_chart_get_n_points (chart), ==, 3);
  g_assert_true (ct_gbo_scores_get_change (ct_goal_chart_get_scores (chart), &change));
  g_assert_cmpfloat (change, ==, 4);
  g_assert_true (has_label (g_ptr_array_index (cards, 0), "+4.0"));
  chart = ct_goal_card_get_chart (g_ptr_array_index (cards, 1));
  g_assert_cmpuint (ct_goal_chart_get_n_points (chart), ==, 1);
  g_assert_false (ct_gbo_scores_get_change (ct_goal_chart_get_scores (chart), NULL));
}

/* Records written elsewhere show when the page reads again. */
static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  CtRecord *child;

  insert_goal (fixture, "3");
  child = ct_store_get (fixture->records.db, ct_kind_lookup ("child"),
                        fixture->records.child_id, &error);
  g_assert_no_error (error);
  g_object_set (child, "name", "Test Child Renamed", NULL);
  g_assert_true (ct_store_update (fixture->records.db, child, &error));
  g_assert_no_error (error);
  g_object_unref (child);

  ct_child_page_reload (fixture->page);
  cards = find_all (fixture->page, CT_TYPE_GOAL_CARD);
  g_assert_cmpuint (cards->len, ==, 3);
  g_assert_cmpstr (ct_child_page_get_title (fixture->page), ==, "Test Child Renamed");
}

static void
test_missing_child (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GtkWidget) page = g_object_ref_sink (ct_child_page_new (fixture->records.db, 9999));
  g_autoptr(GPtrArray) groups = find_all (page, CT_TYPE_EPISODE_GROUP);
  GtkWidget *stack = gtk_widget_get_first_child (page);

  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "missing");
  g_assert_cmpuint (groups->len, ==, 0);
  g_assert_null (ct_child_page_get_title (CT_CHILD_PAGE (page)));
}

/* The editor that "Add Rating" opens */
static CtRecordEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CT_IS_RECORD_EDITOR (window))
        return CT_RECORD_EDITOR (window);
    }
  return NULL;
}

static const char *
draft_value (GVariant   *draft,
             const char *name)
{
  g_autoptr(GVariant) values = g_variant_get_child_value (draft, 2);
  const char *text = NULL;

  g_variant_lookup (values, name, "&s", &text);
  return text;
}

/* A second rating of a goal with a baseline is a review of that goal. */
static void
test_add_rating_prefills (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *goal = id_text (fixture->goals[0]);
  g_autoptr(GVariant) draft = NULL;
  CtRecordEditor *editor;

  g_assert_null (find_editor ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "child.add-rating", "x",
                                             fixture->goals[0]));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (ct_record_editor_get_kind (editor) == ct_kind_lookup ("goal_rating"));

  draft = ct_record_editor_save_draft (editor);
  g_assert_cmpstr (draft_value (draft, "goal"), ==, goal);
  g_assert_cmpstr (draft_value (draft, "time_point"), ==, "review");
  /* The editor's own default stays: today. */
  g_assert_cmpstr (draft_value (draft, "date"), ==, RECORDS_TODAY);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_add_goal_prefills (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *referral = id_text (fixture->accepted);
  g_autoptr(GVariant) draft = NULL;
  CtRecordEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "child.add-goal", "x",
                                             fixture->accepted));
  editor = find_editor ();
  g_assert_nonnull (editor);
  draft = ct_record_editor_save_draft (editor);
  g_assert_cmpstr (draft_value (draft, "referral"), ==, referral);
  g_assert_cmpstr (draft_value (draft, "number"), ==, "3");
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/child-page/shows-child", Fixture, NULL,
              fixture_set_up, test_shows_child, fixture_tear_down);
  g_test_add ("/child-page/reload", Fixture, NULL,
              fixture_set_up, test_reload, fixture_tear_down);
  g_test_add ("/child-page/missing-child", Fixture, NULL,
              fixture_set_up, test_missing_child, fixture_tear_down);
  g_test_add ("/child-page/add-rating-prefills", Fixture, NULL,
              fixture_set_up, test_add_rating_prefills, fixture_tear_down);
  g_test_add ("/child-page/add-goal-prefills", Fixture, NULL,
              fixture_set_up, test_add_goal_prefills, fixture_tear_down);

  return g_test_run ();
}
