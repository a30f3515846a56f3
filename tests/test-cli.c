/* test-cli.c: clinical-team-cli, run as a real process
 *
 * Passphrases go in on stdin or in a --passphrase-file, as a person would
 * give them. XDG_DATA_HOME points into the test's own folder, so the
 * default location is never the user's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ct-database-private.h"
#include "test-database-util.h"

#define OLD_LINE TEST_PASSPHRASE "\n"
#define NEW_LINE TEST_OTHER_PASSPHRASE "\n"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

/* Runs clinical-team-cli with @args (NULL-terminated), feeding @input on stdin. */
static void
run_cli_argv (TestFixture        *fixture,
              const char         *input,
              const char * const *args,
              CliResult          *result)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *data_home = test_fixture_file (fixture, "data");
  g_autofree char *stdin_path = test_fixture_file (fixture, "stdin");

  g_ptr_array_add (argv, (gpointer) CT_CLI_PROGRAM);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* stdin comes from a file, not a pipe: a command refused before it reads
   * stdin would otherwise break the pipe under the writer. */
  g_assert_true (g_file_set_contents (stdin_path, input != NULL ? input : "", -1, NULL));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", fixture->dir, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (proc, NULL, NULL,
                                 &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  result->status = g_subprocess_get_exit_status (proc);
}

#define run_cli(fixture, input, result, ...) \
  run_cli_argv ((fixture), (input), (const char * const []) { __VA_ARGS__, NULL }, (result))

/* Runs a command that must succeed, with --database. */
static void
run_ok (TestFixture *fixture,
        const char  *input,
        const char  *command)
{
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, input, &result, "--database", fixture->path, command);
  if (result.status != 0)
    g_error ("%s exited with %d: %s", command, result.status, result.err);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpstr (result.out, !=, "");
}

/* A failure is one line on stderr, nothing on stdout. */
static void
assert_failed (CliResult *result,
               int        status)
{
  const char *newline;

  g_assert_cmpint (result->status, ==, status);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "clinical-team-cli: "));
  newline = strchr (result->err, '\n');
  g_assert_nonnull (newline);
  if (status == 1)
    g_assert_cmpstr (newline, ==, "\n");
}

static void
test_version (TestFixture   *fixture,
              gconstpointer  data)
{
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, NULL, &result, "--version");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "clinical-team-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_help (TestFixture   *fixture,
           gconstpointer  data)
{
  static const char *const expected[] = {
    "init", "check", "backup DEST", "passwd", "--database", "--passphrase-file", "--staff",
    "without echo", "first line of stdin",
  };
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, NULL, &result, "--help");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (result.out, expected[i]) == NULL)
      g_error ("--help does not mention “%s”:\n%s", expected[i], result.out);
}

static void
test_usage_errors (TestFixture   *fixture,
                   gconstpointer  data)
{
  const char *const cases[][3] = {
    { "frobnicate", NULL },
    { "--frobnicate", "check", NULL },
    { "backup", NULL },
    { "check", "extra", NULL },
    { "--database", NULL },
    { NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliResult) result = { 0 };

      run_cli_argv (fixture, OLD_LINE, cases[i], &result);
      assert_failed (&result, 2);
      g_assert_nonnull (strstr (result.err, "--help"));
    }
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_init_and_check (TestFixture   *fixture,
                     gconstpointer  data)
{
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) check = { 0 };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  run_ok (fixture, OLD_LINE, "init");
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));

  run_cli (fixture, OLD_LINE, &check, "--database", fixture->path, "check");
  g_assert_cmpint (check.status, ==, 0);
  g_assert_true (g_str_has_prefix (check.out, "ok"));

  before = test_read_bytes (fixture->path);
  run_cli (fixture, NEW_LINE, &again, "--database", fixture->path, "init");
  assert_failed (&again, 1);
  after = test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_init_refuses_short (TestFixture   *fixture,
                         gconstpointer  data)
{
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) empty = { 0 };

  run_cli (fixture, "short\n", &result, "--database", fixture->path, "init");
  assert_failed (&result, 1);
  run_cli (fixture, "", &empty, "--database", fixture->path, "init");
  assert_failed (&empty, 1);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_wrong_passphrase (TestFixture   *fixture,
                       gconstpointer  data)
{
  g_auto(CliResult) result = { 0 };

  run_ok (fixture, OLD_LINE, "init");
  run_cli (fixture, NEW_LINE, &result, "--database", fixture->path, "check");
  assert_failed (&result, 1);
  g_assert_nonnull (strstr (result.err, "passphrase"));
}

static void
test_missing_file (TestFixture   *fixture,
                   gconstpointer  data)
{
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, OLD_LINE, &result, "--database", fixture->path, "check");
  assert_failed (&result, 1);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_backup (TestFixture   *fixture,
             gconstpointer  data)
{
  g_autofree char *dest = test_fixture_file (fixture, "backup.ctdb");
  g_auto(CliResult) backup = { 0 };
  g_auto(CliResult) check = { 0 };
  g_auto(CliResult) again = { 0 };

  run_ok (fixture, OLD_LINE, "init");
  run_cli (fixture, OLD_LINE, &backup, "--database", fixture->path, "backup", dest);
  g_assert_cmpint (backup.status, ==, 0);
  g_assert_cmpstr (backup.err, ==, "");

  run_cli (fixture, OLD_LINE, &check, "check", "--database", dest);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_true (g_str_has_prefix (check.out, "ok"));

  run_cli (fixture, OLD_LINE, &again, "--database", fixture->path, "backup", dest);
  assert_failed (&again, 1);
}

static void
test_passwd (TestFixture   *fixture,
             gconstpointer  data)
{
  g_auto(CliResult) old = { 0 };

  run_ok (fixture, OLD_LINE, "init");
  run_ok (fixture, OLD_LINE NEW_LINE, "passwd");

  run_cli (fixture, OLD_LINE, &old, "--database", fixture->path, "check");
  assert_failed (&old, 1);
  run_ok (fixture, NEW_LINE, "check");
}

static void
test_passphrase_file (TestFixture   *fixture,
                      gconstpointer  data)
{
  g_autofree char *file = test_fixture_file (fixture, "passphrase.txt");
  g_auto(CliResult) passwd = { 0 };
  g_auto(CliResult) old = { 0 };

  test_write_bytes (file, OLD_LINE, strlen (OLD_LINE));
  run_ok (fixture, OLD_LINE, "init");

  /* The current passphrase from the file, the new one from stdin. */
  run_cli (fixture, NEW_LINE, &passwd, "--passphrase-file", file, "--database", fixture->path,
           "passwd");
  g_assert_cmpint (passwd.status, ==, 0);

  run_cli (fixture, "", &old, "--passphrase-file", file, "--database", fixture->path, "check");
  assert_failed (&old, 1);
  run_ok (fixture, NEW_LINE, "check");
}

static void
test_default_location (TestFixture   *fixture,
                       gconstpointer  data)
{
  g_autofree char *expected = g_build_filename (fixture->dir, "data", "clinical-team",
                                                "records.ctdb", NULL);
  g_autofree char *folder = g_path_get_dirname (expected);
  g_auto(CliResult) init = { 0 };
  g_auto(CliResult) check = { 0 };
  GStatBuf st;

  run_cli (fixture, OLD_LINE, &init, "init");
  g_assert_cmpint (init.status, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  run_cli (fixture, OLD_LINE, &check, "check");
  g_assert_cmpint (check.status, ==, 0);
}

static void
test_staff_in_audit (TestFixture   *fixture,
                     gconstpointer  data)
{
  g_auto(CliResult) check = { 0 };
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  run_ok (fixture, OLD_LINE, "init");
  run_cli (fixture, OLD_LINE, &check, "--staff", "Invented Clinician", "--database", fixture->path,
           "check");
  g_assert_cmpint (check.status, ==, 0);

  db = ct_database_open (fixture->path, TEST_PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  stmt = ct_database_prepare (db, "SELECT count(*) FROM audit_log"
                                  " WHERE who = 'Invented Clinician' AND action = 'unlock'",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);
}

static void
add (const char *name,
     void      (*func) (TestFixture *, gconstpointer))
{
  g_test_add (name, TestFixture, NULL, test_fixture_setup, func, test_fixture_teardown);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add ("/cli/version", test_version);
  add ("/cli/help", test_help);
  add ("/cli/usage-errors", test_usage_errors);
  add ("/cli/init-and-check", test_init_and_check);
  add ("/cli/init-refuses-short", test_init_refuses_short);
  add ("/cli/wrong-passphrase", test_wrong_passphrase);
  add ("/cli/missing-file", test_missing_file);
  add ("/cli/backup", test_backup);
  add ("/cli/passwd", test_passwd);
  add ("/cli/passphrase-file", test_passphrase_file);
  add ("/cli/default-location", test_default_location);
  add ("/cli/staff-in-audit", test_staff_in_audit);

  return g_test_run ();
}
