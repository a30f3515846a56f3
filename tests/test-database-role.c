/* test-database-role.c: ct_database_get_role() on both stores
 *
 * The file proves no identity and knows no role; on the team server, each
 * login has the role it was put in, and IT's owner login none. All names
 * and passwords are invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-database-role"

#include "config.h"

#include <glib/gstdio.h>

#include "ct-server-database.h"
#include "ct-server-team.h"
#include "pg-test-server.h"

#define PASSPHRASE "invented passphrase for a role test"
#define PASSWORD   "invented password for a role test"

static PgTestServer *server;

static void
test_file_has_no_role (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("ct-test-role-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(CtDatabase) db = NULL;
  CtTeamRole role = CT_TEAM_ROLE_LEAD;

  g_assert_no_error (error);
  path = g_build_filename (folder, "records.ctdb", NULL);
  db = ct_database_create (path, PASSPHRASE, "Invented Person", &error);
  g_assert_no_error (error);
  g_assert_false (ct_database_get_role (db, &role));
  g_assert_cmpint (role, ==, CT_TEAM_ROLE_LEAD);

  ct_database_close (db);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static CtDatabase *
sign_in (const char *database,
         const char *login,
         const char *password)
{
  g_autofree char *connection = pg_test_server_conninfo (server, database, login);
  g_autoptr(GError) error = NULL;
  CtDatabase *db = ct_server_database_connect (connection, password, NULL, &error);

  g_assert_no_error (error);
  return db;
}

static void
test_server_role_of_each_login (void)
{
  static const struct { const char *login; CtTeamRole role; } logins[] = {
    { "ct_role_clinician", CT_TEAM_ROLE_CLINICIAN },
    { "ct_role_administrator", CT_TEAM_ROLE_ADMINISTRATOR },
    { "ct_role_lead", CT_TEAM_ROLE_LEAD },
  };
  const char *owner_password = pg_test_server_get_superuser_password (server);
  g_autoptr(GError) error = NULL;
  g_autofree char *database = pg_test_server_create_database (server, NULL, &error);
  g_autofree char *owner_connection = NULL;
  g_autoptr(CtDatabase) owner = NULL;
  CtTeamRole role;

  g_assert_no_error (error);
  owner_connection = pg_test_server_conninfo (server, database,
                                              pg_test_server_get_superuser (server));
  owner = ct_server_team_init (owner_connection, owner_password, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autoptr(CtDatabase) db = NULL;
      gboolean changed = FALSE;

      g_assert_true (ct_server_team_add_user (owner, logins[i].login, logins[i].role,
                                              logins[i].login, PASSWORD, &changed, &error));
      g_assert_no_error (error);
      db = sign_in (database, logins[i].login, PASSWORD);
      g_assert_true (ct_database_get_role (db, &role));
      g_assert_cmpint (role, ==, logins[i].role);

      /* Closed, it knows nothing. */
      ct_database_close (db);
      g_assert_false (ct_database_get_role (db, &role));
    }

  /* The owner (a superuser, a member of every role) was put in none. */
  g_clear_object (&owner);
  owner = sign_in (database, pg_test_server_get_superuser (server), owner_password);
  g_assert_false (ct_database_get_role (owner, &role));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  server = pg_test_server_start (&error);
  g_assert_no_error (error);

  g_test_add_func ("/database-role/file", test_file_has_no_role);
  g_test_add_func ("/database-role/server", test_server_role_of_each_login);

  status = g_test_run ();
  pg_test_server_free (server);
  return status;
}
