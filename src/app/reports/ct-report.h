/* ct-report.h: a committee summary as one audience sees it
 *
 * The figures of a CtSummary with the cells that disclosure control
 * withholds from the audience (ct_disclosure_withheld(), the same list the
 * JSON document is written with), as text for the Reports view and the
 * printed paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ct-disclosure.h"

G_BEGIN_DECLS

typedef enum
{
  CT_VALUE_SHOWN,
  CT_VALUE_WITHHELD,  /* withheld from a public audience */
  CT_VALUE_NO_DATA,   /* a mean or a percentage over nothing */
} CtValueState;

/* One bar of a chart. */
typedef struct
{
  char         *label;  /* "Social worker" */
  char         *text;   /* "12", or what the state says: "withheld", "no data" */
  double        value;  /* the bar's length; 0 unless shown */
  CtValueState  state;
} CtBar;

#define CT_TYPE_REPORT (ct_report_get_type ())
G_DECLARE_FINAL_TYPE (CtReport, ct_report, CT, REPORT, GObject)

/* Takes @summary. */
CtReport        *ct_report_new              (CtSummary       *summary,
                                             CtAudience       audience);
const CtSummary *ct_report_get_summary      (CtReport        *self);
CtAudience       ct_report_get_audience     (CtReport        *self);
/* "Public" / "Internal". */
const char      *ct_report_get_audience_label (CtReport      *self);
/* "1 Apr 2024 – 31 Mar 2025": the period's first and last day. */
char            *ct_report_dup_dates        (CtReport        *self);
/* The name suggested for a file of the report:
 * "committee-summary-2024-25-Q2-public.json" for @extension "json". */
char            *ct_report_dup_file_name    (CtReport        *self,
                                             const char      *extension);

/* The sections ("referrals", ...) in DOMAIN.md's order, as a
 * NULL-terminated array of static strings; free it with g_free(). */
const char     **ct_report_dup_sections     (CtReport        *self);

/* The figures of @section in DOMAIN.md's order (const CtFigure *): its
 * breakdowns, or (@breakdowns FALSE) the others. */
GPtrArray       *ct_report_dup_figures      (CtReport        *self,
                                             const char      *section,
                                             gboolean         breakdowns);

/* A figure's value (@word NULL) or a cell of a breakdown. */
CtValueState     ct_report_get_state        (CtReport        *self,
                                             const CtFigure  *figure,
                                             const char      *word);
/* A figure outside the breakdowns: "17", "85.5", "35.3%", or "—". */
char            *ct_report_dup_text         (CtReport        *self,
                                             const CtFigure  *figure);
/* The cells of a breakdown, in DOMAIN.md's order (CtBar, cleared with it). */
GArray          *ct_report_dup_bars         (CtReport        *self,
                                             const CtFigure  *figure);
/* The value a full bar stands for: @maximum, or when it is 0 the largest
 * value of @bars. */
double           ct_bars_get_scale          (GArray          *bars,
                                             double           maximum);

/* The scale of goal scores, and so of the GBO chart. */
#define CT_REPORT_GBO_MAX_SCORE 10.0

/* The mean baseline and the mean end score of the goals, and the title
 * of their chart. */
GArray          *ct_report_dup_gbo_bars     (CtReport        *self);
const char      *ct_report_get_gbo_title    (void);

/* Says why a value is missing: "Withheld for publication: fewer than 5",
 * "No data: nothing to take a mean of"; NULL for a value shown. */
const char      *ct_value_state_describe    (CtValueState     state);
/* Short, beside a bar or under a figure: "withheld", "no data". */
const char      *ct_value_state_mark        (CtValueState     state);

/* "52 figures withheld for publication" (public) or "Internal summary:
 * not for publication" (internal). */
char            *ct_report_dup_notice       (CtReport        *self);
/* The disclosure rule of the summary by name, and what it withholds, for
 * a footnote. */
char            *ct_report_dup_disclosure_note (CtReport     *self);

G_END_DECLS
