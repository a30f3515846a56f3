/* bench-cases.c: unlocking, the first rows of each list, the Outcomes and
 * their SDQ prompts, the committee summary and its baselines
 *
 * Baselines, measured in the same run on the same data:
 * - the summary's bare SQL (the one statement of ct-summary-sql.c, bound,
 *   stepped to the end and reset, in one read transaction) on the
 *   encrypted file, against the full ct_summary_compute() call: our own
 *   overhead;
 * - the same bare SQL on a plain SQLite copy (sqlcipher_export() into a
 *   database attached with KEY ''; the library reads a plain file when no
 *   key is given), against the encrypted file: the cost of encryption.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <glib/gstdio.h>

#include "bench.h"
#include "ct-file-database-private.h"
#include "ct-outcomes.h"
#include "ct-sdq-prompt.h"
#include "ct-records.h"
#include "ct-summary-private.h"

#define TARGET_FIRST_ROWS_MS   50
#define TARGET_YEAR_MS         50
#define TARGET_HISTORY_MS      100
#define TARGET_UNLOCK_MS       500
#define TARGET_OUTCOMES_MS     300
#define TARGET_ENCRYPTION      1.3
#define TARGET_OWN_OVERHEAD    1.5

/* Unlocking */

typedef struct
{
  const char *path;
  CtDatabase *db;
} UnlockRun;

static gboolean
unlock_once (gpointer   user_data,
             GError   **error)
{
  UnlockRun *run = user_data;

  run->db = bench_data_open (run->path, error);
  return run->db != NULL;
}

static gboolean
lock (gpointer   user_data,
      GError   **error)
{
  UnlockRun *run = user_data;

  g_clear_object (&run->db);
  return TRUE;
}

/* The integrity check that runs after unlock, in the background: its own
 * connection (key derivation again) and PRAGMA quick_check. Once: it reads
 * every page. */
static gboolean
check_once (gpointer   user_data,
            GError   **error)
{
  UnlockRun *run = user_data;

  return ct_file_database_quick_check (run->path, BENCH_PASSPHRASE, error);
}

/* Lists: what a list reads before it shows its first rows, the count
 * and the ids of the first page, then its records (CtRecordPages, as on
 * the store's reader, the first time a list is shown). */

typedef struct
{
  CtDatabase   *db;
  const CtKind *kind;
  GArray       *ids;
  guint         n_ids;
  GPtrArray    *first;
  GListModel   *records;  /* the Outcomes' */
  CtFilter     *filter;   /* a column's order, or NULL: the kind's */
} ListRun;

static gboolean
list_once (gpointer   user_data,
           GError   **error)
{
  ListRun *run = user_data;

  run->ids = ct_store_list_first_ids (run->db, run->kind, run->filter, &run->n_ids, error);
  if (run->ids == NULL)
    return FALSE;
  run->first = ct_store_get_page (run->db, run->kind, (gint64 *) (gpointer) run->ids->data,
                                  MIN (run->ids->len, CT_STORE_PAGE_SIZE), error);
  return run->first != NULL;
}

/* Freeing what was read is not part of reading it. */
static gboolean
drop_list (gpointer   user_data,
           GError   **error)
{
  ListRun *run = user_data;

  g_clear_pointer (&run->ids, g_array_unref);
  g_clear_pointer (&run->first, g_ptr_array_unref);
  g_clear_object (&run->records);
  return TRUE;
}

gboolean
bench_time_list (CtDatabase    *db,
                 const CtKind  *kind,
                 double        *median_ms,
                 guint         *n_records,
                 GError       **error)
{
  ListRun run = { db, kind, NULL, 0, NULL, NULL };

  if (!bench_median (list_once, drop_list, &run, BENCH_MIN_RUNS, median_ms, error) ||
      !list_once (&run, error))
    return FALSE;
  *n_records = run.n_ids;
  drop_list (&run, NULL);
  return TRUE;
}

char *
bench_list_name (const CtKind *kind)
{
  return g_strdup_printf ("first rows: %s (the count, a page)", ct_kind_get_cli_word (kind));
}

/* The consultations sorted by a column: its text (team), its words (topics). */
static gboolean
measure_sorted_lists (CtDatabase   *db,
                      BenchReport  *report,
                      guint         scale,
                      GError      **error)
{
  static const char *const columns[] = { "team", "topics" };
  const CtKind *kind = ct_kind_lookup ("consultation");

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      CtFilter filter = { .sort_field = ct_kind_find_field (kind, columns[i]) };
      ListRun run = { db, kind, NULL, 0, NULL, NULL, &filter };
      g_autofree char *name = g_strdup_printf ("first rows: consultation sorted by %s"
                                               " (the count, a page)", columns[i]);
      double ms;

      if (!bench_median (list_once, drop_list, &run, BENCH_MIN_RUNS, &ms, error))
        return FALSE;
      bench_report_add (report, scale, name, BENCH_UNIT_MS, ms, TARGET_FIRST_ROWS_MS);
    }
  return TRUE;
}

static gboolean
measure_lists (CtDatabase   *db,
               BenchReport  *report,
               guint         scale,
               GError      **error)
{
  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    {
      const CtKind *kind = ct_kind_get_nth (i);
      g_autofree char *name = bench_list_name (kind);
      double ms;
      guint n_records;

      if (!bench_time_list (db, kind, &ms, &n_records, error))
        return FALSE;
      bench_report_add (report, scale, name, BENCH_UNIT_MS, ms, TARGET_FIRST_ROWS_MS);
    }
  return measure_sorted_lists (db, report, scale, error);
}

/* The Outcomes view's query: every goal of every accepted episode */

static gboolean
outcomes_once (gpointer   user_data,
               GError   **error)
{
  ListRun *run = user_data;

  run->records = ct_outcomes_list (run->db, NULL, error);
  return run->records != NULL;
}

gboolean
bench_time_outcomes (CtDatabase  *db,
                     double      *median_ms,
                     GError     **error)
{
  ListRun run = { db, NULL, NULL, 0, NULL, NULL };

  return bench_median (outcomes_once, drop_list, &run, BENCH_MIN_RUNS, median_ms, error);
}

/* The SDQ prompts above the Outcomes: every child's latest total and
 * last contact, on the benchmark's last day */

static gboolean
prompts_once (gpointer   user_data,
              GError   **error)
{
  ListRun *run = user_data;

  run->records = ct_sdq_prompt_list (run->db, BENCH_TODAY, 90, error);
  return run->records != NULL;
}

static gboolean
time_prompts (CtDatabase  *db,
              double      *median_ms,
              GError     **error)
{
  ListRun run = { db, NULL, NULL, 0, NULL, NULL };

  return bench_median (prompts_once, drop_list, &run, BENCH_MIN_RUNS, median_ms, error);
}

/* The summary, in full and as bare SQL */

typedef struct
{
  CtDatabase     *db;
  const CtPeriod *period;
} SummaryRun;

static gboolean
summary_once (gpointer   user_data,
              GError   **error)
{
  SummaryRun *run = user_data;
  g_autoptr(CtSummary) summary = ct_summary_compute (run->db, run->period, error);

  return summary != NULL;
}

gboolean
bench_time_summary (CtDatabase      *db,
                    const CtPeriod  *period,
                    double          *median_ms,
                    GError         **error)
{
  SummaryRun run = { db, period };

  return bench_median (summary_once, NULL, &run, BENCH_MIN_RUNS, median_ms, error);
}

void
bench_periods_init (BenchPeriod *periods)
{
  periods[0] = (BenchPeriod) { "one financial year", ct_period_new_financial_year (BENCH_FY_START),
                               TARGET_YEAR_MS };
  periods[1] = (BenchPeriod) { "all history", ct_period_new_custom ("2000-01-01", BENCH_TODAY, NULL),
                               TARGET_HISTORY_MS };
}

void
bench_periods_clear (BenchPeriod *periods)
{
  for (guint i = 0; i < BENCH_N_PERIODS; i++)
    g_clear_pointer (&periods[i].period, ct_period_free);
}

char *
bench_summary_name (const BenchPeriod *which)
{
  return g_strdup_printf ("summary %s", which->label);
}

typedef struct
{
  sqlite3         *handle;
  GPtrArray       *statements;
  const CtPeriod  *period;
} BareRun;

static void
bind_named (sqlite3_stmt   *stmt,
            const CtPeriod *period)
{
  int from = sqlite3_bind_parameter_index (stmt, ":from");
  int to = sqlite3_bind_parameter_index (stmt, ":to");

  sqlite3_bind_text (stmt, from, ct_period_get_from (period), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, to, ct_period_get_to (period), -1, SQLITE_STATIC);
}

static gboolean
fail_sql (sqlite3  *handle,
          GError  **error)
{
  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
               "SQL failed: %s", sqlite3_errmsg (handle));
  return FALSE;
}

static gboolean
bare_once (gpointer   user_data,
           GError   **error)
{
  BareRun *run = user_data;
  gboolean ok = TRUE;

  sqlite3_exec (run->handle, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; ok && i < run->statements->len; i++)
    {
      sqlite3_stmt *stmt = g_ptr_array_index (run->statements, i);
      int rc;

      bind_named (stmt, run->period);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      ok = rc == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  sqlite3_exec (run->handle, "COMMIT", NULL, NULL, NULL);
  return ok || fail_sql (run->handle, error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* The summary's statement, @sql, prepared on @handle. */
static GPtrArray *
prepare_bare (sqlite3     *handle,
              const char  *sql,
              GError     **error)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (finalize_statement);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      fail_sql (handle, error);
      return NULL;
    }
  g_ptr_array_add (statements, stmt);
  return g_steal_pointer (&statements);
}

static sqlite3 *
open_plain (const char  *path,
            GError     **error)
{
  sqlite3 *handle = NULL;
  g_autofree char *cache = NULL;
  GStatBuf st;

  /* The same settings and functions as the app's connection, but no key. */
  cache = g_strdup_printf ("PRAGMA cache_size = -%d;",
                           ct_file_database_cache_kib (g_stat (path, &st) == 0 ? st.st_size : 0));
  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      !ct_file_database_add_functions (handle) ||
      sqlite3_exec (handle, "PRAGMA temp_store = MEMORY; PRAGMA journal_mode = WAL;",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (handle, cache, NULL, NULL, NULL) != SQLITE_OK)
    {
      fail_sql (handle, error);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  return handle;
}

static gboolean
measure_period (CtDatabase        *db,
                sqlite3           *plain,
                const BenchPeriod *which,
                BenchReport       *report,
                guint              scale,
                GError           **error)
{
  const char *sql = ct_summary_get_sql (ct_database_get_dialect (db));
  g_autoptr(GPtrArray) encrypted_sql = prepare_bare (ct_database_get_handle (db, NULL), sql, error);
  g_autoptr(GPtrArray) plain_sql = encrypted_sql != NULL ? prepare_bare (plain, sql, error) : NULL;
  BareRun encrypted = { ct_database_get_handle (db, NULL), encrypted_sql, which->period };
  BareRun unencrypted = { plain, plain_sql, which->period };
  g_autofree char *name_full = bench_summary_name (which);
  g_autofree char *name_bare = g_strdup_printf ("summary %s, bare SQL", which->label);
  g_autofree char *name_plain = g_strdup_printf ("summary %s, bare SQL, plain SQLite", which->label);
  g_autofree char *name_own = g_strdup_printf ("summary %s: full call / bare SQL", which->label);
  g_autofree char *name_enc = g_strdup_printf ("summary %s: encrypted / plain", which->label);
  double ms_full, ms_bare, ms_plain;

  if (plain_sql == NULL ||
      !bench_time_summary (db, which->period, &ms_full, error) ||
      !bench_median (bare_once, NULL, &encrypted, BENCH_MIN_RUNS, &ms_bare, error) ||
      !bench_median (bare_once, NULL, &unencrypted, BENCH_MIN_RUNS, &ms_plain, error))
    return FALSE;

  bench_report_add (report, scale, name_full, BENCH_UNIT_MS, ms_full, which->target_ms);
  bench_report_add (report, scale, name_bare, BENCH_UNIT_MS, ms_bare, 0);
  bench_report_add (report, scale, name_plain, BENCH_UNIT_MS, ms_plain, 0);
  bench_report_add (report, scale, name_own, BENCH_UNIT_RATIO, ms_full / ms_bare,
                    TARGET_OWN_OVERHEAD);
  bench_report_add (report, scale, name_enc, BENCH_UNIT_RATIO, ms_bare / ms_plain,
                    TARGET_ENCRYPTION);
  return TRUE;
}

static gboolean
measure_summaries (CtDatabase   *db,
                   BenchData    *data,
                   BenchReport  *report,
                   guint         scale,
                   GError      **error)
{
  g_autofree char *plain_path = bench_data_file (data, "plain.sqlite");
  BenchPeriod periods[BENCH_N_PERIODS];
  sqlite3 *plain = NULL;
  gboolean ok;

  bench_periods_init (periods);
  ok = bench_data_export_plain (db, plain_path, error) &&
       (plain = open_plain (plain_path, error)) != NULL;
  for (guint i = 0; ok && i < BENCH_N_PERIODS; i++)
    ok = measure_period (db, plain, &periods[i], report, scale, error);

  bench_periods_clear (periods);
  sqlite3_close_v2 (plain);
  bench_data_remove (plain_path);
  return ok;
}

gboolean
bench_run_database (BenchData    *data,
                    BenchReport  *report,
                    guint         scale,
                    GError      **error)
{
  g_autoptr(CtDatabase) db = NULL;
  UnlockRun unlock = { data->work_path, NULL };
  double ms;

  if (!bench_median (unlock_once, lock, &unlock, BENCH_MIN_RUNS, &ms, error))
    return FALSE;
  bench_report_add (report, scale, "unlock (key derivation and the schema)", BENCH_UNIT_MS, ms,
                    TARGET_UNLOCK_MS);
  if (!bench_median (check_once, NULL, &unlock, 1, &ms, error))
    return FALSE;
  bench_report_add (report, scale, "integrity check after unlock (in the background)",
                    BENCH_UNIT_MS, ms, 0);

  db = bench_data_open (data->work_path, error);
  if (db == NULL || !measure_lists (db, report, scale, error) ||
      !bench_time_outcomes (db, &ms, error))
    return FALSE;
  bench_report_add (report, scale, BENCH_OUTCOMES_NAME, BENCH_UNIT_MS, ms, TARGET_OUTCOMES_MS);
  if (!time_prompts (db, &ms, error))
    return FALSE;
  bench_report_add (report, scale, "SDQ prompts (every child's latest total, the last contact)",
                    BENCH_UNIT_MS, ms, 0);
  return measure_summaries (db, data, report, scale, error);
}
