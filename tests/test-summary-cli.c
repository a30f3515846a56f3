/* test-summary-cli.c: clinical-team-cli summary, run as a real process on
 * the hand-worked records of summary-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-summary-cli"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cli-test-util.h"
#include "records-fixture.h"
#include "summary-fixture.h"

#define PASSPHRASE_LINE FIXTURE_PASSPHRASE "\n"

/* A records file with the hand-worked records, closed. */
static void
setup (TestFixture   *fixture,
       gconstpointer  data)
{
  g_autoptr(CtDatabase) db = NULL;

  test_fixture_setup (fixture, data);
  db = fixture_create (fixture->path);
  fixture_fill (db);
}

/* Runs `clinical-team-cli --database FILE --staff "Invented Administrator"
 * summary ARGS...` with the passphrase on stdin. */
static void
run_summary_argv (TestFixture        *fixture,
                  const char * const *args,
                  CliResult          *run)
{
  const char *const head[] = {
    "--database", fixture->path, "--staff", "Invented Administrator", "summary", NULL
  };

  cli_run_argv (fixture, PASSPHRASE_LINE, head, args, run);
}

#define run_summary(fixture, run, ...) \
  run_summary_argv ((fixture), (const char * const []) { __VA_ARGS__, NULL }, (run))

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = json_from_string (text, &error);

  g_assert_no_error (error);
  return root;
}

static const char *
member_string (JsonNode   *root,
               const char *section,
               const char *name)
{
  JsonObject *object = json_node_get_object (root);

  if (section != NULL)
    object = json_object_get_object_member (object, section);
  return json_object_get_string_member (object, name);
}

static guint
count_exports (TestFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_open (fixture->path, FIXTURE_PASSPHRASE, NULL, &error);

  g_assert_no_error (error);
  return records_count (db, "SELECT count (*) FROM audit_log WHERE action = 'export'"
                            " AND record_kind = 'summary' AND who = 'Invented Administrator'");
}

/* The public summary of a quarter, on stdout: the document and nothing else. */
static void
test_period (TestFixture   *fixture,
             gconstpointer  data)
{
  g_auto(CliResult) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = test_fixture_file (fixture, "stdout.json");
  JsonObject *referrals;

  run_summary (fixture, &run, "--period", FIXTURE_PERIOD);
  cli_assert_succeeded (&run);

  fixture_assert_valid (path, run.out);
  root = parse (run.out);
  g_assert_cmpstr (member_string (root, NULL, "audience"), ==, "public");
  g_assert_cmpstr (member_string (root, "period", "label"), ==, "2024/25 Q2");
  referrals = json_object_get_object_member (json_node_get_object (root), "referrals");
  g_assert_cmpint (json_object_get_int_member (referrals, "received"), ==, 8);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (referrals,
                                                                             "by_source"),
                                              "iro"));
  g_assert_cmpint (count_exports (fixture), ==, 1);
}

/* --from / --to and --period give the same figures; --output writes a file
 * and confirms it on stdout. */
static void
test_output (TestFixture   *fixture,
             gconstpointer  data)
{
  g_autofree char *path = test_fixture_file (fixture, "summary.json");
  g_autofree char *differences = NULL;
  g_auto(CliResult) by_dates = { 0 };
  g_auto(CliResult) by_period = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  run_summary (fixture, &by_dates, "--from", "2024-07-01", "--to", "2024-09-30",
               "--audience", "internal", "--output", path);
  cli_assert_succeeded (&by_dates);
  g_assert_nonnull (strstr (by_dates.out, path));

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (member_string (json_parser_get_root (parser), NULL, "audience"), ==,
                   "internal");
  g_assert_cmpstr (member_string (json_parser_get_root (parser), "period", "label"), ==,
                   "2024-07-01 – 2024-09-30");

  run_summary (fixture, &by_period, "-p", FIXTURE_PERIOD, "-a", "internal");
  cli_assert_succeeded (&by_period);
  root = parse (by_period.out);
  differences = fixture_compare_document (root, path);
  g_assert_null (differences);
  g_assert_cmpint (count_exports (fixture), ==, 2);
}

/* An existing file is never overwritten, and nothing is audited. */
static void
test_no_overwrite (TestFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = test_fixture_file (fixture, "summary.json");
  g_auto(CliResult) run = { 0 };
  g_autofree char *contents = NULL;

  test_write_bytes (path, "keep me", strlen ("keep me"));
  run_summary (fixture, &run, "--period", FIXTURE_PERIOD, "--output", path);
  cli_assert_failed (&run, 1, NULL);
  g_assert_nonnull (strstr (run.err, "already exists"));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpint (count_exports (fixture), ==, 0);
}

/* A wrong command line exits with 2, says what to fix, and writes nothing. */
static void
test_usage (TestFixture   *fixture,
            gconstpointer  data)
{
  g_autofree char *path = test_fixture_file (fixture, "summary.json");
  const char *const cases[][8] = {
    { NULL },
    { "--period", "2024/25", "--from", "2024-04-01", "--to", "2025-03-31", NULL },
    { "--from", "2024-04-01", NULL },
    { "--period", "2024/26", NULL },
    { "--period", "Q2", NULL },
    { "--from", "2024-02-30", "--to", "2024-03-31", NULL },
    { "--from", "2024-04-01", "--to", "2024-03-31", NULL },
    { "--period", "2024/25", "--audience", "secret", NULL },
    { "--period", "2024/25", "--frobnicate", NULL },
    { "--period", "2024/25", "extra", NULL },
    { "--period", NULL },
  };
  const char *const advice[] = {
    "--period", "not both", "--to", "2024/25", "2024/25 Q2", "YYYY-MM-DD", "on or after",
    "public or internal", "--frobnicate", "Usage", "--period",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cases) == G_N_ELEMENTS (advice));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliResult) run = { 0 };
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) argv = NULL;

      g_strv_builder_add_many (builder, "--output", path, NULL);
      g_strv_builder_addv (builder, (const char **) cases[i]);
      argv = g_strv_builder_end (builder);

      run_summary_argv (fixture, (const char * const *) argv, &run);
      cli_assert_failed (&run, 2, NULL);
      if (strstr (run.err, advice[i]) == NULL)
        g_error ("Case %u: “%s” does not say %s", i, run.err, advice[i]);
      g_assert_nonnull (strstr (run.err, "--help"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpint (count_exports (fixture), ==, 0);
}

static void
test_help (TestFixture   *fixture,
           gconstpointer  data)
{
  static const char *const expected[] = {
    "summary OPTIONS", "--period PERIOD", "2024/25 Q2", "--from YYYY-MM-DD", "--to YYYY-MM-DD",
    "--audience AUDIENCE", "-o, --output FILE", "must not exist",
  };
  g_auto(CliResult) run = { 0 };

  run_summary (fixture, &run, "--help");
  cli_assert_succeeded (&run);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (run.out, expected[i]) == NULL)
      g_error ("--help does not mention “%s”:\n%s", expected[i], run.out);
}

static void
add (const char *name,
     void      (*func) (TestFixture *, gconstpointer))
{
  g_test_add (name, TestFixture, NULL, setup, func, test_fixture_teardown);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add ("/summary-cli/period", test_period);
  add ("/summary-cli/output", test_output);
  add ("/summary-cli/no-overwrite", test_no_overwrite);
  add ("/summary-cli/usage", test_usage);
  add ("/summary-cli/help", test_help);

  return g_test_run ();
}
