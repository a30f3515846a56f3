/* test-outcomes-view.c: the Outcomes view lists every goal of every
 * episode, filters by clinician and to missing end ratings, and opens a
 * child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-outcomes-view"

#include "config.h"

#include <adwaita.h>

#include "ct-outcome-columns.h"
#include "ct-outcomes-view.h"
#include "ct-outcomes.h"
#include "records-fixture.h"

/* A safety net for a hung test, not a measure of speed. */
#define WAIT_SECONDS 60

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

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gint64
insert_goal (CtDatabase *db,
             gint64      referral_id,
             const char *number)
{
  g_autofree char *referral = id_text (referral_id);

  return records_insert (db, "goal", "referral", referral, "number", number,
                         "description", "An invented goal", "set_by", "jointly", NULL);
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

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_child (Fixture    *fixture,
           const char *id)
{
  GtkWidget *widget = find_by_id (GTK_WIDGET (fixture->view), id);

  g_assert_nonnull (widget);
  return widget;
}

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

static void
on_child_activated (Fixture *fixture,
                    gint64   child_id)
{
  fixture->activated_child = child_id;
}

/* Clinician A: Test Child A, ended; goal 1 +4.0, goal 2 with no end.
 * Clinician B: Test Child B, open; goal 1 with a baseline. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *child_a = NULL;
  g_autofree char *child_b = NULL;
  g_autofree char *staff_a = NULL;
  g_autofree char *staff_b = NULL;
  CtDatabase *db;
  gint64 ended, open, goal;

  records_fixture_setup (&fixture->records, data);
  db = fixture->records.db;
  fixture->clinician_b = records_insert (db, "staff", "name", "Test Clinician B",
                                         "role", "family_therapist", NULL);
  fixture->child_b = records_insert (db, "child", "reference", "TEST-0002", "name", "Test Child B",
                                     "date_of_birth", "2012-02-03", "legal_status", "looked_after",
                                     "placement_type", "kinship", "placement_area", "in_area",
                                     NULL);
  child_a = id_text (fixture->records.child_id);
  child_b = id_text (fixture->child_b);
  staff_a = id_text (fixture->records.staff_id);
  staff_b = id_text (fixture->clinician_b);
  ended = records_insert (db, "referral", "child", child_a, "referral_date", "2024-04-01",
                          "referral_source", "social_worker", "decision", "accepted",
                          "clinician", staff_a, "start_date", "2024-04-01",
                          "end_date", "2024-12-01", "end_reason", "planned_end", NULL);
  open = records_insert (db, "referral", "child", child_b, "referral_date", "2025-01-10",
                         "referral_source", "iro", "decision", "accepted",
                         "clinician", staff_b, "start_date", "2025-01-10", NULL);
  goal = insert_goal (db, ended, "1");
  rate (db, goal, "2024-04-10", "baseline", "2");
  rate (db, goal, "2024-12-01", "end", "6");
  goal = insert_goal (db, ended, "2");
  rate (db, goal, "2024-04-10", "baseline", "5");
  goal = insert_goal (db, open, "1");
  rate (db, goal, "2025-01-20", "baseline", "3");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = CT_OUTCOMES_VIEW (ct_outcomes_view_new (db));
  g_signal_connect_swapped (fixture->view, "child-activated", G_CALLBACK (on_child_activated),
                            fixture);
  gtk_window_set_default_size (fixture->window, 1100, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  wait_until_mapped (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (fixture->window);
  g_assert_null (fixture->view);
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
                   "2 episodes · 3 goals");

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
  g_assert_cmpuint (n_rows (fixture), ==, 1);
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

/* Locking drops every row. */
static void
test_no_database (Fixture       *fixture,
                  gconstpointer  data)
{
  ct_outcomes_view_set_database (fixture->view, NULL);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_null (ct_outcomes_view_get_database (fixture->view));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/outcomes-view/lists-goals", Fixture, NULL,
              fixture_set_up, test_lists_goals, fixture_tear_down);
  g_test_add ("/outcomes-view/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/outcomes-view/activate-opens-child", Fixture, NULL,
              fixture_set_up, test_activate_opens_child, fixture_tear_down);
  g_test_add ("/outcomes-view/no-database", Fixture, NULL,
              fixture_set_up, test_no_database, fixture_tear_down);

  return g_test_run ();
}
