/* bench.h: the performance benchmark's shared pieces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "ct-database.h"
#include "ct-kind.h"
#include "ct-period.h"

G_BEGIN_DECLS

/* Invented, as every record of the benchmark is. */
#define BENCH_PASSPHRASE "invented benchmark passphrase"
#define BENCH_SEED       20250331u
/* The demo data's "today": the last day of 2024/25, so that the benchmark's
 * financial year is a whole one and the data never changes with the clock. */
#define BENCH_TODAY      "2025-03-31"
#define BENCH_FY_START   2024
#define BENCH_MIN_RUNS   5

/* One scale of the data set: a pristine cached file (kept between runs, in
 * the build dir) and this run's copies in a temporary folder (deleted). */
typedef struct
{
  char  *cached_path;
  char  *work_dir;
  char  *work_path;     /* the encrypted copy the measurements use */
}
BenchData;

/* Finds or generates the cached file of @factor in @cache_dir and copies
 * it into a new temporary folder. */
gboolean     bench_data_prepare        (BenchData     *data,
                                        const char    *cache_dir,
                                        guint          factor,
                                        GError       **error);
/* Deletes the temporary folder and everything in it. */
void         bench_data_clear          (BenchData     *data);
/* Deletes a records file and its -wal, -shm and -journal files. */
void         bench_data_remove         (const char    *path);
/* A new file @name in the temporary folder (not created). */
char        *bench_data_file           (BenchData     *data,
                                        const char    *name);
CtDatabase  *bench_data_open           (const char    *path,
                                        GError       **error);
/* Copies @source to @dest (a records file is copied whole, without WAL). */
gboolean     bench_copy_file           (const char    *source,
                                        const char    *dest,
                                        GError       **error);
/* A plain (unencrypted) SQLite copy of @db at @plain_path, by
 * sqlcipher_export() into a database attached with KEY ''. */
gboolean     bench_data_export_plain   (CtDatabase    *db,
                                        const char    *plain_path,
                                        GError       **error);

/* Timing: @func runs @runs times, each followed by @cleanup (NULL: none;
 * not timed); *median_ms is the median. */
typedef gboolean (*BenchFunc) (gpointer   user_data,
                               GError   **error);
double       bench_now_ms              (void);
gboolean     bench_median              (BenchFunc      func,
                                        BenchFunc      cleanup,
                                        gpointer       user_data,
                                        guint          runs,
                                        double        *median_ms,
                                        GError       **error);
double       bench_median_of           (GArray        *values);

/* The report: one row per measurement, one column per scale. */
typedef enum
{
  BENCH_UNIT_MS,
  BENCH_UNIT_MB,
  BENCH_UNIT_RATIO,
  BENCH_UNIT_COUNT,
} BenchUnit;

typedef struct _BenchReport BenchReport;

BenchReport *bench_report_new          (guint          n_scales,
                                        const guint   *factors);
void         bench_report_free         (BenchReport   *report);
/* Records @value for @name at scale @scale; @target (0: none) is the most
 * the value may be at county scale. */
void         bench_report_add          (BenchReport   *report,
                                        guint          scale,
                                        const char    *name,
                                        BenchUnit      unit,
                                        double         value,
                                        double         target);
/* The value recorded for @name at @scale, if any. */
gboolean     bench_report_lookup       (BenchReport   *report,
                                        guint          scale,
                                        const char    *name,
                                        double        *value);
/* Prints the table, the targets met and missed, and, with two scales, how
 * each time grew against the data. Returns the number of misses. */
guint        bench_report_print        (BenchReport   *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchReport, bench_report_free)

/* The measurements of one scale (bench-cases.c, bench-search.c,
 * bench-import.c, bench-memory.c). */
gboolean     bench_run_database        (BenchData     *data,
                                        BenchReport   *report,
                                        guint          scale,
                                        GError       **error);
gboolean     bench_run_search          (BenchData     *data,
                                        BenchReport   *report,
                                        guint          scale,
                                        GError       **error);
gboolean     bench_run_import          (BenchData     *data,
                                        BenchReport   *report,
                                        guint          scale,
                                        GError       **error);
gboolean     bench_run_memory          (BenchData     *data,
                                        BenchReport   *report,
                                        guint          scale,
                                        GError       **error);
/* From the passphrase to the first painted window (bench-first-frame.c);
 * nothing without a display. */
gboolean     bench_run_first_frame     (BenchData     *data,
                                        BenchReport   *report,
                                        guint          scale,
                                        GError       **error);
/* Destroys *@window (a GtkWindow) and closes *@db, clearing both, once
 * what they left to do is done (bench-first-frame.c). */
void         bench_close_window        (gpointer      *window,
                                        CtDatabase   **db);
/* The longest stalls of the window's main loop while a person works in it
 * (bench-stall.c); nothing without a display. */
gboolean     bench_run_stall           (BenchData     *data,
                                        BenchReport   *report,
                                        guint          scale,
                                        GError       **error);
/* The same measurements on a throwaway team server, beside the file's
 * (bench-server.c); county scale only. */
gboolean     bench_run_server          (BenchData     *data,
                                        BenchReport   *report,
                                        guint          scale,
                                        GError       **error);

/* The measurements both stores share: the median time of a list's first
 * rows (the ids of every record of @kind in order and the first page; how
 * many records it holds), of a summary, and of
 * @runs imports of the consultations of @csv, each after deleting those
 * of @db. */
gboolean     bench_time_list           (CtDatabase    *db,
                                        const CtKind  *kind,
                                        double        *median_ms,
                                        guint         *n_records,
                                        GError       **error);
gboolean     bench_time_outcomes       (CtDatabase    *db,
                                        double        *median_ms,
                                        GError       **error);
gboolean     bench_time_summary        (CtDatabase    *db,
                                        const CtPeriod *period,
                                        double        *median_ms,
                                        GError       **error);
gboolean     bench_time_import         (CtDatabase    *db,
                                        GFile         *csv,
                                        guint          runs,
                                        double        *median_ms,
                                        GError       **error);
/* Writes every record of @kind of the records file at @records_path to @csv. */
gboolean     bench_export_kind         (const char    *records_path,
                                        const CtKind  *kind,
                                        GFile         *csv,
                                        GError       **error);

/* The periods of the summary's rows: one financial year, all history. */
#define BENCH_N_PERIODS 2
typedef struct
{
  const char *label;
  CtPeriod   *period;
  double      target_ms;  /* of the file's summary at county scale */
} BenchPeriod;
void         bench_periods_init        (BenchPeriod   *periods);
void         bench_periods_clear       (BenchPeriod   *periods);

/* The report's row names, shared by the file's rows and the server's. */
#define BENCH_OUTCOMES_NAME "Outcomes view query (every goal of every episode)"
#define BENCH_IMPORT_NAME "CSV import of the consultations (40,000 per county)"
char        *bench_list_name           (const CtKind  *kind);
char        *bench_summary_name        (const BenchPeriod *which);
/* The child process of bench_run_memory(): opens @path, holds what
 * @what names, prints its peak resident memory in kB. */
int          bench_memory_child        (const char    *what,
                                        const char    *path);

/* --explain: EXPLAIN QUERY PLAN of every statement the app's work prepares. */
gboolean     bench_explain             (GError       **error);

G_END_DECLS
