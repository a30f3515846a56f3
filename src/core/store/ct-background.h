/* ct-background.h: work in other threads that the program waits for as it
 * exits
 *
 * A thread still reading the records file while the libraries under it
 * (the crypto library's own exit handler) are torn down would crash the
 * program at exit; so each piece of such work is counted while it runs,
 * and the program waits (atexit) until none runs. A thread of its own that
 * ends is also waited for until it has ended: its thread-local data (the
 * crypto library's among it) is freed after its last line, and freeing it
 * while the libraries are torn down crashes as surely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Counts one more piece of work running (safe in any thread). */
void ct_background_hold    (void);
/* That piece of work is done. */
void ct_background_release (void);
/* ct_background_release() as the last call of a thread of our own (made
 * with g_thread_new()), which then ends: the program's exit waits until it
 * has ended, and so does the next thread to end (so that at most one is
 * left to wait for). */
void ct_background_end_thread (void);

G_END_DECLS
