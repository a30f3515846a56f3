/* test-background.c: the program's exit waits for the threads that end
 *
 * A thread's thread-local data is freed after its last line (the crypto
 * library's, in the store's reader): the exit waits until that is done
 * too, for the thread that ended last and for the one before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "ct-background.h"

/* Each thread ends when told, as the store's reader does (GLib 2.74 makes
 * a thread ready to be joined only after it started it), and freeing its
 * data takes a while: the first's longer than the second's. */
typedef struct
{
  const char *name;
  guint       freeing_ms;
  gboolean    may_end;
  gboolean    ended;
} Thread;

static Thread threads[] = { { "the first", 400 }, { "the second", 50 } };
static GMutex lock;
static GCond changed;

static void
free_slowly (gpointer data)
{
  Thread *thread = data;

  g_usleep (thread->freeing_ms * 1000);
  printf ("freed the data of %s\n", thread->name);
  fflush (stdout);
}

static GPrivate thread_data = G_PRIVATE_INIT (free_slowly);

static void
set (gboolean *flag)
{
  g_mutex_lock (&lock);
  *flag = TRUE;
  g_cond_broadcast (&changed);
  g_mutex_unlock (&lock);
}

static void
wait_for (const gboolean *flag)
{
  g_mutex_lock (&lock);
  while (!*flag)
    g_cond_wait (&changed, &lock);
  g_mutex_unlock (&lock);
}

static gpointer
run_thread (gpointer data)
{
  Thread *thread = data;

  g_private_set (&thread_data, thread);
  wait_for (&thread->may_end);
  ct_background_end_thread ();
  set (&thread->ended);
  return NULL;
}

static void
start_thread (Thread *thread)
{
  ct_background_hold ();
  g_thread_unref (g_thread_new (thread->name, run_thread, thread));
}

/* The first ends, then the second, then the program at once: the data of
 * both is freed before it exits. */
static void
test_exit_waits_for_threads_ended (void)
{
  if (g_test_subprocess ())
    {
      start_thread (&threads[0]);
      start_thread (&threads[1]);
      set (&threads[0].may_end);
      wait_for (&threads[0].ended);
      set (&threads[1].may_end);
      wait_for (&threads[1].ended);
      exit (0);
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*freed the data of the first*");
  g_test_trap_assert_stdout ("*freed the data of the second*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/background/exit-waits-for-threads-ended",
                   test_exit_waits_for_threads_ended);
  return g_test_run ();
}
