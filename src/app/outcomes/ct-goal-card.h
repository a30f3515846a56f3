/* ct-goal-card.h: one goal of an episode, its scores and its chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-database.h"
#include "ct-goal-chart.h"
#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_GOAL_CARD (ct_goal_card_get_type ())
G_DECLARE_FINAL_TYPE (CtGoalCard, ct_goal_card, CT, GOAL_CARD, GtkBox)

/* @goal: a goal record; @ratings: its CtGoalRating records (NULL: none);
 * @owner: the staff id of its episode's clinician, as read with it.
 * Its "Add Rating" button activates `child.add-rating` with the goal's id
 * (an int64); its buttons to edit and delete the goal, and each rating in
 * the list of ratings, activate `child.edit-record` and
 * `child.delete-record` with the target (kind name, id), "(sx)"; those
 * that the person signed in to @database may not use are insensitive and
 * say why. */
GtkWidget   *ct_goal_card_new       (CtDatabase  *database,
                                     CtRecord    *goal,
                                     GListModel  *ratings,
                                     double       threshold,
                                     gint64       owner);
gint64       ct_goal_card_get_goal_id (CtGoalCard *self);
CtGoalChart *ct_goal_card_get_chart (CtGoalCard  *self);

G_END_DECLS
