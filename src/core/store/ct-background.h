/* ct-background.h: work in other threads that the program waits for as it
 * exits
 *
 * A thread still reading the records file while the libraries under it
 * (the crypto library's own exit handler) are torn down would crash the
 * program at exit; so each piece of such work is counted while it runs,
 * and the program waits (atexit) until none runs.
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

G_END_DECLS
