/* bench-search.c: search-as-you-type in the consultations list
 *
 * The app's own filter (CtSearchFilter, over the consultations section's
 * columns) in a GtkFilterListModel over the list as ct_store_list() gives
 * it, as the section builds them; no widget, so no display is needed. Each
 * run reads the list afresh, lets the filter build the text of every row
 * the way the app does after loading (in idle time), then types a query a
 * key at a time and deletes it again; a keystroke's time is from setting
 * the text to the filter model's new item count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <gtk/gtk.h>

#include "bench.h"
#include "ct-records.h"
#include "ct-search-filter.h"
#include "ct-section.h"

#define TARGET_KEYSTROKE_MS 50
/* Words of the topic label "Placement fragility", a key at a time. */
#define QUERY "placement fr"

typedef struct
{
  CtDatabase *db;
  GArray     *prepare_ms;
  GArray     *slowest_ms;
} SearchRun;

static CtSearchFilter *
new_section_filter (const CtSection *section)
{
  const CtKind *kind = ct_section_get_kind (section);
  const CtField *fields[CT_SECTION_MAX_COLUMNS];
  guint n_fields = 0;

  for (; section->columns[n_fields] != NULL; n_fields++)
    fields[n_fields] = ct_kind_find_field (kind, section->columns[n_fields]);
  return ct_search_filter_new (fields, n_fields);
}

GObject *
bench_search_prepare (GListModel *records)
{
  CtSearchFilter *filter = new_section_filter (ct_section_lookup ("consultations"));

  ct_search_filter_prepare (filter, records);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return G_OBJECT (filter);
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

/* Types QUERY a key at a time, then deletes it: the slowest keystroke. */
static double
type_query (CtSearchFilter *filter,
            GListModel     *shown)
{
  gsize length = strlen (QUERY);
  double slowest = 0;

  for (gsize i = 1; i <= 2 * length; i++)
    {
      g_autofree char *typed = g_strndup (QUERY, i <= length ? i : 2 * length - i);
      double ms = keystroke (filter, shown, typed);

      slowest = MAX (slowest, ms);
    }
  return slowest;
}

static gboolean
search_once (gpointer   user_data,
             GError   **error)
{
  SearchRun *run = user_data;
  const CtSection *section = ct_section_lookup ("consultations");
  g_autoptr(GListModel) records = ct_store_list (run->db, ct_section_get_kind (section), NULL, error);
  g_autoptr(CtSearchFilter) filter = NULL;
  g_autoptr(GtkFilterListModel) shown = NULL;
  double start, elapsed;

  if (records == NULL)
    return FALSE;
  start = bench_now_ms ();
  filter = CT_SEARCH_FILTER (bench_search_prepare (records));
  elapsed = bench_now_ms () - start;
  g_array_append_val (run->prepare_ms, elapsed);

  shown = gtk_filter_list_model_new (g_object_ref (records), g_object_ref (GTK_FILTER (filter)));

  elapsed = type_query (filter, G_LIST_MODEL (shown));
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
  g_autoptr(GArray) slowest_ms = g_array_new (FALSE, FALSE, sizeof (double));
  SearchRun run = { db, prepare_ms, slowest_ms };
  double total;

  if (db == NULL || !bench_median (search_once, NULL, &run, BENCH_MIN_RUNS, &total, error))
    return FALSE;

  bench_report_add (report, scale, "search: text of every consultation built (idle, once)",
                    BENCH_UNIT_MS, bench_median_of (prepare_ms), 0);
  bench_report_add (report, scale, "search: slowest keystroke, consultations", BENCH_UNIT_MS,
                    bench_median_of (slowest_ms), TARGET_KEYSTROKE_MS);
  return TRUE;
}
