/* test-pg-server.c: the tests' throwaway PostgreSQL server lets in only
 * TLS with the test CA and the superuser's password, and leaves nothing
 * behind however its test process ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-pg-server"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pg-test-server.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Where a child process says which server it started (folder, port,
 * postmaster pid), for its parent to check after the child has ended. */
#define REPORT_ENV "CT_TEST_PG_REPORT"

/* Started by the first test that needs it, stopped by /pg-server/stop. */
static PgTestServer *server;

static PgTestServer *
start_server (void)
{
  g_autoptr(GError) error = NULL;
  gint64 begin = g_get_monotonic_time ();
  PgTestServer *started = pg_test_server_start (&error);

  g_assert_no_error (error);
  g_test_message ("The server started in %.2f s",
                  (g_get_monotonic_time () - begin) / (double) G_USEC_PER_SEC);
  return started;
}

static PgTestServer *
shared_server (void)
{
  if (server == NULL)
    server = start_server ();
  return server;
}

/* A connection as the superuser to the database "postgres" with
 * verify-full and the test CA, with @overrides (keyword, value, ...,
 * NULL) replacing or adding settings. */
static PGconn *
connect_with (const char *first_keyword,
              ...)
{
  PgTestServer *pg = shared_server ();
  g_autofree char *port = g_strdup_printf ("%d", pg_test_server_get_port (pg));
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  const char *const defaults[] = {
    "host", PG_TEST_SERVER_HOST, "port", port, "dbname", "postgres",
    "user", pg_test_server_get_superuser (pg),
    "password", pg_test_server_get_superuser_password (pg),
    "sslmode", "verify-full", "sslrootcert", pg_test_server_get_ca_file (pg),
    "connect_timeout", "10", NULL
  };
  va_list args;

  for (gsize i = 0; defaults[i] != NULL; i += 2)
    {
      g_ptr_array_add (keywords, (gpointer) defaults[i]);
      g_ptr_array_add (values, (gpointer) defaults[i + 1]);
    }

  va_start (args, first_keyword);
  for (const char *keyword = first_keyword; keyword != NULL; keyword = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      guint index;

      if (g_ptr_array_find_with_equal_func (keywords, keyword, g_str_equal, &index))
        values->pdata[index] = (gpointer) value;
      else
        {
          g_ptr_array_add (keywords, (gpointer) keyword);
          g_ptr_array_add (values, (gpointer) value);
        }
    }
  va_end (args);

  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);
  return PQconnectdbParams ((const char *const *) keywords->pdata,
                            (const char *const *) values->pdata, FALSE);
}

/* The one value of a one-row, one-column query. */
static char *
query_value (PGconn     *conn,
             const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), ==, 1);
  return g_strdup (PQgetvalue (result, 0, 0));
}

static void
assert_refused (PGconn     *conn,
                const char *reason)
{
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_BAD);
  g_test_message ("Refused as expected: %s", PQerrorMessage (conn));
  g_assert_nonnull (strstr (PQerrorMessage (conn), reason));
}

static void
assert_connected (PGconn *conn)
{
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Could not connect: %s", PQerrorMessage (conn));
}

static gboolean
port_refuses_connections (int port)
{
  struct sockaddr_in address = {
    .sin_family = AF_INET,
    .sin_port = htons (port),
    .sin_addr.s_addr = htonl (INADDR_LOOPBACK),
  };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int result, saved_errno;

  g_assert_cmpint (fd, >=, 0);
  result = connect (fd, (struct sockaddr *) &address, sizeof address);
  saved_errno = errno;
  close (fd);
  return result != 0 && saved_errno == ECONNREFUSED;
}

/* Gone, or a zombie that its new parent (init) has not reaped yet. */
static gboolean
process_is_gone (pid_t pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *state;

  if (kill (pid, 0) != 0 && errno == ESRCH)
    return TRUE;
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;
  state = strrchr (stat, ')');
  return state != NULL && g_str_has_prefix (state, ") Z");
}

static void
assert_process_ends (pid_t pid)
{
  for (int i = 0; i < 200 && !process_is_gone (pid); i++)
    g_usleep (50 * 1000);
  g_assert_true (process_is_gone (pid));
}

static pid_t
read_postmaster_pid (PgTestServer *pg)
{
  g_autofree char *path = g_build_filename (pg_test_server_get_folder (pg), "data",
                                            "postmaster.pid", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return (pid_t) g_ascii_strtoll (contents, NULL, 10);
}

static void
assert_file_lacks (const char *path,
                   const char *secret)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, secret));
}

static void
test_tls_and_scram (void)
{
  PgTestServer *pg = shared_server ();
  g_autoptr(PGconn) conn = connect_with (NULL);
  g_autofree char *scram = NULL;
  g_autofree char *ssl = NULL;
  g_autofree char *other_rules = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *log = g_build_filename (pg_test_server_get_folder (pg), "server.log", NULL);
  g_autofree char *conf = g_build_filename (pg_test_server_get_folder (pg), "data",
                                            "postgresql.conf", NULL);

  assert_connected (conn);
  g_assert_true (PQsslInUse (conn));
  ssl = query_value (conn, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid ()");
  g_assert_cmpstr (ssl, ==, "t");
  scram = query_value (conn, "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid "
                             "WHERE rolname = current_user");
  g_assert_cmpstr (scram, ==, "t");
  other_rules = query_value (conn, "SELECT count(*) FROM pg_hba_file_rules "
                                   "WHERE type <> 'hostssl' OR auth_method <> 'scram-sha-256' "
                                   "OR address <> '127.0.0.1' OR error IS NOT NULL");
  g_assert_cmpstr (other_rules, ==, "0");
  listen = query_value (conn, "SHOW listen_addresses");
  g_assert_cmpstr (listen, ==, PG_TEST_SERVER_HOST);

  assert_file_lacks (log, pg_test_server_get_superuser_password (pg));
  assert_file_lacks (conf, pg_test_server_get_superuser_password (pg));
}

static void
test_plaintext_refused (void)
{
  g_autoptr(PGconn) conn = connect_with ("sslmode", "disable", NULL);

  assert_refused (conn, "no encryption");
}

static void
test_wrong_password_refused (void)
{
  g_autoptr(PGconn) conn = connect_with ("password", "not-the-password", NULL);

  assert_refused (conn, "password authentication failed");
}

/* A CA of our own that never signed the server's certificate. */
static void
test_untrusted_certificate_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ct-test-wrong-ca-XXXXXX", &error);
  g_autofree char *key = g_build_filename (dir, "ca.key", NULL);
  g_autofree char *cert = g_build_filename (dir, "ca.crt", NULL);
  const char *const argv[] = {
    PG_TEST_OPENSSL, "req", "-x509", "-new", "-newkey", "ec",
    "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
    "-keyout", key, "-out", cert, "-subj", "/CN=Another test CA", NULL
  };
  int status;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  {
    g_autoptr(PGconn) conn = connect_with ("sslrootcert", cert, NULL);

    assert_refused (conn, "certificate verify failed");
  }
  /* libpq 16 reads "system" as the system's CAs; older ones as a file name.
   * Either way the test CA is not among them. */
  {
    g_autoptr(PGconn) conn = connect_with ("sslrootcert", "system", NULL);

    g_assert_cmpint (PQstatus (conn), ==, CONNECTION_BAD);
  }

  g_unlink (key);
  g_unlink (cert);
  g_rmdir (dir);
}

/* verify-full checks the name too: the certificate is for 127.0.0.1, not
 * for "localhost", even when that is the address dialled. */
static void
test_wrong_host_name_refused (void)
{
  g_autoptr(PGconn) conn = connect_with ("host", "localhost", "hostaddr", PG_TEST_SERVER_HOST,
                                         NULL);

  assert_refused (conn, "does not match host name");
}

static void
test_conninfo (void)
{
  PgTestServer *pg = shared_server ();
  g_autofree char *conninfo = pg_test_server_conninfo (pg, "postgres",
                                                       pg_test_server_get_superuser (pg));
  g_autofree char *expected = g_strdup_printf (
    "host=127.0.0.1 port=%d dbname=postgres user=%s sslmode=verify-full sslrootcert=%s",
    pg_test_server_get_port (pg), pg_test_server_get_superuser (pg),
    pg_test_server_get_ca_file (pg));
  const char *const keywords[] = { "dbname", "password", NULL };
  const char *const values[] = {
    conninfo, pg_test_server_get_superuser_password (pg), NULL
  };
  g_autoptr(PGconn) conn = NULL;

  g_assert_cmpstr (conninfo, ==, expected);
  g_assert_null (strstr (conninfo, pg_test_server_get_superuser_password (pg)));

  conn = PQconnectdbParams (keywords, values, TRUE);
  assert_connected (conn);
  g_assert_true (PQsslInUse (conn));
}

static void
test_create_database (void)
{
  PgTestServer *pg = shared_server ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = pg_test_server_create_database (pg, NULL, &error);
  g_autofree char *second = NULL;
  g_autofree char *copy = NULL;

  g_assert_no_error (error);
  second = pg_test_server_create_database (pg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);

  pg_test_server_exec (pg, first, "CREATE TABLE referral (id integer PRIMARY KEY);"
                                  "INSERT INTO referral VALUES (1), (2)", &error);
  g_assert_no_error (error);
  /* Fresh means empty: the other database has no such table. */
  g_assert_false (pg_test_server_exec (pg, second, "SELECT * FROM referral", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  copy = pg_test_server_create_database (pg, first, &error);
  g_assert_no_error (error);
  pg_test_server_exec (pg, copy,
                       "DO $$ BEGIN IF (SELECT count(*) FROM referral) <> 2 THEN "
                       "RAISE 'the copy lacks the template''s rows'; END IF; END $$", &error);
  g_assert_no_error (error);
}

static void
assert_server_gone (const char *folder,
                    int         port,
                    pid_t       postmaster)
{
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  assert_process_ends (postmaster);
  g_assert_true (port_refuses_connections (port));
}

static void
test_stop (void)
{
  PgTestServer *pg = shared_server ();
  g_autofree char *folder = g_strdup (pg_test_server_get_folder (pg));
  int port = pg_test_server_get_port (pg);
  pid_t postmaster = read_postmaster_pid (pg);

  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_false (port_refuses_connections (port));

  pg_test_server_stop (pg);
  assert_server_gone (folder, port, postmaster);
  pg_test_server_stop (pg);   /* a second stop does nothing */
  g_clear_pointer (&server, pg_test_server_free);
}

/* In the child: start a server, say which, and end as @how says. */
static void
start_and_end (const char *how)
{
  PgTestServer *pg = start_server ();
  g_autofree char *report = g_strdup_printf ("%s\n%d\n%d\n", pg_test_server_get_folder (pg),
                                             pg_test_server_get_port (pg),
                                             (int) read_postmaster_pid (pg));
  g_autoptr(GError) error = NULL;

  g_file_set_contents (g_getenv (REPORT_ENV), report, -1, &error);
  g_assert_no_error (error);

  /* What a failed g_assert does in a test run by meson. */
  if (g_str_equal (how, "abort"))
    abort ();
  /* What it does in a g_test_trap_subprocess() child: _exit (1), which no
   * handler sees. */
  else if (g_str_equal (how, "assertion"))
    g_assert_not_reached ();
  else if (g_str_equal (how, "sigterm"))
    raise (SIGTERM);
  else if (g_str_equal (how, "sigkill"))
    raise (SIGKILL);
  /* "exit": the test passes and the process exits with the server running */
}

/* The endings that only the watchdog sees; it cleans up after the child has
 * gone, the handlers before. */
static gboolean
ending_is_unseen (const char *how)
{
  return g_str_equal (how, "assertion") || g_str_equal (how, "sigkill");
}

/* A child process starts a server and ends without stopping it: by
 * exiting, by SIGABRT (a failed assertion), by SIGTERM (meson's timeout), or
 * unseen by _exit or SIGKILL. Its folder and server must go. */
static void
test_cleanup (gconstpointer data)
{
  const char *how = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *report_file = NULL;
  g_autofree char *report = NULL;
  g_auto(GStrv) lines = NULL;

  if (g_test_subprocess ())
    {
      start_and_end (how);
      return;
    }

  dir = g_dir_make_tmp ("ct-test-report-XXXXXX", &error);
  g_assert_no_error (error);
  report_file = g_build_filename (dir, "report", NULL);
  g_setenv (REPORT_ENV, report_file, TRUE);
  g_test_trap_subprocess (NULL, 90 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  if (g_str_equal (how, "exit"))
    g_test_trap_assert_passed ();
  else
    g_test_trap_assert_failed ();

  g_file_get_contents (report_file, &report, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (report, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);

  if (ending_is_unseen (how))
    for (int i = 0; i < 300 && g_file_test (lines[0], G_FILE_TEST_EXISTS); i++)
      g_usleep (100 * 1000);
  assert_server_gone (lines[0], atoi (lines[1]), atoi (lines[2]));

  g_unlink (report_file);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* One server for these, in this order: GLib runs a path's tests before
   * those of its sub-paths. */
  g_test_add_func ("/pg-server/tls-and-scram", test_tls_and_scram);
  g_test_add_func ("/pg-server/refused-plaintext", test_plaintext_refused);
  g_test_add_func ("/pg-server/refused-wrong-password", test_wrong_password_refused);
  g_test_add_func ("/pg-server/refused-untrusted-certificate",
                   test_untrusted_certificate_refused);
  g_test_add_func ("/pg-server/refused-wrong-host-name", test_wrong_host_name_refused);
  g_test_add_func ("/pg-server/conninfo", test_conninfo);
  g_test_add_func ("/pg-server/create-database", test_create_database);
  g_test_add_func ("/pg-server/stop", test_stop);
  /* A server each, in a child process */
  g_test_add_data_func ("/pg-server/cleanup/exit", "exit", test_cleanup);
  g_test_add_data_func ("/pg-server/cleanup/abort", "abort", test_cleanup);
  g_test_add_data_func ("/pg-server/cleanup/sigterm", "sigterm", test_cleanup);
  g_test_add_data_func ("/pg-server/cleanup/assertion", "assertion", test_cleanup);
  g_test_add_data_func ("/pg-server/cleanup/sigkill", "sigkill", test_cleanup);

  return g_test_run ();
}
