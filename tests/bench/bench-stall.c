/* bench-stall.c: the longest the window waits on the records
 *
 * A watchdog on the main loop: a source of the highest priority, due every
 * millisecond, notes the longest gap between its runs, which is the
 * longest time the window could neither draw nor answer a key. It watches
 * what a person does in the window built as at unlock, on a copy of the
 * data set, whose reads go to the store's reader as in the app: showing
 * the consultations section (the list's first read), typing a letter in
 * its search (until the rows found are shown) and clearing it (until every
 * row is shown again), saving one consultation
 * while that list is shown (until the list shows it:
 * ct-record-list-changes.c), scrolling it by a row (a frame that draws the
 * list anew and does nothing else: the drawing's part of the others),
 * showing the Outcomes and Reports (their first read, and the summary),
 * opening a new goal rating (its goal picker, a page of goals read) and the Audit Log
 * (the trail), and last the consultations shown again (a section switched
 * to with nothing to read: the switch's own part of the first showings).
 * Needs a display (run the benchmark under Xvfb); without one it measures
 * nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <adwaita.h>

#include "bench.h"
#include "ct-audit-log-window.h"
#include "ct-main-view.h"
#include "ct-outcomes-view.h"
#include "ct-record-editor.h"
#include "ct-record-list.h"
#include "ct-records.h"
#include "ct-reports-view.h"
#include "ct-reference-row.h"
#include "ct-window.h"
#include "widget-test-util.h"

/* Issue 17: no stall over 50 ms (at ten times county). */
#define TARGET_STALL_MS 50
/* Places in the sidebar (Ctrl+3, Ctrl+6, Ctrl+8). */
#define CONSULTATIONS_SECTION 2
#define OUTCOMES_SECTION 5
#define REPORTS_SECTION 7

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
  GPtrArray    *lists;     /* every section's, found once: no search while watched */
  GtkWidget    *outcomes;
  GtkWidget    *reports;
  GtkWindow    *opened;    /* an editor or the Audit Log */
  gboolean      saved;
  gboolean      drawn;
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

  for (guint i = 0; i < run->lists->len && run->list == NULL; i++)
    if (gtk_widget_get_mapped (run->lists->pdata[i]) &&
        g_list_model_get_n_items (ct_record_list_get_model (run->lists->pdata[i])) > 0)
      run->list = run->lists->pdata[i];
  return run->list != NULL;
}

static gboolean
open_window (StallRun  *run,
             GError   **error)
{
  if ((run->db = bench_data_open (run->path, error)) == NULL)
    return FALSE;
  ct_store_reader_start (run->db, BENCH_PASSPHRASE);
  run->window = g_object_ref_sink (ct_window_new_unlocked (NULL, run->db));
  run->list = NULL;
  gtk_window_present (GTK_WINDOW (run->window));
  test_wait_until (is_painted, run->window);
  g_clear_pointer (&run->lists, g_ptr_array_unref);
  run->lists = test_find_all (run->window, CT_TYPE_RECORD_LIST);
  run->outcomes = test_find_of_type (run->window, CT_TYPE_OUTCOMES_VIEW);
  run->reports = test_find_of_type (run->window, CT_TYPE_REPORTS_VIEW);
  return TRUE;
}

static gboolean
shows_outcomes (gpointer data)
{
  StallRun *run = data;
  GtkWidget *view = run->outcomes;

  return gtk_widget_get_mapped (view) && !ct_outcomes_view_is_loading (CT_OUTCOMES_VIEW (view)) &&
         g_list_model_get_n_items (ct_outcomes_view_get_model (CT_OUTCOMES_VIEW (view))) > 0;
}

static gboolean
shows_summary (gpointer data)
{
  StallRun *run = data;
  GtkWidget *view = run->reports;

  return gtk_widget_get_mapped (view) && !ct_reports_view_is_loading (CT_REPORTS_VIEW (view)) &&
         ct_reports_view_get_report (CT_REPORTS_VIEW (view)) != NULL;
}

/* The consultations shown again, their rows read before. */
static gboolean
shows_list_again (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (((StallRun *) data)->list));
}

/* Ctrl+<n>: a section, read for the first time (or shown again). */
static double
show_section (StallRun      *run,
              guint          section,
              TestCondition  shown)
{
  Watchdog dog;

  watchdog_start (&dog);
  gtk_widget_activate_action (test_find_of_type (run->window, CT_TYPE_MAIN_VIEW), "view.section",
                              "u", section);
  return watchdog_wait (&dog, shown, run);
}

/* The list's rows (and the pages of those shown) have arrived. */
static gboolean
is_read (gpointer data)
{
  return !ct_record_list_is_loading (((StallRun *) data)->list);
}

/* @text typed in the search (as the search entry says it changed), until
 * the rows found are shown: the store searches on its reader. */
static double
type_in_search (StallRun   *run,
                const char *text)
{
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (test_find_of_type (run->list,
                                                               GTK_TYPE_SEARCH_ENTRY));
  Watchdog dog;

  watchdog_start (&dog);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  return watchdog_wait (&dog, is_read, run);
}

/* Saved, and the list shows it. */
static gboolean
is_saved (gpointer data)
{
  return ((StallRun *) data)->saved && is_read (data);
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

static gboolean
is_drawn (gpointer data)
{
  return ((StallRun *) data)->drawn;
}

static void
note_drawn (StallRun *run)
{
  run->drawn = TRUE;
}

/* The list scrolled by @pixels, until drawn. */
static void
scroll_list (StallRun *run,
             double    pixels)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (test_find_of_type (run->list,
                                                                        GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (run->window));
  gulong id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (note_drawn), run);

  run->drawn = FALSE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + pixels);
  test_wait_until (is_drawn, run);
  g_signal_handler_disconnect (clock, id);
}

/* The list scrolled down by about a row: a frame that draws the list anew
 * with no row made or read, the part of any stall that changes what a
 * list shows which is the drawing alone. */
static double
scroll_by_a_row (StallRun *run)
{
  Watchdog dog;

  watchdog_start (&dog);
  scroll_list (run, 24);
  dog.longest = MAX (dog.longest, g_get_monotonic_time () - dog.last);
  g_clear_handle_id (&dog.id, g_source_remove);
  scroll_list (run, -24);
  return dog.longest / 1000.0;
}

/* The goals to choose from are read and offered (the picker opens). */
static gboolean
offers_goals (gpointer data)
{
  StallRun *run = data;
  CtReferenceRow *row = CT_REFERENCE_ROW (test_find_of_type (run->opened,
                                                             CT_TYPE_REFERENCE_ROW));

  return gtk_widget_get_mapped (GTK_WIDGET (run->opened)) && !ct_reference_row_is_loading (row) &&
         gtk_widget_get_mapped (GTK_WIDGET (ct_reference_row_get_picker (row)));
}

static gboolean
shows_audit_log (gpointer data)
{
  StallRun *run = data;

  return gtk_widget_get_mapped (GTK_WIDGET (run->opened)) &&
         !ct_audit_log_window_is_loading (CT_AUDIT_LOG_WINDOW (run->opened));
}

/* A window over the main window (@open makes it), until @shown; closed after. */
static double
open_over (StallRun      *run,
           GtkWindow   *(*open) (StallRun *run),
           TestCondition  shown)
{
  Watchdog dog;
  double ms;

  watchdog_start (&dog);
  run->opened = open (run);
  gtk_window_present (run->opened);
  ms = watchdog_wait (&dog, shown, run);
  gtk_window_destroy (run->opened);
  run->opened = NULL;
  return ms;
}

static GtkWindow *
new_goal_rating (StallRun *run)
{
  return GTK_WINDOW (ct_record_editor_new (GTK_WINDOW (run->window), run->db,
                                           ct_kind_lookup ("goal_rating"), NULL));
}

static GtkWindow *
audit_log (StallRun *run)
{
  return GTK_WINDOW (ct_audit_log_window_new (GTK_WINDOW (run->window), run->db));
}

gboolean
bench_run_stall (BenchData    *data,
                 BenchReport  *report,
                 guint         scale,
                 GError      **error)
{
  StallRun run = { data->work_path };
  g_autoptr(GArray) showing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) searching = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) clearing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saving = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scrolling = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) outcomes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reports = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) returning = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) editing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) auditing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GSettings) settings = NULL;

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the window's stalls are not measured (run under Xvfb)\n");
      return TRUE;
    }
  settings = g_settings_new (APP_ID);
  adw_init ();
  /* Nobody types while the windows are watched: at ten times county they
   * would lock (after 5 idle minutes of the process) before the runs end. */
  g_settings_set_uint (settings, "auto-lock-minutes", 120);
  for (guint i = 0; i < BENCH_MIN_RUNS; i++)
    {
      double ms;

      if (!open_window (&run, error))
        return FALSE;
      ms = show_section (&run, CONSULTATIONS_SECTION, shows_consultations);
      g_array_append_val (showing, ms);
      ms = type_in_search (&run, "q");
      g_array_append_val (searching, ms);
      ms = type_in_search (&run, "");
      g_array_append_val (clearing, ms);
      ms = save_shown (&run);
      g_array_append_val (saving, ms);
      ms = scroll_by_a_row (&run);
      g_array_append_val (scrolling, ms);
      ms = show_section (&run, OUTCOMES_SECTION, shows_outcomes);
      g_array_append_val (outcomes, ms);
      ms = show_section (&run, REPORTS_SECTION, shows_summary);
      g_array_append_val (reports, ms);
      ms = open_over (&run, new_goal_rating, offers_goals);
      g_array_append_val (editing, ms);
      ms = open_over (&run, audit_log, shows_audit_log);
      g_array_append_val (auditing, ms);
      ms = show_section (&run, CONSULTATIONS_SECTION, shows_list_again);
      g_array_append_val (returning, ms);
      bench_close_window ((gpointer *) &run.window, &run.db);
    }
  g_clear_pointer (&run.lists, g_ptr_array_unref);
  bench_report_add (report, scale, "longest stall: showing the consultations (first read)",
                    BENCH_UNIT_MS, bench_median_of (showing), TARGET_STALL_MS);
  bench_report_add (report, scale, "longest stall: a letter typed in the consultations' search",
                    BENCH_UNIT_MS, bench_median_of (searching), TARGET_STALL_MS);
  bench_report_add (report, scale, "longest stall: the search cleared (every row again)",
                    BENCH_UNIT_MS, bench_median_of (clearing), TARGET_STALL_MS);
  bench_report_add (report, scale, "longest stall: saving a consultation shown in its list",
                    BENCH_UNIT_MS, bench_median_of (saving), TARGET_STALL_MS);
  bench_report_add (report, scale, "longest stall: the list scrolled by a row (drawing alone)",
                    BENCH_UNIT_MS, bench_median_of (scrolling), 0);
  bench_report_add (report, scale, "longest stall: showing the Outcomes (first read)",
                    BENCH_UNIT_MS, bench_median_of (outcomes), TARGET_STALL_MS);
  bench_report_add (report, scale, "longest stall: showing Reports (this year's summary)",
                    BENCH_UNIT_MS, bench_median_of (reports), TARGET_STALL_MS);
  bench_report_add (report, scale, "longest stall: the consultations shown again (nothing read)",
                    BENCH_UNIT_MS, bench_median_of (returning), 0);
  bench_report_add (report, scale, "longest stall: a new goal rating (its goal picker, a page read)",
                    BENCH_UNIT_MS, bench_median_of (editing), TARGET_STALL_MS);
  bench_report_add (report, scale, "longest stall: opening the Audit Log (the whole trail)",
                    BENCH_UNIT_MS, bench_median_of (auditing), TARGET_STALL_MS);
  return TRUE;
}
