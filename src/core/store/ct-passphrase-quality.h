/* ct-passphrase-quality.h: is a new passphrase good enough?
 *
 * libpwquality judges it, as GNOME itself does for passwords: length,
 * character classes, repeats and sequences, and a dictionary check
 * (cracklib). Its message, in its own translation, is what the person
 * sees. The system's /etc/security/pwquality.conf applies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The core's own rule, for every new passphrase (the demo's too): at least
 * CT_PASSPHRASE_MIN_LENGTH characters. NULL counts as empty. */
gboolean     ct_passphrase_check_length   (const char  *passphrase,
                                           GError     **error);

/* TRUE when @passphrase may protect a records file (its length, then
 * libpwquality's judgement); *score (may be NULL)
 * is then libpwquality's 0 to 100. Otherwise CT_DATABASE_ERROR_INVALID
 * with a message that says why. */
gboolean     ct_passphrase_check_quality  (const char  *passphrase,
                                           int         *score,
                                           GError     **error);

G_END_DECLS
