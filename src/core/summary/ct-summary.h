/* ct-summary.h: the committee summary's figures for a reporting period
 *
 * The figures of DOMAIN.md ("The committee summary"), computed with SQL
 * aggregates, in DOMAIN.md's order: the sections referrals, caseload,
 * consultations, reflective_practice, outcomes and training. Every figure is
 * computed in full; disclosure control (ct-disclosure.h) decides later what
 * a public audience may see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-database.h"
#include "ct-period.h"

G_BEGIN_DECLS

/* The published reliable-change threshold of goal-based outcomes (CORC's
 * figure), the default of the team's preference (ct-preferences.h): a
 * change of at least T is a reliable improvement, of at most −T a reliable
 * deterioration. */
#define CT_GBO_RELIABLE_CHANGE 2.45

/**
 * CtFigureKind:
 * @CT_FIGURE_COUNT: a whole number (`received`, `total`)
 * @CT_FIGURE_HOURS: minutes summed, in hours to one decimal
 * @CT_FIGURE_MEAN: a mean or a percentage to one decimal; no value when it
 *   is over nothing
 * @CT_FIGURE_CONSTANT: a number of the preferences (`reliable_change_threshold`)
 * @CT_FIGURE_BREAKDOWN: a count for every enumeration word of a field
 *
 * Hours, means and percentages are rounded half away from zero.
 */
typedef enum
{
  CT_FIGURE_COUNT,
  CT_FIGURE_HOURS,
  CT_FIGURE_MEAN,
  CT_FIGURE_CONSTANT,
  CT_FIGURE_BREAKDOWN,
} CtFigureKind;

/* One cell of a breakdown: an enumeration word and its count. */
typedef struct
{
  const char *word;
  gint64      count;
} CtCell;

/* One figure. Read only; the strings are static. */
typedef struct
{
  const char   *section;    /* "referrals" */
  const char   *key;        /* "by_source" */
  CtFigureKind  kind;
  gint64        count;      /* COUNT */
  gboolean      has_value;  /* HOURS, MEAN, CONSTANT: FALSE for a mean over nothing */
  double        value;      /* HOURS, MEAN: rounded to one decimal; CONSTANT: as is */
  gint64        items;      /* MEAN: the number of items it is over */
  const CtCell *cells;      /* BREAKDOWN: every word, in DOMAIN.md order */
  guint         n_cells;
} CtFigure;

typedef struct _CtSummary CtSummary;

/* Computes every figure for @period in one read of the records file, with
 * the reliable-change threshold and the disclosure rule of the preferences
 * (ct-preferences.h). `service` is the team's name (ct-setting.h), "" when
 * it was never set. */
CtSummary      *ct_summary_compute      (CtDatabase       *db,
                                         const CtPeriod   *period,
                                         GError          **error);
void            ct_summary_free         (CtSummary        *summary);

const CtPeriod *ct_summary_get_period   (const CtSummary  *summary);
const char     *ct_summary_get_service  (const CtSummary  *summary);
/* The reliable-change threshold T used, in hundredths (245). */
gint64          ct_summary_get_threshold (const CtSummary *summary);

/* All figures, section by section, in DOMAIN.md's order. */
const CtFigure *ct_summary_get_figures  (const CtSummary  *summary,
                                         guint            *n_figures);
/* The figure at "section.key" ("outcomes.mean_change"), or NULL. */
const CtFigure *ct_summary_lookup       (const CtSummary  *summary,
                                         const char       *path);
/* The count at "section.key" (a COUNT) or "section.key.word" (a cell of a
 * breakdown). FALSE when there is no such count. */
gboolean        ct_summary_get_count    (const CtSummary  *summary,
                                         const char       *path,
                                         gint64           *count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtSummary, ct_summary_free)

G_END_DECLS
