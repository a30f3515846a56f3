/* ct-outcomes.h: goal-based outcomes, episode by episode
 *
 * The figures of each goal of each episode (accepted referral): baseline,
 * latest and end scores and the change, read with one query, and the rule
 * of DOMAIN.md that says whether a change is reliable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-database.h"
#include "ct-record.h"
#include "ct-summary.h"

G_BEGIN_DECLS

/**
 * CtGboChange:
 * @CT_GBO_CHANGE_NONE: no reliable change (|change| < T)
 * @CT_GBO_CHANGE_IMPROVED: reliable improvement (change ≥ +T)
 * @CT_GBO_CHANGE_DETERIORATED: reliable deterioration (change ≤ −T)
 *
 * T is the reliable-change threshold of the team's preferences
 * (ct-preferences.h; 2.45 by default).
 */
typedef enum
{
  CT_GBO_CHANGE_NONE,
  CT_GBO_CHANGE_IMPROVED,
  CT_GBO_CHANGE_DETERIORATED,
} CtGboChange;

/**
 * CtGboScores:
 * @baseline: the baseline score, or CT_RECORD_NO_NUMBER when not rated
 * @latest: the score of the most recent rating (by date), or CT_RECORD_NO_NUMBER
 * @end: the end score, or CT_RECORD_NO_NUMBER
 * @threshold: T, the reliable-change threshold its change is judged by
 *
 * The scores of one goal.
 */
typedef struct
{
  double baseline;
  double latest;
  double end;
  double threshold;
} CtGboScores;

CtGboChange  ct_gbo_classify_change     (double              change,
                                         double              threshold);
/* The change of paired scores by their threshold; NONE when unpaired. */
CtGboChange  ct_gbo_scores_classify     (const CtGboScores  *scores);
/* TRUE and the change (end − baseline) when the goal has paired data. */
gboolean     ct_gbo_scores_get_change   (const CtGboScores  *scores,
                                         double             *change);
/* The scores of one goal from its ratings (CtGoalRating records, any order),
 * judged by CT_GBO_RELIABLE_CHANGE until the caller sets the threshold. */
void         ct_gbo_scores_from_ratings (CtGboScores        *scores,
                                         GListModel         *ratings);

/**
 * CtOutcomesFilter:
 * @clinician_id: only episodes of this clinician (staff id), or 0
 * @child_id: only episodes of this child, or 0
 * @ended_without_end_rating: only what is missing at the end: the goals of
 *   ended episodes that have no end rating, and ended episodes with no goals
 *
 * @from, @to: episodes under way at some time in this range (both ends
 *   included; NULL for no bound): started (or referred, if not started yet)
 *   on or before @to, and not ended before @from
 *
 * Zero-initialise and set what you need.
 */
typedef struct
{
  gint64      clinician_id;
  gint64      child_id;
  gboolean    ended_without_end_rating;
  const char *from;
  const char *to;
} CtOutcomesFilter;

#define CT_TYPE_OUTCOME_ROW (ct_outcome_row_get_type ())
G_DECLARE_FINAL_TYPE (CtOutcomeRow, ct_outcome_row, CT, OUTCOME_ROW, GObject)

/* One row per goal of every episode (accepted referral); an episode with no
 * goals has one row with goal id 0. Newest referral first, then goals by
 * number. One query; the scores carry the threshold of the preferences. */
GListModel  *ct_outcomes_list                  (CtDatabase              *db,
                                                const CtOutcomesFilter  *filter,
                                                GError                 **error);

gint64       ct_outcome_row_get_referral_id    (CtOutcomeRow  *self);
gint64       ct_outcome_row_get_child_id       (CtOutcomeRow  *self);
const char  *ct_outcome_row_get_child_reference (CtOutcomeRow *self);
const char  *ct_outcome_row_get_child_name     (CtOutcomeRow  *self);
/* 0 and NULL when no clinician is allocated. */
gint64       ct_outcome_row_get_clinician_id   (CtOutcomeRow  *self);
const char  *ct_outcome_row_get_clinician_name (CtOutcomeRow  *self);
/* YYYY-MM-DD; start and end may be NULL. */
const char  *ct_outcome_row_get_referral_date  (CtOutcomeRow  *self);
const char  *ct_outcome_row_get_start_date     (CtOutcomeRow  *self);
const char  *ct_outcome_row_get_end_date       (CtOutcomeRow  *self);
/* 0, 0 and NULL for an episode with no goals. */
gint64       ct_outcome_row_get_goal_id        (CtOutcomeRow  *self);
int          ct_outcome_row_get_goal_number    (CtOutcomeRow  *self);
const char  *ct_outcome_row_get_goal_description (CtOutcomeRow *self);
const CtGboScores *ct_outcome_row_get_scores   (CtOutcomeRow  *self);

G_END_DECLS
