/* ct-gbo-text.h: goal scores and their change as a person reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-outcomes.h"

G_BEGIN_DECLS

/* "6.5"; "—" when not rated (CT_RECORD_NO_NUMBER). */
char        *ct_gbo_text_score        (double              score);
/* "+4.0", "−2.5", "0.0". */
char        *ct_gbo_text_change       (double              change);
/* "Reliable improvement", "Reliable deterioration", "No reliable change". */
const char  *ct_gbo_text_change_label (CtGboChange         change);
/* "Reliable improvement +4.0"; NULL when the goal has no paired data. */
char        *ct_gbo_text_badge        (const CtGboScores  *scores);
/* The style class that goes with a change: "success", "error" or NULL. */
const char  *ct_gbo_text_style_class  (CtGboChange         change);

G_END_DECLS
