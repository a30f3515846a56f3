/* bench-search.c: search-as-you-type in the consultations list, and in the
 * editor's picker of a child
 *
 * The consultations list searches in the store, on its reader: a
 * keystroke's time is that of the read the list starts, the ids of every
 * consultation whose columns show each word typed and their first page
 * (the window itself only waits for the typing: bench-stall.c watches
 * it). The store's first search reads the text of every consultation
 * (ct-search-text.h), measured apart on a store just opened; the
 * keystrokes after it scan that text. The editor's picker of a child
 * searches the same way, in the fields of a child's label
 * (ct_record_picker_get_label_fields()): a query typed a key at a time and
 * deleted again. No widget, so no display is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <gtk/gtk.h>

#include "bench.h"
#include "ct-record-picker.h"
#include "ct-records.h"
#include "ct-section.h"

#define TARGET_KEYSTROKE_MS 50
/* The target for a list's search keystroke at ten times county. */
#define TARGET_LIST_KEYSTROKE_MS 16

/* Words of the topic label "Placement fragility", as a clinician types
 * them; a known-as name and a date of birth's month, choosing a child. */
#define LIST_QUERY "placement fr"
#define PICKER_QUERY "robin mar 20"

#define MAX_SEARCHED MAX (CT_SECTION_MAX_SEARCHED, CT_RECORD_PICKER_MAX_FIELDS)

typedef struct
{
  CtDatabase       *db;
  GArray           *slowest_ms;
  const char       *path;  /* a first search: a store opened afresh */
  const CtKind     *kind;
  const CtField    *fields[MAX_SEARCHED + 1];
  const char       *query;
} SearchRun;

/* The read a keystroke starts: every id whose row shows each word of
 * @typed, in order, and the first page. */
static double
search_in_store (SearchRun   *run,
                 CtDatabase  *db,
                 const char  *typed,
                 GError     **error)
{
  CtFilter filter = { .search = typed, .search_fields = run->fields };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) first = NULL;
  double start = bench_now_ms ();

  ids = ct_store_list_ids (db, run->kind, &filter, error);
  if (ids != NULL)
    first = ct_store_get_page (db, run->kind, (gint64 *) (gpointer) ids->data,
                               MIN (ids->len, CT_STORE_PAGE_SIZE), error);
  return first != NULL ? bench_now_ms () - start : -1;
}

/* Types the run's query a key at a time, then deletes it: the slowest
 * keystroke. */
static gboolean
type_query_once (gpointer   user_data,
                 GError   **error)
{
  SearchRun *run = user_data;
  gsize length = strlen (run->query);
  double slowest = 0;

  for (gsize i = 1; i <= 2 * length - 1; i++)
    {
      g_autofree char *typed = g_strndup (run->query, i <= length ? i : 2 * length - i);
      double ms = search_in_store (run, run->db, typed, error);

      if (ms < 0)
        return FALSE;
      slowest = MAX (slowest, ms);
    }
  g_array_append_val (run->slowest_ms, slowest);
  return TRUE;
}

/* The store's first search of the run's kind, which reads the text of
 * every record. */
static gboolean
first_search_once (gpointer   user_data,
                   GError   **error)
{
  SearchRun *run = user_data;
  g_autoptr(CtDatabase) db = bench_data_open (run->path, error);
  double ms;

  if (db == NULL)
    return FALSE;
  ms = search_in_store (run, db, run->query, error);
  if (ms < 0)
    return FALSE;
  g_array_append_val (run->slowest_ms, ms);
  return TRUE;
}

/* The consultations list's search, or the picker's of a child. */
static void
search_run_init (SearchRun  *run,
                 CtDatabase *db,
                 const char *path,
                 GArray     *slowest_ms,
                 gboolean    picker)
{
  run->db = db;
  run->path = path;
  run->slowest_ms = slowest_ms;
  run->kind = ct_kind_lookup (picker ? "child" : "consultation");
  run->query = picker ? PICKER_QUERY : LIST_QUERY;
  if (picker)
    ct_record_picker_get_label_fields (run->kind, run->fields);
  else
    ct_section_get_searched_fields (ct_section_lookup ("consultations"), run->fields);
}

gboolean
bench_run_search (BenchData    *data,
                  BenchReport  *report,
                  guint         scale,
                  GError      **error)
{
  g_autoptr(CtDatabase) db = bench_data_open (data->work_path, error);
  g_autoptr(GArray) list_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) picker_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) picker_first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  SearchRun first = { 0 }, list = { 0 }, picker_first = { 0 }, picker = { 0 };
  double total;

  if (db == NULL)
    return FALSE;
  search_run_init (&first, NULL, data->work_path, first_ms, FALSE);
  search_run_init (&list, db, NULL, list_ms, FALSE);
  search_run_init (&picker_first, NULL, data->work_path, picker_first_ms, TRUE);
  search_run_init (&picker, db, NULL, picker_ms, TRUE);
  if (!bench_median (first_search_once, NULL, &first, BENCH_MIN_RUNS, &total, error) ||
      !bench_median (type_query_once, NULL, &list, BENCH_MIN_RUNS, &total, error) ||
      !bench_median (first_search_once, NULL, &picker_first, BENCH_MIN_RUNS, &total, error) ||
      !bench_median (type_query_once, NULL, &picker, BENCH_MIN_RUNS, &total, error))
    return FALSE;
  bench_report_add (report, scale, "search: the first, reading every consultation's text (once)",
                    BENCH_UNIT_MS, bench_median_of (first_ms), 0);
  bench_report_add (report, scale, "search: slowest keystroke's read, consultations (reader)",
                    BENCH_UNIT_MS, bench_median_of (list_ms), TARGET_LIST_KEYSTROKE_MS);
  bench_report_add (report, scale, "picker: the first search, reading every child's text (once)",
                    BENCH_UNIT_MS, bench_median_of (picker_first_ms), 0);
  bench_report_add (report, scale, "picker: slowest keystroke's read, choosing a child (reader)",
                    BENCH_UNIT_MS, bench_median_of (picker_ms), TARGET_KEYSTROKE_MS);
  return TRUE;
}
