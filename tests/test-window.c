/* test-window.c: the real window, driven as a person would: create the
 * records file, lock, a wrong passphrase, the right one.
 *
 * Each test has its own XDG directories (G_TEST_OPTION_ISOLATE_DIRS), so
 * the records file lives in a fresh temporary data folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "ct-main-view.h"
#include "ct-records.h"
#include "editor/ct-field-row.h"
#include "editor/ct-record-editor.h"
#include "ct-unlock-page.h"
#include "ct-welcome-page.h"
#include "window-test-util.h"

static const char *const section_names[] = {
  "caseload", "children", "consultations", "reflective-practice", "outcomes", "training",
  "reports",
};

/* Waiting */

static gboolean
is_unlocked (gpointer window)
{
  return ct_window_get_database (window) != NULL;
}

static gboolean
is_idle (gpointer page)
{
  return !ct_passphrase_page_get_busy (page);
}

/* The window */

typedef struct
{
  CtWindow *window;
  guint     n_database_notifies;
} Fixture;

static void
on_database_notify (Fixture *fixture)
{
  fixture->n_database_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = g_object_ref (ct_window_new (NULL));
  g_signal_connect_swapped (fixture->window, "notify::database",
                            G_CALLBACK (on_database_notify), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
}

static GtkWidget *
visible_locked_page (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (test_find_by_id (fixture->window, "stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "locked");
  stack = GTK_STACK (test_find_by_id (fixture->window, "locked_stack"));
  return gtk_stack_get_visible_child (stack);
}

static void
fill_welcome_page (GtkWidget  *page,
                   const char *passphrase,
                   const char *confirmation,
                   const char *name)
{
  test_set_text (page, "passphrase_entry", passphrase);
  test_set_text (page, "confirm_entry", confirmation);
  test_set_text (page, "name_entry", name);
}

static void
assert_unlocked (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (test_find_by_id (fixture->window, "stack"));
  GtkWidget *main_view = test_find_of_type (fixture->window, CT_TYPE_MAIN_VIEW);
  GtkStack *sections;

  g_assert_nonnull (main_view);
  g_assert_true (gtk_stack_get_visible_child (stack) == main_view);
  g_assert_true (ct_main_view_get_database (CT_MAIN_VIEW (main_view)) ==
                 ct_window_get_database (fixture->window));
  g_assert_true (ct_database_is_open (ct_window_get_database (fixture->window)));
  g_assert_true (gtk_widget_get_visible (test_find_by_id (main_view, "sidebar")));

  sections = GTK_STACK (test_find_by_id (main_view, "sections"));
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    g_assert_nonnull (gtk_stack_get_child_by_name (sections, section_names[i]));
  g_assert_cmpstr (ct_main_view_get_section (CT_MAIN_VIEW (main_view)), ==, "caseload");
}

static void
unlock_with (GtkWidget  *page,
             const char *passphrase)
{
  test_set_text (page, "passphrase_entry", passphrase);
  g_assert_true (gtk_widget_activate_action (page, "unlock.unlock", NULL));
  g_assert_true (ct_passphrase_page_get_busy (CT_PASSPHRASE_PAGE (page)));
  test_wait_until (is_idle, page);
}

static void
create_records_file (Fixture *fixture)
{
  GtkWidget *page = visible_locked_page (fixture);

  g_assert_true (CT_IS_WELCOME_PAGE (page));
  fill_welcome_page (page, TEST_WINDOW_PASSPHRASE, TEST_WINDOW_PASSPHRASE,
                     "  " TEST_WINDOW_STAFF " ");
  /* Family therapist */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_find_by_id (page, "role_dropdown")), 2);
  g_assert_true (gtk_widget_get_sensitive (test_find_by_id (page, "create_button")));

  g_signal_emit_by_name (test_find_by_id (page, "create_button"), "clicked");
  g_assert_cmpstr (test_get_text (page, "passphrase_entry"), ==, "");
  g_assert_cmpstr (test_get_text (page, "confirm_entry"), ==, "");
  test_wait_until (is_unlocked, fixture->window);
}

static gboolean
is_clinician_row (GtkWidget     *widget,
                  gconstpointer  data)
{
  return CT_IS_FIELD_ROW (widget) &&
         g_str_equal (ct_field_get_name (ct_field_row_get_field (CT_FIELD_ROW (widget))), "clinician");
}

/* The new file holds its creator's staff profile, with the role chosen, so
 * that a new consultation starts with its clinician chosen. */
static void
assert_first_consultation_ready (Fixture *fixture)
{
  CtDatabase *db = ct_window_get_database (fixture->window);
  gint64 staff_id = ct_store_find_staff (db, TEST_WINDOW_STAFF, NULL);
  g_autoptr(CtRecord) staff = NULL;
  g_autofree char *role = NULL;
  g_autofree char *clinician = NULL;
  CtRecordEditor *editor;

  g_assert_cmpint (staff_id, !=, 0);
  staff = ct_store_get (db, ct_kind_lookup ("staff"), staff_id, NULL);
  role = ct_record_get_string_by_name (staff, "role");
  g_assert_cmpstr (role, ==, "family_therapist");

  editor = ct_record_editor_new (GTK_WINDOW (fixture->window), db,
                                 ct_kind_lookup ("consultation"), NULL);
  clinician = ct_field_row_dup_text (CT_FIELD_ROW (test_find_widget (editor, is_clinician_row,
                                                                     NULL)));
  g_assert_cmpint (g_ascii_strtoll (clinician, NULL, 10), ==, staff_id);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_first_run (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = ct_database_get_default_path ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *staff_profile = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (ct_window_get_database (fixture->window));

  create_records_file (fixture);

  assert_unlocked (fixture);
  g_assert_cmpuint (fixture->n_database_notifies, ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (ct_database_get_path (ct_window_get_database (fixture->window)), ==, path);
  staff_profile = g_settings_get_string (settings, "staff-profile");
  g_assert_cmpstr (staff_profile, ==, TEST_WINDOW_STAFF);
  g_assert_cmpstr (ct_database_get_actor (ct_window_get_database (fixture->window)), ==,
                   TEST_WINDOW_STAFF);
  assert_first_consultation_ready (fixture);
}

static void
test_lock_and_unlock (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CtDatabase) database = NULL;
  GtkWidget *page;
  GtkWidget *focus;

  create_records_file (fixture);
  database = g_object_ref (ct_window_get_database (fixture->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  g_assert_null (ct_window_get_database (fixture->window));
  g_assert_cmpuint (fixture->n_database_notifies, ==, 2);
  g_assert_false (ct_database_is_open (database));
  g_assert_null (test_find_of_type (fixture->window, CT_TYPE_MAIN_VIEW));
  page = visible_locked_page (fixture);
  g_assert_true (CT_IS_UNLOCK_PAGE (page));

  /* A wrong passphrase: said so, and ready for another try. */
  unlock_with (page, "not the passphrase at all");
  g_assert_null (ct_window_get_database (fixture->window));
  g_assert_true (visible_locked_page (fixture) == page);
  g_assert_true (gtk_widget_get_visible (test_find_by_id (page, "error_label")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (test_find_by_id (page, "error_label"))), !=, "");
  g_assert_cmpstr (test_get_text (page, "passphrase_entry"), ==, "");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, test_find_by_id (page, "passphrase_entry")));

  /* The right one. */
  unlock_with (page, TEST_WINDOW_PASSPHRASE);
  assert_unlocked (fixture);
  g_assert_cmpuint (fixture->n_database_notifies, ==, 3);
  g_assert_false (gtk_widget_get_visible (test_find_by_id (page, "error_label")));
}

static void
test_welcome_says_what_to_fix (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *page = visible_locked_page (fixture);
  GtkWidget *button = test_find_by_id (page, "create_button");
  GtkLabel *hint = GTK_LABEL (test_find_by_id (page, "hint_label"));

  g_assert_true (CT_IS_WELCOME_PAGE (page));
  g_assert_false (gtk_widget_get_sensitive (button));

  fill_welcome_page (page, "short", "short", TEST_WINDOW_STAFF);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_label_get_label (hint), ==, "Choose a passphrase of at least 10 characters.");

  /* libpwquality's reason, in its own words. */
  fill_welcome_page (page, "abcdefghijklmnop", "abcdefghijklmnop", TEST_WINDOW_STAFF);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (hint), "Choose a stronger passphrase: "));

  fill_welcome_page (page, TEST_WINDOW_PASSPHRASE, TEST_WINDOW_PASSPHRASE "!", TEST_WINDOW_STAFF);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_label_get_label (hint), ==, "The two passphrases are not the same.");

  fill_welcome_page (page, TEST_WINDOW_PASSPHRASE, TEST_WINDOW_PASSPHRASE, "   ");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_label_get_label (hint), ==,
                   "Type your name: the audit trail records who made each change.");

  fill_welcome_page (page, TEST_WINDOW_PASSPHRASE, TEST_WINDOW_PASSPHRASE, TEST_WINDOW_STAFF);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_label_get_label (hint), ==, "");

  /* Nothing was created on the way. */
  g_assert_null (ct_window_get_database (fixture->window));
}

static void
test_welcome_rates_passphrase (void)
{
  g_assert_cmpuint (ct_welcome_page_rate_passphrase (""), ==, 0);
  g_assert_cmpuint (ct_welcome_page_rate_passphrase ("abcdefghi"), ==, 0);
  g_assert_cmpuint (ct_welcome_page_rate_passphrase ("abcdefghij"), ==, 1);
  g_assert_cmpuint (ct_welcome_page_rate_passphrase ("Abcdefgh1j"), ==, 2);
  g_assert_cmpuint (ct_welcome_page_rate_passphrase ("abcdefghijklmnop"), ==, 2);
  g_assert_cmpuint (ct_welcome_page_rate_passphrase ("Abcdefghijklmno5"), ==, 3);
  g_assert_cmpuint (ct_welcome_page_rate_passphrase (TEST_WINDOW_PASSPHRASE), ==, 3);
}

/* A records file made elsewhere (the CLI, say): the window asks to unlock it. */
static void
test_existing_file_asks_to_unlock (void)
{
  Fixture fixture = { 0 };

  test_window_create_records_file ();
  fixture_set_up (&fixture, NULL);
  g_assert_true (CT_IS_UNLOCK_PAGE (visible_locked_page (&fixture)));
  unlock_with (visible_locked_page (&fixture), TEST_WINDOW_PASSPHRASE);
  assert_unlocked (&fixture);
  fixture_tear_down (&fixture, NULL);
}

/* The size is restored on opening and saved on closing. */
static void
test_window_size_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CtWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);
  window = g_object_ref (ct_window_new (NULL));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add ("/window/first-run", Fixture, NULL,
              fixture_set_up, test_first_run, fixture_tear_down);
  g_test_add ("/window/lock-and-unlock", Fixture, NULL,
              fixture_set_up, test_lock_and_unlock, fixture_tear_down);
  g_test_add ("/window/welcome-says-what-to-fix", Fixture, NULL,
              fixture_set_up, test_welcome_says_what_to_fix, fixture_tear_down);
  g_test_add_func ("/window/existing-file-asks-to-unlock", test_existing_file_asks_to_unlock);
  g_test_add_func ("/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/welcome/rates-passphrase", test_welcome_rates_passphrase);

  return g_test_run ();
}
