/* test-server.c: connecting to a team server, and each way it can fail
 *
 * Against the test suite's own throwaway PostgreSQL (TLS, SCRAM, hostssl
 * only): a person gets a distinct error, with a message that says what to
 * do, for a server that cannot be reached, a wrong password, a refused or
 * untrusted TLS connection, a database not set up for Clinical Team, a
 * schema newer than the program, and a connection lost in the middle of a
 * write, which saves nothing. All data is invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "ct-database-private.h"
#include "ct-import.h"
#include "ct-summary-export.h"
#include "ct-server-database-private.h"
#include "ct-store.h"
#include "pg-test-server.h"
#include "records-fixture.h"
#include "summary-fixture.h"
#include "test-database-util.h"

static PgTestServer *server;

static const char *
password (void)
{
  return pg_test_server_get_superuser_password (server);
}

static char *
connection_to (const char *database)
{
  return pg_test_server_conninfo (server, database, pg_test_server_get_superuser (server));
}

/* A new database with Clinical Team's schema, and a connection to it. */
static char *
set_up_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = pg_test_server_create_database (server, NULL, &error);
  char *connection;
  g_autoptr(CtDatabase) db = NULL;

  g_assert_no_error (error);
  connection = connection_to (name);
  db = ct_server_database_set_up (connection, password (), "Test Runner", &error);
  g_assert_no_error (error);
  return connection;
}

static void
assert_refused (const char *connection,
                const char *the_password,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, the_password, "Test Runner",
                                                         &error);

  g_assert_null (db);
  g_assert_error (error, CT_DATABASE_ERROR, code);
  /* A sentence a person can act on, never a bare code. */
  g_assert_cmpuint (strlen (error->message), >, 40);
  g_test_message ("%s", error->message);
}

static void
test_connects (void)
{
  g_autofree char *connection = set_up_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, password (), "Test Runner",
                                                         &error);

  g_assert_no_error (error);
  g_assert_true (ct_database_is_open (db));
  g_assert_cmpint (ct_database_get_schema_version (db), ==, CT_SERVER_SCHEMA_VERSION);
  g_assert_null (ct_database_get_path (db));
  g_assert_true (ct_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* A port where nothing listens: bound, then closed. */
static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_unreachable (void)
{
  g_autofree char *connection = g_strdup_printf ("host=127.0.0.1 port=%u dbname=postgres "
                                                 "user=nobody sslmode=verify-full",
                                                 free_port ());

  assert_refused (connection, "invented password", CT_DATABASE_ERROR_UNREACHABLE);
}

static void
test_wrong_password (void)
{
  g_autofree char *connection = set_up_database ();

  assert_refused (connection, "not the password", CT_DATABASE_ERROR_WRONG_PASSWORD);
}

/* The server accepts TLS only: a plaintext attempt is refused. */
static void
test_plaintext_refused (void)
{
  g_autofree char *connection = set_up_database ();
  g_autofree char *plain = g_strconcat (connection, " sslmode=disable", NULL);

  assert_refused (plain, password (), CT_DATABASE_ERROR_NOT_TRUSTED);
}

/* A certificate that no CA the client trusts has signed is refused. */
static void
test_untrusted_certificate (void)
{
  g_autofree char *connection = set_up_database ();
  g_autofree char *dir = g_dir_make_tmp ("ct-test-ca-XXXXXX", NULL);
  g_autofree char *key = g_build_filename (dir, "other.key", NULL);
  g_autofree char *cert = g_build_filename (dir, "other.crt", NULL);
  g_autofree char *untrusting = g_strdup_printf ("%s sslrootcert=%s", connection, cert);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                         "-subj", "/CN=Some Other CA", "-keyout", key, "-out", cert, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  assert_refused (untrusting, password (), CT_DATABASE_ERROR_NOT_TRUSTED);

  g_unlink (key);
  g_unlink (cert);
  g_rmdir (dir);
}

/* A connection that says nothing of TLS verifies the server's certificate
 * all the same (sslmode=verify-full, where libpq's own default, "prefer",
 * would take any certificate): against the CA file it names (sslrootcert),
 * which must exist, and for the host name it connects to. */
static void
test_verifies_by_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = pg_test_server_create_database (server, NULL, &error);
  g_autofree char *trusting = NULL;
  g_autofree char *no_ca_file = NULL;
  g_autofree char *other_name = NULL;
  g_autoptr(CtDatabase) db = NULL;
  int port = pg_test_server_get_port (server);
  const char *user = pg_test_server_get_superuser (server);
  const char *ca_file = pg_test_server_get_ca_file (server);

  g_assert_no_error (error);
  trusting = g_strdup_printf ("host=" PG_TEST_SERVER_HOST " port=%d dbname=%s user=%s"
                              " sslrootcert=%s", port, name, user, ca_file);
  db = ct_server_database_set_up (trusting, password (), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  no_ca_file = g_strdup_printf ("host=" PG_TEST_SERVER_HOST " port=%d dbname=%s user=%s"
                                " sslrootcert=%s.missing", port, name, user, ca_file);
  assert_refused (no_ca_file, password (), CT_DATABASE_ERROR_NOT_TRUSTED);
  /* The right CA, but the certificate names another host than this one. */
  other_name = g_strdup_printf ("host=records.invalid hostaddr=" PG_TEST_SERVER_HOST " port=%d"
                                " dbname=%s user=%s sslrootcert=%s", port, name, user, ca_file);
  assert_refused (other_name, password (), CT_DATABASE_ERROR_NOT_TRUSTED);
}

static void
test_not_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = pg_test_server_create_database (server, NULL, &error);
  g_autofree char *connection = connection_to (name);

  g_assert_no_error (error);
  assert_refused (connection, password (), CT_DATABASE_ERROR_NOT_SET_UP);
}

static void
test_newer_schema (void)
{
  g_autofree char *connection = set_up_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, password (), "Test Runner",
                                                         &error);

  g_assert_no_error (error);
  g_assert_true (ct_database_exec (db, "UPDATE schema_version SET version = version + 1",
                                   &error));
  g_assert_no_error (error);
  assert_refused (connection, password (), CT_DATABASE_ERROR_NEWER_SCHEMA);
}

/* The connection drops after a write began: nothing of it is saved, and
 * the message says so; a read after it says only that it was lost. */
static void
test_connection_lost_mid_write (void)
{
  g_autofree char *connection = set_up_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, password (), "Test Runner",
                                                         &error);
  g_autoptr(CtDatabase) again = NULL;
  g_autoptr(CtRecord) staff = records_new ("staff", "name", "Test Clinician Lost",
                                           "role", "clinical_psychologist", NULL);
  CtStatement *stmt;
  g_autofree char *kill = NULL;

  g_assert_no_error (error);
  stmt = ct_database_prepare (db, "SELECT pg_backend_pid ()", &error);
  g_assert_no_error (error);
  g_assert_true (test_step (stmt));
  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")",
                          ct_statement_column_int64 (stmt, 0));
  ct_statement_reset (stmt);

  g_assert_true (ct_database_begin (db, &error));
  g_assert_true (ct_store_insert (db, staff, &error));
  g_assert_no_error (error);
  g_assert_true (pg_test_server_exec (server, "postgres", kill, &error));
  g_assert_no_error (error);

  g_assert_false (ct_database_commit (db, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_DISCONNECTED);
  g_assert_nonnull (strstr (error->message, "nothing was saved"));
  g_clear_error (&error);
  /* A read says the connection was lost, not that nothing was saved. */
  g_assert_null (ct_store_list (db, ct_kind_lookup ("staff"), NULL, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_DISCONNECTED);
  g_assert_nonnull (strstr (error->message, "was lost"));
  g_assert_null (strstr (error->message, "nothing was saved"));
  g_clear_error (&error);

  again = ct_server_database_connect (connection, password (), "Test Runner", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records_count (again, "SELECT count (*) FROM staff"), ==, 0);
}

static void
count_signal (guint *n)
{
  (*n)++;
}

/* Looks, as the app does every two seconds, for at most five seconds. */
static void
wait_until_disconnected (CtDatabase *db)
{
  for (int look = 0; look < 50 && ct_database_is_connected (db); look++)
    g_usleep (G_USEC_PER_SEC / 10);
  g_assert_false (ct_database_is_connected (db));
}

/* A dropped connection is noticed without a query, and connecting again
 * (as the same login, with the password it was given) brings back a
 * working session, its cached statements prepared anew; while the server
 * is down, connecting again fails as connecting does. */
static void
test_reconnect (void)
{
  g_autofree char *connection = set_up_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, password (), "Test Runner",
                                                         &error);
  g_autofree char *kill = NULL;
  g_autoptr(GSocketListener) listener = NULL;
  g_autoptr(GSocketConnection) taken = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  guint n_elsewhere = 0;
  CtStatement *stmt;

  g_assert_no_error (error);
  g_signal_connect_swapped (db, "changed::elsewhere", G_CALLBACK (count_signal), &n_elsewhere);
  g_assert_true (ct_database_is_connected (db));
  g_assert_true (ct_database_reconnect (db, &error));
  g_assert_cmpuint (n_elsewhere, ==, 0);

  stmt = ct_database_prepare (db, "SELECT pg_backend_pid ()", &error);
  g_assert_no_error (error);
  g_assert_true (test_step (stmt));
  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")",
                          ct_statement_column_int64 (stmt, 0));
  ct_statement_reset (stmt);
  g_assert_true (pg_test_server_exec (server, "postgres", kill, &error));
  g_assert_no_error (error);
  wait_until_disconnected (db);

  g_assert_true (ct_database_reconnect (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_elsewhere, ==, 1);
  g_assert_true (ct_database_is_connected (db));
  g_assert_cmpstr (ct_database_get_actor (db), ==, pg_test_server_get_superuser (server));
  records_insert (db, "staff", "name", "Test Clinician Back", "role", "clinical_psychologist",
                  NULL);
  g_assert_cmpuint (records_count (db, "SELECT count (*) FROM staff"), ==, 1);

  g_assert_true (pg_test_server_pause (server, &error));
  g_assert_no_error (error);
  wait_until_disconnected (db);
  g_assert_false (ct_database_reconnect (db, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_UNREACHABLE);
  g_clear_error (&error);

  /* Something takes the connection and never answers, as behind a network
   * that swallows packets: the call returns while the attempt is still
   * under way (it does not wait out the connection's ten seconds), and
   * the attempt fails once the other side goes. */
  listener = g_socket_listener_new ();
  address = g_inet_socket_address_new_from_string (PG_TEST_SERVER_HOST,
                                                   pg_test_server_get_port (server));
  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ct_database_reconnect (db, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_DISCONNECTED);
  g_clear_error (&error);
  taken = g_socket_listener_accept (listener, NULL, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (taken), NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  g_assert_false (ct_database_reconnect (db, &error));
  g_assert_false (g_error_matches (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_DISCONNECTED));
  g_clear_error (&error);

  g_assert_true (pg_test_server_resume (server, &error));
  g_assert_no_error (error);
  g_assert_true (ct_database_reconnect (db, &error));
  g_assert_no_error (error);
  records_insert (db, "staff", "name", "Test Clinician Again", "role", "clinical_psychologist",
                  NULL);
}

/* An import reads and checks every row, looking each child and clinician
 * up once, then writes the rows many to a statement: far fewer round trips
 * than rows (row by row it was a dozen each). */
static void
test_import_round_trips (void)
{
  g_autofree char *connection = set_up_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, password (), "Test Runner",
                                                         &error);
  g_autoptr(GString) csv = g_string_new ("date,clinician,child_reference,requested_by,topics,"
                                         "mode,duration_minutes,attendees,outcome\n");
  guint64 before;
  guint n = 0;

  g_assert_no_error (error);
  records_insert (db, "staff", "name", "Test Clinician A", "role", "clinical_psychologist", NULL);
  records_insert (db, "child", "reference", "TEST-0001", "name", "Test Child A",
                  "date_of_birth", "2014-05-06", "legal_status", "looked_after",
                  "placement_type", "in_house_foster", "placement_area", "in_area", NULL);
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (csv, "2024-05-%02u,Test Clinician A,TEST-0001,social_worker,"
                            "risk; transitions,video,%u,2,advice_given\n", 1 + i % 28, 30 + i);

  before = ct_server_database_get_round_trips (db);
  g_assert_true (ct_import_data (db, ct_kind_lookup ("consultation"), "consultations.csv",
                                 csv->str, csv->len, CT_IMPORT_DEFAULT, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 300);
  g_assert_cmpuint (ct_server_database_get_round_trips (db) - before, <, 100);
  g_assert_cmpuint (records_count (db, "SELECT count (*) FROM consultation_topic"), ==, 600);
  /* Each entry under the child, for "who has looked at this child". */
  g_assert_cmpuint (records_count (db, "SELECT count (*) FROM audit_log WHERE action = 'create'"
                                   " AND record_kind = 'consultation' AND child_id ="
                                   " (SELECT id FROM child WHERE reference = 'TEST-0001')"),
                    ==, 300);
}

static char *
summary_document (CtDatabase *db,
                  CtAudience  audience,
                  GDateTime  *generated_at)
{
  g_autoptr(CtSummary) summary = fixture_compute (db, "2024/25");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  ct_summary_export_to_stream (db, summary, audience, generated_at, stream, &error);
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

/* The same records give the same committee summary, character for
 * character, on the server as in the file, for both audiences; on the
 * server it is one round trip. */
static void
test_summary_same_as_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *connection = set_up_database ();
  TestFixture files = { 0 };
  g_autoptr(CtDatabase) file_db = NULL;
  g_autoptr(CtDatabase) server_db = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CtSummary) summary = NULL;
  guint64 round_trips;

  test_fixture_setup (&files, NULL);
  file_db = ct_database_create (files.path, TEST_PASSPHRASE, "Test Runner", &error);
  g_assert_no_error (error);
  server_db = ct_server_database_connect (connection, password (), "Test Runner", &error);
  g_assert_no_error (error);
  fixture_import_worked_example (file_db);
  fixture_import_worked_example (server_db);

  for (CtAudience audience = CT_AUDIENCE_PUBLIC; audience <= CT_AUDIENCE_INTERNAL; audience++)
    {
      g_autofree char *from_file = summary_document (file_db, audience, now);
      g_autofree char *from_server = summary_document (server_db, audience, now);

      g_assert_cmpstr (from_server, ==, from_file);
    }

  /* And it takes one round trip: every figure and preference is one
   * statement (prepared by now), with no transaction around it. */
  round_trips = ct_server_database_get_round_trips (server_db);
  summary = fixture_compute (server_db, "2024/25");
  g_assert_cmpuint (ct_server_database_get_round_trips (server_db) - round_trips, ==, 1);

  g_clear_object (&file_db);
  test_fixture_teardown (&files, NULL);
}

/* clinical-team-cli --server: init sets the server up, the records commands
 * work there, and backup and passwd say what to use instead. The password
 * is read from stdin, as a passphrase is. */
static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = pg_test_server_create_database (server, NULL, &error);
  g_autofree char *connection = connection_to (name);
  g_autofree char *input = g_strconcat (password (), "\n", NULL);
  g_autofree char *children = g_test_build_filename (G_TEST_DIST, "data", "summary-example",
                                                     "csv", "children.csv", NULL);
  const char *head[] = { "--server", connection, NULL };
  TestFixture files = { 0 };
  g_auto(CliResult) init = { 0 };
  g_auto(CliResult) import = { 0 };
  g_auto(CliResult) check = { 0 };
  g_auto(CliResult) backup = { 0 };
  g_auto(CliResult) passwd = { 0 };
  g_auto(CliResult) both = { 0 };

  g_assert_no_error (error);
  test_fixture_setup (&files, NULL);

  cli_run_argv (&files, input, head, (const char *[]) { "init", NULL }, &init);
  cli_assert_succeeded (&init);
  cli_run_argv (&files, input, head, (const char *[]) { "import", "children", children, NULL },
                &import);
  cli_assert_succeeded (&import);
  g_assert_nonnull (strstr (import.out, "120"));
  cli_run_argv (&files, input, head, (const char *[]) { "check", NULL }, &check);
  cli_assert_succeeded (&check);

  cli_run_argv (&files, input, head, (const char *[]) { "backup", "copy.ctdb", NULL }, &backup);
  cli_assert_failed (&backup, 1, NULL);
  g_assert_nonnull (strstr (backup.err, "pg_dump"));
  cli_run_argv (&files, input, head, (const char *[]) { "passwd", NULL }, &passwd);
  cli_assert_failed (&passwd, 1, NULL);
  g_assert_nonnull (strstr (passwd.err, "own password"));
  cli_run (&files, input, &both, "--server", connection, "--database", "records.ctdb", "check");
  cli_assert_failed (&both, 2, NULL);

  test_fixture_teardown (&files, NULL);
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

  g_test_add_func ("/server/connects", test_connects);
  g_test_add_func ("/server/unreachable", test_unreachable);
  g_test_add_func ("/server/wrong-password", test_wrong_password);
  g_test_add_func ("/server/plaintext-refused", test_plaintext_refused);
  g_test_add_func ("/server/untrusted-certificate", test_untrusted_certificate);
  g_test_add_func ("/server/verifies-by-default", test_verifies_by_default);
  g_test_add_func ("/server/not-set-up", test_not_set_up);
  g_test_add_func ("/server/newer-schema", test_newer_schema);
  g_test_add_func ("/server/connection-lost-mid-write", test_connection_lost_mid_write);
  g_test_add_func ("/server/reconnect", test_reconnect);
  g_test_add_func ("/server/import-round-trips", test_import_round_trips);
  g_test_add_func ("/server/summary-same-as-file", test_summary_same_as_file);
  g_test_add_func ("/server/cli", test_cli);

  status = g_test_run ();
  pg_test_server_stop (server);
  return status;
}
