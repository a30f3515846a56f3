/* ct-background.c: work in other threads that the program waits for as it
 * exits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "ct-background.h"

static GMutex running_lock;
static GCond running_done;
static guint n_running;
static GThread *ending;   /* the thread that ended last, until joined */

/* Waits until @thread has ended; NULL: none. */
static void
join (GThread *thread)
{
  if (thread != NULL)
    g_thread_join (thread);
}

static void
wait_for_work (void)
{
  GThread *thread;

  g_mutex_lock (&running_lock);
  while (n_running > 0)
    g_cond_wait (&running_done, &running_lock);
  thread = g_steal_pointer (&ending);
  g_mutex_unlock (&running_lock);
  join (thread);
}

static void
count_running (int change)
{
  static gboolean waits_at_exit;

  g_mutex_lock (&running_lock);
  if (!waits_at_exit)
    waits_at_exit = atexit (wait_for_work) == 0;
  n_running += change;
  if (n_running == 0)
    g_cond_broadcast (&running_done);
  g_mutex_unlock (&running_lock);
}

void
ct_background_hold (void)
{
  count_running (+1);
}

void
ct_background_release (void)
{
  count_running (-1);
}

void
ct_background_end_thread (void)
{
  GThread *previous;

  g_mutex_lock (&running_lock);
  previous = g_steal_pointer (&ending);
  ending = g_thread_ref (g_thread_self ());
  g_mutex_unlock (&running_lock);
  join (previous);
  ct_background_release ();
}
