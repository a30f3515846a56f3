/* bench-search.c: search-as-you-type in the consultations list, and in the
 * editor's picker of a child
 *
 * The consultations list searches in the store, on its reader: a
 * keystroke's time is that of the read the list starts, the ids of every
 * consultation whose columns show each word typed and their first page
 * (the window itself only waits for the typing: bench-stall.c watches
 * it). The store's first search reads the text of every consultation
 * (ct-search-text.h), measured apart on a store just opened; the
 * keystrokes after it scan that text. The picker filters in memory: the app's own filter
 * (CtSearchFilter, over the fields of a child's label) in a
 * GtkFilterListModel over ct_store_list(), as the picker builds it; each
 * run reads the list afresh, lets the filter build the text of every row
 * the way the app does after loading (in idle time), then types a query
 * a key at a time and deletes it again; a keystroke's time is from
 * setting the text to the filter model's new item count. No widget, so no
 * display is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <gtk/gtk.h>

#include "bench.h"
#include "ct-record-picker.h"
#include "ct-records.h"
#include "ct-search-filter.h"
#include "ct-section.h"

#define TARGET_KEYSTROKE_MS 50
/* The target for a list's search keystroke at ten times county. */
#define TARGET_LIST_KEYSTROKE_MS 16

/* Words of the topic label "Placement fragility", as a clinician types
 * them; a known-as name and a date of birth's month, choosing a child. */
#define LIST_QUERY "placement fr"
#define PICKER_QUERY "robin mar 20"

typedef struct
{
  CtDatabase       *db;
  GArray           *prepare_ms;
  GArray           *slowest_ms;
  const char       *path;  /* the list's first search: a store opened afresh */
} SearchRun;

/* The list */

/* The read a keystroke starts: every id whose row shows each word of
 * @typed, in order, and the first page. */
static double
search_in_store (CtDatabase  *db,
                 const char  *typed,
                 GError     **error)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  const CtField *fields[CT_SECTION_MAX_SEARCHED + 1] = { NULL };
  CtFilter filter = { .search = typed, .search_fields = fields };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) first = NULL;
  double start = bench_now_ms ();

  ct_section_get_searched_fields (ct_section_lookup ("consultations"), fields);
  ids = ct_store_list_ids (db, kind, &filter, error);
  if (ids != NULL)
    first = ct_store_get_page (db, kind, (gint64 *) (gpointer) ids->data,
                               MIN (ids->len, CT_STORE_PAGE_SIZE), error);
  return first != NULL ? bench_now_ms () - start : -1;
}

static gboolean
search_list_once (gpointer   user_data,
                  GError   **error)
{
  SearchRun *run = user_data;
  gsize length = strlen (LIST_QUERY);
  double slowest = 0;

  for (gsize i = 1; i <= 2 * length - 1; i++)
    {
      g_autofree char *typed = g_strndup (LIST_QUERY, i <= length ? i : 2 * length - i);
      double ms = search_in_store (run->db, typed, error);

      if (ms < 0)
        return FALSE;
      slowest = MAX (slowest, ms);
    }
  g_array_append_val (run->slowest_ms, slowest);
  return TRUE;
}

static gboolean
first_search_once (gpointer   user_data,
                   GError   **error)
{
  SearchRun *run = user_data;
  g_autoptr(CtDatabase) db = bench_data_open (run->path, error);
  double ms;

  if (db == NULL)
    return FALSE;
  ms = search_in_store (db, LIST_QUERY, error);
  if (ms < 0)
    return FALSE;
  g_array_append_val (run->prepare_ms, ms);
  return TRUE;
}

/* The picker */

static void
prepare_filter (CtSearchFilter *filter,
                GListModel     *records)
{
  ct_search_filter_prepare (filter, records);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Sets @text and returns how long the model took to show the result. */
static double
keystroke (CtSearchFilter *filter,
           GListModel     *shown,
           const char     *text)
{
  double start = bench_now_ms ();

  ct_search_filter_set_text (filter, text);
  g_list_model_get_n_items (shown);
  return bench_now_ms () - start;
}

/* Types @query a key at a time, then deletes it: the slowest keystroke. */
static double
type_query (CtSearchFilter *filter,
            GListModel     *shown,
            const char     *query)
{
  gsize length = strlen (query);
  double slowest = 0;

  for (gsize i = 1; i <= 2 * length; i++)
    {
      g_autofree char *typed = g_strndup (query, i <= length ? i : 2 * length - i);
      double ms = keystroke (filter, shown, typed);

      slowest = MAX (slowest, ms);
    }
  return slowest;
}

static gboolean
search_picker_once (gpointer   user_data,
                    GError   **error)
{
  SearchRun *run = user_data;
  g_autoptr(GListModel) records = ct_store_list (run->db, ct_kind_lookup ("child"), NULL, error);
  g_autoptr(CtSearchFilter) filter = NULL;
  g_autoptr(GtkFilterListModel) shown = NULL;
  double start, elapsed;

  if (records == NULL)
    return FALSE;
  start = bench_now_ms ();
  filter = ct_record_picker_new_filter (ct_kind_lookup ("child"));
  prepare_filter (filter, records);
  elapsed = bench_now_ms () - start;
  g_array_append_val (run->prepare_ms, elapsed);

  shown = gtk_filter_list_model_new (g_object_ref (records), g_object_ref (GTK_FILTER (filter)));

  elapsed = type_query (filter, G_LIST_MODEL (shown), PICKER_QUERY);
  g_array_append_val (run->slowest_ms, elapsed);
  return TRUE;
}

gboolean
bench_run_search (BenchData    *data,
                  BenchReport  *report,
                  guint         scale,
                  GError      **error)
{
  g_autoptr(CtDatabase) db = bench_data_open (data->work_path, error);
  g_autoptr(GArray) prepare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) list_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) picker_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  SearchRun first = { NULL, first_ms, NULL, data->work_path };
  SearchRun list = { db, NULL, list_ms, NULL };
  SearchRun picker = { db, prepare_ms, picker_ms, NULL };
  double total;

  if (db == NULL ||
      !bench_median (first_search_once, NULL, &first, BENCH_MIN_RUNS, &total, error) ||
      !bench_median (search_list_once, NULL, &list, BENCH_MIN_RUNS, &total, error) ||
      !bench_median (search_picker_once, NULL, &picker, BENCH_MIN_RUNS, &total, error))
    return FALSE;
  bench_report_add (report, scale, "search: the first, reading every consultation's text (once)",
                    BENCH_UNIT_MS, bench_median_of (first_ms), 0);
  bench_report_add (report, scale, "search: slowest keystroke's read, consultations (reader)",
                    BENCH_UNIT_MS, bench_median_of (list_ms), TARGET_LIST_KEYSTROKE_MS);
  bench_report_add (report, scale, "picker: text of every child built (idle, once)",
                    BENCH_UNIT_MS, bench_median_of (prepare_ms), 0);
  bench_report_add (report, scale, "picker: slowest keystroke, choosing a child",
                    BENCH_UNIT_MS, bench_median_of (picker_ms), TARGET_KEYSTROKE_MS);
  return TRUE;
}
