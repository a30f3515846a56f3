/* ct-episode-group.h: one referral of a child, and the goals of its episode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_EPISODE_GROUP (ct_episode_group_get_type ())
G_DECLARE_FINAL_TYPE (CtEpisodeGroup, ct_episode_group, CT, EPISODE_GROUP, AdwPreferencesGroup)

/* The referral's details and status, with "Edit" and "Delete" buttons that
 * activate `child.edit-record` and `child.delete-record` with the target
 * ("referral", id), and for an accepted referral an "Add Goal" button that
 * activates `child.add-goal` with the referral's id; those that the
 * person signed in to @database may not use are insensitive and say why. */
/* @threshold: T, the reliable-change threshold its goals are judged by. */
GtkWidget      *ct_episode_group_new         (CtDatabase     *database,
                                              CtRecord       *referral,
                                              double          threshold);
/* Appends a goal card. The group's description gives the mean change over
 * the goals with paired data, which says whether the episode shows a
 * reliable improvement (DOMAIN.md). */
void            ct_episode_group_add_goal    (CtEpisodeGroup *self,
                                              CtRecord       *goal,
                                              GListModel     *ratings);
gint64          ct_episode_group_get_referral_id (CtEpisodeGroup *self);
guint           ct_episode_group_get_n_goals (CtEpisodeGroup *self);

G_END_DECLS
