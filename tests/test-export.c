/* test-export.c: records to CSV, and back again
 *
 * The records come from the files of tests/data/csv (invented), imported
 * into the records fixture. The round trip exports every kind and imports
 * the text into an empty records file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <string.h>

#include "ct-export.h"
#include "ct-import.h"
#include "test-store.h"
#include "records-fixture.h"

static void
import_fixture_files (CtDatabase *db)
{
  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    {
      const char *word = ct_kind_get_cli_word (ct_kind_get_nth (i));
      g_autofree char *name = g_strconcat (word, ".csv", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (ct_import_file (db, ct_kind_get_nth (i), file, CT_IMPORT_DEFAULT, NULL,
                                     &error));
      g_assert_no_error (error);
    }
}

/* The CSV text of every record of @kind. */
static char *
export_text (CtDatabase *db,
             const char *kind,
             guint      *n_exported)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  g_assert_true (ct_export (db, ct_kind_lookup (kind), stream, "export.csv", n_exported, NULL,
                            &error));
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (memory),
                    g_memory_output_stream_get_data_size (memory));
}

static void
test_format (RecordsFixture *fixture,
             gconstpointer   data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  import_fixture_files (fixture->db);
  g_assert_true (ct_export (fixture->db, ct_kind_lookup ("children"), stream, "children.csv",
                            &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  /* DOMAIN's columns in its order, CRLF, RFC 4180 quoting, UTF-8 without a
   * byte-order mark. */
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_cmpstr (text, ==,
    "reference,name,date_of_birth,gender,legal_status,placement_type,placement_area,uasc\r\n"
    "TEST-0001,Test Child A,2014-05-06,,looked_after,in_house_foster,in_area,no\r\n"
    "TEST-0002,\"Test Child, B\",2012-03-04,female,looked_after,agency_foster,out_of_area,no\r\n"
    "TEST-0003,Test Zoë C,2007-11-30,,care_leaver,supported_accommodation,in_area,yes\r\n"
    "TEST-0004,\"Test \"\"Kit\"\" D\",2016-07-08,not_stated,edge_of_care,placed_with_parents,"
    "in_area,no\r\n");
  g_assert_cmpuint (records_count_audit (fixture->db, "export", "child", 0), ==, 1);
}

static void
test_references_and_order (RecordsFixture *fixture,
                           gconstpointer   data)
{
  g_autofree char *consultations = NULL;
  g_autofree char *ratings = NULL;
  g_autofree char *sessions = NULL;

  import_fixture_files (fixture->db);

  /* Oldest first; people by name, records by the keys the import reads. */
  consultations = export_text (fixture->db, "consultations", NULL);
  g_assert_true (g_str_has_prefix (consultations,
    "date,clinician,child_reference,requested_by,team,topics,mode,duration_minutes,attendees,"
    "outcome,notes\r\n"
    "2024-04-02,Test Siân Ellis,TEST-0002,social_worker,Test Team North,placement_fragility;risk,"
    "video,60,3,advice_given,\"Test notes with a comma, a \"\"quote\"\" and\na second line\"\r\n"
    "2024-04-03,Test Clinician A,,team_manager,,network_conflict,phone,30,1,"
    "further_consultation,\r\n"));

  ratings = export_text (fixture->db, "goal-ratings", NULL);
  g_assert_nonnull (strstr (ratings, "\r\nTEST-0002,2024-01-10,1,2024-09-30,end,7\r\n"));
  g_assert_nonnull (strstr (ratings, "\r\nTEST-0002,2024-01-10,2,2024-02-01,baseline,3\r\n"));

  sessions = export_text (fixture->db, "reflective-practice", NULL);
  g_assert_nonnull (strstr (sessions, "\r\n2024-03-14,Test Siân Ellis,Test Oak House,"
                                      "residential_home,cancelled,0,90,,\r\n"));
}

static void
test_empty (RecordsFixture *fixture,
            gconstpointer   data)
{
  g_autofree char *text = NULL;
  guint n = 99;

  text = export_text (fixture->db, "training-events", &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (text, ==, "code,title,topic,date,duration_minutes,trainer,audience,capacity\r\n");
}

/* The records file of the test under way, for grow_after_checking(). */
static CtDatabase *committed_db;

/* A memory stream's realloc: before the first byte arrives, the export's
 * audit entry is committed (a second connection sees it). */
static gpointer
grow_after_checking (gpointer data,
                     gsize    size)
{
  g_autoptr(CtDatabase) other = test_store_open_again (committed_db, NULL);

  g_assert_cmpuint (records_count_audit (other, "export", "child", 0), ==, 1);
  return g_realloc (data, size);
}

static void
test_audited_before_written (RecordsFixture *fixture,
                             gconstpointer   data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (NULL, 0, grow_after_checking,
                                                                g_free);
  g_autoptr(GError) error = NULL;

  committed_db = fixture->db;
  g_assert_true (ct_export (fixture->db, ct_kind_lookup ("children"), stream, "children.csv",
                            NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), >, 0);
  committed_db = NULL;
}

/* A failed write is audited too: the export's entry, then its failure. */
static void
test_failed_write (RecordsFixture *fixture,
                   gconstpointer   data)
{
  char buffer[16];
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, sizeof buffer, NULL, NULL);
  g_autoptr(GError) error = NULL;

  /* The stream holds 16 bytes: the header alone is longer. */
  g_assert_false (ct_export (fixture->db, ct_kind_lookup ("children"), stream, "full.csv", NULL,
                             NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (records_count_audit (fixture->db, "export", "child", 0), ==, 2);
  g_assert_cmpuint (records_count (fixture->db, "SELECT count(*) FROM audit_log WHERE"
                                                " description LIKE 'Not completed: Exported%'"), ==, 1);
}

/* Cells a spreadsheet would run as formulas (OWASP's CSV injection) are
 * written as text: a leading single quote. (Records keep no leading blanks:
 * the tab and the space are trimmed when the record is saved.) */
static void
test_formulas (RecordsFixture *fixture,
               gconstpointer   data)
{
  g_autofree char *clinician = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->staff_id);
  static const char *const notes[] = {
    "=HYPERLINK(\"http://example.invalid\",\"x\")", "+cmd", "@SUM(A1)", "-2+3+cmd",
    "\tTab first", " =1+1", "'quote first", "plain - not a formula", NULL
  };
  static const char *const cells[] = {
    "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"", "'+cmd", "'@SUM(A1)",
    "'-2+3+cmd", ",Tab first", ",'=1+1", "''quote first", ",plain - not a formula", NULL
  };
  g_autofree char *text = NULL;

  for (guint i = 0; notes[i] != NULL; i++)
    records_insert (fixture->db, "consultation", "date", "2025-02-03",
                    "clinician", clinician, "requested_by", "other", "topics", "other",
                    "mode", "phone", "duration_minutes", "15", "attendees", "1",
                    "outcome", "other", "team", i == 0 ? "=1+2" : "Team", "notes", notes[i], NULL);

  text = export_text (fixture->db, "consultations", NULL);
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = g_strconcat (cells[i], "\r\n", NULL);

      if (strstr (text, cell) == NULL)
        g_error ("no cell %s in:\n%s", cells[i], text);
    }
  g_assert_nonnull (strstr (text, ",'=1+2,"));
  g_assert_null (strstr (text, ",=1+2,"));
}

/* The round trip */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* One line per record: every field as text, references by their display
 * fields (ids differ from file to file). Sorted, so that the order the
 * records are listed in does not matter. */
static GStrv
dup_signatures (CtDatabase   *db,
                const CtKind *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = ct_store_list (db, kind, NULL, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (records, i);
      GString *line = g_string_new (NULL);

      for (guint f = 0; f < ct_kind_get_n_fields (kind); f++)
        {
          const CtField *field = ct_kind_get_field (kind, f);
          g_autofree char *text = NULL;

          if (ct_field_get_value_type (field) == CT_FIELD_REFERENCE)
            continue;
          text = ct_record_get_string (record, field);
          g_string_append_printf (line, "%s=%s|", ct_field_get_name (field),
                                  text != NULL ? text : "(empty)");
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_ptr_array_sort (lines, compare_strings);
  return (GStrv) g_ptr_array_steal (lines, NULL);
}

static void
test_round_trip (RecordsFixture *fixture,
                 gconstpointer   data)
{
  g_autofree char *path = test_fixture_file (&fixture->files, "copy.ctdb");
  g_autofree char *clinician = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->staff_id);
  g_autoptr(CtDatabase) copy = NULL;
  g_autoptr(GError) error = NULL;

  import_fixture_files (fixture->db);
  /* Notes with CRLF inside, curly and straight quotes, a comma, non-ASCII. */
  records_insert (fixture->db, "consultation", "date", "2025-02-03",
                  "clinician", clinician, "requested_by", "other", "topics", "other;risk",
                  "mode", "phone", "duration_minutes", "15", "attendees", "1",
                  "outcome", "other",
                  "notes", "Siân and Zoë: “curly”, \"straight\"\r\nnext line,\nlast", NULL);
  /* Formulas, guarded on the way out and unguarded on the way in. */
  records_insert (fixture->db, "consultation", "date", "2025-02-04",
                  "clinician", clinician, "requested_by", "other", "topics", "other",
                  "mode", "phone", "duration_minutes", "15", "attendees", "1",
                  "outcome", "other", "team", "@team",
                  "notes", "=HYPERLINK(\"http://example.invalid\")", NULL);
  records_insert (fixture->db, "consultation", "date", "2025-02-05",
                  "clinician", clinician, "requested_by", "other", "topics", "other",
                  "mode", "phone", "duration_minutes", "15", "attendees", "1",
                  "outcome", "other", "team", "'+quoted", "notes", "-2+3+cmd", NULL);

  copy = test_store_create (path, "Test Runner");

  /* Dependency order: a kind's references are there before it. */
  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    {
      const CtKind *kind = ct_kind_get_nth (i);
      g_autofree char *text = NULL;
      g_auto(GStrv) before = NULL;
      g_auto(GStrv) after = NULL;
      guint n_exported = 0;
      guint n_imported = 0;

      text = export_text (fixture->db, ct_kind_get_cli_word (kind), &n_exported);
      g_assert_true (ct_import_data (copy, kind, "copy.csv", text, strlen (text),
                                     CT_IMPORT_DEFAULT, &n_imported, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_imported, ==, n_exported);
      g_assert_cmpuint (n_exported, >, 0);

      before = dup_signatures (fixture->db, kind);
      after = dup_signatures (copy, kind);
      g_assert_cmpstrv (after, before);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, RecordsFixture, NULL, records_fixture_setup, func, records_fixture_teardown)
  ADD ("/export/format", test_format);
  ADD ("/export/references-and-order", test_references_and_order);
  ADD ("/export/empty", test_empty);
  ADD ("/export/audited-before-written", test_audited_before_written);
  ADD ("/export/failed-write", test_failed_write);
  ADD ("/export/formulas", test_formulas);
  ADD ("/export/round-trip", test_round_trip);
#undef ADD

  return g_test_run ();
}
