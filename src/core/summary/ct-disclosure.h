/* ct-disclosure.h: what a published committee summary may show
 *
 * Committee papers are published, and a count of 1 to 4 can identify a
 * child. Disclosure control (DOMAIN.md) decides which values of a summary
 * are withheld from its audience.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-summary.h"

G_BEGIN_DECLS

/* The smallest count a public summary shows in a breakdown, and the fewest
 * items a public mean or percentage may be over, under suppress-1-4. */
#define CT_DISCLOSURE_MIN_CELL 5

/**
 * CtDisclosureRule:
 * @CT_DISCLOSURE_SUPPRESS_1_4: `suppress-1-4`: counts of 1 to 4 in a
 *   breakdown withheld, and one more cell where a single one would be;
 *   means and percentages over fewer than 5 items withheld
 * @CT_DISCLOSURE_NHS_DIGITAL: `nhs-digital` (NHS Digital's rule since
 *   2018): counts of 1 to 7 in a breakdown withheld, every other count in a
 *   breakdown rounded to the nearest 5, no secondary suppression; means and
 *   percentages over fewer than 8 items withheld
 *
 * The disclosure rule, a preference of the team (ct-preferences.h).
 */
typedef enum
{
  CT_DISCLOSURE_SUPPRESS_1_4,
  CT_DISCLOSURE_NHS_DIGITAL,
} CtDisclosureRule;

typedef enum
{
  CT_AUDIENCE_PUBLIC,    /* the committee's published papers: disclosure-controlled */
  CT_AUDIENCE_INTERNAL,  /* the team and its managers: nothing withheld */
} CtAudience;

/* "public" / "internal", the words of the document and of the CLI. */
const char *ct_audience_to_string (CtAudience        audience);
gboolean    ct_audience_parse     (const char       *word,
                                   CtAudience       *audience);

/* The rule in force when @summary was computed. */
CtDisclosureRule ct_summary_get_rule     (const CtSummary  *summary);

/* "suppress-1-4" / "nhs-digital", the words of the document. */
const char *ct_disclosure_rule_to_string (CtDisclosureRule  rule);
gboolean    ct_disclosure_rule_parse     (const char       *word,
                                          CtDisclosureRule *rule);
/* 5 / 8: the smallest count shown in a public breakdown. */
int         ct_disclosure_rule_min_cell  (CtDisclosureRule  rule);
/* 1 / 5: public breakdown counts are shown as multiples of this. */
int         ct_disclosure_rule_rounding  (CtDisclosureRule  rule);

/* The count that a cell of a breakdown shows to @audience under @rule when
 * it is not withheld: @count itself, or (nhs-digital, public) rounded to the
 * nearest multiple of 5, halves up (8 → 10, 12 → 10, 13 → 15). */
gint64      ct_disclosure_shown_count    (CtDisclosureRule  rule,
                                          CtAudience        audience,
                                          gint64            count);

/* The dotted paths ("referrals.by_source.iro", "outcomes.mean_change") of
 * every value withheld from @audience under the summary's disclosure rule
 * (ct_summary_get_rule()), sorted by byte order; empty for the internal
 * audience. For the public audience under suppress-1-4 (nhs-digital: 1 to 7,
 * no step 2, fewer than 8 items):
 *   1. a count of 1 to 4 in a breakdown is withheld;
 *   2. when that leaves exactly one withheld cell in a breakdown, the
 *      smallest other cell (zeros included; ties to the word listed first)
 *      is withheld too, so that subtraction cannot recover it;
 *   3. a mean or percentage over 1 to 4 items is withheld (one over nothing
 *      has no value, so nothing is withheld);
 *   4. counts outside breakdowns are shown. */
GStrv       ct_disclosure_withheld (const CtSummary *summary,
                                    CtAudience       audience);

G_END_DECLS
