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

#include "ct-file-database-private.h"
#include "test-database-util.h"
#include "cli-test-util.h"

#define OLD_LINE TEST_PASSPHRASE "\n"
#define NEW_LINE TEST_OTHER_PASSPHRASE "\n"

/* Runs a command with an argument that must succeed, with --database. */
static void
run_ok_args (TestFixture *fixture,
             const char  *input,
             const char  *command,
             const char  *argument)
{
  g_auto(CliResult) result = { 0 };
  const char *const head[] = { "--database", fixture->path, NULL };
  const char *const args[] = { command, argument, NULL };

  cli_run_argv (fixture, input, head, args, &result);
  cli_assert_succeeded (&result);
  g_assert_cmpstr (result.out, !=, "");
}

/* Runs a command that must succeed, with --database. */
static void
run_ok (TestFixture *fixture,
        const char  *input,
        const char  *command)
{
  run_ok_args (fixture, input, command, NULL);
}

static void
test_version (TestFixture   *fixture,
              gconstpointer  data)
{
  g_auto(CliResult) result = { 0 };

  cli_run (fixture, NULL, &result, "--version");
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

  cli_run (fixture, NULL, &result, "--help");
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

      cli_run_argv (fixture, OLD_LINE, NULL, cases[i], &result);
      cli_assert_failed (&result, 2, NULL);
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

  cli_run (fixture, OLD_LINE, &check, "--database", fixture->path, "check");
  g_assert_cmpint (check.status, ==, 0);
  g_assert_true (g_str_has_prefix (check.out, "ok"));

  before = test_read_bytes (fixture->path);
  cli_run (fixture, NEW_LINE, &again, "--database", fixture->path, "init");
  cli_assert_failed (&again, 1, NULL);
  after = test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_init_refuses_short (TestFixture   *fixture,
                         gconstpointer  data)
{
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) empty = { 0 };

  cli_run (fixture, "short\n", &result, "--database", fixture->path, "init");
  cli_assert_failed (&result, 1, NULL);
  cli_run (fixture, "", &empty, "--database", fixture->path, "init");
  cli_assert_failed (&empty, 1, NULL);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* libpwquality judges a new passphrase, and its reason is shown. */
static void
test_init_refuses_weak (TestFixture   *fixture,
                        gconstpointer  data)
{
  const char *const weak[] = { "aaaaaaaaaaaaaaaa\n", "abcdefghijklmnop\n", "12345678901234\n" };

  for (guint i = 0; i < G_N_ELEMENTS (weak); i++)
    {
      g_auto(CliResult) result = { 0 };

      cli_run (fixture, weak[i], &result, "--database", fixture->path, "init");
      cli_assert_failed (&result, 1, NULL);
      g_assert_nonnull (strstr (result.err, "Choose a stronger passphrase: "));
      g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
    }
}

static void
test_wrong_passphrase (TestFixture   *fixture,
                       gconstpointer  data)
{
  g_auto(CliResult) result = { 0 };

  run_ok (fixture, OLD_LINE, "init");
  cli_run (fixture, NEW_LINE, &result, "--database", fixture->path, "check");
  cli_assert_failed (&result, 1, NULL);
  g_assert_nonnull (strstr (result.err, "passphrase"));
}

static void
test_missing_file (TestFixture   *fixture,
                   gconstpointer  data)
{
  g_auto(CliResult) result = { 0 };

  cli_run (fixture, OLD_LINE, &result, "--database", fixture->path, "check");
  cli_assert_failed (&result, 1, NULL);
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
  cli_run (fixture, OLD_LINE, &backup, "--database", fixture->path, "backup", dest);
  g_assert_cmpint (backup.status, ==, 0);
  g_assert_cmpstr (backup.err, ==, "");

  cli_run (fixture, OLD_LINE, &check, "check", "--database", dest);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_true (g_str_has_prefix (check.out, "ok"));

  cli_run (fixture, OLD_LINE, &again, "--database", fixture->path, "backup", dest);
  cli_assert_failed (&again, 1, NULL);
}

/* A records file large enough that a backup takes a while: @n rows of 512
 * random bytes (as hex). */
static void
make_large_file (TestFixture *fixture,
                 int          n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_create (fixture->path, TEST_PASSPHRASE, NULL, &error);
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO setting (key, value) SELECT 'bulk-' || i, hex (randomblob (256)) FROM n", n);

  g_assert_no_error (error);
  g_assert_true (ct_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* The backup at @dest is whole: it opens, passes its integrity check and
 * holds every row. */
static void
assert_whole_backup (const char *dest,
                     int         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) copy = ct_database_open (dest, TEST_PASSPHRASE, NULL, &error);
  CtStatement *stmt;

  g_assert_no_error (error);
  g_assert_true (ct_database_check_integrity (copy, &error));
  g_assert_no_error (error);
  stmt = ct_database_prepare (copy, "SELECT count(*) FROM setting WHERE key LIKE 'bulk-%'",
                              &error);
  g_assert_no_error (error);
  g_assert_true (test_step (stmt));
  g_assert_cmpint (ct_statement_column_int (stmt, 0), ==, n);
  ct_statement_reset (stmt);
}

#define KILLED_BACKUP_ROWS 4000
#define KILLED_BACKUP_RUNS 30

/* Killed at a random moment, a backup leaves nothing at DEST or a whole,
 * verified backup, and the same command then succeeds (tried after the
 * first run that left nothing). */
static void
test_backup_killed (TestFixture   *fixture,
                    gconstpointer  data)
{
  const char *const head[] = { "--database", fixture->path, NULL };
  g_autofree char *first = test_fixture_file (fixture, "timed.ctdb");
  g_autoptr(GTimer) timer = g_timer_new ();
  gulong duration_us;
  guint n_whole = 0;
  gboolean retried = FALSE;

  make_large_file (fixture, KILLED_BACKUP_ROWS);
  g_timer_start (timer);
  run_ok_args (fixture, OLD_LINE, "backup", first);
  duration_us = (gulong) (g_timer_elapsed (timer, NULL) * G_USEC_PER_SEC);

  for (guint i = 0; i < KILLED_BACKUP_RUNS; i++)
    {
      g_autofree char *name = g_strdup_printf ("killed-%02u.ctdb", i);
      g_autofree char *dest = test_fixture_file (fixture, name);
      const char *const args[] = { "backup", dest, NULL };
      g_autoptr(GSubprocess) proc = cli_spawn_argv (fixture, OLD_LINE, head, args);

      g_usleep (g_test_rand_int_range (0, (gint32) (duration_us * 6 / 5) + 1));
      g_subprocess_force_exit (proc);
      g_subprocess_wait (proc, NULL, NULL);

      if (g_file_test (dest, G_FILE_TEST_EXISTS))
        {
          assert_whole_backup (dest, KILLED_BACKUP_ROWS);
          n_whole++;
        }
      else if (!retried)
        {
          run_ok_args (fixture, OLD_LINE, "backup", dest);
          assert_whole_backup (dest, KILLED_BACKUP_ROWS);
          retried = TRUE;
        }
    }
  g_test_message ("%u of %u killed backups had finished", n_whole, KILLED_BACKUP_RUNS);
}

/* The CLI allows no core dump: while it waits for the passphrase, its core
 * file size limit is 0. */
static void
test_no_core_dumps (TestFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *limits_path = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean none = FALSE;

  run_ok (fixture, OLD_LINE, "init");
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                           &error, CT_CLI_PROGRAM, "--database", fixture->path, "check", NULL);
  g_assert_no_error (error);
  limits_path = g_strdup_printf ("/proc/%s/limits", g_subprocess_get_identifier (proc));

  while (!none && g_get_monotonic_time () < deadline)
    {
      g_autofree char *limits = NULL;
      g_autoptr(GRegex) zero = g_regex_new ("^Max core file size +0 +0 ", G_REGEX_MULTILINE, 0,
                                            NULL);

      if (g_file_get_contents (limits_path, &limits, NULL, NULL))
        none = g_regex_match (zero, limits, 0, NULL);
      if (!none)
        g_usleep (10000);
    }
  g_output_stream_close (g_subprocess_get_stdin_pipe (proc), NULL, NULL);
  g_subprocess_wait (proc, NULL, NULL);
  g_assert_true (none);
}

/* check opens the file read-only: not a byte changes, not even an older
 * file's version; commands that write refuse an older file; only upgrade
 * migrates it, after a verified backup of the old file. */
static void
test_reading_writes_nothing (TestFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) old = ct_database_create_at_version (fixture->path, TEST_PASSPHRASE,
                                                             CT_SCHEMA_VERSION - 1, &error);
  g_autofree char *folder = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *said = g_strdup_printf ("schema version %d", CT_SCHEMA_VERSION - 1);
  g_autofree char *infix = g_strdup_printf (".v%d-", CT_SCHEMA_VERSION - 1);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GDir) dir = NULL;
  g_auto(CliResult) check = { 0 };
  g_auto(CliResult) export = { 0 };
  g_auto(CliResult) upgrade = { 0 };
  const char *name;

  g_assert_no_error (error);
  g_clear_object (&old);
  before = test_read_bytes (fixture->path);

  cli_run (fixture, OLD_LINE, &check, "--database", fixture->path, "check");
  cli_assert_succeeded (&check);
  g_assert_nonnull (strstr (check.out, said));
  cli_run (fixture, OLD_LINE, &export, "--database", fixture->path, "export", "children");
  cli_assert_failed (&export, 1, NULL);
  g_assert_nonnull (strstr (export.err, "clinical-team-cli upgrade"));
  after = test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  cli_run (fixture, OLD_LINE, &upgrade, "--database", fixture->path, "upgrade");
  cli_assert_succeeded (&upgrade);
  old = ct_database_open_with_mode (fixture->path, TEST_PASSPHRASE, NULL,
                                    CT_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_database_get_schema_version (old), ==, CT_SCHEMA_VERSION);
  g_clear_object (&old);

  /* The backup of the old file, beside it, still at the old version. */
  folder = g_path_get_dirname (fixture->path);
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ctdb") && strstr (name, infix) != NULL)
      backup = g_build_filename (folder, name, NULL);
  g_assert_nonnull (backup);
  old = ct_database_open_with_mode (backup, TEST_PASSPHRASE, NULL, CT_DATABASE_OPEN_READ_ONLY,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_database_get_schema_version (old), ==, CT_SCHEMA_VERSION - 1);
}

/* A records file with five invented audit entries after its first ones;
 * returns the id of the third of them. */
static gint64
make_audited_file (TestFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_create (fixture->path, TEST_PASSPHRASE, "Test Runner",
                                                 &error);
  CtStatement *stmt;
  gint64 third;

  g_assert_no_error (error);
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *what = g_strdup_printf ("Invented entry %d", i);

      g_assert_true (ct_database_audit (db, "export", NULL, 0, what, &error));
      g_assert_no_error (error);
    }
  stmt = ct_database_prepare (db, "SELECT id FROM audit_log WHERE description = "
                                  "'Invented entry 3'", &error);
  g_assert_no_error (error);
  g_assert_true (test_step (stmt));
  third = ct_statement_column_int64 (stmt, 0);
  ct_statement_reset (stmt);
  return third;
}

/* Runs @sql on the file with the audit trail's triggers dropped, as an
 * attacker with the passphrase and the sqlcipher shell could. */
static void
tamper (TestFixture *fixture,
        const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_open_with_mode (fixture->path, TEST_PASSPHRASE, NULL,
                                                         CT_DATABASE_OPEN_NO_UPGRADE, &error);
  g_autofree char *all = g_strconcat ("DROP TRIGGER IF EXISTS audit_log_never_updated;"
                                      "DROP TRIGGER IF EXISTS audit_log_never_deleted;", sql, NULL);

  g_assert_no_error (error);
  g_assert_true (ct_database_exec (db, all, &error));
  g_assert_no_error (error);
}

/* The audit trail is a hash chain: check passes an intact one and names
 * the first entry after one deleted or changed behind the app's back. */
static void
test_check_audit_chain (TestFixture   *fixture,
                        gconstpointer  data)
{
  gint64 third = make_audited_file (fixture);
  g_autofree char *deleted = g_strdup_printf ("DELETE FROM audit_log WHERE id = %"
                                              G_GINT64_FORMAT, third);
  g_autofree char *changed = g_strdup_printf ("UPDATE audit_log SET who = 'Someone Else'"
                                              " WHERE id = %" G_GINT64_FORMAT, third - 1);
  g_autofree char *after_deleted = g_strdup_printf ("entry %" G_GINT64_FORMAT " (", third + 1);
  g_autofree char *at_changed = g_strdup_printf ("entry %" G_GINT64_FORMAT " (", third - 1);
  g_auto(CliResult) intact = { 0 };
  g_auto(CliResult) after_delete = { 0 };
  g_auto(CliResult) after_update = { 0 };

  cli_run (fixture, OLD_LINE, &intact, "--database", fixture->path, "check");
  cli_assert_succeeded (&intact);

  tamper (fixture, deleted);
  cli_run (fixture, OLD_LINE, &after_delete, "--database", fixture->path, "check");
  cli_assert_failed (&after_delete, 1, NULL);
  g_assert_nonnull (strstr (after_delete.err, "tampered with"));
  g_assert_nonnull (strstr (after_delete.err, after_deleted));

  tamper (fixture, changed);
  cli_run (fixture, OLD_LINE, &after_update, "--database", fixture->path, "check");
  cli_assert_failed (&after_update, 1, NULL);
  g_assert_nonnull (strstr (after_update.err, at_changed));
}

static void
test_passwd (TestFixture   *fixture,
             gconstpointer  data)
{
  g_auto(CliResult) old = { 0 };

  run_ok (fixture, OLD_LINE, "init");
  run_ok (fixture, OLD_LINE NEW_LINE, "passwd");

  cli_run (fixture, OLD_LINE, &old, "--database", fixture->path, "check");
  cli_assert_failed (&old, 1, NULL);
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
  g_assert_cmpint (g_chmod (file, 0600), ==, 0);
  run_ok (fixture, OLD_LINE, "init");

  /* The current passphrase from the file, the new one from stdin. */
  cli_run (fixture, NEW_LINE, &passwd, "--passphrase-file", file, "--database", fixture->path,
           "passwd");
  g_assert_cmpint (passwd.status, ==, 0);

  cli_run (fixture, "", &old, "--passphrase-file", file, "--database", fixture->path, "check");
  cli_assert_failed (&old, 1, NULL);
  run_ok (fixture, NEW_LINE, "check");
}

/* A passphrase file that the group or others may read is refused, and the
 * file is left alone. */
static void
test_passphrase_file_readable (TestFixture   *fixture,
                               gconstpointer  data)
{
  g_autofree char *file = test_fixture_file (fixture, "passphrase.txt");
  static const int modes[] = { 0644, 0640, 0604, 0660 };

  test_write_bytes (file, OLD_LINE, strlen (OLD_LINE));
  run_ok (fixture, OLD_LINE, "init");
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_auto(CliResult) check = { 0 };

      g_assert_cmpint (g_chmod (file, modes[i]), ==, 0);
      cli_run (fixture, "", &check, "--passphrase-file", file, "--database", fixture->path,
               "check");
      cli_assert_failed (&check, 1, NULL);
      g_assert_nonnull (strstr (check.err, "chmod 600"));
    }
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

  cli_run (fixture, OLD_LINE, &init, "init");
  g_assert_cmpint (init.status, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  cli_run (fixture, OLD_LINE, &check, "check");
  g_assert_cmpint (check.status, ==, 0);
}

static void
test_staff_in_audit (TestFixture   *fixture,
                     gconstpointer  data)
{
  g_auto(CliResult) check = { 0 };
  g_auto(CliResult) unknown = { 0 };
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  CtStatement *stmt;

  run_ok (fixture, OLD_LINE, "init");
  /* --staff chooses among the file's staff only: an unknown name is refused. */
  cli_run (fixture, OLD_LINE, &unknown, "--staff", "Invented Clinician", "--database",
           fixture->path, "export", "children");
  cli_assert_failed (&unknown, 1, NULL);
  g_assert_nonnull (strstr (unknown.err, "There is no staff member called"));

  db = ct_database_open (fixture->path, TEST_PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ct_database_exec (db, "INSERT INTO staff (name, role)"
                                       " VALUES ('Invented Clinician', 'other')", &error));
  g_assert_no_error (error);
  cli_run (fixture, OLD_LINE, &check, "--staff", "Invented Clinician", "--database", fixture->path,
           "export", "children");
  g_assert_cmpint (check.status, ==, 0);

  stmt = ct_database_prepare (db, "SELECT count(*) FROM audit_log"
                                  " WHERE who = 'Invented Clinician' AND action = 'export'",
                              &error);
  g_assert_no_error (error);
  g_assert_true (test_step (stmt));
  g_assert_cmpint (ct_statement_column_int (stmt, 0), ==, 1);
  ct_statement_reset (stmt);
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
  add ("/cli/init-refuses-weak", test_init_refuses_weak);
  add ("/cli/wrong-passphrase", test_wrong_passphrase);
  add ("/cli/missing-file", test_missing_file);
  add ("/cli/backup", test_backup);
  add ("/cli/backup-killed", test_backup_killed);
  add ("/cli/no-core-dumps", test_no_core_dumps);
  add ("/cli/reading-writes-nothing", test_reading_writes_nothing);
  add ("/cli/check-audit-chain", test_check_audit_chain);
  add ("/cli/passwd", test_passwd);
  add ("/cli/passphrase-file", test_passphrase_file);
  add ("/cli/passphrase-file-readable", test_passphrase_file_readable);
  add ("/cli/default-location", test_default_location);
  add ("/cli/staff-in-audit", test_staff_in_audit);

  return g_test_run ();
}
