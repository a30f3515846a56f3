/* ct-unlock-page.h: asks for the passphrase of an existing records file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-passphrase-page.h"

G_BEGIN_DECLS

#define CT_TYPE_UNLOCK_PAGE (ct_unlock_page_get_type ())
G_DECLARE_FINAL_TYPE (CtUnlockPage, ct_unlock_page, CT, UNLOCK_PAGE, CtPassphrasePage)

/* Empties the entry and hides the last error, ready for the next unlock. */
void ct_unlock_page_reset (CtUnlockPage *self);

G_END_DECLS
