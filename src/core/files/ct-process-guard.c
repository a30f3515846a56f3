/* ct-process-guard.c: no core dumps, and no record left in freed memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-process-guard"

#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <string.h>
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

#define NO_TCACHE "glibc.malloc.tcache_count=0"

void
ct_process_restart_to_wipe_freed_memory (char **argv)
{
  const char *tunables = g_getenv ("GLIBC_TUNABLES");
  gboolean slices = glib_check_version (2, 76, 0) != NULL && g_getenv ("G_SLICE") == NULL;
  gboolean tcache = tunables == NULL || strstr (tunables, "glibc.malloc.tcache_count") == NULL;

  if (!slices && !tcache)
    return;

  if (slices)
    g_setenv ("G_SLICE", "always-malloc", TRUE);
  if (tcache)
    {
      g_autofree char *value = tunables != NULL ? g_strconcat (tunables, ":", NO_TCACHE, NULL)
                                                : g_strdup (NO_TCACHE);

      g_setenv ("GLIBC_TUNABLES", value, TRUE);
    }
  execv ("/proc/self/exe", argv);
  g_debug ("Could not start again with freed memory wiped: %s", g_strerror (errno));
}
