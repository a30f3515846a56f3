/* ct-date-row.h: a calendar date, typed or chosen from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"

G_BEGIN_DECLS

#define CT_TYPE_DATE_ROW (ct_date_row_get_type ())
G_DECLARE_FINAL_TYPE (CtDateRow, ct_date_row, CT, DATE_ROW, AdwEntryRow)

GtkWidget *ct_date_row_new    (const CtField *field);

/* Typed text as YYYY-MM-DD, or NULL when it is not a date. Takes
 * YYYY-MM-DD and the locale's numeric order (31/01/2025 in en_GB), with
 * any separators; a first number above 12 is a day; a two-digit year is in
 * this century unless that would be later than this year. */
char      *ct_date_row_parse  (const char    *text);
/* YYYY-MM-DD as the locale writes dates, with a four-digit year; NULL when
 * @date is not YYYY-MM-DD. */
char      *ct_date_row_format (const char    *date);

G_END_DECLS
