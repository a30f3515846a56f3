/* ct-summary-text.h: the committee summary's figures as a person reads them
 *
 * Translated names for the sections, the figures and the words of the
 * breakdowns, and numbers written for the reader's locale. The JSON
 * document keeps DOMAIN.md's keys and words; these are for the screen and
 * the printed paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-summary.h"

G_BEGIN_DECLS

/* Shown for a value that is not there: withheld, or a mean over nothing. */
#define CT_SUMMARY_TEXT_NONE "—"

/* "Referrals", "Reflective practice"; @section itself when unknown. */
const char *ct_summary_text_section     (const char      *section);
/* "Referrals received", "Referred by"; the key when unknown. */
const char *ct_summary_text_figure      (const CtFigure  *figure);
/* A word of a breakdown: "Independent reviewing officer" (the records'
 * own label), "5–10", "Reliable improvement"; @word when unknown. */
const char *ct_summary_text_word        (const CtFigure  *figure,
                                         const char      *word);

/* TRUE for a percentage (`completeness_pct`, `pct_goals_reliably_improved`). */
gboolean    ct_summary_text_is_percent  (const CtFigure  *figure);
/* "1,234" in the reader's locale. */
char       *ct_summary_text_count       (gint64           count);
/* A count, hours, a mean or a percentage ("85.5", "35.3%"), or NULL when
 * the figure has no value (a mean over nothing). Not for a breakdown. */
char       *ct_summary_text_value       (const CtFigure  *figure);

G_END_DECLS
