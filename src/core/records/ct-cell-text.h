/* ct-cell-text.h: a record's field as a person reads it in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

/* "2025-03-03" → "3 Mar 2025" (day, abbreviated month, year, as in en_GB);
 * NULL or text that is not a date → a copy of @iso_date ("" for NULL). */
char *ct_cell_text_format_date (const char     *iso_date);

/* Dates as above, enumeration words as their labels (a list joined with
 * ", "), booleans as Yes / No, decimals to their step (a rating: "4.0"),
 * whole numbers and text as they are; "" when empty. */
char *ct_cell_text_dup         (CtRecord       *record,
                                const CtField  *field);

/* @text in the form a search compares: normalised and case-folded. */
char *ct_cell_text_fold        (const char     *text);

G_END_DECLS
