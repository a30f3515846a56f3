/* ct-server-banner.h: says so when the connection to the team server is
 * lost, and connects again by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_SERVER_BANNER (ct_server_banner_get_type ())
G_DECLARE_FINAL_TYPE (CtServerBanner, ct_server_banner, CT, SERVER_BANNER, AdwBin)

/* Every two seconds while @database (property "database") is open, asks
 * whether its connection is still there; when it is not, shows the banner
 * and tries to connect again, then and at every look after, until it
 * succeeds (Retry tries at once). A records file never drops: the banner
 * stays hidden. */
void        ct_server_banner_set_database (CtServerBanner *self,
                                           CtDatabase     *database);
gboolean    ct_server_banner_is_shown     (CtServerBanner *self);
/* Looks, and tries to connect again, now. */
void        ct_server_banner_retry        (CtServerBanner *self);

G_END_DECLS
