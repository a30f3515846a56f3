/* test-outcomes-view.c: the Outcomes view lists every goal of every
 * episode, filters by clinician and to missing end ratings, and opens a
 * child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-outcomes-view"

#include "config.h"

#include "ct-outcome-columns.h"
#include "ct-outcomes-view.h"
#include "ct-outcomes.h"
#include "ct-preferences.h"
#include "ct-record-editor.h"
#include "ct-sdq-prompt.h"
#include "records-fixture.h"
#include "test-store.h"
#include "ct-date-range-button.h"
#include "widget-test-util.h"

/* The column of the change (ct-outcome-columns.c). */
#define CHANGE_COLUMN 8

typedef struct
{
  RecordsFixture  records;
  gint64          clinician_b;
  gint64          child_b;
  GtkWindow      *window;
  CtOutcomesView *view;
  gint64          activated_child;
} Fixture;

static GtkWidget *
get_child (Fixture    *fixture,
           const char *id)
{
  return test_find_by_id (fixture->view, id);
}

static void
on_child_activated (Fixture *fixture,
                    gint64   child_id)
{
  fixture->activated_child = child_id;
}

/* Clinician A: Test Child A, ended; goal 1 +4.0, goal 2 with no end.
 * Clinician B: Test Child B, open; goal 1 with a baseline. */
static gboolean
has_read (gpointer view)
{
  return !ct_outcomes_view_is_loading (view);
}

/* The view's read (on the store's reader) has arrived. */
static void
wait_until_read (CtOutcomesView *view)
{
  test_wait_until (has_read, view);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  CtDatabase *db;
  gint64 ended, open, goal;

  records_fixture_setup (&fixture->records, data);
  db = fixture->records.db;
  test_store_start_reader (db, FALSE);
  fixture->clinician_b = records_insert_clinician_b (db);
  fixture->child_b = records_insert_child_b (db);
  ended = records_insert_episode (db, fixture->records.child_id, fixture->records.staff_id,
                                  "2024-04-01", "2024-12-01");
  open = records_insert_episode (db, fixture->child_b, fixture->clinician_b, "2025-01-10", NULL);
  goal = records_insert_goal (db, ended, "1");
  records_rate (db, goal, "2024-04-10", "baseline", "2");
  records_rate (db, goal, "2024-12-01", "end", "6");
  goal = records_insert_goal (db, ended, "2");
  records_rate (db, goal, "2024-04-10", "baseline", "5");
  goal = records_insert_goal (db, open, "1");
  records_rate (db, goal, "2025-01-20", "baseline", "3");

  fixture->view = CT_OUTCOMES_VIEW (ct_outcomes_view_new (db));
  g_signal_connect_swapped (fixture->view, "child-activated", G_CALLBACK (on_child_activated),
                            fixture);
  fixture->window = test_present_in_window (GTK_WIDGET (fixture->view), 1100, 600);
  wait_until_read (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_destroy_window (fixture->window);
  records_fixture_teardown (&fixture->records, data);
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (ct_outcomes_view_get_model (fixture->view));
}

static void
select_clinician (Fixture    *fixture,
                  const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (get_child (fixture, "clinician_dropdown"));
  GListModel *names = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name))
      {
        gtk_drop_down_set_selected (dropdown, i);
        wait_until_read (fixture->view);
        return;
      }
  g_assert_not_reached ();
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (get_child (fixture, "stack")));
}

static void
test_lists_goals (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CtOutcomeRow) row = NULL;
  g_autofree char *change = NULL;

  g_assert_cmpuint (n_rows (fixture), ==, 3);
  g_assert_cmpstr (visible_page (fixture), ==, "list");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_child (fixture, "count_label"))), ==,
                   "2 episodes · 3 goals · reliable change is 2.45 or more");

  row = g_list_model_get_item (ct_outcomes_view_get_model (fixture->view), 1);
  change = ct_outcome_columns_dup_text (CHANGE_COLUMN, row);
  g_assert_cmpstr (change, ==, "Reliable improvement +4.0");
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GtkToggleButton *missing = GTK_TOGGLE_BUTTON (get_child (fixture, "missing_toggle"));
  g_autoptr(CtOutcomeRow) row = NULL;

  select_clinician (fixture, "Test Clinician B");
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  /* B's episode is open: nothing is missing at its end. */
  gtk_toggle_button_set_active (missing, TRUE);
  wait_until_read (fixture->view);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (get_child (fixture, "empty_page"))),
                   ==, "Nothing to Chase");

  /* All clinicians: A's goal 2 ended without an end rating. */
  select_clinician (fixture, "All Clinicians");
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  row = g_list_model_get_item (ct_outcomes_view_get_model (fixture->view), 0);
  g_assert_cmpint (ct_outcome_row_get_goal_number (row), ==, 2);
  g_assert_cmpint (ct_outcome_row_get_child_id (row), ==, fixture->records.child_id);

  /* The choice stays when the view reads again. */
  select_clinician (fixture, "Test Clinician A");
  ct_outcomes_view_reload (fixture->view);
  wait_until_read (fixture->view);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
}

/* The search narrows the rows as you type; a search with no match says so. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (get_child (fixture, "query_entry"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "outcomes.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (get_child (fixture,
                                                                            "search_bar"))));
  g_assert_cmpuint (n_rows (fixture), ==, 3);

  gtk_editable_set_text (entry, "child b");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_child (fixture, "count_label"))), ==,
                   "1 episode · 1 goal · reliable change is 2.45 or more");
  g_assert_cmpstr (visible_page (fixture), ==, "list");

  gtk_editable_set_text (entry, "Test Clinician A");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_rows (fixture), ==, 2);

  gtk_editable_set_text (entry, "no such words");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (get_child (fixture, "empty_page"))),
                   ==, "No Results Found");

  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  /* Counted as read again. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_child (fixture, "count_label"))), ==,
                   "2 episodes · 3 goals · reliable change is 2.45 or more");
}

/* The date range keeps the episodes under way in it, both ends included:
 * A's episode ended on 2024-12-01, B's started on 2025-01-10. */
static void
test_date_range (Fixture       *fixture,
                 gconstpointer  data)
{
  CtDateRangeButton *range = CT_DATE_RANGE_BUTTON (get_child (fixture, "date_range"));

  ct_date_range_button_set_range (range, "2024-12-01", "2025-01-09");
  wait_until_read (fixture->view);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  ct_date_range_button_set_range (range, "2024-12-02", "2025-01-10");
  wait_until_read (fixture->view);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  ct_date_range_button_set_range (range, "2024-12-02", "2025-01-09");
  wait_until_read (fixture->view);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  ct_date_range_button_set_range (range, NULL, NULL);
  wait_until_read (fixture->view);
  g_assert_cmpuint (n_rows (fixture), ==, 3);
}

static void
test_activate_opens_child (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *rows = ct_outcomes_view_get_model (fixture->view);
  g_autoptr(CtOutcomeRow) row = g_list_model_get_item (rows, 0);

  g_signal_emit_by_name (get_child (fixture, "column_view"), "activate", 0);
  g_assert_cmpint (fixture->activated_child, ==, ct_outcome_row_get_child_id (row));
  g_assert_cmpint (fixture->activated_child, ==, fixture->child_b);
}

static void
assert_editor_for_child (CtSdqPromptList *prompts,
                         const char      *kind,
                         const char      *child)
{
  CtRecordEditor *editor;
  g_autoptr(GVariant) draft = NULL;
  g_autoptr(GVariant) fields = NULL;
  const char *value = NULL;

  ct_sdq_prompt_list_respond (prompts, 0, kind);
  editor = (CtRecordEditor *) test_find_toplevel (CT_TYPE_RECORD_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (ct_record_editor_get_kind (editor) == ct_kind_lookup (kind));
  draft = ct_record_editor_save_draft (editor);
  fields = g_variant_get_child_value (draft, 2);
  g_assert_true (g_variant_lookup (fields, "child", "&s", &value));
  g_assert_cmpstr (value, ==, child);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The SDQ prompts: Test Child A (episode ended, no consultation) is
 * listed with the reason; Test Child B has an open episode. Opening a
 * prompt can show the child's page. */
static void
test_sdq_prompts (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *child_a = records_id_text (fixture->records.child_id);
  g_autofree char *child_b = records_id_text (fixture->child_b);
  CtSdqPromptList *prompts = ct_outcomes_view_get_prompt_list (fixture->view);
  GListModel *model = ct_sdq_prompt_list_get_model (prompts);
  g_autoptr(CtSdqPrompt) prompt = NULL;
  g_autofree char *reason = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  records_insert (fixture->records.db, "sdq_score", "child", child_a, "date", "2025-03-01",
                  "informant", "carer", "total", "19", NULL);
  records_insert (fixture->records.db, "sdq_score", "child", child_b, "date", "2025-03-01",
                  "informant", "carer", "total", "25", NULL);
  ct_outcomes_view_reload (fixture->view);
  wait_until_read (fixture->view);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  prompt = g_list_model_get_item (model, 0);
  reason = ct_sdq_prompt_dup_reason (prompt);
  /* from the end of the episode, 2024-12-01, to RECORDS_TODAY */
  g_assert_cmpstr (reason, ==, "Latest SDQ 19, concern; no contact for 211 days.");

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (test_find_of_type (prompts,
                                                                      ADW_TYPE_EXPANDER_ROW)),
                                 TRUE);
  test_save_screenshot (GTK_WIDGET (fixture->window), "sdq-prompts.png");

  /* Its row (Enter or a click) asks what to do, naming the child. */
  g_signal_emit_by_name (test_find_of_type (prompts, GTK_TYPE_LIST_VIEW), "activate", 0);
  dialog = ADW_MESSAGE_DIALOG (test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Test Child A (TEST-0001)");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, reason);
  adw_message_dialog_response (dialog, "page");
  g_assert_cmpint (fixture->activated_child, ==, fixture->records.child_id);
  fixture->activated_child = 0;
  ct_sdq_prompt_list_respond (prompts, 0, "page");
  g_assert_cmpint (fixture->activated_child, ==, fixture->records.child_id);

  /* Log a consultation or add a referral: the editor, with the child. */
  assert_editor_for_child (prompts, "consultation", child_a);
  assert_editor_for_child (prompts, "referral", child_a);
}

/* The count says which reliable-change threshold the changes are judged by. */
static void
test_states_threshold (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkLabel *count = GTK_LABEL (get_child (fixture, "count_label"));

  g_assert_cmpstr (gtk_label_get_label (count), ==,
                   "2 episodes · 3 goals · reliable change is 2.45 or more");
  g_assert_true (ct_preferences_set_threshold (fixture->records.db, 300, NULL));
  ct_outcomes_view_reload (fixture->view);
  wait_until_read (fixture->view);
  g_assert_cmpstr (gtk_label_get_label (count), ==,
                   "2 episodes · 3 goals · reliable change is 3.00 or more");
}

/* Locking drops every row. */
static void
test_no_database (Fixture       *fixture,
                  gconstpointer  data)
{
  ct_outcomes_view_set_database (fixture->view, NULL);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_null (ct_outcomes_view_get_database (fixture->view));
}

/* Hidden, a view reads nothing (the window builds it at unlock); shown,
 * it reads. */
static void
test_reads_when_shown (Fixture       *fixture,
                       gconstpointer  data)
{
  CtOutcomesView *hidden = CT_OUTCOMES_VIEW (ct_outcomes_view_new (fixture->records.db));
  GtkWindow *window;

  g_object_ref_sink (hidden);
  ct_outcomes_view_reload (hidden);
  g_assert_false (ct_outcomes_view_is_loading (hidden));
  g_assert_cmpuint (g_list_model_get_n_items (ct_outcomes_view_get_model (hidden)), ==, 0);

  window = test_present_in_window (GTK_WIDGET (hidden), 1100, 600);
  wait_until_read (hidden);
  g_assert_cmpuint (g_list_model_get_n_items (ct_outcomes_view_get_model (hidden)), ==, 3);
  g_object_unref (hidden);
  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);
  ct_validate_set_today_for_testing (RECORDS_TODAY);

  g_test_add ("/outcomes-view/lists-goals", Fixture, NULL,
              fixture_set_up, test_lists_goals, fixture_tear_down);
  g_test_add ("/outcomes-view/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/outcomes-view/search", Fixture, NULL,
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/outcomes-view/date-range", Fixture, NULL,
              fixture_set_up, test_date_range, fixture_tear_down);
  g_test_add ("/outcomes-view/activate-opens-child", Fixture, NULL,
              fixture_set_up, test_activate_opens_child, fixture_tear_down);
  g_test_add ("/outcomes-view/sdq-prompts", Fixture, NULL,
              fixture_set_up, test_sdq_prompts, fixture_tear_down);
  g_test_add ("/outcomes-view/states-threshold", Fixture, NULL,
              fixture_set_up, test_states_threshold, fixture_tear_down);
  g_test_add ("/outcomes-view/no-database", Fixture, NULL,
              fixture_set_up, test_no_database, fixture_tear_down);
  g_test_add ("/outcomes-view/reads-when-shown", Fixture, NULL,
              fixture_set_up, test_reads_when_shown, fixture_tear_down);

  return g_test_run ();
}
