/* test-preferences.c: the Preferences window of the real main window:
 * the team name (in the records file, audited), the staff profile (the
 * audit trail's actor), the staff list, auto-lock minutes, the keyring
 * switch; and the
 * keyring itself, when a secret service runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#if HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "ct-audit-log.h"
#include "ct-field-row.h"
#include "ct-keyring.h"
#include "ct-preferences-window.h"
#include "ct-preferences.h"
#include "ct-record-editor.h"
#include "ct-records.h"
#include "ct-secret.h"
#include "ct-setting.h"
#include "test-store.h"
#include "window-test-util.h"

#define TEAM_NAME "Invented Clinical Team North"
#define OTHER_STAFF "Test Locum Practitioner"

typedef struct
{
  CtWindow            *window;
  CtDatabase          *database;
  CtPreferencesWindow *preferences;
  GSettings           *settings;
} Fixture;

static gboolean
is_read (gpointer preferences)
{
  return !ct_preferences_window_is_loading (preferences);
}

/* The team name and the staff are read on the store's reader, and so is
 * the member an Edit opens. */
static void
wait_until_read (CtPreferencesWindow *preferences)
{
  test_wait_until (is_read, preferences);
}

static CtPreferencesWindow *
open_preferences (Fixture *fixture)
{
  GtkWindow *preferences;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences", NULL));
  preferences = test_find_toplevel (CT_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (fixture->window));
  wait_until_read (CT_PREFERENCES_WINDOW (preferences));
  return CT_PREFERENCES_WINDOW (preferences);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  /* The memory backend keeps settings from one test to the next. */
  g_settings_reset (fixture->settings, "auto-lock-minutes");
  g_settings_reset (fixture->settings, "remember-passphrase");
  fixture->window = test_window_open (NULL);
  fixture->database = ct_window_get_database (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_window_close (fixture->window);
  g_clear_object (&fixture->settings);
}

static void
apply (gpointer    root,
       const char *id)
{
  g_signal_emit_by_name (test_find_by_id (root, id), "apply");
}

/* The entries about the preferences, newest first. */
static GListModel *
list_setting_entries (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GListModel *entries = ct_audit_log_list (fixture->database, NULL, NULL, "setting", NULL, &error);

  g_assert_no_error (error);
  return entries;
}

static char *
get_team_name (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *name = ct_setting_get (fixture->database, CT_SETTING_TEAM_NAME, &error);

  g_assert_no_error (error);
  return name;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (gpointer    root,
            const char *name)
{
  GtkWidget *widget = test_find_widget (root, has_name, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_team_name (Fixture       *fixture,
                gconstpointer  data)
{
  CtPreferencesWindow *preferences = open_preferences (fixture);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(CtAuditEntry) entry = NULL;
  g_autofree char *name = NULL;
  TestReaderHold *hold;

  g_assert_cmpstr (test_get_text (preferences, "team_name_row"), ==, "");

  /* Nothing typed: nothing saved. */
  test_set_text (preferences, "team_name_row", "   ");
  apply (preferences, "team_name_row");
  name = get_team_name (fixture);
  g_assert_null (name);

  test_set_text (preferences, "team_name_row", "  " TEAM_NAME " ");
  apply (preferences, "team_name_row");
  g_clear_pointer (&name, g_free);
  name = get_team_name (fixture);
  g_assert_cmpstr (name, ==, TEAM_NAME);
  g_assert_cmpstr (test_get_text (preferences, "team_name_row"), ==, TEAM_NAME);

  /* One audit entry, by the signed-in staff member. */
  entries = list_setting_entries (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  entry = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (ct_audit_entry_get_action (entry), ==, "update");
  g_assert_cmpstr (ct_audit_entry_get_who (entry), ==, TEST_WINDOW_STAFF);

  /* Shown the next time, once read on the store's reader. */
  gtk_window_destroy (GTK_WINDOW (preferences));
  hold = test_store_hold_reader (fixture->database);
  test_store_wait_until_held (hold);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences", NULL));
  preferences = CT_PREFERENCES_WINDOW (test_find_toplevel (CT_TYPE_PREFERENCES_WINDOW));
  g_assert_true (ct_preferences_window_is_loading (preferences));
  g_assert_cmpstr (test_get_text (preferences, "team_name_row"), ==, "");
  /* Nothing to change in the figures' preferences before they are shown. */
  g_assert_false (gtk_widget_is_sensitive (find_named (preferences, "threshold-spin")));
  test_store_release_reader (hold);
  wait_until_read (preferences);
  g_assert_cmpstr (test_get_text (preferences, "team_name_row"), ==, TEAM_NAME);
  g_assert_true (gtk_widget_is_sensitive (find_named (preferences, "threshold-spin")));
}

static void
assert_staff_profile (Fixture    *fixture,
                      const char *name)
{
  g_autofree char *profile = g_settings_get_string (fixture->settings, "staff-profile");

  g_assert_cmpstr (profile, ==, name);
  g_assert_cmpstr (ct_database_get_actor (fixture->database), ==, name);
}

static void
test_staff_profile_typed (Fixture       *fixture,
                          gconstpointer  data)
{
  CtPreferencesWindow *preferences = open_preferences (fixture);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(CtAuditEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (test_get_text (preferences, "staff_row"), ==, TEST_WINDOW_STAFF);

  test_set_text (preferences, "staff_row", "");
  apply (preferences, "staff_row");
  assert_staff_profile (fixture, TEST_WINDOW_STAFF);

  test_set_text (preferences, "staff_row", OTHER_STAFF " ");
  apply (preferences, "staff_row");
  assert_staff_profile (fixture, OTHER_STAFF);

  /* The next change is recorded under the new name. */
  g_assert_true (ct_setting_set (fixture->database, CT_SETTING_TEAM_NAME, TEAM_NAME, &error));
  g_assert_no_error (error);
  entries = list_setting_entries (fixture);
  entry = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (ct_audit_entry_get_who (entry), ==, OTHER_STAFF);
}

static void
test_staff_profile_chosen (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CtPreferencesWindow *preferences;
  GtkMenuButton *button;
  GMenuModel *menu;

  ct_store_ensure_staff (fixture->database, OTHER_STAFF, &error);
  g_assert_no_error (error);

  preferences = open_preferences (fixture);
  button = GTK_MENU_BUTTON (test_find_by_id (preferences, "staff_button"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "prefs.use-staff",
                                             "s", OTHER_STAFF));
  assert_staff_profile (fixture, OTHER_STAFF);
  g_assert_cmpstr (test_get_text (preferences, "staff_row"), ==, OTHER_STAFF);
}

static void
test_no_staff_to_choose (Fixture       *fixture,
                         gconstpointer  data)
{
  CtPreferencesWindow *preferences = open_preferences (fixture);

  g_assert_false (gtk_widget_get_visible (test_find_by_id (preferences, "staff_button")));
}

/* The staff list, through the record editor */

#define NEW_STAFF "Test Newcomer Delta"
#define RENAMED_STAFF "Test Newcomer Renamed"

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
  return test_find_toplevel (CT_TYPE_RECORD_EDITOR) == NULL;
}

/* Sets the open editor's fields ("field", "text", ..., NULL) and saves. */
static void
fill_and_save (const char *field,
               ...)
{
  GtkWindow *editor = test_find_toplevel (CT_TYPE_RECORD_EDITOR);
  va_list args;

  g_assert_nonnull (editor);
  g_assert_true (ct_record_editor_get_kind (CT_RECORD_EDITOR (editor)) ==
                 ct_kind_lookup ("staff"));
  va_start (args, field);
  for (const char *name = field; name != NULL; name = va_arg (args, const char *))
    {
      GtkWidget *row = test_find_widget (editor, is_row_of, name);

      g_assert_nonnull (row);
      ct_field_row_set_text (CT_FIELD_ROW (row), va_arg (args, const char *));
    }
  va_end (args);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  test_wait_until (no_editor, NULL);
}

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_staff_row (CtPreferencesWindow *preferences,
                const char          *name)
{
  return test_find_widget (test_find_by_id (preferences, "staff_group"), is_titled, name);
}

static gboolean
is_edit_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "prefs.edit-staff") == 0;
}

static void
test_staff_added_and_edited (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(CtRecord) member = NULL;
  g_autofree char *name = NULL;
  CtPreferencesWindow *preferences = open_preferences (fixture);
  GtkWidget *row;

  g_assert_null (find_staff_row (preferences, NEW_STAFF));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "prefs.add-staff", NULL));
  fill_and_save ("name", NEW_STAFF, "role", "family_therapist", NULL);
  wait_until_read (preferences);

  row = find_staff_row (preferences, NEW_STAFF);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Family therapist");
  staff = ct_store_list (fixture->database, ct_kind_lookup ("staff"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 1);
  member = g_list_model_get_item (staff, 0);
  name = ct_record_get_string_by_name (member, "name");
  g_assert_cmpstr (name, ==, NEW_STAFF);
  /* Now one to choose as the staff profile. */
  g_assert_true (gtk_widget_get_visible (test_find_by_id (preferences, "staff_button")));

  g_signal_emit_by_name (test_find_widget (row, is_edit_button, NULL), "clicked");
  wait_until_read (preferences);
  fill_and_save ("name", RENAMED_STAFF, NULL);
  wait_until_read (preferences);
  g_assert_null (find_staff_row (preferences, NEW_STAFF));
  g_assert_nonnull (find_staff_row (preferences, RENAMED_STAFF));
  g_assert_cmpint (ct_store_find_staff (fixture->database, RENAMED_STAFF, &error), ==,
                   ct_record_get_id (member));
  g_assert_no_error (error);
}

static void
test_auto_lock_minutes (Fixture       *fixture,
                        gconstpointer  data)
{
  CtPreferencesWindow *preferences = open_preferences (fixture);
  GtkSpinButton *spin = GTK_SPIN_BUTTON (test_find_by_id (preferences, "auto_lock_spin"));

  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 5);

  gtk_spin_button_set_value (spin, 30);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "auto-lock-minutes"), ==, 30);

  g_settings_set_uint (fixture->settings, "auto-lock-minutes", 17);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 17);

  /* The range of the setting. */
  gtk_spin_button_set_value (spin, 500);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "auto-lock-minutes"), ==, 120);
}

/* The threshold, the disclosure rule and the SDQ prompt's days: shown,
 * saved in the records file at once, each change audited. */
static void
test_figure_preferences (Fixture       *fixture,
                         gconstpointer  data)
{
  CtPreferencesWindow *preferences = open_preferences (fixture);
  GtkSpinButton *threshold = GTK_SPIN_BUTTON (find_named (preferences, "threshold-spin"));
  AdwComboRow *rule = ADW_COMBO_ROW (find_named (preferences, "rule-row"));
  GtkSpinButton *days = GTK_SPIN_BUTTON (find_named (preferences, "days-spin"));
  g_autoptr(GListModel) entries = NULL;

  g_assert_cmpfloat (gtk_spin_button_get_value (threshold), ==, 2.45);
  g_assert_cmpuint (adw_combo_row_get_selected (rule), ==, CT_DISCLOSURE_SUPPRESS_1_4);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, 90);

  gtk_spin_button_set_value (threshold, 2.0);
  adw_combo_row_set_selected (rule, CT_DISCLOSURE_NHS_DIGITAL);
  gtk_spin_button_set_value (days, 140);
  g_assert_cmpint (ct_preferences_get_threshold (fixture->database, NULL), ==, 200);
  g_assert_cmpint (ct_preferences_get_rule (fixture->database, NULL), ==,
                   CT_DISCLOSURE_NHS_DIGITAL);
  g_assert_cmpuint (ct_preferences_get_prompt_days (fixture->database, NULL), ==, 140);
  entries = list_setting_entries (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);

  /* Shown the next time. */
  gtk_window_destroy (GTK_WINDOW (preferences));
  preferences = open_preferences (fixture);
  threshold = GTK_SPIN_BUTTON (find_named (preferences, "threshold-spin"));
  g_assert_cmpfloat (gtk_spin_button_get_value (threshold), ==, 2.0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_named (preferences,
                                                                            "rule-row"))),
                    ==, CT_DISCLOSURE_NHS_DIGITAL);
}

static void
test_remember_switch (Fixture       *fixture,
                      gconstpointer  data)
{
  CtPreferencesWindow *preferences = open_preferences (fixture);
  GtkSwitch *toggle = GTK_SWITCH (test_find_by_id (preferences, "remember_switch"));

  g_assert_true (gtk_widget_get_visible (test_find_by_id (preferences, "remember_row")) ==
                 (gboolean) HAVE_LIBSECRET);
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_false (ct_keyring_is_wanted ());

  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "remember-passphrase"));
  g_assert_true (ct_keyring_is_wanted () == (gboolean) HAVE_LIBSECRET);
  gtk_switch_set_active (toggle, FALSE);
}

static void
test_closed_on_lock (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *preferences = g_object_ref (GTK_WIDGET (open_preferences (fixture)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  g_assert_null (test_find_toplevel (CT_TYPE_PREFERENCES_WINDOW));
  g_assert_finalize_object (preferences);
  /* Disabled while locked. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences", NULL);
  g_assert_null (test_find_toplevel (CT_TYPE_PREFERENCES_WINDOW));

  test_window_unlock (fixture->window);
  fixture->database = ct_window_get_database (fixture->window);
}

/* The keyring */

static gboolean
is_switch_off (gpointer toggle)
{
  return !gtk_switch_get_active (toggle);
}

/* Without a keyring (a secret service under a name nobody owns), Remember
 * passphrase says so under the switch and turns itself off. */
static void
test_remember_without_keyring (Fixture       *fixture,
                               gconstpointer  data)
{
#if HAVE_LIBSECRET
  CtPreferencesWindow *preferences = open_preferences (fixture);
  GtkSwitch *toggle = GTK_SWITCH (test_find_by_id (preferences, "remember_switch"));
  AdwActionRow *row = ADW_ACTION_ROW (test_find_by_id (preferences, "remember_row"));

  /* libsecret keeps its connection to the service: dropped before and after. */
  secret_service_disconnect ();
  g_setenv ("SECRET_SERVICE_BUS_NAME", "org.example.ClinicalTeam.NoKeyringHere", TRUE);

  gtk_switch_set_active (toggle, TRUE);
  test_wait_until (is_switch_off, toggle);
  g_assert_false (g_settings_get_boolean (fixture->settings, "remember-passphrase"));
  g_assert_false (ct_keyring_is_wanted ());
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "No keyring answers on this computer, so the passphrase cannot be "
                   "remembered: type it at each unlock.");
  test_save_screenshot (GTK_WIDGET (preferences), "remember-without-keyring.png");

  g_unsetenv ("SECRET_SERVICE_BUS_NAME");
  secret_service_disconnect ();
#else
  g_test_skip ("Built without libsecret: the switch is hidden (see remember-switch).");
#endif
}

typedef struct
{
  GAsyncResult *result;
} Waiting;

static void
on_done (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Waiting *) user_data)->result = g_object_ref (result);
}

static gboolean
is_done (gpointer data)
{
  return ((Waiting *) data)->result != NULL;
}

static char *
look_up (const char *path)
{
  g_autoptr(GError) error = NULL;
  Waiting waiting = { NULL };
  char *passphrase;

  ct_keyring_lookup (path, NULL, on_done, &waiting);
  test_wait_until (is_done, &waiting);
  passphrase = ct_keyring_lookup_finish (waiting.result, &error);
  g_assert_no_error (error);
  g_object_unref (waiting.result);
  return passphrase;
}

static void
clear (const char *path)
{
  g_autoptr(GError) error = NULL;
  Waiting waiting = { NULL };

  ct_keyring_clear (path, NULL, on_done, &waiting);
  test_wait_until (is_done, &waiting);
  g_assert_true (ct_keyring_clear_finish (waiting.result, &error));
  g_assert_no_error (error);
  g_object_unref (waiting.result);
}

static void
test_keyring_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "invented.ctdb", NULL);
  g_autoptr(CtPassphrase) found = NULL;
  g_autoptr(CtPassphrase) gone = NULL;

  if (!ct_keyring_store_sync (path, TEST_WINDOW_PASSPHRASE, NULL, &error))
    {
      g_autofree char *why = NULL;

      if (!HAVE_LIBSECRET)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      /* Without libsecret, or without a secret service on this bus. */
      why = g_strdup_printf ("The keyring cannot be used here: %s", error->message);
      g_test_skip (why);
      return;
    }

  found = look_up (path);
  g_assert_cmpstr (found, ==, TEST_WINDOW_PASSPHRASE);
  clear (path);
  gone = look_up (path);
  g_assert_null (gone);
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/preferences/team-name", test_team_name);
  ADD ("/preferences/staff-profile-typed", test_staff_profile_typed);
  ADD ("/preferences/staff-profile-chosen", test_staff_profile_chosen);
  ADD ("/preferences/no-staff-to-choose", test_no_staff_to_choose);
  ADD ("/preferences/staff-added-and-edited", test_staff_added_and_edited);
  ADD ("/preferences/auto-lock-minutes", test_auto_lock_minutes);
  ADD ("/preferences/remember-switch", test_remember_switch);
  ADD ("/preferences/figures", test_figure_preferences);
  ADD ("/preferences/closed-on-lock", test_closed_on_lock);
  ADD ("/keyring/remember-without-keyring", test_remember_without_keyring);
#undef ADD
  g_test_add_func ("/keyring/round-trip", test_keyring_round_trip);

  return g_test_run ();
}
