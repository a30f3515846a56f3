/* ct-process-guard.h: no core dumps of a process that holds records
 *
 * A crash of the app or the CLI must not write the passphrase, the key or
 * a child's record to a core file (or hand them to a crash reporter), and
 * another process of the same user must not read their memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the core file size limit to 0 (soft and hard) and marks the process
 * not dumpable (prctl PR_SET_DUMPABLE), which also keeps ptrace and
 * /proc/PID/mem of other processes out. Call it first thing in main(). */
void         ct_process_forbid_core_dumps  (void);

G_END_DECLS
