/* ct-goal-chart.h: one goal's ratings over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-outcomes.h"

G_BEGIN_DECLS

#define CT_TYPE_GOAL_CHART (ct_goal_chart_get_type ())
G_DECLARE_FINAL_TYPE (CtGoalChart, ct_goal_chart, CT, GOAL_CHART, GtkWidget)

/* Draws the scores (0–10, up) against the dates (right), each point with
 * its value as text, the baseline as a dashed level and, when the goal has
 * paired data, a badge that names the change ("Reliable improvement +4.0").
 * With no ratings it says so. Its accessible description lists the values. */
GtkWidget         *ct_goal_chart_new          (void);
/* @ratings: CtGoalRating records of one goal, any order; NULL: none. */
void               ct_goal_chart_set_ratings  (CtGoalChart  *self,
                                               GListModel   *ratings);
/* T, the reliable-change threshold the badge judges by (2.45 until set). */
void               ct_goal_chart_set_threshold (CtGoalChart *self,
                                                double       threshold);
guint              ct_goal_chart_get_n_points (CtGoalChart  *self);
const CtGboScores *ct_goal_chart_get_scores   (CtGoalChart  *self);

G_END_DECLS
