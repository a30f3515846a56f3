/* test-window.c: the real window, driven as a person would: create the
 * records file, lock, a wrong passphrase, the right one.
 *
 * From the primary menu: another records file (through the file chooser),
 * a new one, a backup and a passphrase change; the last file is the next
 * start's. --demo keeps its settings in memory.
 *
 * Each test has its own XDG directories (G_TEST_OPTION_ISOLATE_DIRS), so
 * the records file lives in a fresh temporary data folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "ct-audit-log.h"
#include "ct-application.h"
#include "ct-main-view.h"
#include "ct-passphrase-dialog.h"
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

static gboolean
knows_own_staff (gpointer db)
{
  return ct_store_peek_own_staff (db) != 0;
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

  /* The window finds who signed in on the store's reader: a new record
   * then starts with them at once. */
  test_wait_until (knows_own_staff, db);
  g_assert_cmpint (ct_store_peek_own_staff (db), ==, staff_id);
  editor = ct_record_editor_new (GTK_WINDOW (fixture->window), db,
                                 ct_kind_lookup ("consultation"), NULL);
  g_assert_false (ct_record_editor_is_reading (editor));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* A staff member added: the store forgets who signed in, and the
   * window finds them again. */
  g_assert_cmpint (ct_store_ensure_staff (db, "Test Newcomer Zed", NULL), !=, 0);
  g_assert_cmpint (ct_store_peek_own_staff (db), ==, 0);
  test_wait_until (knows_own_staff, db);
  g_assert_cmpint (ct_store_peek_own_staff (db), ==, staff_id);
  editor = ct_record_editor_new (GTK_WINDOW (fixture->window), db,
                                 ct_kind_lookup ("consultation"), NULL);
  g_assert_false (ct_record_editor_is_reading (editor));
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

/* Another records file, a backup, a new passphrase */

#define OTHER_PASSPHRASE "seven orange kites over harbour"
#define NEW_PASSPHRASE   "quiet lanterns drift past midnight"

static void
create_file_at (const char *path,
                const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) database = ct_database_create (path, passphrase, TEST_WINDOW_STAFF,
                                                       &error);

  g_assert_no_error (error);
  ct_database_close (database);
}

static gboolean
is_recent_file_written (gpointer filename)
{
  return g_file_test (filename, G_FILE_TEST_EXISTS);
}

/* The chooser notes the file in GTK's recent files, written a moment later
 * where GTK first made them (in the folders of the first test that chose
 * a file): waited for, so that it is not written after the folders go. */
static void
wait_for_recent_files (void)
{
  g_autofree char *filename = NULL;
  g_autofree char *folder = NULL;

  g_object_get (gtk_recent_manager_get_default (), "filename", &filename, NULL);
  folder = g_path_get_dirname (filename);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  test_wait_until (is_recent_file_written, filename);
}

static GFile *expected_file;

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

static gboolean
is_gone (gpointer type)
{
  return test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static gboolean
has_chosen_file (gpointer chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL && g_file_equal (file, expected_file);
}

/* Without a portal, GtkFileChooserNative shows GTK's own dialog: chooses
 * the existing file @path in it as a person would (once its folder is
 * read), and accepts. */
static void
choose_in_file_chooser (const char *path)
{
  GtkWindow *dialog = test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  expected_file = file;
  test_wait_until (has_chosen_file, chooser);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  wait_for_recent_files ();
}

/* A chooser of where a new file goes suggests @name; cancelled. (GTK's
 * own dialog takes a typed name in its own time: what the window does
 * with the answer is tested through the function the answer calls.) */
static void
cancel_save_chooser (const char *name)
{
  g_autoptr(GtkWindow) dialog = g_object_ref (test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autofree char *suggested = gtk_file_chooser_get_current_name (chooser);

  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_cmpstr (suggested, ==, name);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  test_wait_until (is_hidden, dialog);
}

static GtkWidget *
visible_page_of (CtWindow *window)
{
  return gtk_stack_get_visible_child (GTK_STACK (test_find_by_id (window, "locked_stack")));
}

/* Open Records File… locks the file open and asks for the chosen one's
 * passphrase; the next start asks for that file again. */
static void
test_open_another_file (void)
{
  g_autofree char *other = g_build_filename (g_get_user_data_dir (), "other team.ctdb", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *remembered = NULL;
  CtWindow *window;
  GtkWidget *page;

  create_file_at (other, OTHER_PASSPHRASE);
  window = test_window_open (NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", NULL));
  choose_in_file_chooser (other);
  test_wait_until (test_window_is_locked, window);
  page = visible_page_of (window);
  g_assert_true (CT_IS_UNLOCK_PAGE (page));
  g_assert_cmpstr (ct_passphrase_page_get_path (CT_PASSPHRASE_PAGE (page)), ==, other);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (test_find_by_id (page, "file_label"))),
                            "other team.ctdb"));
  test_save_screenshot (GTK_WIDGET (window), "unlock-other-file.png");

  unlock_with (page, OTHER_PASSPHRASE);
  g_assert_cmpstr (ct_database_get_path (ct_window_get_database (window)), ==, other);
  remembered = g_settings_get_string (settings, "records-file");
  g_assert_cmpstr (remembered, ==, other);
  test_window_close (window);

  window = g_object_ref (ct_window_new (NULL));
  page = visible_page_of (window);
  g_assert_true (CT_IS_UNLOCK_PAGE (page));
  g_assert_cmpstr (ct_passphrase_page_get_path (CT_PASSPHRASE_PAGE (page)), ==, other);
  test_window_close (window);
}

/* The welcome page says where the new file goes and lets the person choose. */
static void
test_welcome_chooses_location (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *default_path = ct_database_get_default_path ();
  g_autofree char *folder = g_build_filename (g_get_home_dir (), "Team records", NULL);
  g_autofree char *chosen = g_build_filename (folder, "north team.ctdb", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *remembered = NULL;
  GtkWidget *page = visible_locked_page (fixture);
  GtkLabel *location = GTK_LABEL (test_find_by_id (page, "location_label"));

  g_assert_true (CT_IS_WELCOME_PAGE (page));
  g_assert_cmpstr (gtk_label_get_label (location), ==, default_path);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  g_assert_true (gtk_widget_activate_action (page, "welcome.choose-location", NULL));
  cancel_save_chooser ("records.ctdb");
  ct_passphrase_page_set_path (CT_PASSPHRASE_PAGE (page), chosen);
  g_assert_cmpstr (gtk_label_get_label (location), ==, chosen);
  test_save_screenshot (GTK_WIDGET (fixture->window), "welcome-location.png");

  create_records_file (fixture);
  g_assert_cmpstr (ct_database_get_path (ct_window_get_database (fixture->window)), ==, chosen);
  g_assert_true (g_file_test (chosen, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));
  remembered = g_settings_get_string (settings, "records-file");
  g_assert_cmpstr (remembered, ==, chosen);
}

static gboolean
is_error_shown (gpointer dialog)
{
  return gtk_widget_get_visible (test_find_by_id (dialog, "error_label"));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The main menu of the unlocked window, for a person to look at. */
static void
show_primary_menu (CtWindow *window)
{
  GtkWidget *view = test_find_of_type (window, CT_TYPE_MAIN_VIEW);
  GtkMenuButton *button = GTK_MENU_BUTTON (test_find_by_id (view, "menu_button"));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));

  gtk_menu_button_popup (button);
  test_wait_until (is_mapped, popover);
  test_save_screenshot (popover, "primary-menu.png");
  gtk_menu_button_popdown (button);
}

static CtPassphraseDialog *
wait_for_passphrase_dialog (void)
{
  return CT_PASSPHRASE_DIALOG (test_wait_for_toplevel (CT_TYPE_PASSPHRASE_DIALOG));
}

/* Sends the dialog off with @passphrase as the current one; a wrong one is
 * said in the dialog. */
static void
accept_with (CtPassphraseDialog *dialog,
             const char         *passphrase)
{
  test_set_text (dialog, "current_row", passphrase);
  g_assert_true (gtk_widget_get_sensitive (test_find_by_id (dialog, "accept_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.accept", NULL));
}

static guint
count_audit_entries (CtDatabase *db,
                     const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = ct_audit_log_list (db, NULL, NULL, NULL, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CtAuditEntry) entry = g_list_model_get_item (entries, i);

      n += g_strcmp0 (ct_audit_entry_get_action (entry), action) == 0;
    }
  return n;
}

static void
assert_opens_with (const char *path,
                   const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_open_with_mode (path, passphrase, NULL,
                                                         CT_DATABASE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  ct_database_close (db);
}

static void
assert_refuses (const char *path,
                const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_open_with_mode (path, passphrase, NULL,
                                                         CT_DATABASE_OPEN_READ_ONLY, &error);

  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_WRONG_PASSPHRASE);
  g_assert_null (db);
}

/* Back Up Records… writes a checked copy where the person chose, audited
 * as the command line's backup is; a wrong passphrase writes nothing. */
static void
test_backup_from_menu (void)
{
  g_autofree char *dest = g_build_filename (g_get_home_dir (), "backup of records.ctdb", NULL);
  CtWindow *window = test_window_open (NULL);
  CtDatabase *db = ct_window_get_database (window);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *suggested = g_strdup_printf ("records-backup-%s.ctdb", day);
  CtPassphraseDialog *dialog;

  show_primary_menu (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backup", NULL));
  cancel_save_chooser (suggested);
  g_assert_null (test_find_toplevel (CT_TYPE_PASSPHRASE_DIALOG));
  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);
  ct_window_back_up_to (window, dest);
  dialog = wait_for_passphrase_dialog ();

  g_assert_false (gtk_widget_get_visible (test_find_by_id (dialog, "new_row")));
  g_assert_false (gtk_widget_get_sensitive (test_find_by_id (dialog, "accept_button")));
  test_save_screenshot (GTK_WIDGET (dialog), "backup-dialog.png");

  accept_with (dialog, "not the passphrase at all");
  test_wait_until (is_error_shown, dialog);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_audit_entries (db, "backup"), ==, 0);

  accept_with (dialog, TEST_WINDOW_PASSPHRASE);
  test_wait_until (is_gone, GSIZE_TO_POINTER (CT_TYPE_PASSPHRASE_DIALOG));
  assert_opens_with (dest, TEST_WINDOW_PASSPHRASE);
  /* Begun and written, as `clinical-team backup` writes them. */
  g_assert_cmpuint (count_audit_entries (db, "backup"), ==, 2);
  g_assert_true (ct_window_get_database (window) == db);
  test_window_close (window);
}

static gboolean
is_reopened (gpointer data)
{
  CtWindow *window = ((gpointer *) data)[0];
  CtDatabase *before = ((gpointer *) data)[1];

  return ct_window_get_database (window) != NULL && ct_window_get_database (window) != before;
}

static const char *
get_hint (CtPassphraseDialog *dialog)
{
  return gtk_label_get_label (GTK_LABEL (test_find_by_id (dialog, "hint_label")));
}

/* Change Passphrase… says what is wrong with the new one, refuses a wrong
 * current one, and changes it: the file opens with the new one only. */
static void
test_change_passphrase_from_menu (void)
{
  CtWindow *window = test_window_open (NULL);
  g_autoptr(CtDatabase) before = g_object_ref (ct_window_get_database (window));
  g_autofree char *path = g_strdup (ct_database_get_path (before));
  CtPassphraseDialog *dialog;
  GtkWidget *accept;
  gpointer waiting[2] = { window, before };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.change-passphrase", NULL));
  dialog = wait_for_passphrase_dialog ();
  accept = test_find_by_id (dialog, "accept_button");

  test_set_text (dialog, "current_row", TEST_WINDOW_PASSPHRASE);
  test_set_text (dialog, "new_row", "short");
  g_assert_cmpstr (get_hint (dialog), ==, "Choose a passphrase of at least 10 characters.");
  test_set_text (dialog, "new_row", "abcdefghijklmnop");
  g_assert_true (g_str_has_prefix (get_hint (dialog), "Choose a stronger passphrase: "));
  test_set_text (dialog, "new_row", NEW_PASSPHRASE);
  test_set_text (dialog, "repeat_row", NEW_PASSPHRASE "!");
  g_assert_cmpstr (get_hint (dialog), ==, "The two new passphrases are not the same.");
  g_assert_false (gtk_widget_get_sensitive (accept));
  test_set_text (dialog, "repeat_row", NEW_PASSPHRASE);
  g_assert_cmpstr (get_hint (dialog), ==, "");
  test_save_screenshot (GTK_WIDGET (dialog), "change-passphrase.png");

  accept_with (dialog, "not the passphrase at all");
  test_wait_until (is_error_shown, dialog);
  g_assert_true (ct_window_get_database (window) == before);

  accept_with (dialog, TEST_WINDOW_PASSPHRASE);
  test_wait_until (is_reopened, waiting);
  g_assert_null (test_find_toplevel (CT_TYPE_PASSPHRASE_DIALOG));
  g_assert_false (ct_database_is_open (before));
  g_assert_cmpuint (count_audit_entries (ct_window_get_database (window), "passphrase_change"),
                    ==, 2);
  assert_refuses (path, TEST_WINDOW_PASSPHRASE);
  assert_opens_with (path, NEW_PASSPHRASE);
  test_window_close (window);
}

/* --demo switches this process to settings kept in memory before anything
 * reads one: a real backend (a keyfile here) is never written. */
static void
test_demo_keeps_settings_in_memory (void)
{
  g_autofree char *keyfile = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(CtApplication) application = ct_application_new ();
      g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
      g_autoptr(GSettings) settings = NULL;

      g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
      g_variant_dict_insert (options, "demo", "b", TRUE);
      G_APPLICATION_GET_CLASS (application)->handle_local_options (G_APPLICATION (application),
                                                                    options);
      settings = g_settings_new (APP_ID);
      g_settings_set_string (settings, "staff-profile", "Demo Person");
      g_settings_set_string (settings, "records-file", "/demo/records.ctdb");
      g_settings_sync ();
      g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
  g_assert_false (g_file_test (keyfile, G_FILE_TEST_EXISTS));
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
  g_test_add ("/welcome/chooses-location", Fixture, NULL,
              fixture_set_up, test_welcome_chooses_location, fixture_tear_down);
  g_test_add_func ("/window/open-another-file", test_open_another_file);
  g_test_add_func ("/window/backup-from-menu", test_backup_from_menu);
  g_test_add_func ("/window/change-passphrase-from-menu", test_change_passphrase_from_menu);
  g_test_add_func ("/demo/keeps-settings-in-memory", test_demo_keeps_settings_in_memory);

  return g_test_run ();
}
