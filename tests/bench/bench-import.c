/* bench-import.c: CSV import of every consultation of the data set
 *
 * The CSV is the data set's own consultations, exported (40,000 at county
 * scale). They are imported into a copy of the data set whose consultations
 * were deleted first, so that every clinician and child they name exists;
 * between runs the imported ones are deleted again (not timed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <gio/gio.h>

#include "bench.h"
#include "ct-database-private.h"
#include "ct-export.h"
#include "ct-import.h"
#include "ct-records.h"

#define TARGET_IMPORT_MS 5000

gboolean
bench_export_kind (const char    *records_path,
                   const CtKind  *kind,
                   GFile         *csv,
                   GError       **error)
{
  g_autoptr(CtDatabase) db = bench_data_open (records_path, error);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *name = g_file_get_basename (csv);

  if (db == NULL)
    return FALSE;
  stream = g_file_replace (csv, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  return stream != NULL &&
         ct_export (db, kind, G_OUTPUT_STREAM (stream), name, NULL, NULL, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

static gboolean
delete_consultations (CtDatabase  *db,
                      GError     **error)
{
  return ct_database_begin (db, error) &&
         ct_database_exec (db, "DELETE FROM consultation_topic; DELETE FROM consultation", error) &&
         ct_database_commit (db, error);
}

gboolean
bench_time_import (CtDatabase  *db,
                   GFile       *csv,
                   guint        runs,
                   double      *median_ms,
                   GError     **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      double start, elapsed;

      if (!delete_consultations (db, error))
        return FALSE;
      start = bench_now_ms ();
      /* The same file each run, into the same store. */
      if (!ct_import_file (db, ct_kind_lookup ("consultation"), csv, CT_IMPORT_AGAIN, NULL,
                           error))
        return FALSE;
      elapsed = bench_now_ms () - start;
      g_array_append_val (times, elapsed);
    }
  *median_ms = bench_median_of (times);
  return TRUE;
}

gboolean
bench_run_import (BenchData    *data,
                  BenchReport  *report,
                  guint         scale,
                  GError      **error)
{
  g_autofree char *csv_path = bench_data_file (data, "consultations.csv");
  g_autofree char *target_path = bench_data_file (data, "import.ctdb");
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(CtDatabase) db = NULL;
  double ms;

  if (!bench_export_kind (data->work_path, ct_kind_lookup ("consultation"), csv, error) ||
      !bench_copy_file (data->cached_path, target_path, error) ||
      (db = bench_data_open (target_path, error)) == NULL ||
      !bench_time_import (db, csv, BENCH_MIN_RUNS, &ms, error))
    return FALSE;

  bench_report_add (report, scale, BENCH_IMPORT_NAME,
                    BENCH_UNIT_MS, ms, TARGET_IMPORT_MS);
  return TRUE;
}
