/* ct-goal.h: a goal of a referral's direct work
 *
 * Its fields and rules are the table in ct-goal.c (see ct-kind.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_GOAL (ct_goal_get_type ())
G_DECLARE_FINAL_TYPE (CtGoal, ct_goal, CT, GOAL, CtRecord)

G_END_DECLS
