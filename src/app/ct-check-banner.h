/* ct-check-banner.h: says so when the records file fails the integrity
 * check that runs after unlock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_CHECK_BANNER (ct_check_banner_get_type ())
G_DECLARE_FINAL_TYPE (CtCheckBanner, ct_check_banner, CT, CHECK_BANNER, AdwBin)

/* Hidden while the check of @database (property "database"; ct-file-check.h)
 * runs or after it passed; shown, with the reason, when it failed. */
void        ct_check_banner_set_database (CtCheckBanner *self,
                                          CtDatabase    *database);
gboolean    ct_check_banner_is_shown     (CtCheckBanner *self);

G_END_DECLS
