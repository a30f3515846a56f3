/* ct-text-row.h: a line of free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"

G_BEGIN_DECLS

#define CT_TYPE_TEXT_ROW (ct_text_row_get_type ())
G_DECLARE_FINAL_TYPE (CtTextRow, ct_text_row, CT, TEXT_ROW, AdwEntryRow)

GtkWidget *ct_text_row_new (const CtField *field);

G_END_DECLS
