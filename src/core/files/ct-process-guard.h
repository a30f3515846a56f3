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

/* GLib before 2.76 keeps freed GSlice blocks (GTK's text buffers among
 * them, holding notes as they were typed) in caches of its own, which
 * M_PERTURB never wipes; G_SLICE=always-malloc hands them to malloc
 * instead. GLib reads G_SLICE before main() runs, so with such a GLib and
 * G_SLICE unset this starts the program again (execv of /proc/self/exe
 * with @argv) with it set, and returns only if that fails. Call it first
 * thing in the app's main(). */
void         ct_process_restart_with_plain_slices (char **argv);

G_END_DECLS
