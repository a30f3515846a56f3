/* test-locale.c: what a person reads follows their locale; what goes to a
 * file (the CSV export, the committee summary's JSON) never does
 *
 * Run once per locale, named as the argument (tests/meson.build): C.UTF-8
 * (nothing set: dates as in en_GB), en_GB, cy_GB (Welsh, with the Welsh
 * translation of the build) and de_DE (a decimal comma, German months).
 * A locale the system lacks is compiled into a temporary LOCPATH with
 * localedef (Debian's `locales` package has the sources); without them the
 * tests are skipped, saying why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-locale"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ct-cell-text.h"
#include "ct-database-private.h"
#include "ct-date-row.h"
#include "ct-export.h"
#include "ct-summary-json.h"
#include "summary-fixture.h"
#include "test-database-util.h"

/* What each locale shows; no children[] means English (no translation). */
typedef struct
{
  const char *name;
  const char *typed_date;    /* 2025-01-31 in a date row */
  const char *list_date;     /* 2025-03-03 in a list */
  const char *rating;        /* a rating of 3.5 in a list */
  const char *app_name;      /* "Clinical Team", translated */
  const char *children[4];   /* 1, 2, 3 and 8 children */
} Expected;

static const Expected expectations[] = {
  { "C.UTF-8", "31/01/2025", "3 Mar 2025", "3.5", "Clinical Team", { NULL } },
  { "en_GB.UTF-8", "31/01/2025", "3 Mar 2025", "3.5", "Clinical Team", { NULL } },
  { "cy_GB.UTF-8", "31.01.2025", "3 Maw 2025", "3.5", "Tîm Clinigol",
    { "1 plentyn", "2 blentyn", "3 o blant", "8 o blant" } },
  { "de_DE.UTF-8", "31.01.2025", "3 Mär 2025", "3,5", "Clinical Team", { NULL } },
};

static const Expected *expected;
static char *locale_dir;          /* a private LOCPATH, or NULL */
static const char *missing_locale; /* why the tests skip, or NULL */

/* Compiles @name ("cy_GB.UTF-8") into @dir; FALSE without localedef or
 * the locale's sources. */
static gboolean
compile_locale (const char *name,
                const char *dir)
{
  g_auto(GStrv) parts = g_strsplit (name, ".", 2);
  g_autofree char *output = g_build_filename (dir, name, NULL);
  const char *argv[] = { "localedef", "-c", "-i", parts[0], "-f", "UTF-8", output, NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_file_test (output, G_FILE_TEST_IS_DIR);
}

/* Switches the whole process (and the programs it starts) to @name. */
static void
use_locale (const char *name)
{
  g_autoptr(GError) error = NULL;

  g_unsetenv ("LANGUAGE");
  if (setlocale (LC_ALL, name) != NULL)
    return;

  locale_dir = g_dir_make_tmp ("ct-locale-XXXXXX", &error);
  g_assert_no_error (error);
  if (compile_locale (name, locale_dir))
    g_setenv ("LOCPATH", locale_dir, TRUE);
  if (setlocale (LC_ALL, name) == NULL)
    missing_locale = "the locale is not installed and localedef could not compile it "
                     "(install Debian's locales package)";
}

static gboolean
locale_ready (void)
{
  if (missing_locale != NULL)
    g_test_skip (missing_locale);
  return missing_locale == NULL;
}

/* A records file with the hand-worked records of summary-fixture.c. */
static void
setup (TestFixture   *fixture,
       gconstpointer  data)
{
  g_autoptr(CtDatabase) db = NULL;

  test_fixture_setup (fixture, data);
  db = fixture_create (fixture->path);
  fixture_fill (db);
}

static CtDatabase *
open_fixture (TestFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CtDatabase *db = ct_database_open (fixture->path, FIXTURE_PASSPHRASE,
                                     "Invented Administrator", &error);

  g_assert_no_error (error);
  return db;
}

/* A decimal comma would break every reader of the file: numbers are
 * written with a '.'. @pattern finds one: in JSON "3,4"; in CSV, where a
 * cell with a comma is quoted, "\"3,4\"". */
static void
assert_no_decimal_comma (const char *text,
                         const char *pattern)
{
  g_autoptr(GRegex) comma = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (comma, text, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);
      g_error ("a decimal comma (%s) in:\n%s", found, text);
    }
}

/* Display */

static void
test_dates_shown (void)
{
  g_autofree char *typed = NULL;
  g_autofree char *read_back = NULL;
  g_autofree char *listed = NULL;

  if (!locale_ready ())
    return;

  typed = ct_date_row_format ("2025-01-31");
  read_back = ct_date_row_parse (typed);
  listed = ct_cell_text_format_date ("2025-03-03");
  g_assert_cmpstr (typed, ==, expected->typed_date);
  g_assert_cmpstr (read_back, ==, "2025-01-31");
  g_assert_cmpstr (listed, ==, expected->list_date);
}

static void
test_numbers_shown (void)
{
  g_autoptr(CtRecord) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *stored = NULL;
  const CtField *rating;

  if (!locale_ready ())
    return;

  session = ct_record_new (ct_kind_lookup ("reflective_practice"));
  rating = ct_kind_find_field (ct_record_get_kind (session), "rating");
  ct_record_set_string (session, rating, "3.5", &error);
  g_assert_no_error (error);

  shown = ct_cell_text_dup (session, rating);
  stored = ct_record_get_string (session, rating);
  g_assert_cmpstr (shown, ==, expected->rating);
  g_assert_cmpstr (stored, ==, "3.5");
}

/* The Welsh catalogue of the build, with its four plural forms; English
 * elsewhere. A kind's count goes through CT_KIND_PLURAL's plural message. */
static void
test_messages (void)
{
  static const guint counts[] = { 1, 2, 3, 8 };
  const CtKind *child = ct_kind_lookup ("child");

  if (!locale_ready ())
    return;

  g_assert_cmpstr (_("Clinical Team"), ==, expected->app_name);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *described = ct_export_describe (child, counts[i], "children.csv");
      g_autofree char *english = g_strdup_printf ("%u %s", counts[i],
                                                  counts[i] == 1 ? "child" : "children");
      const char *count = expected->children[0] != NULL ? expected->children[i] : english;

      g_test_message ("%s", described);
      g_assert_nonnull (strstr (described, count));
    }
}

/* Files */

/* Dated records come out with ISO dates, numbers with a '.'. */
static void
test_csv_export (TestFixture   *fixture,
                 gconstpointer  data)
{
  static const struct { const char *kind; const char *cells; } cases[] = {
    { "goal_rating", "\r\nC03,2024-08-01,3,2024-01-01,baseline,7.5\r\n" },
    { "reflective_practice", ",3.25," },
  };
  g_autoptr(CtDatabase) db = NULL;

  if (!locale_ready ())
    return;

  db = open_fixture (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      ct_export (db, ct_kind_lookup (cases[i].kind), stream, "export.csv", NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
      g_output_stream_close (stream, NULL, &error);
      g_assert_no_error (error);
      text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));

      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, cases[i].cells));
      assert_no_decimal_comma (text, "\"[0-9]+,[0-9]+\"");
    }
}

static void
assert_summary_text (const char *text)
{
  g_autoptr(GRegex) iso_time = g_regex_new ("\"generated_at\": \"[0-9]{4}-[0-9]{2}-[0-9]{2}T"
                                            "[0-9]{2}:[0-9]{2}:[0-9]{2}Z\"", 0, 0, NULL);

  g_test_message ("%s", text);
  /* consultations.hours and training.mean_confidence_after (test-summary.c) */
  g_assert_nonnull (strstr (text, "\"hours\": 6.9,"));
  g_assert_nonnull (strstr (text, "\"mean_confidence_after\": 7.5,"));
  g_assert_nonnull (strstr (text, "\"from\": \"2024-07-01\""));
  g_assert_true (g_regex_match (iso_time, text, 0, NULL));
  assert_no_decimal_comma (text, "[0-9],[0-9]");
}

static void
test_summary_json (TestFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(CtPeriod) period = NULL;
  g_autoptr(CtSummary) summary = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!locale_ready ())
    return;

  db = open_fixture (fixture);
  period = ct_period_parse (FIXTURE_PERIOD, &error);
  g_assert_no_error (error);
  summary = ct_summary_compute (db, period, &error);
  g_assert_no_error (error);
  root = ct_summary_to_json (summary, CT_AUDIENCE_INTERNAL, NULL);
  text = ct_summary_json_to_text (root);

  assert_summary_text (text);
}

/* clinical-team-cli sets its locale from the environment, as a person's
 * terminal does. */
static void
test_cli_summary (TestFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdin_path = test_fixture_file (fixture, "stdin");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *const argv[] = {
    CT_CLI_PROGRAM, "--database", fixture->path, "--staff", "Invented Administrator",
    "summary", "--period", FIXTURE_PERIOD, "--audience", "internal", NULL,
  };

  if (!locale_ready ())
    return;

  test_write_bytes (stdin_path, FIXTURE_PASSPHRASE "\n", strlen (FIXTURE_PASSPHRASE "\n"));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  g_subprocess_launcher_setenv (launcher, "HOME", fixture->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", expected->name, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_successful (proc));
  assert_summary_text (out);
}

static const Expected *
find_expected (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_str_equal (expectations[i].name, name))
      return &expectations[i];
  g_error ("no expectations for the locale %s", name);
}

static void
add_file_test (const char *path,
               void      (*func) (TestFixture *, gconstpointer))
{
  g_test_add (path, TestFixture, NULL, setup, func, test_fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    g_error ("usage: test-locale LOCALE (such as cy_GB.UTF-8)");
  expected = find_expected (argv[1]);
  use_locale (expected->name);
  bindtextdomain (GETTEXT_PACKAGE, CT_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/locale/display/dates", test_dates_shown);
  g_test_add_func ("/locale/display/numbers", test_numbers_shown);
  g_test_add_func ("/locale/display/messages", test_messages);
  add_file_test ("/locale/files/csv-export", test_csv_export);
  add_file_test ("/locale/files/summary-json", test_summary_json);
  add_file_test ("/locale/files/cli-summary", test_cli_summary);
  status = g_test_run ();

  if (locale_dir != NULL)
    {
      TestFixture compiled = { .dir = g_steal_pointer (&locale_dir) };
      test_fixture_teardown (&compiled, NULL);
    }
  return status;
}
