/* ct-period.h: a reporting period of the committee summary
 *
 * A period is two calendar dates, both inclusive, kept as ISO 8601 strings
 * (`YYYY-MM-DD`, as the records file stores them), and a label. Financial
 * years run from April to March: Q1 is April–June, Q4 January–March.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CT_PERIOD_ERROR (ct_period_error_quark ())

typedef enum
{
  CT_PERIOD_ERROR_INVALID,   /* a bad date or label, or an end before the start */
} CtPeriodError;

typedef enum
{
  CT_PERIOD_FINANCIAL_YEAR,  /* "2024/25": 2024-04-01 to 2025-03-31 */
  CT_PERIOD_QUARTER,         /* "2024/25 Q2": 2024-07-01 to 2024-09-30 */
  CT_PERIOD_MONTH,           /* "March 2025" */
  CT_PERIOD_CUSTOM,          /* "2024-04-01 – 2024-06-15" */
} CtPeriodKind;

typedef struct _CtPeriod CtPeriod;

#define CT_TYPE_PERIOD (ct_period_get_type ())

GType         ct_period_get_type            (void) G_GNUC_CONST;
GQuark        ct_period_error_quark         (void);

/* @start_year is the year in which the financial year starts (2024 for
 * 2024/25); @quarter is 1 to 4. */
CtPeriod     *ct_period_new_financial_year  (int              start_year);
CtPeriod     *ct_period_new_quarter         (int              start_year,
                                             int              quarter);
CtPeriod     *ct_period_new_month           (int              year,
                                             int              month);
/* @from and @to are `YYYY-MM-DD`; @to may equal @from but not precede it. */
CtPeriod     *ct_period_new_custom          (const char      *from,
                                             const char      *to,
                                             GError         **error);
/* "2024/25", "2024/25 Q2" or "2025-03" (a calendar month). */
CtPeriod     *ct_period_parse               (const char      *text,
                                             GError         **error);

/* @period cut short at @today (`YYYY-MM-DD`) when it is under way on that
 * day (it has started and ends after it): the same kind, the last day
 * @today and the label followed by " to date" ("2025/26 Q3 to date").
 * Otherwise a copy of @period. */
CtPeriod     *ct_period_new_to_date         (const CtPeriod  *period,
                                             const char      *today);
/* TRUE for a period cut short by ct_period_new_to_date(). */
gboolean      ct_period_is_to_date          (const CtPeriod  *period);

CtPeriod     *ct_period_copy                (const CtPeriod  *period);
void          ct_period_free                (CtPeriod        *period);

CtPeriodKind  ct_period_get_kind            (const CtPeriod  *period);
/* The first and the last day, `YYYY-MM-DD`. */
const char   *ct_period_get_from            (const CtPeriod  *period);
const char   *ct_period_get_to              (const CtPeriod  *period);
/* "2024/25 Q2", "2024/25", "March 2025" or "2024-04-01 – 2024-06-15". The
 * label is part of the committee document, so it is not translated. */
const char   *ct_period_get_label           (const CtPeriod  *period);

/* Parses a calendar date `YYYY-MM-DD` strictly (a real day, four-digit
 * year). The error names @text and shows the expected form. */
gboolean      ct_period_parse_date          (const char      *text,
                                             GDate           *date,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtPeriod, ct_period_free)

G_END_DECLS
