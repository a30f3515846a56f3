/* test-team.c: working as a team, in the real window, with a second
 * connection to the same records standing in for a colleague: their saves
 * appear without any action, and a save over their newer edit asks first.
 * Runs on both stores (CT_TEST_STORE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-team"

#include "config.h"

#include "ct-child-page.h"
#include "ct-record-list.h"
#include "records-fixture.h"
#include "test-store.h"
#include "window-test-util.h"

/* The window's change watch looks every two seconds; a reload takes a
 * little more. */
#define LIVE_WITHIN_US (3 * G_USEC_PER_SEC)

typedef struct
{
  RecordsFixture  records;
  CtDatabase     *colleague;  /* a second connection: "Test Clinician B" */
  CtWindow       *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  records_fixture_setup (&fixture->records, data);
  fixture->colleague = test_store_open_again (fixture->records.db, "Test Clinician B");
  fixture->window = g_object_ref_sink (ct_window_new_unlocked (NULL, fixture->records.db));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_window_close (g_steal_pointer (&fixture->window));
  g_clear_object (&fixture->colleague);
  records_fixture_teardown (&fixture->records, data);
}

/* Waiting, as a person would, with no action */

typedef struct
{
  TestCondition condition;
  gpointer      data;
  gint64        deadline;
} Deadline;

static gboolean
holds_or_late (gpointer data)
{
  Deadline *wait = data;

  return wait->condition (wait->data) || g_get_monotonic_time () > wait->deadline;
}

/* Asserts that @condition comes to hold within LIVE_WITHIN_US. */
static void
assert_shown_soon (TestCondition condition,
                   gpointer      data)
{
  Deadline wait = { condition, data, g_get_monotonic_time () + LIVE_WITHIN_US };

  test_wait_until (holds_or_late, &wait);
  g_assert_true (condition (data));
}

static gboolean
list_has_two_rows (gpointer list)
{
  GListModel *model = ct_record_list_get_model (list);

  return model != NULL && g_list_model_get_n_items (model) == 2;
}

static gboolean
page_shows_new_name (gpointer page)
{
  return g_strcmp0 (ct_record_page_get_title (page), "Test Child Renamed") == 0;
}

/* A colleague adds a child while the list is open, then renames the child
 * whose page is open: both show it within the watch's interval. */
static void
test_live (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CtRecord) child = test_window_open_first_record (fixture->window, "children");
  g_autoptr(CtRecord) theirs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = test_find_of_type (fixture->window, CT_TYPE_CHILD_PAGE);
  GtkWidget *list;

  g_assert_nonnull (page);
  g_assert_cmpstr (ct_record_page_get_title (CT_RECORD_PAGE (page)), ==, "Test Child A");

  theirs = ct_store_get (fixture->colleague, ct_kind_lookup ("child"),
                         fixture->records.child_id, &error);
  g_assert_no_error (error);
  g_assert_true (ct_record_set_string_by_name (theirs, "name", "Test Child Renamed", &error));
  g_assert_true (ct_store_update (fixture->colleague, theirs, &error));
  g_assert_no_error (error);
  assert_shown_soon (page_shows_new_name, page);

  g_signal_emit_by_name (test_find_by_id (fixture->window, "back_button"), "clicked");
  list = test_find_of_type (fixture->window, CT_TYPE_RECORD_LIST);
  g_assert_true (gtk_widget_get_mapped (list));
  records_insert_child_b (fixture->colleague);
  assert_shown_soon (list_has_two_rows, list);
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add ("/team/live", Fixture, NULL, fixture_set_up, test_live, fixture_tear_down);

  return g_test_run ();
}
