/* test-audit-log-window.c: the Audit Log window of the real main window:
 * newest first, the filters, read-only, and closed on locking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-audit-log-window"

#include "config.h"

#include "ct-audit-log-window.h"
#include "ct-audit-log.h"
#include "ct-date-range-button.h"
#include "ct-records.h"
#include "ct-setting.h"
#include "test-store.h"
#include "window-test-util.h"

#define OTHER_STAFF "Test Locum Practitioner"

typedef struct
{
  CtWindow         *window;
  CtDatabase       *database;
  CtAuditLogWindow *audit_log;
} Fixture;

/* Entries by two people about two kinds, besides the unlock. */
static void
write_entries (CtDatabase *database)
{
  g_autoptr(GError) error = NULL;

  ct_store_ensure_staff (database, "Test Clinician A", &error);
  g_assert_no_error (error);
  ct_database_set_actor (database, OTHER_STAFF);
  ct_setting_set (database, CT_SETTING_TEAM_NAME, "Invented Team", &error);
  g_assert_no_error (error);
  ct_database_set_actor (database, TEST_WINDOW_STAFF);
}

static gint64
insert_child (CtDatabase *database,
              const char *reference)
{
  g_autoptr(CtRecord) child = ct_record_new (ct_kind_lookup ("child"));
  g_autoptr(GError) error = NULL;
  const char *values[] = { "reference", reference, "name", "Test Child", "date_of_birth",
                           "2015-03-01", "legal_status", "looked_after", "placement_type",
                           "kinship", "placement_area", "in_area", NULL };

  for (guint i = 0; values[i] != NULL; i += 2)
    g_assert_true (ct_record_set_string_by_name (child, values[i], values[i + 1], &error));
  g_assert_true (ct_store_insert (database, child, &error));
  g_assert_no_error (error);
  return ct_record_get_id (child);
}

/* Two children, and the other person opening the first one. */
static void
write_child_entries (CtDatabase *database)
{
  g_autoptr(CtRecord) child = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = insert_child (database, "TEST-0001");

  insert_child (database, "TEST-0002");
  child = ct_store_get (database, ct_kind_lookup ("child"), id, &error);
  ct_database_set_actor (database, OTHER_STAFF);
  g_assert_true (ct_store_audit_view (database, child, &error));
  g_assert_no_error (error);
  ct_database_set_actor (database, TEST_WINDOW_STAFF);
}

static gboolean
is_read (gpointer audit_log)
{
  return !ct_audit_log_window_is_loading (audit_log);
}

static void
open_audit_log (Fixture *fixture)
{
  GtkWindow *audit_log;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.audit-log", NULL));
  audit_log = test_find_toplevel (CT_TYPE_AUDIT_LOG_WINDOW);
  g_assert_nonnull (audit_log);
  g_assert_true (gtk_window_get_transient_for (audit_log) == GTK_WINDOW (fixture->window));
  fixture->audit_log = CT_AUDIT_LOG_WINDOW (audit_log);
}

/* More entries than a page: exports, the first the oldest. */
#define N_EXPORTS 350

static void
write_exports (CtDatabase *database)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_EXPORTS; i++)
    {
      g_autofree char *description = g_strdup_printf ("Exported test batch %u", i);

      g_assert_true (ct_database_audit (database, "export", "consultation", 0, description,
                                        &error));
      g_assert_no_error (error);
    }
}

/* @data: "children" for the children's entries too; "exports" for a trail
 * longer than a page; "held" to leave the window reading. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = test_window_open (NULL);
  fixture->database = ct_window_get_database (fixture->window);
  write_entries (fixture->database);
  if (g_strcmp0 (data, "children") == 0)
    write_child_entries (fixture->database);
  if (g_strcmp0 (data, "exports") == 0)
    write_exports (fixture->database);
  if (g_strcmp0 (data, "held") != 0)
    {
      open_audit_log (fixture);
      test_wait_until (is_read, fixture->audit_log);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_window_close (fixture->window);
  g_assert_null (test_find_toplevel (CT_TYPE_AUDIT_LOG_WINDOW));
}

/* The entries shown, once read. */
static GListModel *
get_rows (Fixture *fixture)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (test_find_by_id (fixture->audit_log, "column_view"));

  test_wait_until (is_read, fixture->audit_log);
  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

static CtAuditEntry *
get_row (Fixture *fixture,
         guint    position)
{
  CtAuditEntry *entry = g_list_model_get_item (get_rows (fixture), position);

  g_assert_nonnull (entry);
  g_object_unref (entry);
  return entry;
}

static guint
count_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (get_rows (fixture));
}

/* Picks the choice shown as @label in a filter. */
static void
choose (Fixture    *fixture,
        const char *dropdown_id,
        const char *label)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (test_find_by_id (fixture->audit_log, dropdown_id));
  GListModel *choices = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_str_equal (gtk_string_object_get_string (choice), label))
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_error ("%s has no choice %s", dropdown_id, label);
}

static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) all = ct_audit_log_list (fixture->database, NULL, NULL, NULL, NULL, NULL);
  CtAuditEntry *newest = get_row (fixture, 0);

  /* unlock, its integrity check, the staff member, the team name */
  g_assert_cmpuint (count_rows (fixture), ==, 4);
  g_assert_cmpuint (count_rows (fixture), ==, g_list_model_get_n_items (all));
  g_assert_cmpstr (ct_audit_entry_get_record_kind (newest), ==, "setting");
  g_assert_cmpstr (ct_audit_entry_get_who (newest), ==, OTHER_STAFF);
  g_assert_cmpstr (ct_audit_entry_get_action (get_row (fixture, 2)), ==, "unlock");
  g_assert_cmpstr (ct_audit_entry_get_action (get_row (fixture, 3)), ==, "unlock");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (test_find_by_id (fixture->audit_log, "window_title"))),
                   ==, "4 entries");
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (test_find_by_id (fixture->audit_log, "stack"));
  CtDateRangeButton *dates = CT_DATE_RANGE_BUTTON (test_find_by_id (fixture->audit_log, "date_range"));

  choose (fixture, "kind_dropdown", "Staff member");
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_cmpstr (ct_audit_entry_get_record_kind (get_row (fixture, 0)), ==, "staff");

  choose (fixture, "kind_dropdown", "All Records");
  choose (fixture, "staff_dropdown", OTHER_STAFF);
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_cmpstr (ct_audit_entry_get_who (get_row (fixture, 0)), ==, OTHER_STAFF);

  /* Both filters together: nothing matches. */
  choose (fixture, "kind_dropdown", "Staff member");
  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  choose (fixture, "kind_dropdown", "All Records");
  choose (fixture, "staff_dropdown", "All Staff");
  g_assert_cmpuint (count_rows (fixture), ==, 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* Long ago: nothing. */
  ct_date_range_button_set_range (dates, "2001-01-01", "2001-12-31");
  g_assert_cmpuint (count_rows (fixture), ==, 0);
  ct_date_range_button_set_range (dates, NULL, NULL);
  g_assert_cmpuint (count_rows (fixture), ==, 4);
}

/* "Who has looked at this child's records" and "what has this person
 * opened". */
static void
test_child_and_action_filters (Fixture       *fixture,
                               gconstpointer  data)
{
  /* The unlock and its check, the staff member, the team name, two
   * children, an opening. */
  g_assert_cmpuint (count_rows (fixture), ==, 7);

  choose (fixture, "child_dropdown", "TEST-0001");
  g_assert_cmpuint (count_rows (fixture), ==, 2);
  choose (fixture, "action_dropdown", "Opened");
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_cmpstr (ct_audit_entry_get_who (get_row (fixture, 0)), ==, OTHER_STAFF);
  g_assert_cmpstr (ct_audit_entry_get_action (get_row (fixture, 0)), ==, "view");
  test_save_screenshot (GTK_WIDGET (fixture->audit_log), "audit-log-child-opened.png");

  choose (fixture, "child_dropdown", "TEST-0002");
  g_assert_cmpuint (count_rows (fixture), ==, 0);

  choose (fixture, "child_dropdown", "All Children");
  choose (fixture, "staff_dropdown", OTHER_STAFF);
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_cmpstr (ct_audit_entry_get_record_kind (get_row (fixture, 0)), ==, "child");

  choose (fixture, "action_dropdown", "All Actions");
  g_assert_cmpuint (count_rows (fixture), ==, 2);
}

/* The trail is read off the window's thread: until it arrives the window
 * says so, and it answers meanwhile. */
static void
test_says_while_reading (Fixture       *fixture,
                         gconstpointer  data)
{
  TestReaderHold *hold = test_store_hold_reader (fixture->database);
  GtkStack *stack;

  open_audit_log (fixture);
  stack = GTK_STACK (test_find_by_id (fixture->audit_log, "stack"));
  test_wait_until_mapped (GTK_WIDGET (stack));
  g_assert_true (ct_audit_log_window_is_loading (fixture->audit_log));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  g_assert_nonnull (test_find_label (fixture->audit_log, "Reading the audit trail…"));
  g_assert_false (gtk_widget_get_sensitive (test_find_by_id (fixture->audit_log, "kind_dropdown")));
  test_save_screenshot (GTK_WIDGET (fixture->audit_log), "audit-log-reading.png");

  test_store_release_reader (hold);
  g_assert_cmpuint (count_rows (fixture), ==, 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_true (gtk_widget_get_sensitive (test_find_by_id (fixture->audit_log, "kind_dropdown")));
}

static gboolean
shows_oldest_export (gpointer audit_log)
{
  return test_find_label (audit_log, "Exported test batch 0") != NULL;
}

/* A long trail is read a page at a time: its last rows are shown once
 * scrolled to, their page read then. */
static void
test_long_trail (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) all = ct_audit_log_list (fixture->database, NULL, NULL, NULL, NULL, NULL);
  g_autofree char *subtitle = g_strdup_printf ("%u entries", g_list_model_get_n_items (all));
  g_autoptr(CtAuditEntry) oldest = NULL;

  g_assert_cmpuint (count_rows (fixture), ==, g_list_model_get_n_items (all));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (test_find_by_id (fixture->audit_log, "window_title"))),
                   ==, subtitle);
  g_assert_cmpstr (ct_audit_entry_get_description (get_row (fixture, 0)), ==,
                   "Exported test batch 349");
  /* The last page is not read until it is shown. */
  oldest = g_list_model_get_item (get_rows (fixture), count_rows (fixture) - 1);
  g_assert_false (ct_audit_entry_is_read (oldest));
  g_assert_false (shows_oldest_export (fixture->audit_log));

  test_scroll_to_end (fixture->audit_log);
  test_wait_until (shows_oldest_export, fixture->audit_log);
  g_assert_nonnull (test_find_label (fixture->audit_log, "Unlocked"));
  test_save_screenshot (GTK_WIDGET (fixture->audit_log), "audit-log-long-trail-end.png");
}

static void
test_closed_on_lock (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *audit_log = g_object_ref (GTK_WIDGET (fixture->audit_log));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  g_assert_null (test_find_toplevel (CT_TYPE_AUDIT_LOG_WINDOW));
  g_assert_finalize_object (audit_log);
  /* Disabled while locked. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.audit-log", NULL);
  g_assert_null (test_find_toplevel (CT_TYPE_AUDIT_LOG_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/audit-log-window/newest-first", test_newest_first);
  ADD ("/audit-log-window/filters", test_filters);
  ADD ("/audit-log-window/closed-on-lock", test_closed_on_lock);
#undef ADD
  g_test_add ("/audit-log-window/child-and-action", Fixture, "children", fixture_set_up,
              test_child_and_action_filters, fixture_tear_down);
  g_test_add ("/audit-log-window/long-trail", Fixture, "exports", fixture_set_up,
              test_long_trail, fixture_tear_down);
  g_test_add ("/audit-log-window/says-while-reading", Fixture, "held", fixture_set_up,
              test_says_while_reading, fixture_tear_down);

  return g_test_run ();
}
