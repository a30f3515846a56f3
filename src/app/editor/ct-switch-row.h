/* ct-switch-row.h: a yes / no field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"

G_BEGIN_DECLS

#define CT_TYPE_SWITCH_ROW (ct_switch_row_get_type ())
G_DECLARE_FINAL_TYPE (CtSwitchRow, ct_switch_row, CT, SWITCH_ROW, AdwActionRow)

GtkWidget *ct_switch_row_new (const CtField *field);

G_END_DECLS
