/* ct-summary-private.h: the definitions of the summary's figures, shared by
 * the files of the summary and by its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-summary.h"

G_BEGIN_DECLS

/* How a figure is computed. @sql is one statement with the named
 * parameters :from, :to (the period, `YYYY-MM-DD`) and :threshold
 * (the reliable-change threshold in hundredths, a whole number) and returns:
 *   COUNT      one row: the count;
 *   HOURS      one row: the sum of the minutes;
 *   MEAN       one row: numerator, denominator, items (all whole numbers;
 *              the value is numerator / denominator, none when the
 *              denominator is 0);
 *   BREAKDOWN  a row per word present: word, count.
 * A breakdown's words are those of the record field @kind_name.@field, or
 * @words when the summary defines its own (age bands, yes / no, ...). */
typedef struct
{
  const char         *section;
  const char         *key;
  CtFigureKind        kind;
  const char         *sql;
  const char         *kind_name;
  const char         *field;
  const char * const *words;
} CtFigureSpec;

/* Every figure of DOMAIN.md, in its order (ct-summary-sql.c). */
const CtFigureSpec *ct_summary_get_specs        (guint              *n_specs);
/* The enumeration words of a breakdown, in DOMAIN.md's order. */
const char * const *ct_summary_spec_get_words   (const CtFigureSpec *spec);

/* A summary of @figures, which it takes with the cells they point to
 * (allocated with g_new()). ct_summary_compute() makes its summaries with
 * this; tests make summaries of chosen figures. */
CtSummary          *ct_summary_new              (const CtPeriod     *period,
                                                 const char         *service,
                                                 CtFigure           *figures,
                                                 guint               n_figures);

/* The threshold (hundredths) and the disclosure rule (a CtDisclosureRule)
 * of a summary: ct_summary_new() gives 245 and suppress-1-4. */
void                ct_summary_set_choices      (CtSummary          *summary,
                                                 gint64              threshold,
                                                 int                 rule);

/* numerator / denominator in tenths, rounded half away from zero, exactly
 * (whole numbers only: no floating point error at the halves). The
 * denominator must be positive. */
gint64              ct_summary_round_tenths     (gint64              numerator,
                                                 gint64              denominator);

G_END_DECLS
