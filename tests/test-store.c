/* test-store.c: the store a test program runs against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include "ct-database-private.h"
#include "ct-server-database.h"
#include "ct-store-reader.h"
#include "pg-test-server.h"
#include "test-database-util.h"
#include "test-store.h"

/* The records a database was created for: a path or a connection string. */
#define WHERE_KEY "test-store-where"

static PgTestServer *server;
static char *template_name;

gboolean
test_store_is_server (void)
{
  return g_strcmp0 (g_getenv ("CT_TEST_STORE"), "server") == 0;
}

static char *
server_connection (const char *database)
{
  return pg_test_server_conninfo (server, database, pg_test_server_get_superuser (server));
}

/* Starts the server, with one database set up for Clinical Team that each
 * test's database is copied from (CREATE DATABASE ... TEMPLATE). */
static void
ensure_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = NULL;
  g_autofree char *connection = NULL;

  if (server != NULL)
    return;

  server = pg_test_server_start (&error);
  g_assert_no_error (error);
  template_name = pg_test_server_create_database (server, NULL, &error);
  g_assert_no_error (error);

  connection = server_connection (template_name);
  db = ct_server_database_set_up (connection, pg_test_server_get_superuser_password (server),
                                  "Test Runner", &error);
  g_assert_no_error (error);
  ct_database_close (db);
}

PgTestServer *
test_store_get_server (void)
{
  return server;
}

CtDatabase *
test_store_create (const char *path,
                   const char *actor)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  char *connection;
  CtDatabase *db;

  if (!test_store_is_server ())
    {
      db = ct_database_create (path, TEST_PASSPHRASE, actor, &error);
      g_assert_no_error (error);
      g_object_set_data_full (G_OBJECT (db), WHERE_KEY, g_strdup (path), g_free);
      return db;
    }

  ensure_server ();
  name = pg_test_server_create_database (server, template_name, &error);
  g_assert_no_error (error);
  connection = server_connection (name);
  db = ct_server_database_connect (connection, pg_test_server_get_superuser_password (server),
                                   actor, &error);
  g_assert_no_error (error);
  g_object_set_data_full (G_OBJECT (db), WHERE_KEY, connection, g_free);
  return db;
}

void
test_store_start_reader (CtDatabase *db,
                         gboolean    wrong_secret)
{
  const char *secret = test_store_is_server () ? pg_test_server_get_superuser_password (server)
                                               : TEST_PASSPHRASE;

  ct_store_reader_start (db, wrong_secret ? "not the secret" : secret);
}

struct _TestReaderHold
{
  GMutex   lock;
  GCond    released;
  gboolean hold;
  gboolean held;      /* the read is under way */
};

static gpointer
hold_reader (CtDatabase  *db,
             gpointer     data,
             GError     **error)
{
  TestReaderHold *hold = data;

  g_mutex_lock (&hold->lock);
  hold->held = TRUE;
  g_cond_broadcast (&hold->released);
  while (hold->hold)
    g_cond_wait (&hold->released, &hold->lock);
  g_mutex_unlock (&hold->lock);
  return g_strdup ("held");
}

static void
hold_free (gpointer data)
{
  TestReaderHold *hold = data;

  g_mutex_clear (&hold->lock);
  g_cond_clear (&hold->released);
  g_free (hold);
}

TestReaderHold *
test_store_hold_reader (CtDatabase *db)
{
  TestReaderHold *hold = g_new0 (TestReaderHold, 1);

  g_mutex_init (&hold->lock);
  g_cond_init (&hold->released);
  hold->hold = TRUE;
  ct_store_read_async (db, hold_reader, hold, hold_free, g_free, NULL, NULL, NULL);
  return hold;
}

void
test_store_wait_until_held (TestReaderHold *hold)
{
  g_mutex_lock (&hold->lock);
  while (!hold->held)
    g_cond_wait (&hold->released, &hold->lock);
  g_mutex_unlock (&hold->lock);
}

/* @hold is freed with the read it held. */
void
test_store_release_reader (TestReaderHold *hold)
{
  g_mutex_lock (&hold->lock);
  hold->hold = FALSE;
  g_cond_broadcast (&hold->released);
  g_mutex_unlock (&hold->lock);
}

void
test_store_fail_inserts (CtDatabase *db,
                         const char *table,
                         gboolean    fail)
{
  g_autofree char *sql = NULL;

  if (!test_store_is_server ())
    sql = fail ? g_strdup_printf ("CREATE TEMP TRIGGER test_fail_%s BEFORE INSERT ON %s"
                                  " BEGIN SELECT RAISE (ABORT, 'invented failure'); END",
                                  table, table)
               : g_strdup_printf ("DROP TRIGGER test_fail_%s", table);
  else
    sql = fail ? g_strdup_printf ("CREATE FUNCTION test_fail () RETURNS trigger"
                                  " LANGUAGE plpgsql AS $$ BEGIN"
                                  " RAISE EXCEPTION 'invented failure'; END $$;"
                                  "CREATE TRIGGER test_fail_%s BEFORE INSERT ON %s"
                                  " FOR EACH ROW EXECUTE FUNCTION test_fail ()",
                                  table, table)
               : g_strdup_printf ("DROP TRIGGER test_fail_%s ON %s; DROP FUNCTION test_fail ()",
                                  table, table);
  test_exec (db, sql);
}

void
test_store_write_history (CtDatabase *db,
                          gboolean    history)
{
  /* The superuser's replica mode skips the server's stamping trigger. */
  if (test_store_is_server ())
    test_exec (db, history ? "SET session_replication_role = replica"
                         : "SET session_replication_role = DEFAULT");
}

CtDatabase *
test_store_open_again (CtDatabase *db,
                       const char *actor)
{
  g_autoptr(GError) error = NULL;
  const char *where = g_object_get_data (G_OBJECT (db), WHERE_KEY);
  CtDatabase *again;

  g_assert_nonnull (where);
  if (test_store_is_server ())
    again = ct_server_database_connect (where, pg_test_server_get_superuser_password (server),
                                        actor, &error);
  else
    again = ct_database_open (where, TEST_PASSPHRASE, actor, &error);
  g_assert_no_error (error);
  g_object_set_data_full (G_OBJECT (again), WHERE_KEY, g_strdup (where), g_free);
  return again;
}
