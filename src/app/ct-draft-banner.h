/* ct-draft-banner.h: offers back the draft kept when the app locked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_DRAFT_BANNER (ct_draft_banner_get_type ())
G_DECLARE_FINAL_TYPE (CtDraftBanner, ct_draft_banner, CT, DRAFT_BANNER, AdwBin)

/* Shown while @database (property "database") keeps an editor draft
 * (ct-draft.h): Restore opens the editor with it over the banner's window,
 * Discard drops it; either way it leaves the file. */
CtDatabase *ct_draft_banner_get_database (CtDraftBanner *self);
void        ct_draft_banner_set_database (CtDraftBanner *self,
                                          CtDatabase    *database);
/* TRUE while the kept draft is read (on the store's reader). */
gboolean    ct_draft_banner_is_reading   (CtDraftBanner *self);
gboolean    ct_draft_banner_is_offering  (CtDraftBanner *self);

G_END_DECLS
