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

static void
wait_for_work (void)
{
  g_mutex_lock (&running_lock);
  while (n_running > 0)
    g_cond_wait (&running_done, &running_lock);
  g_mutex_unlock (&running_lock);
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
