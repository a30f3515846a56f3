/* test-summary-export.c: the committee summary leaving the app, audited
 * (ct-summary-export.h), and its figures as a person reads them
 * (ct-summary-text.h), on the hand-worked records of summary-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-summary-export"

#include "config.h"

#include <string.h>

#include "ct-audit-log.h"
#include "ct-summary-export.h"
#include "ct-summary-json.h"
#include "ct-summary-text.h"
#include "summary-fixture.h"
#include "test-store.h"
#include "test-database-util.h"

typedef struct
{
  TestFixture  files;
  CtDatabase  *db;
  CtSummary   *summary;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtPeriod) period = ct_period_parse (FIXTURE_PERIOD, &error);

  g_assert_no_error (error);
  test_fixture_setup (&fixture->files, data);
  fixture->db = fixture_create (fixture->files.path);
  fixture_fill (fixture->db);
  fixture->summary = ct_summary_compute (fixture->db, period, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  ct_summary_free (fixture->summary);
  g_clear_object (&fixture->db);
  test_fixture_teardown (&fixture->files, data);
}

/* The descriptions of the audit entries of kind `summary`, newest first,
 * each checked to be an export of the summary as a whole. */
static GStrv
summary_entries (CtDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = ct_audit_log_list (db, NULL, NULL, "summary", NULL, &error);
  g_autoptr(GStrvBuilder) descriptions = g_strv_builder_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CtAuditEntry) entry = g_list_model_get_item (entries, i);

      g_assert_cmpstr (ct_audit_entry_get_action (entry), ==, "export");
      g_assert_cmpint (ct_audit_entry_get_record_id (entry), ==, 0);
      g_strv_builder_add (descriptions, ct_audit_entry_get_description (entry));
    }
  return g_strv_builder_end (descriptions);
}

static GDateTime *
fixed_time (void)
{
  return g_date_time_new_utc (2026, 11, 25, 9, 30, 0);
}

/* Into a stream: exactly ct_summary_to_json()'s text, the stream closed,
 * and one audit entry naming the audience and the period. */
static void
test_export_to_stream (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) when = fixed_time ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonNode) root = ct_summary_to_json (fixture->summary, CT_AUDIENCE_INTERNAL, when);
  g_autofree char *expected = ct_summary_json_to_text (root);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) entries = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  g_assert_true (ct_summary_export_to_stream (fixture->db, fixture->summary,
                                              CT_AUDIENCE_INTERNAL, when, stream, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_is_closed (stream));
  g_assert_cmpmem (g_memory_output_stream_get_data (memory),
                   g_memory_output_stream_get_data_size (memory),
                   expected, strlen (expected));
  g_assert_nonnull (strstr (expected, "\"generated_at\": \"2026-11-25T09:30:00Z\""));

  entries = summary_entries (fixture->db);
  g_assert_cmpuint (g_strv_length (entries), ==, 1);
  g_assert_cmpstr (entries[0], ==, "Exported the internal committee summary for " FIXTURE_PERIOD);
}

/* Fails to write, after checking through a second connection that the
 * audit entry is already committed. */
static gboolean
refuse_to_write (const char  *text,
                 gsize        length,
                 gpointer     user_data,
                 GError     **error)
{
  Fixture *fixture = user_data;
  g_autoptr(CtDatabase) other = test_store_open_again (fixture->db, NULL);
  g_auto(GStrv) entries = NULL;

  entries = summary_entries (other);
  g_assert_cmpuint (g_strv_length (entries), ==, 1);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left (invented).");
  return FALSE;
}

/* The audit entry is committed before anything is written; a document that
 * could not be written adds a second entry saying so. */
static void
test_failed_write_audited (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) entries = NULL;

  g_assert_false (ct_summary_export (fixture->db, fixture->summary, CT_AUDIENCE_PUBLIC, NULL,
                                     refuse_to_write, fixture, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

  entries = summary_entries (fixture->db);
  g_assert_cmpuint (g_strv_length (entries), ==, 2);
  g_assert_cmpstr (entries[0], ==, "Not completed: Exported the public committee summary for "
                                   FIXTURE_PERIOD ". No space left (invented).");
  g_assert_cmpstr (entries[1], ==, "Exported the public committee summary for " FIXTURE_PERIOD);
}

/* A file replaced through a failed export keeps what it held. */
static void
test_failed_replace_keeps_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = test_fixture_file (&fixture->files, "summary.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;

  test_write_bytes (path, "old", 3);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
  g_assert_no_error (error);
  ct_database_close (fixture->db);

  g_assert_false (ct_summary_export_to_stream (fixture->db, fixture->summary, CT_AUDIENCE_PUBLIC,
                                               NULL, G_OUTPUT_STREAM (stream), &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CLOSED);
  g_assert_true (g_output_stream_is_closed (G_OUTPUT_STREAM (stream)));
  kept = test_read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "old", 3);
}

static void
test_print_audited (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) entries = NULL;

  g_assert_true (ct_summary_audit_print (fixture->db, fixture->summary, CT_AUDIENCE_PUBLIC,
                                         &error));
  g_assert_no_error (error);

  entries = summary_entries (fixture->db);
  g_assert_cmpuint (g_strv_length (entries), ==, 1);
  g_assert_cmpstr (entries[0], ==, "Printed the public committee summary for " FIXTURE_PERIOD);
}

static void
assert_word (Fixture    *fixture,
             const char *path,
             const char *word,
             const char *label)
{
  const CtFigure *figure = ct_summary_lookup (fixture->summary, path);

  g_assert_nonnull (figure);
  g_assert_cmpstr (ct_summary_text_word (figure, word), ==, label);
}

/* Every section, figure and breakdown word has a name of its own: none
 * falls back to its key or its word. */
static void
test_every_figure_named (Fixture       *fixture,
                         gconstpointer  data)
{
  guint n_figures;
  const CtFigure *figures = ct_summary_get_figures (fixture->summary, &n_figures);

  g_assert_cmpuint (n_figures, >, 0);
  for (guint i = 0; i < n_figures; i++)
    {
      const CtFigure *figure = &figures[i];

      g_assert_cmpstr (ct_summary_text_section (figure->section), !=, figure->section);
      g_assert_cmpstr (ct_summary_text_figure (figure), !=, figure->key);
      for (guint j = 0; j < figure->n_cells; j++)
        g_assert_cmpstr (ct_summary_text_word (figure, figure->cells[j].word), !=,
                         figure->cells[j].word);
    }

  /* The records' own labels, and the summary's own words. */
  assert_word (fixture, "referrals.by_source", "iro", "Independent reviewing officer");
  assert_word (fixture, "training.by_status", "did_not_attend", "Did not attend");
  assert_word (fixture, "referrals.by_age_band", "18+", "18 and over");
}

/* Numbers in the C locale of the tests: no grouping, a point. */
static void
test_values (void)
{
  static const struct
  {
    CtFigure    figure;
    const char *expected;
  } cases[] = {
    { { "outcomes", "goals_paired", CT_FIGURE_COUNT, .count = 1234 }, "1234" },
    { { "training", "hours", CT_FIGURE_HOURS, .has_value = TRUE, .value = 17.0 }, "17.0" },
    { { "outcomes", "mean_change", CT_FIGURE_MEAN, .has_value = TRUE, .value = -1.2 }, "-1.2" },
    { { "outcomes", "completeness_pct", CT_FIGURE_MEAN, .has_value = TRUE, .value = 100.0 },
      "100.0%" },
    { { "outcomes", "pct_goals_reliably_improved", CT_FIGURE_MEAN, .has_value = TRUE,
        .value = 35.3 }, "35.3%" },
    { { "outcomes", "reliable_change_threshold", CT_FIGURE_CONSTANT, .has_value = TRUE,
        .value = CT_GBO_RELIABLE_CHANGE }, "2.45" },
  };
  CtFigure none = { "outcomes", "mean_end", CT_FIGURE_MEAN, .has_value = FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ct_summary_text_value (&cases[i].figure);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  g_assert_null (ct_summary_text_value (&none));
}

static void
add (const char *name,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add ("/summary-export/to-stream", test_export_to_stream);
  add ("/summary-export/failed-write-audited", test_failed_write_audited);
  add ("/summary-export/failed-replace-keeps-file", test_failed_replace_keeps_file);
  add ("/summary-export/print-audited", test_print_audited);
  add ("/summary-text/every-figure-named", test_every_figure_named);
  g_test_add_func ("/summary-text/values", test_values);

  return g_test_run ();
}
