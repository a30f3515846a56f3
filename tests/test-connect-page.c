/* test-connect-page.c: signing in to a team server from the window
 *
 * On the throwaway server (127.0.0.1 only): the welcome page leads to the
 * sign-in page; signing in shows the records and, in the primary menu,
 * who signed in and their role; each connection error has its own message
 * and keeps what was typed; Lock shows the sign-in page again without the
 * password; the next start shows it filled in. All names and passwords
 * are invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-connect-page"

#include "config.h"

#include "ct-auto-lock.h"
#include "ct-connect-page.h"
#include "ct-keyring.h"
#include "ct-main-view.h"
#include "ct-server-team.h"
#include "pg-test-server.h"
#include "window-test-util.h"

#define PASSWORD      "invented password for a sign-in test"
#define CLINICIAN     "ct_sign_in_clinician"
#define ADMINISTRATOR "ct_sign_in_administrator"

static PgTestServer *server;
static char *database;        /* set up, with the two logins */
static char *empty_database;  /* never set up */

/* Waiting */

static gboolean
is_unlocked (gpointer window)
{
  return ct_window_get_database (window) != NULL;
}

static gboolean
is_idle (gpointer page)
{
  return !ct_connect_page_get_busy (page);
}

/* The window */

typedef struct
{
  CtWindow *window;
  GtkWidget *page;
} Fixture;

static void
reset_settings (void)
{
  static const char *const keys[] = {
    "last-place", "server-address", "server-database", "server-user", "server-ca-file",
    "remember-password",
  };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static GtkWidget *
visible_locked_page (CtWindow *window)
{
  GtkStack *stack = GTK_STACK (test_find_by_id (window, "stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "locked");
  stack = GTK_STACK (test_find_by_id (window, "locked_stack"));
  return gtk_stack_get_visible_child (stack);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  reset_settings ();
  fixture->window = g_object_ref (ct_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = test_find_of_type (fixture->window, CT_TYPE_CONNECT_PAGE);
  g_assert_nonnull (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_window_close (fixture->window);
}

static char *
dup_address (int port)
{
  return g_strdup_printf ("%s:%d", PG_TEST_SERVER_HOST, port);
}

static void
fill_in (Fixture    *fixture,
         const char *address,
         const char *dbname,
         const char *user,
         const char *password,
         const char *ca_file)
{
  test_set_text (fixture->page, "address_row", address);
  test_set_text (fixture->page, "database_row", dbname);
  test_set_text (fixture->page, "user_row", user);
  test_set_text (fixture->page, "password_row", password);
  ct_connect_page_set_ca_file (CT_CONNECT_PAGE (fixture->page), ca_file);
}

/* Shows the sign-in page from the welcome page, as a first run would. */
static void
choose_team_server (Fixture *fixture)
{
  GtkWidget *welcome = visible_locked_page (fixture->window);

  GtkWidget *button = test_find_by_id (welcome, "connect_button");

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (welcome), ==, "CtWelcomePage");
  test_wait_until_mapped (button);
  test_save_screenshot (GTK_WIDGET (fixture->window), "welcome-three-ways.png");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (visible_locked_page (fixture->window) == fixture->page);
}

static void
sign_in (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (fixture->page, "connect.connect", NULL));
  g_assert_true (ct_connect_page_get_busy (CT_CONNECT_PAGE (fixture->page)));
  test_wait_until (is_idle, fixture->page);
}

/* The primary menu and the heading of its section with Lock. */
static GMenuModel *
get_primary_menu (CtWindow *window)
{
  return gtk_menu_button_get_menu_model (test_window_find_primary_menu (window));
}

static char *
dup_lock_heading (GMenuModel *menu)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *action = NULL;
      char *label = NULL;

      if (section == NULL ||
          !g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action) ||
          !g_str_equal (action, "win.lock"))
        continue;
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      return label;
    }
  g_assert_not_reached ();
}

static gboolean
has_lock_heading (gpointer window)
{
  g_autofree char *heading = dup_lock_heading (get_primary_menu (window));

  return heading != NULL;
}

/* Opens the primary menu, with @heading in it. */
static void
assert_menu_shows (CtWindow   *window,
                   const char *heading,
                   const char *screenshot)
{
  GtkWidget *popover = test_window_open_primary_menu (window, heading);

  test_save_screenshot (popover, screenshot);
  test_window_close_primary_menu (window);
}

/* Signing in */

static void
test_signs_in_and_out (Fixture       *fixture,
                       gconstpointer  data)
{
  CtDatabase *db;
  CtTeamRole role;
  g_autofree char *heading = NULL;
  g_autofree char *address = dup_address (pg_test_server_get_port (server));
  CtWindow *next_start;
  GtkWidget *next_page;

  choose_team_server (fixture);
  /* A sensible database name is filled in; nothing else yet. */
  g_assert_cmpstr (test_get_text (fixture->page, "database_row"), ==, "clinical_team");
  g_assert_cmpstr (test_get_text (fixture->page, "address_row"), ==, "");
  g_assert_false (gtk_widget_get_visible (test_find_by_id (fixture->page, "error_label")));
  test_save_screenshot (GTK_WIDGET (fixture->window), "connect-page-empty.png");

  fill_in (fixture, address, database, CLINICIAN, PASSWORD, pg_test_server_get_ca_file (server));
  sign_in (fixture);
  test_wait_until (is_unlocked, fixture->window);

  /* The records, as for a file, from the server. */
  db = ct_window_get_database (fixture->window);
  g_assert_null (ct_database_get_path (db));
  g_assert_cmpstr (ct_database_get_actor (db), ==, CLINICIAN);
  g_assert_true (ct_database_get_role (db, &role));
  g_assert_cmpint (role, ==, CT_TEAM_ROLE_CLINICIAN);
  g_assert_nonnull (test_find_of_type (fixture->window, CT_TYPE_MAIN_VIEW));
  /* Who signed in is read on the reader. */
  test_wait_until (has_lock_heading, fixture->window);
  heading = dup_lock_heading (get_primary_menu (fixture->window));
  g_assert_cmpstr (heading, ==, "Invented Clinician · Clinician");
  /* The password is not kept on the page once it is left. */
  g_assert_cmpstr (test_get_text (fixture->page, "password_row"), ==, "");
  test_save_screenshot (GTK_WIDGET (fixture->window), "signed-in-clinician.png");
  assert_menu_shows (fixture->window, heading, "signed-in-menu-clinician.png");

  /* Lock signs out: the sign-in page again, the fields but the password. */
  g_object_ref (db);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  g_assert_null (ct_window_get_database (fixture->window));
  g_assert_false (ct_database_is_open (db));
  g_object_unref (db);
  g_assert_true (visible_locked_page (fixture->window) == fixture->page);
  g_assert_cmpstr (test_get_text (fixture->page, "user_row"), ==, CLINICIAN);
  g_assert_cmpstr (test_get_text (fixture->page, "address_row"), ==, address);
  g_assert_cmpstr (test_get_text (fixture->page, "password_row"), ==, "");
  g_clear_pointer (&heading, g_free);
  heading = dup_lock_heading (get_primary_menu (fixture->window));
  g_assert_null (heading);

  /* The next start goes straight to the server's sign-in page, filled in
   * (never the password: no keyring remembers it here). */
  next_start = g_object_ref (ct_window_new (NULL));
  gtk_window_present (GTK_WINDOW (next_start));
  next_page = test_find_of_type (next_start, CT_TYPE_CONNECT_PAGE);
  g_assert_true (visible_locked_page (next_start) == next_page);
  g_assert_cmpstr (test_get_text (next_page, "address_row"), ==, address);
  g_assert_cmpstr (test_get_text (next_page, "database_row"), ==, database);
  g_assert_cmpstr (test_get_text (next_page, "user_row"), ==, CLINICIAN);
  g_assert_cmpstr (test_get_text (next_page, "password_row"), ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_by_id (next_page,
                                                                                 "ca_row"))),
                   ==, "ca.crt");
  test_window_close (next_start);
}

static void
sign_in_as_clinician (Fixture *fixture)
{
  g_autofree char *address = dup_address (pg_test_server_get_port (server));

  choose_team_server (fixture);
  fill_in (fixture, address, database, CLINICIAN, PASSWORD, pg_test_server_get_ca_file (server));
  sign_in (fixture);
  test_wait_until (is_unlocked, fixture->window);
}

/* Auto-lock signs out as Lock does. */
static void
test_idle_signs_out (Fixture       *fixture,
                     gconstpointer  data)
{
  ct_auto_lock_set_timeout_for_testing (1);
  sign_in_as_clinician (fixture);

  test_wait_until (test_window_is_locked, fixture->window);
  ct_auto_lock_set_timeout_for_testing (0);
  g_assert_true (visible_locked_page (fixture->window) == fixture->page);
  g_assert_cmpstr (test_get_text (fixture->page, "user_row"), ==, CLINICIAN);
  g_assert_cmpstr (test_get_text (fixture->page, "password_row"), ==, "");
}

static gboolean
is_remember_off (gpointer settings)
{
  return !g_settings_get_boolean (settings, "remember-password");
}

/* With no keyring answering (none runs in the tests), the switch turns
 * itself off and says why; signing in works all the same. */
static void
test_remember_without_keyring (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwActionRow *row = ADW_ACTION_ROW (test_find_by_id (fixture->page, "remember_row"));

  g_assert_true (ct_keyring_is_supported ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  gtk_switch_set_active (GTK_SWITCH (test_find_by_id (fixture->page, "remember_switch")), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "remember-password"));
  test_wait_until (is_remember_off, settings);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "No keyring answers"));

  sign_in_as_clinician (fixture);
}

/* An administrator, with an address of libpq's own words. */
static void
test_administrator (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *heading = NULL;
  g_autofree char *address = g_strdup_printf ("host=%s port=%d", PG_TEST_SERVER_HOST,
                                              pg_test_server_get_port (server));
  CtTeamRole role;

  choose_team_server (fixture);
  fill_in (fixture, address, database, ADMINISTRATOR, PASSWORD,
           pg_test_server_get_ca_file (server));
  sign_in (fixture);
  test_wait_until (is_unlocked, fixture->window);

  g_assert_true (ct_database_get_role (ct_window_get_database (fixture->window), &role));
  g_assert_cmpint (role, ==, CT_TEAM_ROLE_ADMINISTRATOR);
  test_wait_until (has_lock_heading, fixture->window);
  heading = dup_lock_heading (get_primary_menu (fixture->window));
  g_assert_cmpstr (heading, ==, "Invented Administrator · Administrator");
  assert_menu_shows (fixture->window, heading, "signed-in-menu-administrator.png");
}

/* A file shows no one: it proves no identity. */
static void
test_file_shows_no_one (void)
{
  g_autoptr(CtWindow) window = NULL;
  g_autofree char *heading = NULL;

  reset_settings ();
  window = test_window_open (NULL);
  heading = dup_lock_heading (get_primary_menu (window));
  g_assert_null (heading);
  test_window_close (g_steal_pointer (&window));
}

/* Errors */

/* A port of 127.0.0.1 where nothing listens. */
static int
find_closed_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_from_string (PG_TEST_SERVER_HOST);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any_port, FALSE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

typedef struct
{
  const char *name;
  gboolean    closed_port;
  gboolean    empty_database;
  const char *password;
  const char *ca;      /* "" none, "server" the server's own certificate */
  const char *field;   /* the field that has the focus afterwards */
  const char *says;    /* the start of the message, one for each error */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "wrong-password", FALSE, FALSE, "not the invented password", NULL, "password_row",
    "The team server did not accept this user name and password." },
  { "unreachable", TRUE, FALSE, PASSWORD, NULL, "address_row",
    "The team server cannot be reached." },
  { "no-ca", FALSE, FALSE, PASSWORD, "", "ca_button",
    "The team server’s certificate is not trusted" },
  { "wrong-ca", FALSE, FALSE, PASSWORD, "server", "ca_button",
    "The team server’s certificate is not trusted" },
  { "not-set-up", FALSE, TRUE, PASSWORD, NULL, "database_row",
    "This database holds no Clinical Team records." },
};

static const char *
get_ca (const ErrorCase *error_case,
        char           **owned)
{
  if (error_case->ca == NULL)
    return pg_test_server_get_ca_file (server);
  if (*error_case->ca == '\0')
    return NULL;
  *owned = g_build_filename (pg_test_server_get_folder (server), "server.crt", NULL);
  return *owned;
}

static void
test_errors_say_what_to_do (Fixture       *fixture,
                            gconstpointer  data)
{
  choose_team_server (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *error_case = &error_cases[i];
      g_autofree char *owned_ca = NULL;
      const char *ca = get_ca (error_case, &owned_ca);
      int port = error_case->closed_port ? find_closed_port () : pg_test_server_get_port (server);
      g_autofree char *address = dup_address (port);
      const char *dbname = error_case->empty_database ? empty_database : database;
      GtkWidget *error_label = test_find_by_id (fixture->page, "error_label");
      GtkWidget *focus;
      g_autofree char *shot = NULL;

      g_test_message ("%s", error_case->name);
      fill_in (fixture, address, dbname, CLINICIAN, error_case->password, ca);
      sign_in (fixture);

      g_assert_null (ct_window_get_database (fixture->window));
      g_assert_true (visible_locked_page (fixture->window) == fixture->page);
      g_assert_true (gtk_widget_get_visible (error_label));
      g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (error_label)),
                                       error_case->says));

      /* What was typed stays, the password too. */
      g_assert_cmpstr (test_get_text (fixture->page, "address_row"), ==, address);
      g_assert_cmpstr (test_get_text (fixture->page, "database_row"), ==, dbname);
      g_assert_cmpstr (test_get_text (fixture->page, "user_row"), ==, CLINICIAN);
      g_assert_cmpstr (test_get_text (fixture->page, "password_row"), ==, error_case->password);
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, test_find_by_id (fixture->page,
                                                                     error_case->field)) ||
                     focus == test_find_by_id (fixture->page, error_case->field));

      shot = g_strdup_printf ("connect-page-%s.png", error_case->name);
      test_save_screenshot (GTK_WIDGET (fixture->window), shot);
    }

  /* Nothing was remembered for the next start. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *place = g_settings_get_string (settings, "last-place");
    g_autofree char *user = g_settings_get_string (settings, "server-user");

    g_assert_cmpstr (place, ==, "file");
    g_assert_cmpstr (user, ==, "");
  }

  /* Leaving the page forgets the password. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.use-file", NULL));
  g_assert_false (visible_locked_page (fixture->window) == fixture->page);
  g_assert_cmpstr (test_get_text (fixture->page, "password_row"), ==, "");
  g_assert_cmpstr (test_get_text (fixture->page, "user_row"), ==, CLINICIAN);
}

/* The address as typed, to libpq's words. */
static void
test_builds_connection (void)
{
  static const struct { const char *address, *expected; } cases[] = {
    { "records.example", "host='records.example' dbname='db' user='jo' sslrootcert='/ca'" },
    { " records.example:5433 ", "host='records.example' port='5433' dbname='db' user='jo'"
                                " sslrootcert='/ca'" },
    { "[::1]:5433", "host='::1' port='5433' dbname='db' user='jo' sslrootcert='/ca'" },
    { "::1", "host='::1' dbname='db' user='jo' sslrootcert='/ca'" },
    { "host=a port=1", "host=a port=1 dbname='db' user='jo' sslrootcert='/ca'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *connection = ct_connect_page_build_connection (cases[i].address, "db",
                                                                      "jo", "/ca");

      g_assert_cmpstr (connection, ==, cases[i].expected);
    }

  /* Quotes and backslashes are escaped; no CA, no sslrootcert. */
  {
    g_autofree char *connection = ct_connect_page_build_connection ("h", "o'b\\d", "jo", "");

    g_assert_cmpstr (connection, ==, "host='h' dbname='o\\'b\\\\d' user='jo'");
  }
}

/* The server */

static void
set_up_server (void)
{
  static const struct { const char *login; CtTeamRole role; const char *name; } logins[] = {
    { CLINICIAN, CT_TEAM_ROLE_CLINICIAN, "Invented Clinician" },
    { ADMINISTRATOR, CT_TEAM_ROLE_ADMINISTRATOR, "Invented Administrator" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *owner_connection = NULL;
  g_autoptr(CtDatabase) owner = NULL;

  server = pg_test_server_start (&error);
  g_assert_no_error (error);
  database = pg_test_server_create_database (server, NULL, &error);
  g_assert_no_error (error);
  empty_database = pg_test_server_create_database (server, NULL, &error);
  g_assert_no_error (error);

  owner_connection = pg_test_server_conninfo (server, database,
                                              pg_test_server_get_superuser (server));
  owner = ct_server_team_init (owner_connection, pg_test_server_get_superuser_password (server),
                               &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      gboolean changed;

      g_assert_true (ct_server_team_add_user (owner, logins[i].login, logins[i].role,
                                              logins[i].name, PASSWORD, &changed, &error));
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_widget_init (&argc, &argv);
  set_up_server ();

  g_test_add ("/connect/signs-in-and-out", Fixture, NULL,
              fixture_set_up, test_signs_in_and_out, fixture_tear_down);
  g_test_add ("/connect/administrator", Fixture, NULL,
              fixture_set_up, test_administrator, fixture_tear_down);
  g_test_add ("/connect/idle-signs-out", Fixture, NULL,
              fixture_set_up, test_idle_signs_out, fixture_tear_down);
  g_test_add ("/connect/remember-without-keyring", Fixture, NULL,
              fixture_set_up, test_remember_without_keyring, fixture_tear_down);
  g_test_add ("/connect/errors-say-what-to-do", Fixture, NULL,
              fixture_set_up, test_errors_say_what_to_do, fixture_tear_down);
  g_test_add_func ("/connect/file-shows-no-one", test_file_shows_no_one);
  g_test_add_func ("/connect/builds-connection", test_builds_connection);

  status = g_test_run ();
  pg_test_server_free (server);
  g_free (database);
  g_free (empty_database);
  return status;
}
