/* ct-process-guard.h: no core dumps, and no record left in freed memory
 *
 * A crash of the app or the CLI must not write the passphrase, the key or
 * a child's record to a core file (or hand them to a crash reporter), and
 * another process of the same user must not read their memory. After Lock,
 * what the app freed must not still hold a child's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the core file size limit to 0 (soft and hard) and marks the process
 * not dumpable (prctl PR_SET_DUMPABLE), which also keeps ptrace and
 * /proc/PID/mem of other processes out; and has the C library overwrite
 * every block of memory when it is freed (glibc's M_PERTURB), so that text
 * that was freed (a record list dropped on Lock) is gone, not merely
 * unreferenced. Call it first thing in main(). */
void         ct_process_guard  (void);

/* Two caches keep freed blocks out of reach of M_PERTURB: glibc's
 * per-thread cache (tcache) of small blocks, and, in GLib before 2.76,
 * GSlice's own (GTK's text buffers among them, holding notes as they were
 * typed). Both are set only from the environment, read before main() runs
 * (GLIBC_TUNABLES glibc.malloc.tcache_count=0, G_SLICE=always-malloc), so
 * when they are not set this starts the program again (execv of
 * /proc/self/exe with @argv) with them, and returns only if that fails or
 * nothing was missing. Call it first thing in the app's main(). */
void         ct_process_restart_to_wipe_freed_memory (char **argv);

G_END_DECLS
