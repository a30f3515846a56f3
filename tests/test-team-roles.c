/* test-team-roles.c: the window as each role of a team server sees it
 *
 * A clinician, an administrator and a clinical lead sign in to the same
 * records on the tests' throwaway server. What the role cannot do is not
 * offered (insensitive, the tooltip saying why, or hidden from the menu),
 * and what the server still refuses is said plainly, with the form kept.
 * All names are invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-team-roles"

#include "config.h"

#include "ct-caseload-view.h"
#include "ct-goal-card.h"
#include "ct-preferences-window.h"
#include "ct-record-editor.h"
#include "ct-record-list.h"
#include "ct-server-database-private.h"
#include "ct-server-database.h"
#include "ct-server-team.h"
#include "ct-store-reader.h"
#include "pg-test-server.h"
#include "test-store.h"
#include "window-test-util.h"

#define PASSWORD "an invented password for every test login"

static PgTestServer *server;
static char *database;

typedef struct
{
  const char *login;
  CtTeamRole  role;
  const char *staff_name;
} Login;

static const Login logins[] = {
  { "test.clinician", CT_TEAM_ROLE_CLINICIAN, "Test Clinician A" },
  { "test.colleague", CT_TEAM_ROLE_CLINICIAN, "Test Clinician B" },
  { "test.admin", CT_TEAM_ROLE_ADMINISTRATOR, "Test Administrator" },
  { "test.lead", CT_TEAM_ROLE_LEAD, "Test Lead" },
};

/* A child, an episode of Clinician A's with a goal and its rating, and a
 * consultation of each clinician's: ids 1 (A's) and 2 (B's). */
static const char records_sql[] =
  "SET search_path = " CT_SERVER_SCHEMA ";"
  "INSERT INTO child (id, reference, name, date_of_birth, legal_status, placement_type,"
  "  placement_area) VALUES (1, 'TEST-0001', 'Test Child A', '2014-05-06', 'looked_after',"
  "  'kinship', 'in_area');"
  "INSERT INTO referral (id, child_id, referral_date, referral_source, decision, clinician_id,"
  "  start_date) VALUES (1, 1, '2025-01-01', 'iro', 'accepted',"
  "  (SELECT id FROM staff WHERE login = 'test.clinician'), '2025-01-10');"
  "INSERT INTO consultation (id, date, clinician_id, child_id, requested_by, mode,"
  "  duration_minutes, attendees, outcome) VALUES"
  "  (1, '2025-01-03', (SELECT id FROM staff WHERE login = 'test.clinician'), 1, 'iro', 'video',"
  "   30, 2, 'advice_given'),"
  "  (2, '2025-01-04', (SELECT id FROM staff WHERE login = 'test.colleague'), 1, 'iro', 'phone',"
  "   45, 3, 'advice_given');"
  "INSERT INTO consultation_topic (consultation_id, topic) VALUES (1, 'risk'), (2, 'other');"
  "INSERT INTO goal (id, referral_id, number, description, set_by) VALUES"
  "  (1, 1, 1, 'Invented goal', 'child');"
  "INSERT INTO goal_rating (id, goal_id, date, time_point, score) VALUES"
  "  (1, 1, '2025-01-12', 'baseline', 3);"
  "SELECT setval (pg_get_serial_sequence (table_name, 'id'), 100)"
  "  FROM (VALUES ('child'), ('referral'), ('consultation'), ('goal'), ('goal_rating'))"
  "  AS t (table_name);";

static void
owner_exec (const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pg_test_server_exec (server, database, sql, &error));
  g_assert_no_error (error);
}

/* A window signed in as @login. */
static CtWindow *
sign_in (const char *login)
{
  g_autofree char *connection = pg_test_server_conninfo (server, database, login);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, PASSWORD, NULL, &error);
  CtWindow *window;

  g_assert_no_error (error);
  window = g_object_ref_sink (ct_window_new_unlocked (NULL, db));
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_mapped (GTK_WIDGET (window));
  return window;
}

/* The list's New and Delete buttons */

static GtkWidget *
find_button (GtkWidget  *list,
             const char *action)
{
  g_autoptr(GPtrArray) buttons = test_find_all (list, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0)
      return buttons->pdata[i];
  g_assert_not_reached ();
}

/* @button is usable, or insensitive with @why in its tooltip. */
static void
assert_button (GtkWidget  *button,
               const char *why)
{
  g_assert_nonnull (button);
  if (why == NULL)
    {
      g_assert_true (gtk_widget_is_sensitive (button));
      return;
    }
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, why);
}

/* The button of @action in @list. */
static void
assert_offered (GtkWidget  *list,
                const char *action,
                const char *why)
{
  assert_button (find_button (list, action), why);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

#define OWN_ONLY "Only the clinician whose record this is, or the clinical lead, can delete it."
#define ROLE_CANNOT_DELETE "Your role on the team server cannot delete records of this kind."

typedef struct
{
  const char *login;
  const char *heading;
  gboolean    reads_audit_log;
  const char *add_staff;                   /* NULL: offered; else why not */
  const char *change_referral;             /* Clinician A's, on the child's page */
  const char *delete_own_consultation;     /* NULL: offered; else why not */
  const char *delete_other_consultation;
  const char *delete_child;
  const char *change_other_consultation;
} RoleView;

static const RoleView views[] = {
  { "test.clinician", "Test Clinician A · Clinician", FALSE,
    "Your role on the team server cannot add records of this kind.", NULL,
    NULL, OWN_ONLY, ROLE_CANNOT_DELETE,
    "Only the clinician whose record this is, or the clinical lead, can change it." },
  { "test.admin", "Test Administrator · Administrator", TRUE, NULL,
    "Your role on the team server cannot change records of this kind.", ROLE_CANNOT_DELETE,
    ROLE_CANNOT_DELETE, ROLE_CANNOT_DELETE,
    "Your role on the team server cannot change records of this kind." },
  { "test.lead", "Test Lead · Clinical Lead", TRUE, NULL, NULL, NULL, NULL, NULL, NULL },
};

/* The primary menu */

/* Opens the primary menu: it is headed by who signed in, and offers the
 * audit log only to a role that reads it. */
static void
assert_menu (CtWindow       *window,
             const RoleView *view)
{
  GtkWidget *popover = test_window_open_primary_menu (window, view->heading);
  g_autofree char *screenshot = g_strdup_printf ("team-roles-menu-%s.png", view->login + 5);
  GtkWidget *audit_log = test_find_label (popover, "_Audit Log");

  g_assert_true ((audit_log != NULL && gtk_widget_get_mapped (audit_log)) == view->reads_audit_log);
  test_save_screenshot (popover, screenshot);
  test_window_close_primary_menu (window);
}

static gboolean
shows_caseload (gpointer view)
{
  GtkStack *stack = GTK_STACK (test_find_of_type (view, GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "list") == 0;
}

static const char *
get_banner (CtRecordEditor *editor)
{
  return gtk_label_get_label (GTK_LABEL (test_find_by_id (editor, "banner_label")));
}

static gboolean
is_editor_read (gpointer editor)
{
  return !ct_record_editor_is_reading (editor);
}

/* The consultation of Clinician B's in the editor: offered for editing
 * only to a role that may change it, once the store's reader says so;
 * else shown with the reason. */
static void
assert_editor (CtWindow       *window,
               const RoleView *view)
{
  CtDatabase *db = ct_window_get_database (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) theirs = ct_store_get (db, ct_kind_lookup ("consultation"), 2, &error);
  CtRecordEditor *editor;

  g_assert_no_error (error);
  editor = ct_record_editor_new (GTK_WINDOW (window), db, ct_kind_lookup ("consultation"), theirs);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (ct_record_editor_is_reading (editor));
  test_wait_until_mapped (GTK_WIDGET (editor));
  test_wait_until (is_editor_read, editor);
  g_assert_true (gtk_widget_is_sensitive (test_find_by_id (editor, "save_button")) ==
                 (view->change_other_consultation == NULL));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (test_find_by_id (editor, "banner"))) ==
                 (view->change_other_consultation != NULL));
  if (view->change_other_consultation != NULL)
    {
      g_autofree char *screenshot = g_strdup_printf ("team-roles-editor-%s.png",
                                                     view->login + 5);

      g_assert_cmpstr (get_banner (editor), ==, view->change_other_consultation);
      test_save_screenshot (GTK_WIDGET (editor), screenshot);
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The child's page: the referral's Edit, offered to a role that may change
 * Clinician A's episode. */
static void
assert_child_page (CtWindow       *window,
                   const RoleView *view)
{
  g_autoptr(CtRecord) child = test_window_open_first_record (window, "children");
  g_autofree char *screenshot = g_strdup_printf ("team-roles-child-%s.png", view->login + 5);

  assert_button (test_find_widget (window, is_button_labelled, "_Edit"), view->change_referral);
  test_save_screenshot (GTK_WIDGET (window), screenshot);
}

/* Preferences: staff are added by a role that may; on a team server the
 * login says who you are, so there is no staff profile to choose. */
static void
assert_preferences (CtWindow       *window,
                    const RoleView *view)
{
  CtPreferencesWindow *preferences = ct_preferences_window_new (GTK_WINDOW (window),
                                                                ct_window_get_database (window));

  gtk_window_present (GTK_WINDOW (preferences));
  test_wait_until_mapped (GTK_WIDGET (preferences));
  assert_button (test_find_by_id (preferences, "add_staff_button"), view->add_staff);
  g_assert_false (gtk_widget_get_visible (test_find_by_id (preferences, "staff_profile_group")));
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
test_role_view (gconstpointer data)
{
  const RoleView *view = data;
  CtWindow *window = sign_in (view->login);
  g_autofree char *screenshot = g_strdup_printf ("team-roles-%s.png", view->login + 5);
  GtkWidget *list;

  assert_menu (window, view);

  list = test_window_show_section (window, "consultations");
  assert_offered (list, "section.new", NULL);
  test_window_select_record (list, 1);
  assert_offered (list, "section.delete", view->delete_own_consultation);
  test_window_select_record (list, 2);
  assert_offered (list, "section.delete", view->delete_other_consultation);
  test_save_screenshot (GTK_WIDGET (window), screenshot);

  list = test_window_show_section (window, "children");
  assert_offered (list, "section.new", NULL);
  test_window_select_record (list, 1);
  assert_offered (list, "section.delete", view->delete_child);

  assert_editor (window, view);
  assert_child_page (window, view);
  assert_preferences (window, view);
  test_window_close (window);
}

/* Whether @model, or a section of it, is headed @heading. */
static gboolean
has_heading (GMenuModel *model,
             const char *heading)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_strcmp0 (label, heading) == 0)
        return TRUE;
      if (section != NULL && has_heading (section, heading))
        return TRUE;
    }
  return FALSE;
}

/* Who signed in is read on the store's reader: the menu is headed by
 * them once it has read it, the window's thread waiting on nothing. */
static void
test_identity_on_the_reader (void)
{
  g_autofree char *connection = pg_test_server_conninfo (server, database, "test.clinician");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, PASSWORD, NULL, &error);
  GMenuModel *menu;
  TestReaderHold *hold;
  CtWindow *window;

  g_assert_no_error (error);
  ct_store_reader_start (db, PASSWORD);
  hold = test_store_hold_reader (db);
  test_store_wait_until_held (hold);
  window = g_object_ref_sink (ct_window_new_unlocked (NULL, db));
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_mapped (GTK_WIDGET (window));
  menu = gtk_menu_button_get_menu_model (test_window_find_primary_menu (window));
  g_assert_false (has_heading (menu, "Test Clinician A · Clinician"));

  test_store_release_reader (hold);
  test_window_open_primary_menu (window, "Test Clinician A · Clinician");
  test_window_close_primary_menu (window);
  test_window_close (window);
}

/* A clinician's caseload is that of the staff member linked to their
 * login: Clinician A's episode. */
static void
test_caseload_of_login (void)
{
  CtWindow *window = sign_in ("test.clinician");
  GtkStack *sections = GTK_STACK (test_find_by_id (window, "sections"));
  GtkWidget *caseload;

  gtk_stack_set_visible_child_name (sections, "caseload");
  caseload = test_find_of_type (window, CT_TYPE_CASELOAD_VIEW);
  g_assert_nonnull (caseload);
  test_wait_until (shows_caseload, caseload);
  g_assert_nonnull (test_find_label (caseload, "TEST-0001 — Test Child A"));
  test_window_close (window);
}

/* The first of @card's icon buttons: the goal's Edit. */
static gboolean
is_edit_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "document-edit-symbolic") == 0;
}

/* A goal's card offers its Edit and Delete, and each rating's, only to the
 * clinician whose episode it is, from the episode as the page read it:
 * nothing is read from the server in the window's thread. (Outside a
 * child's page its buttons have no action to activate: what is checked
 * is whether the card gave the action up, and why.) */
static void
test_goal_card_reads_nothing (void)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *connection = pg_test_server_conninfo (server, database, logins[i].login);
      g_autoptr(GError) error = NULL;
      g_autoptr(CtDatabase) db = ct_server_database_connect (connection, PASSWORD, NULL, &error);
      g_autoptr(CtRecord) referral = NULL;
      g_autoptr(CtRecord) goal = NULL;
      g_autoptr(GtkWidget) card = NULL;
      GtkWidget *edit;
      guint64 before;

      g_assert_no_error (error);
      referral = ct_store_get (db, ct_kind_lookup ("referral"), 1, &error);
      goal = ct_store_get (db, ct_kind_lookup ("goal"), 1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ct_store_find_own_staff (db, &error), !=, 0);

      before = ct_server_database_get_round_trips (db);
      card = g_object_ref_sink (ct_goal_card_new (db, goal, NULL, 0.0,
                                                  ct_record_get_reference (referral, "clinician")));
      g_assert_cmpuint (ct_server_database_get_round_trips (db), ==, before);
      edit = test_find_widget (card, is_edit_button, NULL);
      g_assert_nonnull (edit);
      if (i == 0)
        {
          g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (edit)), ==,
                           "child.edit-record");
          g_assert_cmpstr (gtk_widget_get_tooltip_text (edit), ==, "Edit Goal");
        }
      else
        {
          g_assert_null (gtk_actionable_get_action_name (GTK_ACTIONABLE (edit)));
          assert_button (edit, "Only the clinician whose record this is, or the clinical lead, "
                               "can change it.");
        }
    }
}

/* What the app offered, the server refused (its grant was taken away
 * meanwhile): the editor says so plainly and keeps what was typed. */
static void
test_server_refusal_keeps_the_form (void)
{
  CtWindow *window = sign_in ("test.clinician");
  CtDatabase *db = ct_window_get_database (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) own = ct_store_get (db, ct_kind_lookup ("consultation"), 1, &error);
  CtRecordEditor *editor;
  GtkSpinButton *spin;
  g_autofree char *kept = NULL;

  g_assert_no_error (error);
  editor = ct_record_editor_new (GTK_WINDOW (window), db, ct_kind_lookup ("consultation"), own);
  gtk_window_present (GTK_WINDOW (editor));
  test_wait_until_mapped (GTK_WIDGET (editor));
  spin = GTK_SPIN_BUTTON (ct_field_row_get_input (test_editor_get_row (editor, "attendees")));
  gtk_editable_set_text (GTK_EDITABLE (spin), "7");
  gtk_spin_button_update (spin);
  g_assert_true (gtk_widget_is_sensitive (test_find_by_id (editor, "save_button")));

  owner_exec ("REVOKE UPDATE ON " CT_SERVER_SCHEMA ".consultation FROM clinical_team_clinician");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  owner_exec ("GRANT UPDATE ON " CT_SERVER_SCHEMA ".consultation TO clinical_team_clinician");

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (test_find_by_id (editor, "banner"))));
  g_assert_cmpstr (get_banner (editor), ==,
                   "Could not save the record: your role on the team server does not "
                   "allow it; ask the clinical lead if it should.");
  kept = ct_field_row_dup_text (test_editor_get_row (editor, "attendees"));
  g_assert_cmpstr (kept, ==, "7");
  test_save_screenshot (GTK_WIDGET (editor), "team-roles-server-refused.png");
  gtk_window_destroy (GTK_WINDOW (editor));
  test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) owner = NULL;
  g_autofree char *connection = NULL;
  int status;

  test_widget_init (&argc, &argv);

  server = pg_test_server_start (&error);
  g_assert_no_error (error);
  database = pg_test_server_create_database (server, NULL, &error);
  g_assert_no_error (error);
  connection = pg_test_server_conninfo (server, database, pg_test_server_get_superuser (server));
  owner = ct_server_team_init (connection, pg_test_server_get_superuser_password (server), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      gboolean changed;

      ct_server_team_add_user (owner, logins[i].login, logins[i].role, logins[i].staff_name,
                               PASSWORD, &changed, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&owner);
  owner_exec (records_sql);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *path = g_strdup_printf ("/team-roles/%s", views[i].login + 5);

      g_test_add_data_func (path, &views[i], test_role_view);
    }
  g_test_add_func ("/team-roles/caseload-of-login", test_caseload_of_login);
  g_test_add_func ("/team-roles/goal-card-reads-nothing", test_goal_card_reads_nothing);
  g_test_add_func ("/team-roles/identity-on-the-reader", test_identity_on_the_reader);
  g_test_add_func ("/team-roles/server-refusal-keeps-the-form", test_server_refusal_keeps_the_form);

  status = g_test_run ();
  pg_test_server_stop (server);
  g_free (database);
  return status;
}
