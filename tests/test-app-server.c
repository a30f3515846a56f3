/* test-app-server.c: clinical-team --server CONNECTION, the app's side of
 * ./build-aux/dev run --team-demo
 *
 * On the tests' throwaway PostgreSQL, set up with a lead's login whose
 * password is in libpq's password file (as team-demo writes it), the
 * option opens a window of its own instance, signed in as that login; a
 * server that cannot be reached opens no window and says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-app-server"

#include "config.h"

#include <glib/gstdio.h>

#include "ct-application.h"
#include "ct-server-database.h"
#include "ct-server-team.h"
#include "ct-window.h"
#include "pg-test-server.h"
#include "widget-test-util.h"

#define LOGIN    "test.lead"
/* Invented. */
#define PASSWORD "an invented lead password"
#define STAFF    "Dr Testa Exampleton"

static CtApplication *
application_with_server (const char *connection)
{
  CtApplication *application = ct_application_new ();
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);

  g_variant_dict_insert (options, "server", "s", connection);
  g_assert_cmpint (G_APPLICATION_GET_CLASS (application)->handle_local_options (
                     G_APPLICATION (application), options), ==, -1);
  return application;
}

/* A database set up with LOGIN, and its connection. */
static char *
set_up_server (PgTestServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *database = pg_test_server_create_database (server, NULL, &error);
  g_autofree char *owner = NULL;
  g_autoptr(CtDatabase) db = NULL;
  gboolean changed;

  g_assert_no_error (error);
  owner = pg_test_server_conninfo (server, database, pg_test_server_get_superuser (server));
  db = ct_server_team_init (owner, pg_test_server_get_superuser_password (server), &error);
  g_assert_no_error (error);
  ct_server_team_add_user (db, LOGIN, CT_TEAM_ROLE_LEAD, STAFF, PASSWORD, &changed, &error);
  g_assert_no_error (error);
  return pg_test_server_conninfo (server, database, LOGIN);
}

static void
test_server_opens_signed_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PgTestServer) server = pg_test_server_start (&error);
  g_autofree char *connection = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *line = NULL;
  g_autoptr(CtApplication) application = NULL;
  GtkWindow *window;
  CtDatabase *db;

  g_assert_no_error (error);
  connection = set_up_server (server);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  password_file = g_build_filename (g_get_user_config_dir (), "pgpass", NULL);
  line = g_strdup_printf ("*:*:*:%s:%s\n", LOGIN, PASSWORD);
  g_file_set_contents_full (password_file, line, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                            &error);
  g_assert_no_error (error);
  g_setenv ("PGPASSFILE", password_file, TRUE);

  application = application_with_server (connection);
  g_assert_true (g_application_get_flags (G_APPLICATION (application)) &
                 G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (application));

  window = test_find_toplevel (CT_TYPE_WINDOW);
  g_assert_nonnull (window);
  db = ct_window_get_database (CT_WINDOW (window));
  g_assert_nonnull (db);
  g_assert_null (ct_database_get_path (db));
  g_assert_cmpstr (ct_database_get_actor (db), ==, LOGIN);
  test_wait_until_mapped (GTK_WIDGET (window));
  test_save_screenshot (GTK_WIDGET (window), "app-server.png");

  gtk_window_destroy (window);
  g_unsetenv ("PGPASSFILE");
}

/* Nothing listens on port 1: no window, and the reason on stderr. */
static void
test_server_unreachable (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CtApplication) application =
        application_with_server ("host=" PG_TEST_SERVER_HOST " port=1 dbname=none user=none "
                                 "connect_timeout=5");
      g_autoptr(GError) error = NULL;

      g_application_register (G_APPLICATION (application), NULL, &error);
      g_assert_no_error (error);
      g_application_activate (G_APPLICATION (application));
      g_assert_null (test_find_toplevel (CT_TYPE_WINDOW));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Could not open the records on the team server:*");
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add_func ("/app/server-opens-signed-in", test_server_opens_signed_in);
  g_test_add_func ("/app/server-unreachable", test_server_unreachable);

  return g_test_run ();
}
