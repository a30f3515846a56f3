/* bench-first-frame.c: from the passphrase to the first usable window
 *
 * Times what a person waits for after typing the passphrase: the file
 * unlocked (key derivation and the schema), the window built for it as at
 * unlock (ct_window_new_unlocked(): the main view and its sections), shown,
 * and its first frame painted. Needs a display (run the benchmark under
 * Xvfb, as the tests are); without one it says so and measures nothing.
 * The store's reader starts as in the app (its connection is keyed in a
 * thread meanwhile, and the first section's read goes to it). The
 * integrity check that follows unlock in the app runs on another
 * connection in a thread and is timed on its own (bench-cases.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <adwaita.h>

#include "bench.h"
#include "ct-store-reader.h"
#include "ct-window.h"

/* Target at county scale (issue 17): < 0.5 s; < 1 s at ten times county. */
#define TARGET_FIRST_FRAME_MS 500

typedef struct
{
  const char *path;
  CtDatabase *db;
  CtWindow   *window;
  gboolean    painted;
} FrameRun;

static void
on_after_paint (FrameRun *run)
{
  run->painted = TRUE;
}

static gboolean
first_frame_once (gpointer   user_data,
                  GError   **error)
{
  FrameRun *run = user_data;
  GdkFrameClock *clock;
  gulong handler;

  run->painted = FALSE;
  if ((run->db = bench_data_open (run->path, error)) == NULL)
    return FALSE;
  ct_store_reader_start (run->db, BENCH_PASSPHRASE);
  run->window = g_object_ref_sink (ct_window_new_unlocked (NULL, run->db));
  gtk_window_present (GTK_WINDOW (run->window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (run->window));
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_after_paint), run);
  while (!run->painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  return TRUE;
}

void
bench_close_window (gpointer    *window,
                    CtDatabase **db)
{
  gtk_window_destroy (GTK_WINDOW (*window));
  g_clear_object (window);
  ct_database_close (*db);
  g_clear_object (db);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
close_window (gpointer   user_data,
              GError   **error)
{
  FrameRun *run = user_data;

  bench_close_window ((gpointer *) &run->window, &run->db);
  return TRUE;
}

gboolean
bench_run_first_frame (BenchData    *data,
                       BenchReport  *report,
                       guint         scale,
                       GError      **error)
{
  FrameRun run = { data->work_path, NULL, NULL, FALSE };
  double ms;

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the first frame is not measured (run under Xvfb)\n");
      return TRUE;
    }
  adw_init ();
  if (!bench_median (first_frame_once, close_window, &run, BENCH_MIN_RUNS, &ms, error))
    return FALSE;
  bench_report_add (report, scale, "first usable frame after the passphrase (unlock, window)",
                    BENCH_UNIT_MS, ms, TARGET_FIRST_FRAME_MS);
  return TRUE;
}
