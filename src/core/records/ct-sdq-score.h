/* ct-sdq-score.h: a child's Strengths and Difficulties Questionnaire score
 *
 * Its fields and rules are the table in ct-sdq-score.c (see ct-kind.h).
 * Scores only: the questionnaire's items never enter the program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

/* The bands of the total difficulties score, as the DfE reports them:
 * normal 0-13, borderline 14-16, concern 17-40. */
#define CT_SDQ_BORDERLINE_FROM 14
#define CT_SDQ_CONCERN_FROM    17

#define CT_TYPE_SDQ_SCORE (ct_sdq_score_get_type ())
G_DECLARE_FINAL_TYPE (CtSdqScore, ct_sdq_score, CT, SDQ_SCORE, CtRecord)

/* The band word of a total: "normal", "borderline" or "concern". */
const char *ct_sdq_band_for_total (int         total);

G_END_DECLS
