/* ct-number-row.h: a whole number or a number in whole or half points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"

G_BEGIN_DECLS

#define CT_TYPE_NUMBER_ROW (ct_number_row_get_type ())
G_DECLARE_FINAL_TYPE (CtNumberRow, ct_number_row, CT, NUMBER_ROW, AdwActionRow)

GtkWidget *ct_number_row_new (const CtField *field);

G_END_DECLS
