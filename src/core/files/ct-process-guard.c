/* ct-process-guard.c: no core dumps of a process that holds records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-process-guard"

#include "config.h"

#include <sys/prctl.h>
#include <sys/resource.h>

#include "ct-process-guard.h"

void
ct_process_forbid_core_dumps (void)
{
  struct rlimit none = { 0, 0 };

  /* Failures are not fatal (a sandbox may forbid them), and say nothing
   * about records. */
  if (setrlimit (RLIMIT_CORE, &none) != 0)
    g_debug ("Could not set the core file size limit to 0");
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    g_debug ("Could not mark the process not dumpable");
}
