/* test-team-cli.c: clinical-team-cli team init, add-user, set-role,
 * disable-user and move, for IT
 *
 * The real program against the test suite's own throwaway PostgreSQL (TLS,
 * SCRAM, hostssl only), signed in as its superuser, IT's owner role. Each
 * command does its work, is audited with the login that ran it, and run
 * again changes nothing. A new login signs in with its first password and
 * has exactly its role; a disabled one no longer signs in, while its
 * records and audit entries stay. A moved records file arrives whole, every
 * reference intact; moving into a server that holds records needs
 * --merge, and merging twice creates no duplicates. All data is invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-team-cli"

#include "config.h"

#include <gio/gio.h>

#include "cli-test-util.h"
#include "ct-database-private.h"
#include "ct-demo-data.h"
#include "ct-export.h"
#include "ct-records.h"
#include "ct-server-database.h"
#include "ct-server-team.h"
#include "ct-store.h"
#include "pg-test-server.h"
#include "records-fixture.h"
#include "test-database-util.h"

#define NEW_PASSWORD "an invented first password"

static PgTestServer *server;

typedef struct
{
  TestFixture  files;
  char        *database;
  char        *connection;  /* the superuser's */
  char        *input;       /* the superuser's password, one line */
  CtDatabase  *db;          /* signed in as the superuser */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_fixture_setup (&fixture->files, data);
  fixture->database = pg_test_server_create_database (server, NULL, &error);
  g_assert_no_error (error);
  fixture->connection = pg_test_server_conninfo (server, fixture->database,
                                                 pg_test_server_get_superuser (server));
  fixture->input = g_strconcat (pg_test_server_get_superuser_password (server), "\n", NULL);
  /* Every test but init's starts from a server that is set up. */
  if (data == NULL)
    {
      g_autoptr(CtDatabase) set_up =
        ct_server_database_set_up (fixture->connection,
                                   pg_test_server_get_superuser_password (server), NULL, &error);
      g_assert_no_error (error);
      fixture->db = ct_server_database_connect (fixture->connection,
                                                pg_test_server_get_superuser_password (server),
                                                NULL, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_free (fixture->database);
  g_free (fixture->connection);
  g_free (fixture->input);
  test_fixture_teardown (&fixture->files, data);
}

/* Runs clinical-team-cli --server (the superuser's) team @args. */
#define team(fixture, input, result, ...) \
  cli_run_argv (&(fixture)->files, (input), \
                (const char *[]) { "--server", (fixture)->connection, "team", NULL }, \
                (const char * const []) { __VA_ARGS__, NULL }, (result))

/* Audit entries whose description contains @words. */
static guint
count_audit (CtDatabase *db,
             const char *words)
{
  CtStatement *stmt = ct_database_prepare (db, "SELECT count(*) FROM audit_log"
                                               " WHERE strpos (description, ?1) > 0", NULL);
  guint count;

  g_assert_nonnull (stmt);
  ct_statement_bind_text (stmt, 1, words);
  g_assert_true (test_step (stmt));
  count = ct_statement_column_int (stmt, 0);
  ct_statement_reset (stmt);
  return count;
}

/* The one text that @sql (with ?1 = @param, unless NULL) gives. */
static char *
query_text (CtDatabase *db,
            const char *sql,
            const char *param)
{
  CtStatement *stmt = ct_database_prepare (db, sql, NULL);
  char *text;

  g_assert_nonnull (stmt);
  if (param != NULL)
    ct_statement_bind_text (stmt, 1, param);
  g_assert_true (test_step (stmt));
  text = g_strdup (ct_statement_column_text (stmt, 0));
  ct_statement_reset (stmt);
  return text;
}

static CtDatabase *
sign_in (Fixture    *fixture,
         const char *login,
         const char *password,
         GError    **error)
{
  g_autofree char *connection = pg_test_server_conninfo (server, fixture->database, login);

  return ct_server_database_connect (connection, password, NULL, error);
}

static void
add_user (Fixture    *fixture,
          const char *login,
          CtTeamRole  role,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  g_assert_true (ct_server_team_add_user (fixture->db, login, role, name, NEW_PASSWORD, &changed,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (changed);
}

/* init */

static void
test_init (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) no_server = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;

  team (fixture, fixture->input, &first, "init");
  cli_assert_succeeded (&first);
  g_assert_nonnull (strstr (first.out, "schema version"));

  fixture->db = ct_server_database_connect (fixture->connection,
                                            pg_test_server_get_superuser_password (server), NULL,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_database_get_schema_version (fixture->db), ==, CT_SERVER_SCHEMA_VERSION);
  /* One entry, stamped with IT's login. */
  g_assert_cmpuint (count_audit (fixture->db, "schema version"), ==, 1);
  who = query_text (fixture->db, "SELECT who FROM audit_log"
                                 " WHERE strpos (description, ?1) > 0", "schema version");
  g_assert_cmpstr (who, ==, pg_test_server_get_superuser (server));
  g_assert_cmpuint (records_count (fixture->db, "SELECT count(*) FROM pg_roles"
                                                " WHERE rolname LIKE 'clinical_team_%'"), ==, 3);

  /* Again: nothing to do, nothing audited. */
  team (fixture, fixture->input, &again, "init");
  cli_assert_succeeded (&again);
  g_assert_cmpuint (count_audit (fixture->db, "schema version"), ==, 1);

  cli_run (&fixture->files, fixture->input, &no_server, "team", "init");
  cli_assert_failed (&no_server, 2, NULL);
  g_assert_nonnull (strstr (no_server.err, "--server"));
}

/* add-user */

/* The login's roles among Clinical Team's, as the login itself sees them. */
static char *
roles_of (CtDatabase *db)
{
  return query_text (db, "SELECT concat_ws (',',"
                         " CASE WHEN pg_has_role ('clinical_team_clinician', 'MEMBER')"
                         "  THEN 'clinician' END,"
                         " CASE WHEN pg_has_role ('clinical_team_administrator', 'MEMBER')"
                         "  THEN 'administrator' END,"
                         " CASE WHEN pg_has_role ('clinical_team_lead', 'MEMBER')"
                         "  THEN 'lead' END)", NULL);
}

static void
test_add_user (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *input = g_strconcat (fixture->input, NEW_PASSWORD "\n", NULL);
  g_autofree char *log_file = g_build_filename (pg_test_server_get_folder (server), "server.log",
                                                NULL);
  g_autofree char *log_statements = g_strdup_printf ("ALTER DATABASE %s SET log_statement = 'all'",
                                                     fixture->database);
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) again = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) jo = NULL;
  g_autofree char *roles = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *verifier = NULL;
  g_autofree char *log = NULL;
  guint n_staff;

  /* Every statement the server runs goes to its log. */
  g_assert_true (pg_test_server_exec (server, "postgres", log_statements, &error));
  g_assert_no_error (error);

  team (fixture, input, &first, "add-user", "jo.bloggs", "--role", "clinician",
        "--name", "Invented Jo Bloggs");
  cli_assert_succeeded (&first);
  g_assert_nonnull (strstr (first.out, "jo.bloggs"));

  /* The new login signs in with its first password, in its role only. */
  jo = sign_in (fixture, "jo.bloggs", NEW_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ct_database_get_actor (jo), ==, "jo.bloggs");
  roles = roles_of (jo);
  g_assert_cmpstr (roles, ==, "clinician");
  staff = query_text (fixture->db, "SELECT name FROM staff WHERE login = ?1 AND active",
                      "jo.bloggs");
  g_assert_cmpstr (staff, ==, "Invented Jo Bloggs");
  n_staff = records_count_rows (fixture->db, "staff");
  g_assert_cmpuint (count_audit (fixture->db, "Added the login “jo.bloggs”"), ==, 1);

  /* The server holds a SCRAM verifier, and its log never the password. */
  verifier = query_text (fixture->db, "SELECT rolpassword FROM pg_authid WHERE rolname = ?1",
                         "jo.bloggs");
  g_assert_true (g_str_has_prefix (verifier, "SCRAM-SHA-256$"));
  g_assert_true (g_file_get_contents (log_file, &log, NULL, NULL));
  g_assert_nonnull (strstr (log, "CREATE ROLE"));
  g_assert_null (strstr (log, NEW_PASSWORD));

  /* Again: nothing changes, and no password is asked for. */
  team (fixture, fixture->input, &again, "add-user", "jo.bloggs", "--role", "clinician",
        "--name", "Invented Jo Bloggs");
  cli_assert_succeeded (&again);
  g_assert_nonnull (strstr (again.out, "nothing was changed"));
  g_assert_cmpuint (records_count_rows (fixture->db, "staff"), ==, n_staff);
  g_assert_cmpuint (count_audit (fixture->db, "Added the login “jo.bloggs”"), ==, 1);
  g_clear_object (&jo);
  jo = sign_in (fixture, "jo.bloggs", NEW_PASSWORD, &error);
  g_assert_no_error (error);
}

/* An existing staff member is linked, whatever the case of the name. */
static void
test_add_user_links_staff (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *input = g_strconcat (fixture->input, NEW_PASSWORD "\n", NULL);
  g_auto(CliResult) result = { 0 };
  g_autofree char *login = NULL;
  gint64 sam = records_insert (fixture->db, "staff", "name", "Invented Sam Smith",
                               "role", "family_therapist", NULL);
  g_autofree char *id = records_id_text (sam);

  team (fixture, input, &result, "add-user", "sam", "--role", "lead",
        "--name", "invented sam smith");
  cli_assert_succeeded (&result);
  login = query_text (fixture->db, "SELECT login FROM staff WHERE id = ?1::bigint", id);
  g_assert_cmpstr (login, ==, "sam");
  g_assert_cmpuint (records_count_rows (fixture->db, "staff"), ==, 1);
}

static void
test_add_user_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *input = g_strconcat (fixture->input, NEW_PASSWORD "\n", NULL);
  g_autofree char *short_input = g_strconcat (fixture->input, "short\n", NULL);
  g_auto(CliResult) no_role = { 0 };
  g_auto(CliResult) bad_role = { 0 };
  g_auto(CliResult) bad_name = { 0 };
  g_auto(CliResult) not_ours = { 0 };
  g_auto(CliResult) other_role = { 0 };
  g_auto(CliResult) short_password = { 0 };

  team (fixture, input, &no_role, "add-user", "kim");
  cli_assert_failed (&no_role, 2, NULL);
  team (fixture, input, &bad_role, "add-user", "kim", "--role", "superuser");
  cli_assert_failed (&bad_role, 2, NULL);
  g_assert_nonnull (strstr (bad_role.err, "clinician, administrator or lead"));
  team (fixture, input, &bad_name, "add-user", "Kim; DROP ROLE x", "--role", "clinician");
  cli_assert_failed (&bad_name, 1, NULL);
  /* IT's own role is no Clinical Team login, and is left alone. */
  team (fixture, input, &not_ours, "add-user", pg_test_server_get_superuser (server),
        "--role", "clinician");
  cli_assert_failed (&not_ours, 1, NULL);
  g_assert_nonnull (strstr (not_ours.err, "not a Clinical Team login"));
  add_user (fixture, "kim", CT_TEAM_ROLE_CLINICIAN, "Invented Kim");
  team (fixture, input, &other_role, "add-user", "kim", "--role", "lead");
  cli_assert_failed (&other_role, 1, NULL);
  g_assert_nonnull (strstr (other_role.err, "set-role"));
  team (fixture, short_input, &short_password, "add-user", "lee", "--role", "clinician");
  cli_assert_failed (&short_password, 1, NULL);
  g_assert_cmpuint (records_count (fixture->db, "SELECT count(*) FROM pg_roles"
                                                " WHERE rolname = 'lee'"), ==, 0);
}

/* set-role */

static void
test_set_role (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) nobody = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) ash = NULL;
  g_autofree char *roles = NULL;

  add_user (fixture, "ash", CT_TEAM_ROLE_CLINICIAN, "Invented Ash");
  team (fixture, fixture->input, &first, "set-role", "ash", "lead");
  cli_assert_succeeded (&first);
  ash = sign_in (fixture, "ash", NEW_PASSWORD, &error);
  g_assert_no_error (error);
  roles = roles_of (ash);
  g_assert_cmpstr (roles, ==, "lead");
  g_assert_cmpuint (count_audit (fixture->db, "Gave the login “ash” the role lead"), ==, 1);

  team (fixture, fixture->input, &again, "set-role", "ash", "lead");
  cli_assert_succeeded (&again);
  g_assert_nonnull (strstr (again.out, "nothing was changed"));
  g_assert_cmpuint (count_audit (fixture->db, "Gave the login “ash” the role lead"), ==, 1);

  team (fixture, fixture->input, &nobody, "set-role", "nobody", "lead");
  cli_assert_failed (&nobody, 1, NULL);
}

/* disable-user */

static void
test_disable_user (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) again = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) leaver = NULL;
  g_autoptr(CtDatabase) refused = NULL;
  g_autofree char *staff_id = NULL;
  g_autofree char *clinician = NULL;
  g_autofree char *active = NULL;
  guint n_entries;

  add_user (fixture, "pat", CT_TEAM_ROLE_CLINICIAN, "Invented Pat");
  staff_id = query_text (fixture->db, "SELECT id::text FROM staff WHERE login = ?1", "pat");
  leaver = sign_in (fixture, "pat", NEW_PASSWORD, &error);
  g_assert_no_error (error);
  records_insert (leaver, "consultation", "date", "2025-01-03", "clinician", staff_id,
                  "requested_by", "iro", "topics", "risk", "mode", "video",
                  "duration_minutes", "30", "attendees", "2", "outcome", "advice_given", NULL);
  g_clear_object (&leaver);
  n_entries = records_count (fixture->db, "SELECT count(*) FROM audit_log WHERE who = 'pat'");
  g_assert_cmpuint (n_entries, >=, 2);

  team (fixture, fixture->input, &first, "disable-user", "pat");
  cli_assert_succeeded (&first);
  refused = sign_in (fixture, "pat", NEW_PASSWORD, &error);
  g_assert_null (refused);
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Their records and audit entries stay; their staff record is inactive. */
  clinician = query_text (fixture->db, "SELECT clinician_id::text FROM consultation", NULL);
  g_assert_cmpstr (clinician, ==, staff_id);
  g_assert_cmpuint (records_count (fixture->db, "SELECT count(*) FROM audit_log WHERE who = 'pat'"),
                    ==, n_entries);
  active = query_text (fixture->db, "SELECT active::text FROM staff WHERE login = ?1", "pat");
  g_assert_cmpstr (active, ==, "false");
  g_assert_cmpuint (count_audit (fixture->db, "Disabled the login “pat”"), ==, 1);

  team (fixture, fixture->input, &again, "disable-user", "pat");
  cli_assert_succeeded (&again);
  g_assert_nonnull (strstr (again.out, "nothing was changed"));
  g_assert_cmpuint (count_audit (fixture->db, "Disabled the login “pat”"), ==, 1);
}

/* move */

/* A small team, invented by the demo generator. */
static void
fill_file (const char *path)
{
  static const CtDemoSize size = {
    .staff = 6, .children = 12, .referrals = 18, .consultations = 30,
    .reflective_sessions = 8, .goals = 20, .goal_ratings = 40,
    .training_events = 3, .training_attendances = 20, .financial_years = 1,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_create (path, TEST_PASSPHRASE, "Test Runner", &error);

  g_assert_no_error (error);
  g_assert_true (ct_demo_data_fill (db, &size, 7, NULL, &error));
  g_assert_no_error (error);
  /* Times from long ago, which the move keeps. */
  g_assert_true (ct_database_exec (db, "UPDATE child SET created_at = '2020-01-02T03:04:05Z'",
                                   &error));
  g_assert_no_error (error);
}

static int
compare_lines (const void *a,
               const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Every record of @kind as CSV, lines sorted: references appear as the
 * natural keys they point to (a child's reference, a clinician's name). */
static char *
export_sorted (CtDatabase   *db,
               const CtKind *kind)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (ct_export (db, kind, stream, "test.csv", NULL, NULL, &error));
  g_assert_no_error (error);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  lines = g_strsplit (text, "\r\n", -1);
  qsort (lines, g_strv_length (lines), sizeof (char *), compare_lines);
  return g_strjoinv ("\n", lines);
}

static void
assert_same_records (CtDatabase *file,
                     CtDatabase *team_server)
{
  for (guint k = 0; k < ct_kind_get_n_kinds (); k++)
    {
      const CtKind *kind = ct_kind_get_nth (k);
      g_autofree char *from_file = export_sorted (file, kind);
      g_autofree char *on_server = export_sorted (team_server, kind);

      g_assert_cmpuint (records_count_rows (team_server, ct_kind_get_name (kind)), ==,
                        records_count_rows (file, ct_kind_get_name (kind)));
      g_assert_cmpstr (on_server, ==, from_file);
    }
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *input = g_strconcat (fixture->input, TEST_PASSPHRASE "\n", NULL);
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) refused = { 0 };
  g_auto(CliResult) merged = { 0 };
  g_auto(CliResult) merged_again = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) file = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(CtRecord) first_staff = NULL;
  g_autofree char *name = NULL;
  g_autofree char *created = NULL;
  g_autofree char *login = NULL;
  guint n_moved;

  fill_file (fixture->files.path);
  team (fixture, input, &first, "move", fixture->files.path);
  cli_assert_succeeded (&first);
  file = ct_database_open (fixture->files.path, TEST_PASSPHRASE, "Test Runner", &error);
  g_assert_no_error (error);
  assert_same_records (file, fixture->db);
  created = query_text (fixture->db, "SELECT DISTINCT created_at FROM child", NULL);
  g_assert_cmpstr (created, ==, "2020-01-02T03:04:05Z");
  /* Each kind's move is audited, besides each record's creation. */
  g_assert_cmpuint (records_count (fixture->db, "SELECT count(*) FROM audit_log"
                                                " WHERE action = 'import'"
                                                " AND strpos (description, 'Moved') = 1"), ==,
                    ct_kind_get_n_kinds ());
  n_moved = records_count_rows (fixture->db, "consultation");
  g_assert_cmpuint (records_count (fixture->db, "SELECT count(*) FROM audit_log"
                                                " WHERE action = 'create'"
                                                " AND record_kind = 'consultation'"), ==, n_moved);

  /* IT adds a login for one of the moved staff: it is linked, not doubled. */
  staff = ct_store_list (file, ct_kind_lookup ("staff"), NULL, &error);
  g_assert_no_error (error);
  first_staff = g_list_model_get_item (staff, 0);
  name = ct_record_get_string_by_name (first_staff, "name");
  add_user (fixture, "first.staff", CT_TEAM_ROLE_LEAD, name);
  login = query_text (fixture->db, "SELECT login FROM staff WHERE name = ?1", name);
  g_assert_cmpstr (login, ==, "first.staff");

  /* A server that holds records needs --merge. */
  team (fixture, input, &refused, "move", fixture->files.path);
  cli_assert_failed (&refused, 1, NULL);
  g_assert_nonnull (strstr (refused.err, "--merge"));
  g_assert_cmpuint (records_count_rows (fixture->db, "consultation"), ==, n_moved);

  /* Merging twice, with one record of the server's own: no duplicates. */
  records_insert (fixture->db, "child", "reference", "TEST-SERVER-ONLY", "name", "Invented",
                  "date_of_birth", "2015-02-03", "legal_status", "looked_after",
                  "placement_type", "kinship", "placement_area", "in_area", NULL);
  team (fixture, input, &merged, "move", "--merge", fixture->files.path);
  cli_assert_succeeded (&merged);
  g_assert_nonnull (strstr (merged.out, "Copied 0 records"));
  team (fixture, input, &merged_again, "move", fixture->files.path, "--merge");
  cli_assert_succeeded (&merged_again);
  g_assert_cmpuint (records_count_rows (fixture->db, "child"), ==,
                    records_count_rows (file, "child") + 1);
  g_assert_true (ct_database_exec (fixture->db, "DELETE FROM child WHERE reference ="
                                                " 'TEST-SERVER-ONLY'", &error));
  g_assert_no_error (error);
  assert_same_records (file, fixture->db);
}

/* --merge into a server that holds some of the file's records and others
 * of its own: only the missing ones are copied, matched case-blind. */
static void
test_move_merge_partial (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *input = g_strconcat (fixture->input, TEST_PASSPHRASE "\n", NULL);
  g_auto(CliResult) merged = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) file = NULL;
  gint64 staff_id;
  gint64 child_id;
  g_autofree char *staff_text = NULL;
  g_autofree char *child_text = NULL;
  g_autofree char *name = NULL;

  file = ct_database_create (fixture->files.path, TEST_PASSPHRASE, "Test Runner", &error);
  g_assert_no_error (error);
  staff_id = records_insert (file, "staff", "name", "Invented Robin", "role", "trainee", NULL);
  child_id = records_insert (file, "child", "reference", "TEST-0042", "name", "Invented A",
                             "date_of_birth", "2014-05-06", "legal_status", "looked_after",
                             "placement_type", "kinship", "placement_area", "in_area", NULL);
  staff_text = records_id_text (staff_id);
  child_text = records_id_text (child_id);
  for (guint i = 0; i < 2; i++)
    /* Two alike: both are the file's, and both are copied. */
    records_insert (file, "consultation", "date", "2025-01-03", "clinician", staff_text,
                    "child", child_text, "requested_by", "iro", "topics", "risk",
                    "mode", "video", "duration_minutes", "30", "attendees", "2",
                    "outcome", "advice_given", NULL);
  g_clear_object (&file);

  /* The server knows the child by the same reference in other case. */
  records_insert (fixture->db, "child", "reference", "test-0042", "name", "Invented A",
                  "date_of_birth", "2014-05-06", "legal_status", "looked_after",
                  "placement_type", "kinship", "placement_area", "in_area", NULL);

  team (fixture, input, &merged, "move", "--merge", fixture->files.path);
  cli_assert_succeeded (&merged);
  g_assert_cmpuint (records_count_rows (fixture->db, "child"), ==, 1);
  g_assert_cmpuint (records_count_rows (fixture->db, "staff"), ==, 1);
  g_assert_cmpuint (records_count (fixture->db, "SELECT count(*) FROM consultation c"
                                                " JOIN child ON child.id = c.child_id"
                                                " JOIN staff s ON s.id = c.clinician_id"
                                                " WHERE child.reference = 'test-0042'"
                                                " AND s.name = 'Invented Robin'"), ==, 2);
  name = query_text (fixture->db, "SELECT name FROM staff", NULL);
  g_assert_cmpstr (name, ==, "Invented Robin");
}

static void
add (const char *path,
     void      (*func) (Fixture *, gconstpointer),
     gconstpointer data)
{
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown);
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

  /* Any data: init starts from a database that is not set up. */
  add ("/team-cli/init", test_init, "not set up");
  add ("/team-cli/add-user", test_add_user, NULL);
  add ("/team-cli/add-user-links-staff", test_add_user_links_staff, NULL);
  add ("/team-cli/add-user-refused", test_add_user_refused, NULL);
  add ("/team-cli/set-role", test_set_role, NULL);
  add ("/team-cli/disable-user", test_disable_user, NULL);
  add ("/team-cli/move", test_move, NULL);
  add ("/team-cli/move-merge-partial", test_move_merge_partial, NULL);

  status = g_test_run ();
  pg_test_server_stop (server);
  return status;
}
