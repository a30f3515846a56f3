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
 * items a public mean or percentage may be over. */
#define CT_DISCLOSURE_MIN_CELL 5

typedef enum
{
  CT_AUDIENCE_PUBLIC,    /* the committee's published papers: disclosure-controlled */
  CT_AUDIENCE_INTERNAL,  /* the team and its managers: nothing withheld */
} CtAudience;

/* "public" / "internal", the words of the document and of the CLI. */
const char *ct_audience_to_string (CtAudience        audience);
gboolean    ct_audience_parse     (const char       *word,
                                   CtAudience       *audience);

/* The dotted paths ("referrals.by_source.iro", "outcomes.mean_change") of
 * every value withheld from @audience, sorted by byte order; empty for the
 * internal audience. For the public audience:
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
