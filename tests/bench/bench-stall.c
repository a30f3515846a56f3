/* bench-stall.c: the longest the window waits on the records
 *
 * A watchdog on the main loop: a source of the highest priority, due every
 * millisecond, notes the longest gap between its runs, which is the
 * longest time the window could neither draw nor answer a key. It watches
 * what a person does in the window built as at unlock, on a copy of the
 * data set: showing the consultations section (the list's first read),
 * and saving one consultation while that list is shown (the list reads
 * that row again: ct-record-list-changes.c). Needs a display (run the
 * benchmark under Xvfb); without one it measures nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <adwaita.h>

#include "bench.h"
#include "ct-main-view.h"
#include "ct-record-list.h"
#include "ct-records.h"
#include "ct-window.h"
#include "widget-test-util.h"

/* Issue 17: no stall over 50 ms (at ten times county). */
#define TARGET_STALL_MS 50
/* The consultations' place in the sidebar (Ctrl+3). */
#define CONSULTATIONS_SECTION 2

typedef struct
{
  gint64 last;
  gint64 longest;
  guint  id;
} Watchdog;

static gboolean
on_tick (gpointer data)
{
  Watchdog *dog = data;
  gint64 now = g_get_monotonic_time ();

  dog->longest = MAX (dog->longest, now - dog->last);
  dog->last = now;
  return G_SOURCE_CONTINUE;
}

static void
watchdog_start (Watchdog *dog)
{
  dog->last = g_get_monotonic_time ();
  dog->longest = 0;
  dog->id = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_tick, dog, NULL);
}

/* What follows a change in idle time (sorting, filtering, drawing) is
 * watched this long after it. */
#define AFTERMATH_US (200 * 1000)

/* Runs the main loop until @done holds, and AFTERMATH_US more; the longest
 * stall meanwhile, in ms. */
static double
watchdog_wait (Watchdog      *dog,
               TestCondition  done,
               gpointer       data)
{
  gint64 end;

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time () + AFTERMATH_US;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&dog->id, g_source_remove);
  return dog->longest / 1000.0;
}

typedef struct
{
  const char   *path;
  CtDatabase   *db;
  CtWindow     *window;
  CtRecordList *list;
  gboolean      saved;
} StallRun;

static gboolean
is_painted (gpointer window)
{
  return gtk_widget_get_mapped (window);
}

static gboolean
shows_consultations (gpointer data)
{
  StallRun *run = data;
  g_autoptr(GPtrArray) lists = test_find_all (run->window, CT_TYPE_RECORD_LIST);

  for (guint i = 0; i < lists->len && run->list == NULL; i++)
    if (gtk_widget_get_mapped (lists->pdata[i]) &&
        g_list_model_get_n_items (ct_record_list_get_model (lists->pdata[i])) > 0)
      run->list = lists->pdata[i];
  return run->list != NULL;
}

static gboolean
open_window (StallRun  *run,
             GError   **error)
{
  if ((run->db = bench_data_open (run->path, error)) == NULL)
    return FALSE;
  run->window = g_object_ref_sink (ct_window_new_unlocked (NULL, run->db));
  run->list = NULL;
  gtk_window_present (GTK_WINDOW (run->window));
  test_wait_until (is_painted, run->window);
  return TRUE;
}

/* Ctrl+3: the consultations, read for the first time. */
static double
show_consultations (StallRun *run)
{
  Watchdog dog;

  watchdog_start (&dog);
  gtk_widget_activate_action (test_find_of_type (run->window, CT_TYPE_MAIN_VIEW), "view.section",
                              "u", CONSULTATIONS_SECTION);
  return watchdog_wait (&dog, shows_consultations, run);
}

static gboolean
is_saved (gpointer data)
{
  return ((StallRun *) data)->saved;
}

/* The first consultation shown, its attendees changed, saved as the
 * editor saves (in a main loop callback). */
static gboolean
save_first (gpointer data)
{
  StallRun *run = data;
  g_autoptr(CtRecord) shown = g_list_model_get_item (ct_record_list_get_model (run->list), 0);
  g_autoptr(CtRecord) record = ct_record_dup (shown);
  g_autofree char *attendees = ct_record_get_string_by_name (record, "attendees");

  ct_record_set_string_by_name (record, "attendees",
                                g_strcmp0 (attendees, "2") == 0 ? "3" : "2", NULL);
  run->saved = ct_store_update (run->db, record, NULL);
  if (!run->saved)
    g_error ("The benchmark's consultation could not be saved");
  return G_SOURCE_REMOVE;
}

static double
save_shown (StallRun *run)
{
  Watchdog dog;

  run->saved = FALSE;
  watchdog_start (&dog);
  g_idle_add (save_first, run);
  return watchdog_wait (&dog, is_saved, run);
}

gboolean
bench_run_stall (BenchData    *data,
                 BenchReport  *report,
                 guint         scale,
                 GError      **error)
{
  StallRun run = { data->work_path };
  g_autoptr(GArray) showing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saving = g_array_new (FALSE, FALSE, sizeof (double));

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the window's stalls are not measured (run under Xvfb)\n");
      return TRUE;
    }
  adw_init ();
  for (guint i = 0; i < BENCH_MIN_RUNS; i++)
    {
      double ms;

      if (!open_window (&run, error))
        return FALSE;
      ms = show_consultations (&run);
      g_array_append_val (showing, ms);
      ms = save_shown (&run);
      g_array_append_val (saving, ms);
      bench_close_window ((gpointer *) &run.window, &run.db);
    }
  bench_report_add (report, scale, "longest stall: showing the consultations (first read)",
                    BENCH_UNIT_MS, bench_median_of (showing), TARGET_STALL_MS);
  bench_report_add (report, scale, "longest stall: saving a consultation shown in its list",
                    BENCH_UNIT_MS, bench_median_of (saving), TARGET_STALL_MS);
  return TRUE;
}
