/* ct-welcome-page.h: the first run, which creates the records file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-passphrase-page.h"

G_BEGIN_DECLS

#define CT_TYPE_WELCOME_PAGE (ct_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (CtWelcomePage, ct_welcome_page, CT, WELCOME_PAGE, CtPassphrasePage)

/* 0 when shorter than CT_PASSPHRASE_MIN_LENGTH, then 1 (weak) to 3 (strong),
 * from the length and the classes of characters used. */
guint ct_welcome_page_rate_passphrase (const char *passphrase);

G_END_DECLS
