/* test-cli-records.c: clinical-team-cli import, export and columns, run as
 * a real process
 *
 * The records file is created in-process; the passphrase goes in on stdin
 * from a file, as a person would pipe it. The CSV files are those of
 * tests/data/csv (invented records).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-records"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"
#include "records-fixture.h"

#define PASSPHRASE_LINE TEST_PASSPHRASE "\n"

#define CHILDREN_CSV \
  "reference,name,date_of_birth,gender,legal_status,placement_type,placement_area,uasc\r\n" \
  "TEST-0002,\"Test Child, B\",2012-03-04,female,looked_after,agency_foster,out_of_area,no\r\n" \
  "TEST-0003,Test Zoë C,2007-11-30,,care_leaver,supported_accommodation,in_area,yes\r\n" \
  "TEST-0004,\"Test \"\"Kit\"\" D\",2016-07-08,not_stated,edge_of_care,placed_with_parents," \
  "in_area,no\r\n"

/* Runs clinical-team-cli --database FILE @args, with the passphrase on stdin. */
static void
run_cli_argv (TestFixture        *fixture,
              const char * const *args,
              CliResult          *result)
{
  const char *const database[] = { "--database", fixture->path, NULL };

  cli_run_argv (fixture, PASSPHRASE_LINE, database, args, result);
}

#define run_cli(fixture, result, ...) \
  run_cli_argv ((fixture), (const char * const []) { __VA_ARGS__, NULL }, (result))

static void
setup (TestFixture   *fixture,
       gconstpointer  data)
{
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  test_fixture_setup (fixture, data);
  db = ct_database_create (fixture->path, TEST_PASSPHRASE, "Test Runner", &error);
  g_assert_no_error (error);
}

static CtDatabase *
open_database (TestFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CtDatabase *db = ct_database_open (fixture->path, TEST_PASSPHRASE, "Test Runner", &error);

  g_assert_no_error (error);
  return db;
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static void
import_ok (TestFixture *fixture,
           const char  *kind,
           const char  *name)
{
  g_autofree char *path = data_file (name);
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, &result, "import", kind, path);
  cli_assert_succeeded (&result);
}

static void
test_import (TestFixture   *fixture,
             gconstpointer  data)
{
  g_autofree char *children = data_file ("children.csv");
  g_autofree char *referrals = data_file ("referrals.csv");
  g_autofree char *expected = NULL;
  g_autoptr(CtDatabase) db = NULL;
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, &result, "import", "children", children);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  expected = g_strdup_printf ("Imported 3 children from %s\n", children);
  g_assert_cmpstr (result.out, ==, expected);
  cli_result_clear (&result);

  /* TEST-0001 is not in this file: the referral to it refuses the file. */
  run_cli (fixture, &result, "import", "referrals", referrals);
  cli_assert_failed (&result, 1, "referrals.csv, line 6, column “child_reference”: There is no "
                                 "child with the reference “TEST-0001”.");

  db = open_database (fixture);
  g_assert_cmpuint (records_count_rows (db, "child"), ==, 3);
  g_assert_cmpuint (records_count_rows (db, "referral"), ==, 0);
  g_assert_cmpuint (records_count_rows (db, "staff"), ==, 0);
  g_assert_cmpuint (records_count_audit (db, "import", "child", 0), ==, 1);
  g_assert_cmpuint (records_count_audit (db, "import", "referral", 0), ==, 0);
}

/* The same file twice is refused, saying how to import it anyway; with
 * --again it is imported a second time. */
static void
test_import_again (TestFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *consultations = data_file ("consultations.csv");
  g_autoptr(CtDatabase) db = NULL;
  g_auto(CliResult) twice = { 0 };
  g_auto(CliResult) again = { 0 };
  guint once;

  import_ok (fixture, "children", "children.csv");
  import_ok (fixture, "consultations", "consultations.csv");
  db = open_database (fixture);
  once = records_count_rows (db, "consultation");
  g_assert_cmpuint (once, >, 0);
  g_clear_object (&db);

  run_cli (fixture, &twice, "import", "consultations", consultations);
  cli_assert_failed (&twice, 1, NULL);
  g_assert_nonnull (strstr (twice.err, "consultations.csv has exactly the content of a file "
                                       "imported on "));
  g_assert_true (g_str_has_suffix (twice.err, "To import it anyway, add --again.\n"));
  db = open_database (fixture);
  g_assert_cmpuint (records_count_rows (db, "consultation"), ==, once);
  g_clear_object (&db);

  run_cli (fixture, &again, "import", "consultations", consultations, "--again");
  cli_assert_succeeded (&again);
  db = open_database (fixture);
  g_assert_cmpuint (records_count_rows (db, "consultation"), ==, 2 * once);
  g_assert_cmpuint (records_count_audit (db, "import", "consultation", 0), ==, 2);
}

static void
test_import_bad_file (TestFixture   *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = test_fixture_file (fixture, "bad.csv");
  g_autoptr(CtDatabase) db = NULL;
  g_auto(CliResult) result = { 0 };

  g_assert_true (g_file_set_contents (path,
    "reference,name,date_of_birth,legal_status,placement_type,placement_area,uasc\n"
    "TEST-0100,Test Child,2015-01-02,looked_after,kinship,in_area,no\n"
    "TEST-0101,Test Child,2015-01-02,looked_after,kinship,in_area,perhaps\n", -1, NULL));

  run_cli (fixture, &result, "import", "children", "bad.csv");
  cli_assert_failed (&result, 1,
                     "bad.csv, line 3, column “uasc”: enter “yes” or “no”.");

  db = open_database (fixture);
  g_assert_cmpuint (records_count_rows (db, "child"), ==, 0);
  g_assert_cmpuint (records_count_audit (db, "import", "child", 0), ==, 0);
}

static void
test_usage_errors (TestFixture   *fixture,
                   gconstpointer  data)
{
  const char *const cases[][4] = {
    { "import", "kids", "children.csv", NULL },
    { "import", "child", "children.csv", NULL },
    { "import", "children", NULL },
    { "import", NULL },
    { "export", NULL },
    { "export", "children", "extra", NULL },
    { "export", "children", "--frobnicate", NULL },
    { "export", "kids", NULL },
    { "columns", "kids", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliResult) result = { 0 };

      run_cli_argv (fixture, cases[i], &result);
      cli_assert_failed (&result, 2, NULL);
    }
}

/* The fixture's folder holds the records file (and its WAL files), the
 * folders the CLI's run makes, and @name: no other file. */
static void
assert_only_files (const char *dir,
                   const char *name)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *entry;

  g_assert_nonnull (folder);
  while ((entry = g_dir_read_name (folder)) != NULL)
    if (entry[0] == '.' && strstr (entry, name) != NULL)
      g_error ("a temporary file was left behind: %s", entry);
}

static void
test_export_stdout (TestFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(CtDatabase) db = NULL;
  g_auto(CliResult) result = { 0 };

  import_ok (fixture, "children", "children.csv");
  run_cli (fixture, &result, "export", "children");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, CHILDREN_CSV);

  db = open_database (fixture);
  g_assert_cmpuint (records_count_audit (db, "export", "child", 0), ==, 1);
}

static void
test_export_output (TestFixture   *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = test_fixture_file (fixture, "out.csv");
  g_autofree char *contents = NULL;
  g_autoptr(CtDatabase) db = NULL;
  g_auto(CliResult) result = { 0 };
  GStatBuf st;

  import_ok (fixture, "children", "children.csv");
  run_cli (fixture, &result, "export", "children", "--output", "out.csv");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "Exported 3 children to out.csv\n");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, CHILDREN_CSV);
  cli_result_clear (&result);
  /* Readable by its owner only, and no temporary file left beside it. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_only_files (fixture->dir, "out.csv");

  /* Never over an existing file; the refused export is not audited. */
  g_assert_true (g_file_set_contents (path, "precious", -1, NULL));
  run_cli (fixture, &result, "export", "children", "-o", "out.csv");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, "out.csv"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");

  db = open_database (fixture);
  g_assert_cmpuint (records_count_audit (db, "export", "child", 0), ==, 1);
}

static void
test_help (TestFixture   *fixture,
           gconstpointer  data)
{
  static const char *const expected[] = {
    "import KIND FILE", "export KIND", "--output FILE", "columns [KIND]",
  };
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, &result, "--help");
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (result.out, expected[i]) == NULL)
      g_error ("--help does not mention “%s”:\n%s", expected[i], result.out);
}

static void
test_columns (TestFixture   *fixture,
              gconstpointer  data)
{
  g_auto(CliResult) all = { 0 };
  g_auto(CliResult) one = { 0 };

  run_cli (fixture, &all, "columns");
  g_assert_cmpint (all.status, ==, 0);
  g_assert_nonnull (strstr (all.out, "\nchildren: reference, name, date_of_birth, gender?, "
                                     "legal_status, placement_type, placement_area, uasc\n"));
  g_assert_nonnull (strstr (all.out, "\ngoal-ratings: child_reference, referral_date, number, "
                                     "date, time_point, score\n"));

  run_cli (fixture, &one, "columns", "consultations");
  g_assert_cmpint (one.status, ==, 0);
  g_assert_true (g_str_has_prefix (one.out, "consultations: date, clinician, child_reference?, "));
  g_assert_nonnull (strstr (one.out, "\n  mode: in_person, video, phone\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TestFixture, NULL, setup, func, test_fixture_teardown)
  ADD ("/cli-records/import", test_import);
  ADD ("/cli-records/import-again", test_import_again);
  ADD ("/cli-records/import-bad-file", test_import_bad_file);
  ADD ("/cli-records/usage-errors", test_usage_errors);
  ADD ("/cli-records/export-stdout", test_export_stdout);
  ADD ("/cli-records/export-output", test_export_output);
  ADD ("/cli-records/help", test_help);
  ADD ("/cli-records/columns", test_columns);
#undef ADD

  return g_test_run ();
}
