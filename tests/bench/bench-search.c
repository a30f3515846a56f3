/* bench-search.c: search-as-you-type in the consultations list, and in the
 * editor's picker of a child
 *
 * The app's own filter (CtSearchFilter, over the consultations section's
 * columns, or the fields of a child's label in the record picker) in a
 * GtkFilterListModel over the list as ct_store_list() gives it, as the
 * section and the picker build them; no widget, so no display is needed. Each
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
#include "ct-record-picker.h"
#include "ct-records.h"
#include "ct-search-filter.h"
#include "ct-section.h"

#define TARGET_KEYSTROKE_MS 50

typedef struct
{
  const char *kind;
  CtSearchFilter *(*new_filter) (void);
  const char *query;  /* typed a key at a time, then deleted */
  const char *prepared;
  const char *slowest;
} SearchCase;

typedef struct
{
  CtDatabase       *db;
  const SearchCase *what;
  GArray           *prepare_ms;
  GArray           *slowest_ms;
} SearchRun;

static CtSearchFilter *
new_section_filter (const CtSection *section)
{
  const CtField *fields[CT_SECTION_MAX_SEARCHED];
  guint n_fields = ct_section_get_searched_fields (section, fields);

  return ct_search_filter_new (fields, n_fields);
}

static CtSearchFilter *
new_consultations_filter (void)
{
  return new_section_filter (ct_section_lookup ("consultations"));
}

static CtSearchFilter *
new_child_picker_filter (void)
{
  return ct_record_picker_new_filter (ct_kind_lookup ("child"));
}

static const SearchCase cases[] = {
  /* Words of the topic label "Placement fragility". */
  { "consultation", new_consultations_filter, "placement fr",
    "search: text of every consultation built (idle, once)",
    "search: slowest keystroke, consultations" },
  /* A known-as name and a date of birth's month, as a clinician types. */
  { "child", new_child_picker_filter, "robin mar 20",
    "picker: text of every child built (idle, once)",
    "picker: slowest keystroke, choosing a child" },
};

static void
prepare_filter (CtSearchFilter *filter,
                GListModel     *records)
{
  ct_search_filter_prepare (filter, records);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GObject *
bench_search_prepare (GListModel *records)
{
  CtSearchFilter *filter = new_consultations_filter ();

  prepare_filter (filter, records);
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
search_once (gpointer   user_data,
             GError   **error)
{
  SearchRun *run = user_data;
  g_autoptr(GListModel) records = ct_store_list (run->db, ct_kind_lookup (run->what->kind), NULL,
                                                 error);
  g_autoptr(CtSearchFilter) filter = NULL;
  g_autoptr(GtkFilterListModel) shown = NULL;
  double start, elapsed;

  if (records == NULL)
    return FALSE;
  start = bench_now_ms ();
  filter = run->what->new_filter ();
  prepare_filter (filter, records);
  elapsed = bench_now_ms () - start;
  g_array_append_val (run->prepare_ms, elapsed);

  shown = gtk_filter_list_model_new (g_object_ref (records), g_object_ref (GTK_FILTER (filter)));

  elapsed = type_query (filter, G_LIST_MODEL (shown), run->what->query);
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

  if (db == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) prepare_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) slowest_ms = g_array_new (FALSE, FALSE, sizeof (double));
      SearchRun run = { db, &cases[i], prepare_ms, slowest_ms };
      double total;

      if (!bench_median (search_once, NULL, &run, BENCH_MIN_RUNS, &total, error))
        return FALSE;
      bench_report_add (report, scale, cases[i].prepared, BENCH_UNIT_MS,
                        bench_median_of (prepare_ms), 0);
      bench_report_add (report, scale, cases[i].slowest, BENCH_UNIT_MS,
                        bench_median_of (slowest_ms), TARGET_KEYSTROKE_MS);
    }
  return TRUE;
}
