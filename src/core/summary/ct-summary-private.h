/* ct-summary-private.h: the definitions of the summary's figures, shared by
 * the files of the summary and by its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-summary.h"

G_BEGIN_DECLS

/* How a figure is computed. @sql follows "SELECT <figure's number>, " in
 * the summary's one statement (ct_summary_get_sql()), whose named
 * parameters are :from and :to (the period, `YYYY-MM-DD`).
 * It gives a word and three whole numbers:
 *   COUNT      one row: NULL, the count, 0, 0;
 *   HOURS      one row: NULL, the sum of the minutes, 0, 0;
 *   MEAN       one row: NULL, numerator, denominator, items (the value is
 *              numerator / denominator, none when the denominator is 0);
 *   BREAKDOWN  a row per word: word, count, 0, 0; @sql is the FROM clause
 *              of the rows and @value the expression whose word each
 *              counts (ct-summary-sql.c counts every word in one pass).
 * A breakdown's words are those of the record field @kind_name.@field, or
 * @words when the summary defines its own (age bands, yes / no, ...).
 * With @by_threshold the rows are groups of goals instead: NULL, the sum of
 * their changes in half points, goals, groups; each group is improved when
 * its mean change reaches the reliable-change threshold, deteriorated when
 * it falls by as much, and the figure counts groups (COUNT: improved ones),
 * goals by change (BREAKDOWN of improved, no_reliable_change, deteriorated)
 * or the percentage of goals improved (MEAN). */
typedef struct
{
  const char         *section;
  const char         *key;
  CtFigureKind        kind;
  const char         *sql;
  const char         *kind_name;
  const char         *field;
  const char * const *words;
  gboolean            by_threshold;
  const char         *value;
} CtFigureSpec;

/* Every figure of DOMAIN.md, in its order (ct-summary-sql.c). */
const CtFigureSpec *ct_summary_get_specs        (guint              *n_specs);
/* The summary's one statement: rows of (figure, word, three numbers), the
 * figure being the index of its spec, or one of the CT_SUMMARY_ROW_* below
 * with the preference's value as its word. */
const char         *ct_summary_get_sql          (void);
#define CT_SUMMARY_ROW_SERVICE -1
#define CT_SUMMARY_ROW_RULE    -2
#define CT_SUMMARY_ROW_THRESHOLD -3

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
