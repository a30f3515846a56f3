/* test-child-page.c: a child's page shows their details, referrals, goals
 * and ratings, reads them again when they change, opens the editor
 * pre-filled, edits and deletes its referrals, goals and ratings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-child-page"

#include "config.h"

#include "ct-child-page.h"
#include "ct-episode-group.h"
#include "ct-goal-card.h"
#include "ct-preferences.h"
#include "ct-sdq-chart.h"
#include "ct-field-row.h"
#include "ct-record-editor.h"
#include "records-fixture.h"
#include "test-store.h"
#include "widget-test-util.h"

typedef struct
{
  RecordsFixture  records;
  gint64          accepted;   /* 2024-04-01, two goals */
  gint64          signposted; /* 2025-02-01 */
  gint64          goals[2];
  GtkWindow      *window;
  CtChildPage    *page;
} Fixture;

static gint64
insert_goal (Fixture    *fixture,
             const char *number)
{
  return records_insert_goal (fixture->records.db, fixture->accepted, number);
}

/* Finding widgets */

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0 &&
        gtk_widget_is_visible (g_ptr_array_index (labels, i)))
      return TRUE;
  return FALSE;
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
  child = records_id_text (fixture->records.child_id);
  staff = records_id_text (fixture->records.staff_id);
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
  records_rate (db, fixture->goals[0], "2024-04-20", "baseline", "2");
  records_rate (db, fixture->goals[0], "2024-09-01", "review", "4");
  records_rate (db, fixture->goals[0], "2025-01-20", "end", "6");
  records_rate (db, fixture->goals[1], "2024-04-20", "baseline", "5");

  fixture->page = CT_CHILD_PAGE (ct_child_page_new (db, fixture->records.child_id));
  fixture->window = test_present_in_window (GTK_WIDGET (fixture->page), 900, 700);
  test_wait_until_page_read (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_destroy_window (fixture->window);
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
  g_autoptr(GPtrArray) groups = test_find_all (fixture->page, CT_TYPE_EPISODE_GROUP);
  g_autoptr(GPtrArray) cards = test_find_all (fixture->page, CT_TYPE_GOAL_CARD);
  CtGoalChart *chart;
  double change;

  g_assert_cmpstr (ct_record_page_get_title (CT_RECORD_PAGE (fixture->page)), ==,
                   "Test Child A");
  g_assert_cmpint (ct_record_page_get_record_id (CT_RECORD_PAGE (fixture->page)), ==,
                   fixture->records.child_id);

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
                   "Mean change over 1 paired goal: +4.0 (Reliable improvement; reliable "
                   "change is 2.45 or more)");
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

/* The SDQ history: a chart of the totals (a reason has none) and a row
 * per score, newest first, each with its band in words. */
static void
test_sdq_history (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *child = records_id_text (fixture->records.child_id);
  g_autoptr(GPtrArray) charts = NULL;

  charts = test_find_all (fixture->page, CT_TYPE_SDQ_CHART);
  g_assert_cmpuint (charts->len, ==, 0);
  g_clear_pointer (&charts, g_ptr_array_unref);
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "No SDQ scores yet."));
  records_insert (fixture->records.db, "sdq_score", "child", child, "date", "2024-03-01",
                  "informant", "carer", "total", "13", NULL);
  records_insert (fixture->records.db, "sdq_score", "child", child, "date", "2024-09-01",
                  "informant", "teacher", "total", "17", NULL);
  records_insert (fixture->records.db, "sdq_score", "child", child, "date", "2025-03-01",
                  "informant", "carer", "reason", "SDQ2", NULL);
  ct_record_page_reload (CT_RECORD_PAGE (fixture->page));
  test_wait_until_page_read (fixture->page);

  charts = test_find_all (fixture->page, CT_TYPE_SDQ_CHART);
  g_assert_cmpuint (charts->len, ==, 1);
  g_assert_cmpuint (ct_sdq_chart_get_n_points (g_ptr_array_index (charts, 0)), ==, 2);
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "Total 17, concern"));
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "Total 13, normal"));
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "No score: Carer refused"));
}

/* The goals are judged by the team's threshold, and the episode says which. */
static void
test_threshold (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  g_assert_true (ct_preferences_set_threshold (fixture->records.db, 450, &error));
  g_assert_no_error (error);
  ct_record_page_reload (CT_RECORD_PAGE (fixture->page));
  test_wait_until_page_read (fixture->page);
  groups = test_find_all (fixture->page, CT_TYPE_EPISODE_GROUP);
  g_assert_cmpstr (adw_preferences_group_get_description (
                     ADW_PREFERENCES_GROUP (episode (groups, fixture->accepted))), ==,
                   "Mean change over 1 paired goal: +4.0 (No reliable change; reliable "
                   "change is 4.50 or more)");
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

  ct_record_page_reload (CT_RECORD_PAGE (fixture->page));
  test_wait_until_page_read (fixture->page);
  cards = test_find_all (fixture->page, CT_TYPE_GOAL_CARD);
  g_assert_cmpuint (cards->len, ==, 3);
  g_assert_cmpstr (ct_record_page_get_title (CT_RECORD_PAGE (fixture->page)), ==,
                   "Test Child Renamed");
}

/* Opening the page is audited once, however often it reads again; a goal
 * it shows, once too. */
static void
test_audits_opening (Fixture       *fixture,
                     gconstpointer  data)
{
  CtDatabase *db = fixture->records.db;
  g_autoptr(GtkWidget) page = NULL;
  TestReaderHold *hold;

  g_assert_cmpuint (records_count_audit (db, "view", "child", fixture->records.child_id), ==, 1);
  ct_record_page_reload (CT_RECORD_PAGE (fixture->page));
  test_wait_until_page_read (fixture->page);
  g_assert_cmpuint (records_count_audit (db, "view", "child", fixture->records.child_id), ==, 1);

  ct_child_page_show_goal (fixture->page, fixture->goals[1]);
  ct_child_page_show_goal (fixture->page, fixture->goals[1]);
  g_assert_cmpuint (records_count_audit (db, "view", "goal", fixture->goals[1]), ==, 1);
  g_assert_cmpuint (records_count_audit (db, "view", "goal", fixture->goals[0]), ==, 0);
  /* The page focuses the goal when idle. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* A goal to show before the page is read is audited from what the
   * page reads, once read. */
  test_store_start_reader (db, FALSE);
  hold = test_store_hold_reader (db);
  test_store_wait_until_held (hold);
  page = g_object_ref_sink (ct_child_page_new (db, fixture->records.child_id));
  ct_child_page_show_goal (CT_CHILD_PAGE (page), fixture->goals[0]);
  g_assert_cmpuint (records_count_audit (db, "view", "goal", fixture->goals[0]), ==, 0);
  test_store_release_reader (hold);
  test_wait_until_page_read (page);
  g_assert_cmpuint (records_count_audit (db, "view", "goal", fixture->goals[0]), ==, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const char *
shown_part (gpointer page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (test_find_of_type (page, GTK_TYPE_STACK)));
}

static CtRecordEditor *
find_editor (void)
{
  return (CtRecordEditor *) test_find_toplevel (CT_TYPE_RECORD_EDITOR);
}

/* The records are read on the store's reader: until they arrive a page
 * read again keeps what it shows, and a new one says it is reading. */
static void
test_reads_on_the_reader (Fixture       *fixture,
                          gconstpointer  data)
{
  CtRecordPage *shown = CT_RECORD_PAGE (fixture->page);
  g_autoptr(GtkWidget) page = NULL;
  TestReaderHold *hold;

  test_store_start_reader (fixture->records.db, FALSE);
  hold = test_store_hold_reader (fixture->records.db);
  test_store_wait_until_held (hold);

  ct_record_page_reload (shown);
  g_assert_true (ct_record_page_is_loading (shown));
  g_assert_cmpstr (shown_part (shown), ==, "child");
  g_assert_cmpstr (ct_record_page_get_title (shown), ==, "Test Child A");

  page = g_object_ref_sink (ct_child_page_new (fixture->records.db, fixture->records.child_id));
  g_assert_true (ct_record_page_is_loading (CT_RECORD_PAGE (page)));
  g_assert_cmpstr (shown_part (page), ==, "loading");
  g_assert_nonnull (test_find_label (page, "Reading the records…"));
  g_assert_null (ct_record_page_get_title (CT_RECORD_PAGE (page)));

  /* An Edit clicked reads its record again, there too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown), "child.edit-record", "(sx)",
                                             "referral", fixture->signposted));
  g_assert_null (find_editor ());

  test_store_release_reader (hold);
  test_wait_until_page_read (page);
  g_assert_cmpstr (shown_part (page), ==, "child");
  g_assert_cmpstr (ct_record_page_get_title (CT_RECORD_PAGE (page)), ==, "Test Child A");
  test_wait_until_page_read (shown);
  g_assert_cmpstr (shown_part (shown), ==, "child");
  g_assert_true (ct_record_editor_get_kind (find_editor ()) == ct_kind_lookup ("referral"));
  gtk_window_destroy (GTK_WINDOW (find_editor ()));
}

static void
test_missing_child (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GtkWidget) page = g_object_ref_sink (ct_child_page_new (fixture->records.db, 9999));
  g_autoptr(GPtrArray) groups = NULL;
  GtkWidget *stack = test_find_of_type (page, GTK_TYPE_STACK);

  test_wait_until_page_read (page);
  groups = test_find_all (page, CT_TYPE_EPISODE_GROUP);
  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "missing");
  g_assert_cmpuint (groups->len, ==, 0);
  g_assert_null (ct_record_page_get_title (CT_RECORD_PAGE (page)));
}

/* The editor that "Add Rating" opens */
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
  g_autofree char *goal = records_id_text (fixture->goals[0]);
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
  g_autofree char *referral = records_id_text (fixture->accepted);
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

/* Editing and deleting what the page shows */

static gboolean
has_action_target (GtkWidget     *widget,
                   gconstpointer  data)
{
  const char * const *action_and_kind = data;
  GVariant *target;
  const char *kind_name;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                 action_and_kind[0]) != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  g_variant_get_child (target, 0, "&s", &kind_name);
  return g_str_equal (kind_name, action_and_kind[1]);
}

/* Clicks the first button in @root that activates @action on a record of
 * @kind, and checks that it names itself. */
static void
click_record_button (gpointer    root,
                     const char *action,
                     const char *kind)
{
  const char *action_and_kind[] = { action, kind };
  GtkWidget *button = test_find_widget (root, has_action_target, action_and_kind);

  g_assert_nonnull (button);
  g_assert_true (gtk_button_get_label (GTK_BUTTON (button)) != NULL ||
                 gtk_widget_get_tooltip_text (button) != NULL);
  g_signal_emit_by_name (button, "clicked");
  /* Edit and Delete read their record again first. */
  test_wait_until_page_read (gtk_widget_get_ancestor (button, CT_TYPE_RECORD_PAGE));
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  name)
{
  return CT_IS_FIELD_ROW (widget) &&
         g_str_equal (ct_field_get_name (ct_field_row_get_field (CT_FIELD_ROW (widget))), name);
}

static gboolean
no_editor (gpointer data)
{
  return find_editor () == NULL;
}

/* Types @text into the open editor's @field and saves; the page reads
 * the records again. */
static void
edit_and_save (Fixture    *fixture,
               const char *field,
               const char *text)
{
  CtRecordEditor *editor = find_editor ();
  GtkWidget *row;

  g_assert_nonnull (editor);
  row = test_find_widget (editor, is_row_of, field);
  g_assert_nonnull (row);
  ct_field_row_set_text (CT_FIELD_ROW (row), text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  test_wait_until (no_editor, NULL);
  test_wait_until_page_read (fixture->page);
}

static CtRecord *
read_record (Fixture    *fixture,
             const char *kind,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  CtRecord *record = ct_store_get (fixture->records.db, ct_kind_lookup (kind), id, &error);

  g_assert_no_error (error);
  return record;
}

static void
test_edit_referral (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) groups = test_find_all (fixture->page, CT_TYPE_EPISODE_GROUP);
  g_autoptr(CtRecord) referral = NULL;
  g_autofree char *reason = NULL;

  click_record_button (episode (groups, fixture->signposted), "child.edit-record", "referral");
  g_assert_true (ct_record_editor_get_kind (find_editor ()) == ct_kind_lookup ("referral"));
  edit_and_save (fixture, "decision_reason", "An edited reason");

  referral = read_record (fixture, "referral", fixture->signposted);
  reason = ct_record_get_string_by_name (referral, "decision_reason");
  g_assert_cmpstr (reason, ==, "An edited reason");
  /* The page read it again. */
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "An edited reason"));
  g_assert_false (has_label (GTK_WIDGET (fixture->page), "An invented reason"));
}

static void
test_edit_goal (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = test_find_all (fixture->page, CT_TYPE_GOAL_CARD);
  g_autoptr(CtRecord) goal = NULL;
  g_autofree char *description = NULL;

  click_record_button (g_ptr_array_index (cards, 1), "child.edit-record", "goal");
  edit_and_save (fixture, "description", "An edited goal");
  goal = read_record (fixture, "goal", fixture->goals[1]);
  description = ct_record_get_string_by_name (goal, "description");
  g_assert_cmpstr (description, ==, "An edited goal");
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "An edited goal"));
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return has_label (wait->root, wait->text);
}

/* A goal with ratings stays, with the core's reason in a toast. */
static void
test_delete_goal_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = test_find_all (fixture->page, CT_TYPE_GOAL_CARD);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) goal = NULL;
  LabelWait wait = { GTK_WIDGET (fixture->page), NULL };

  /* The reason the core gives (it refuses, so nothing changes here). */
  g_assert_false (ct_store_delete (fixture->records.db, ct_kind_lookup ("goal"),
                                   fixture->goals[0], &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_IN_USE);
  wait.text = error->message;

  click_record_button (g_ptr_array_index (cards, 0), "child.delete-record", "goal");
  test_wait_until (label_shown, &wait);
  goal = read_record (fixture, "goal", fixture->goals[0]);
  g_assert_nonnull (goal);
}

static guint
count_ratings (Fixture *fixture,
               gint64   goal_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM goal_rating WHERE goal_id = %"
                                          G_GINT64_FORMAT, goal_id);

  return records_count (fixture->records.db, sql);
}

static guint
n_points (Fixture *fixture,
          guint    card)
{
  g_autoptr(GPtrArray) cards = test_find_all (fixture->page, CT_TYPE_GOAL_CARD);

  return ct_goal_chart_get_n_points (ct_goal_card_get_chart (g_ptr_array_index (cards, card)));
}

static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
}

/* Deleting a rating, and Undo in the toast. */
static void
test_delete_rating_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = test_find_all (fixture->page, CT_TYPE_GOAL_CARD);
  LabelWait wait = { GTK_WIDGET (fixture->page), "Rating deleted" };
  GtkWidget *undo;

  g_assert_cmpuint (count_ratings (fixture, fixture->goals[1]), ==, 1);
  click_record_button (g_ptr_array_index (cards, 1), "child.delete-record", "goal_rating");
  test_wait_until_page_read (fixture->page);
  g_assert_cmpuint (count_ratings (fixture, fixture->goals[1]), ==, 0);
  g_assert_cmpuint (n_points (fixture, 1), ==, 0);
  g_assert_cmpuint (count_ratings (fixture, fixture->goals[0]), ==, 3);

  test_wait_until (label_shown, &wait);
  undo = test_find_widget (fixture->page, is_undo_button, NULL);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  test_wait_until_page_read (fixture->page);
  g_assert_cmpuint (count_ratings (fixture, fixture->goals[1]), ==, 1);
  g_assert_cmpuint (n_points (fixture, 1), ==, 1);
}

/* A referral without goals can go. */
static void
test_delete_referral (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) groups = test_find_all (fixture->page, CT_TYPE_EPISODE_GROUP);
  g_autoptr(GPtrArray) after = NULL;

  click_record_button (episode (groups, fixture->signposted), "child.delete-record", "referral");
  test_wait_until_page_read (fixture->page);
  g_assert_cmpuint (records_count (fixture->records.db, "SELECT count (*) FROM referral"), ==, 1);
  after = test_find_all (fixture->page, CT_TYPE_EPISODE_GROUP);
  g_assert_cmpuint (after->len, ==, 1);
}

/* The timeline */

static gboolean
is_timeline_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "child.edit-record") == 0;
}

/* The timeline's rows, in order. */
static GPtrArray *
timeline_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = test_find_all (fixture->page, ADW_TYPE_ACTION_ROW);
  GPtrArray *timeline = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    if (is_timeline_row (rows->pdata[i], NULL))
      g_ptr_array_add (timeline, rows->pdata[i]);
  return timeline;
}

/* Everything about the child, newest first, each row opening its record. */
static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const titles[] = {
    "Consultation: Advice given",
    "Referral received: Signposted",
    "Episode ended: Goals met", "Goal 1 rated 6 (End)",
    "Goal 1 rated 4 (Review)",
    "SDQ total 15 (Carer)",
    "Goal 2 rated 5 (Baseline)", "Goal 1 rated 2 (Baseline)",
    "Goal 2 set: An invented goal", "Goal 1 set: An invented goal",
    "Episode started",
    "Referral received: Accepted",
  };
  g_autofree char *child = records_id_text (fixture->records.child_id);
  g_autofree char *staff = records_id_text (fixture->records.staff_id);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CtRecord) consultation = NULL;
  g_autofree char *minutes = NULL;
  gint64 consultation_id;

  consultation_id = records_insert (fixture->records.db, "consultation", "date", "2025-03-05",
                                    "clinician", staff, "child", child, "requested_by", "iro",
                                    "topics", "risk", "mode", "phone", "duration_minutes", "45",
                                    "attendees", "2", "outcome", "advice_given",
                                    "notes", "Invented note", NULL);
  records_insert (fixture->records.db, "sdq_score", "child", child, "date", "2024-06-01",
                  "informant", "carer", "total", "15", NULL);
  ct_record_page_reload (CT_RECORD_PAGE (fixture->page));
  test_wait_until_page_read (fixture->page);

  rows = timeline_rows (fixture);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==, titles[i]);
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==,
                   "5 Mar 2025 · Test Clinician A · 45 min");
  g_assert_false (has_label (GTK_WIDGET (fixture->page), "Invented note"));
  test_scroll_to_end (fixture->page);
  test_save_screenshot (GTK_WIDGET (fixture->window), "child-timeline.png");

  /* The consultation's row opens its editor; the page reads it again. */
  gtk_widget_activate (rows->pdata[0]);
  test_wait_until_page_read (fixture->page);
  g_assert_true (ct_record_editor_get_kind (find_editor ()) == ct_kind_lookup ("consultation"));
  edit_and_save (fixture, "duration_minutes", "50");
  consultation = read_record (fixture, "consultation", consultation_id);
  minutes = ct_record_get_string_by_name (consultation, "duration_minutes");
  g_assert_cmpstr (minutes, ==, "50");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = timeline_rows (fixture);
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==,
                   "5 Mar 2025 · Test Clinician A · 50 min");
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add ("/child-page/shows-child", Fixture, NULL,
              fixture_set_up, test_shows_child, fixture_tear_down);
  g_test_add ("/child-page/sdq-history", Fixture, NULL,
              fixture_set_up, test_sdq_history, fixture_tear_down);
  g_test_add ("/child-page/threshold", Fixture, NULL,
              fixture_set_up, test_threshold, fixture_tear_down);
  g_test_add ("/child-page/reads-on-the-reader", Fixture, NULL,
              fixture_set_up, test_reads_on_the_reader, fixture_tear_down);
  g_test_add ("/child-page/reload", Fixture, NULL,
              fixture_set_up, test_reload, fixture_tear_down);
  g_test_add ("/child-page/audits-opening", Fixture, NULL,
              fixture_set_up, test_audits_opening, fixture_tear_down);
  g_test_add ("/child-page/missing-child", Fixture, NULL,
              fixture_set_up, test_missing_child, fixture_tear_down);
  g_test_add ("/child-page/add-rating-prefills", Fixture, NULL,
              fixture_set_up, test_add_rating_prefills, fixture_tear_down);
  g_test_add ("/child-page/add-goal-prefills", Fixture, NULL,
              fixture_set_up, test_add_goal_prefills, fixture_tear_down);
  g_test_add ("/child-page/edit-referral", Fixture, NULL,
              fixture_set_up, test_edit_referral, fixture_tear_down);
  g_test_add ("/child-page/edit-goal", Fixture, NULL,
              fixture_set_up, test_edit_goal, fixture_tear_down);
  g_test_add ("/child-page/delete-goal-refused", Fixture, NULL,
              fixture_set_up, test_delete_goal_refused, fixture_tear_down);
  g_test_add ("/child-page/delete-rating-undo", Fixture, NULL,
              fixture_set_up, test_delete_rating_undo, fixture_tear_down);
  g_test_add ("/child-page/delete-referral", Fixture, NULL,
              fixture_set_up, test_delete_referral, fixture_tear_down);
  g_test_add ("/child-page/timeline", Fixture, NULL,
              fixture_set_up, test_timeline, fixture_tear_down);

  return g_test_run ();
}
