/* ct-process-guard.c: no core dumps, and no record left in freed memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-process-guard"

#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ct-process-guard.h"

/* Any byte but 0 turns perturbing on; freed blocks are filled with it. */
#define FREED_MEMORY_BYTE 0xa5

void
ct_process_guard (void)
{
  struct rlimit none = { 0, 0 };

  /* Failures are not fatal (a sandbox may forbid them), and say nothing
   * about records. */
  if (setrlimit (RLIMIT_CORE, &none) != 0)
    g_debug ("Could not set the core file size limit to 0");
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    g_debug ("Could not mark the process not dumpable");
  if (mallopt (M_PERTURB, FREED_MEMORY_BYTE) != 1)
    g_debug ("Could not have freed memory overwritten");
}

void
ct_process_restart_with_plain_slices (char **argv)
{
  if (glib_check_version (2, 76, 0) == NULL || g_getenv ("G_SLICE") != NULL)
    return;

  g_setenv ("G_SLICE", "always-malloc", TRUE);
  execv ("/proc/self/exe", argv);
  g_debug ("Could not start again with G_SLICE set: %s", g_strerror (errno));
}
