/* ct-goal-rating.h: a 0-10 rating of a goal
 *
 * Its fields and rules are the table in ct-goal-rating.c (see ct-kind.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_GOAL_RATING (ct_goal_rating_get_type ())
G_DECLARE_FINAL_TYPE (CtGoalRating, ct_goal_rating, CT, GOAL_RATING, CtRecord)

G_END_DECLS
