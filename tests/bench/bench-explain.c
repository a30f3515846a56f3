/* bench-explain.c: --explain, the query plan of every hot statement
 *
 * Runs the app's work once on a small file of demo data (every kind
 * inserted, the summary, the Outcomes view's episodes, a CSV import, every list read, a delete of each
 * kind, refused when other records refer to it),
 * then prints EXPLAIN QUERY PLAN for each statement the connection kept
 * prepared: exactly the texts the app runs, so that the index notes in
 * ct-schema.c can be checked against them. The plans do not depend on how
 * many rows there are (the file holds no ANALYZE statistics).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <gio/gio.h>

#include "bench.h"
#include "ct-file-database-private.h"
#include "ct-demo-data.h"
#include "ct-export.h"
#include "ct-import.h"
#include "ct-outcomes.h"
#include "ct-records.h"
#include "ct-summary.h"

/* Lists every kind, then deletes the first record of each (refused, after
 * counting them, when others refer to it). */
static gboolean
list_and_delete_every_kind (CtDatabase  *db,
                            GError     **error)
{
  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    {
      const CtKind *kind = ct_kind_get_nth (i);
      g_autoptr(GListModel) records = ct_store_list (db, kind, NULL, error);
      g_autoptr(CtRecord) first = NULL;
      g_autoptr(GError) in_use = NULL;

      if (records == NULL)
        return FALSE;
      first = g_list_model_get_item (records, 0);
      if (first != NULL)
        ct_store_delete (db, kind, ct_record_get_id (first), &in_use);
    }
  return TRUE;
}

/* Exports the consultations and imports them again. */
static gboolean
round_trip (CtDatabase  *db,
            BenchData   *data,
            GError     **error)
{
  g_autofree char *path = bench_data_file (data, "consultations.csv");
  g_autoptr(GFile) csv = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = g_file_replace (csv, NULL, FALSE, G_FILE_CREATE_NONE,
                                                        NULL, error);
  const CtKind *kind = ct_kind_lookup ("consultation");

  return stream != NULL &&
         ct_export (db, kind, G_OUTPUT_STREAM (stream), "consultations.csv", NULL, NULL, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error) &&
         ct_import_file (db, kind, csv, CT_IMPORT_DEFAULT, NULL, error);
}

static gboolean
run_the_work (CtDatabase  *db,
              BenchData   *data,
              GError     **error)
{
  CtDemoSize size = ct_demo_size_team ();
  g_autoptr(CtPeriod) period = ct_period_new_financial_year (BENCH_FY_START);
  g_autoptr(CtSummary) summary = NULL;
  g_autoptr(GListModel) outcomes = NULL;

  return ct_demo_data_fill (db, &size, BENCH_SEED, BENCH_TODAY, error) &&
         (summary = ct_summary_compute (db, period, error)) != NULL &&
         (outcomes = ct_outcomes_list (db, NULL, error)) != NULL &&
         round_trip (db, data, error) &&
         list_and_delete_every_kind (db, error);
}

static void
print_plan (sqlite3    *handle,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GHashTable) depths = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt = NULL;

  g_print ("\n%s\n", sql);
  if (sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_print ("  (cannot explain: %s)\n", sqlite3_errmsg (handle));
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);
      int parent = sqlite3_column_int (stmt, 1);
      guint depth = GPOINTER_TO_UINT (g_hash_table_lookup (depths, GINT_TO_POINTER (parent))) + 1;

      g_hash_table_insert (depths, GINT_TO_POINTER (id), GUINT_TO_POINTER (depth));
      g_print ("%*s%s\n", 2 * depth, "", (const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
print_every_plan (CtDatabase *db)
{
  sqlite3 *handle = ct_database_get_handle (db, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (handle, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (handle, stmt))
    g_ptr_array_add (texts, g_strdup (sqlite3_sql (stmt)));
  g_ptr_array_sort (texts, compare_strings);
  g_print ("EXPLAIN QUERY PLAN of the %u statements the app prepared\n", texts->len);
  for (guint i = 0; i < texts->len; i++)
    print_plan (handle, g_ptr_array_index (texts, i));
}

gboolean
bench_explain (GError **error)
{
  BenchData data = { 0 };
  g_autoptr(CtDatabase) db = NULL;
  gboolean ok;

  data.work_dir = g_dir_make_tmp ("ct-bench-XXXXXX", error);
  if (data.work_dir == NULL)
    return FALSE;
  data.work_path = bench_data_file (&data, "explain.ctdb");
  db = ct_database_create (data.work_path, BENCH_PASSPHRASE, "Benchmark", error);
  ok = db != NULL && run_the_work (db, &data, error);
  if (ok)
    print_every_plan (db);
  g_clear_object (&db);
  bench_data_clear (&data);
  return ok;
}
