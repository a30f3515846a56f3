/* ct-episode-closer.h: after an end rating, offering to close its episode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

/* When @rating (a goal rating just saved) is an end rating and its episode
 * has no end date (read on the store's reader first), asks over @parent
 * whether to close the episode; "Close Episode…" opens the referral's
 * editor with the end date set to the rating's date, for the end reason.
 * Does nothing otherwise. */
void ct_episode_closer_offer (GtkWindow  *parent,
                              CtDatabase *database,
                              CtRecord   *rating);

G_END_DECLS
