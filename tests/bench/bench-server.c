/* bench-server.c: the same measurements on a team server, beside the file
 *
 * At county scale only, a throwaway PostgreSQL (tests/pg-test-server.c: TLS
 * and SCRAM on 127.0.0.1) gets a database set up for Clinical Team and
 * filled with the records of the cached file: every kind exported to CSV
 * and imported through the core, in the order in which kinds refer to
 * each other, so that both stores hold the same records (every list's
 * length is compared). On it the benchmark times each list load,
 * the summary of one financial year and of all history, and the CSV import
 * of every consultation (deleted first, as on the file), and reports each
 * as the ratio server / file (target ≤ 2).
 *
 * It also counts the round trips of a list load and of a summary: every
 * request the server store sends and waits for
 * (ct_server_database_get_round_trips()), read before and after one call
 * whose statements are already prepared. A list load is one, and so is a
 * summary (one statement gives every figure), however many rows.
 *
 * The server is stopped and its folder deleted at the end (and at exit or
 * on a fatal signal, by pg-test-server).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <glib/gstdio.h>

#include "bench.h"
#include "ct-import.h"
#include "ct-records.h"
#include "ct-server-database-private.h"
#include "ct-summary.h"
#include "pg-test-server.h"

#define TARGET_RATIO            2.0
#define TARGET_LIST_ROUND_TRIPS 1
#define TARGET_SUMMARY_ROUND_TRIPS 1

typedef struct
{
  BenchData    *data;
  BenchReport  *report;
  CtDatabase   *file;     /* the work copy, when the file must be measured here */
  CtDatabase   *server;
  guint         n_consultations;
} ServerRun;

/* The file's time of @name: from its row when the file was measured in
 * this run, else measured now by @measure on the work copy. */
typedef gboolean (*FileMeasure) (ServerRun  *run,
                                 gconstpointer what,
                                 double     *ms,
                                 GError    **error);

static gboolean
file_time (ServerRun     *run,
           const char    *name,
           FileMeasure    measure,
           gconstpointer  what,
           double        *ms,
           GError       **error)
{
  if (bench_report_lookup (run->report, 0, name, ms))
    return TRUE;
  if (run->file == NULL && (run->file = bench_data_open (run->data->work_path, error)) == NULL)
    return FALSE;
  return measure (run, what, ms, error);
}

/* "server / file: list model ready: children (12.0 ms / 7.0 ms)" */
static void
add_ratio (ServerRun  *run,
           const char *name,
           double      server_ms,
           double      file_ms)
{
  g_autofree char *row = g_strdup_printf ("server / file: %s (%.1f ms / %.1f ms)",
                                          name, server_ms, file_ms);

  bench_report_add (run->report, 0, row, BENCH_UNIT_RATIO, server_ms / file_ms, TARGET_RATIO);
}

/* Filling */

/* Every record of @kind of the file, through a CSV file. */
static gboolean
copy_kind (BenchData     *data,
           CtDatabase    *server,
           const CtKind  *kind,
           GError       **error)
{
  g_autofree char *name = g_strdup_printf ("server-%s.csv", ct_kind_get_cli_word (kind));
  g_autofree char *path = bench_data_file (data, name);
  g_autoptr(GFile) csv = g_file_new_for_path (path);
  gboolean ok = bench_export_kind (data->work_path, kind, csv, error) &&
                ct_import_file (server, kind, csv, CT_IMPORT_DEFAULT, NULL, error);

  g_unlink (path);
  return ok;
}

static CtDatabase *
fill_server (PgTestServer  *server,
             BenchData     *data,
             GError       **error)
{
  g_autofree char *name = pg_test_server_create_database (server, NULL, error);
  g_autofree char *connection = NULL;
  g_autoptr(CtDatabase) db = NULL;
  double start = bench_now_ms ();

  if (name == NULL)
    return NULL;
  connection = pg_test_server_conninfo (server, name, pg_test_server_get_superuser (server));
  db = ct_server_database_set_up (connection, pg_test_server_get_superuser_password (server),
                                  "Benchmark", error);
  if (db == NULL)
    return NULL;
  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    if (!copy_kind (data, db, ct_kind_get_nth (i), error))
      return NULL;
  g_printerr ("Filled the team server with the county data set in %.0f s\n",
              (bench_now_ms () - start) / 1000);
  return g_steal_pointer (&db);
}

/* Lists */

static gboolean
measure_file_list (ServerRun      *run,
                   gconstpointer   what,
                   double         *ms,
                   GError        **error)
{
  guint n_records;

  return bench_time_list (run->file, what, ms, &n_records, error);
}

/* The file's number of records of @kind, to prove both hold the same. */
static gboolean
count_file_records (ServerRun     *run,
                    const CtKind  *kind,
                    guint         *n_records,
                    GError       **error)
{
  g_autoptr(GListModel) records = NULL;

  if (run->file == NULL && (run->file = bench_data_open (run->data->work_path, error)) == NULL)
    return FALSE;
  records = ct_store_list (run->file, kind, NULL, error);
  if (records == NULL)
    return FALSE;
  *n_records = g_list_model_get_n_items (records);
  return TRUE;
}

/* The round trips of @kind's list's first rows read once more, as a list
 * shown for the first time reads them (its statements are prepared by
 * now): the count with the first page's ids, then that page. */
static gboolean
count_list_round_trips (ServerRun     *run,
                        const CtKind  *kind,
                        guint64       *round_trips,
                        GError       **error)
{
  guint64 before = ct_server_database_get_round_trips (run->server);
  guint n_ids;
  g_autoptr(GArray) ids = ct_store_list_first_ids (run->server, kind, NULL, &n_ids, error);
  g_autoptr(GPtrArray) page = NULL;

  if (ids == NULL)
    return FALSE;
  page = ct_store_get_page (run->server, kind, (gint64 *) (gpointer) ids->data, ids->len, error);
  *round_trips = ct_server_database_get_round_trips (run->server) - before;
  return page != NULL;
}

static gboolean
measure_lists (ServerRun  *run,
               GError    **error)
{
  guint64 most_round_trips = 0;

  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    {
      const CtKind *kind = ct_kind_get_nth (i);
      g_autofree char *name = bench_list_name (kind);
      double server_ms, file_ms;
      guint n_server, n_file;
      guint64 round_trips;

      if (!bench_time_list (run->server, kind, &server_ms, &n_server, error) ||
          !file_time (run, name, measure_file_list, kind, &file_ms, error) ||
          !count_file_records (run, kind, &n_file, error) ||
          !count_list_round_trips (run, kind, &round_trips, error))
        return FALSE;
      if (n_server != n_file)
        {
          g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
                       "The server holds %u %s records, the file %u: not the same data",
                       n_server, ct_kind_get_cli_word (kind), n_file);
          return FALSE;
        }
      if (g_str_equal (ct_kind_get_name (kind), "consultation"))
        run->n_consultations = n_server;
      add_ratio (run, name, server_ms, file_ms);
      most_round_trips = MAX (most_round_trips, round_trips);
    }
  bench_report_add (run->report, 0, "server round trips per list's first rows (the most of any list)",
                    BENCH_UNIT_COUNT, most_round_trips, TARGET_LIST_ROUND_TRIPS);
  return TRUE;
}

/* Summaries */

static gboolean
measure_file_summary (ServerRun      *run,
                      gconstpointer   what,
                      double         *ms,
                      GError        **error)
{
  const BenchPeriod *which = what;

  return bench_time_summary (run->file, which->period, ms, error);
}

static gboolean
count_summary_round_trips (ServerRun         *run,
                           const BenchPeriod *which,
                           GError           **error)
{
  guint64 before = ct_server_database_get_round_trips (run->server);
  g_autoptr(CtSummary) summary = ct_summary_compute (run->server, which->period, error);
  g_autofree char *name = g_strdup_printf ("server round trips per summary, %s "
                                           "(one statement, no transaction)", which->label);

  if (summary == NULL)
    return FALSE;
  bench_report_add (run->report, 0, name, BENCH_UNIT_COUNT,
                    ct_server_database_get_round_trips (run->server) - before,
                    TARGET_SUMMARY_ROUND_TRIPS);
  return TRUE;
}

static gboolean
measure_summaries (ServerRun  *run,
                   GError    **error)
{
  BenchPeriod periods[BENCH_N_PERIODS];
  gboolean ok = TRUE;

  bench_periods_init (periods);
  for (guint i = 0; ok && i < BENCH_N_PERIODS; i++)
    {
      g_autofree char *name = bench_summary_name (&periods[i]);
      double server_ms, file_ms;

      ok = bench_time_summary (run->server, periods[i].period, &server_ms, error) &&
           file_time (run, name, measure_file_summary, &periods[i], &file_ms, error) &&
           count_summary_round_trips (run, &periods[i], error);
      if (ok)
        add_ratio (run, name, server_ms, file_ms);
    }
  bench_periods_clear (periods);
  return ok;
}

/* The Outcomes view's query */

static gboolean
measure_file_outcomes (ServerRun      *run,
                       gconstpointer   what,
                       double         *ms,
                       GError        **error)
{
  return bench_time_outcomes (run->file, ms, error);
}

static gboolean
measure_outcomes (ServerRun  *run,
                  GError    **error)
{
  double server_ms, file_ms;

  if (!bench_time_outcomes (run->server, &server_ms, error) ||
      !file_time (run, BENCH_OUTCOMES_NAME, measure_file_outcomes, NULL, &file_ms, error))
    return FALSE;
  add_ratio (run, BENCH_OUTCOMES_NAME, server_ms, file_ms);
  return TRUE;
}

/* Import: into the filled server database with its consultations deleted
 * (every child and clinician they name is there), as on the file. */

static gboolean
measure_file_import (ServerRun      *run,
                     gconstpointer   what,
                     double         *ms,
                     GError        **error)
{
  g_autofree char *target_path = bench_data_file (run->data, "import.ctdb");
  g_autoptr(CtDatabase) db = NULL;

  return bench_copy_file (run->data->cached_path, target_path, error) &&
         (db = bench_data_open (target_path, error)) != NULL &&
         bench_time_import (db, (GFile *) what, BENCH_MIN_RUNS, ms, error);
}

static gboolean
measure_import (ServerRun  *run,
                GError    **error)
{
  g_autofree char *csv_path = bench_data_file (run->data, "server-consultations.csv");
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  double server_ms, file_ms;
  guint64 before = ct_server_database_get_round_trips (run->server);
  gboolean ok;

  ok = bench_export_kind (run->data->work_path, ct_kind_lookup ("consultation"), csv, error) &&
       bench_time_import (run->server, csv, BENCH_MIN_RUNS, &server_ms, error) &&
       file_time (run, BENCH_IMPORT_NAME, measure_file_import, csv, &file_ms, error);
  if (ok)
    {
      /* The rows are written many to a statement: a fraction of a round
       * trip each. */
      double per_row = (double) (ct_server_database_get_round_trips (run->server) - before) /
                       (BENCH_MIN_RUNS * MAX (run->n_consultations, 1));

      add_ratio (run, BENCH_IMPORT_NAME, server_ms, file_ms);
      bench_report_add (run->report, 0, "server round trips per imported consultation",
                        BENCH_UNIT_COUNT, per_row, 0);
    }
  g_unlink (csv_path);
  return ok;
}

gboolean
bench_run_server (BenchData    *data,
                  BenchReport  *report,
                  guint         scale,
                  GError      **error)
{
  g_autoptr(PgTestServer) server = NULL;
  ServerRun run = { data, report, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (scale == 0, FALSE);

  g_printerr ("Starting a throwaway team server on " PG_TEST_SERVER_HOST "…\n");
  server = pg_test_server_start (error);
  if (server == NULL)
    return FALSE;

  ok = (run.server = fill_server (server, data, error)) != NULL &&
       measure_lists (&run, error) &&
       measure_summaries (&run, error) &&
       measure_outcomes (&run, error) &&
       measure_import (&run, error);

  g_clear_object (&run.server);
  g_clear_object (&run.file);
  pg_test_server_stop (server);
  return ok;
}
