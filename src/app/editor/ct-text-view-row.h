/* ct-text-view-row.h: a paragraph of free text (notes, themes, a goal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"

G_BEGIN_DECLS

#define CT_TYPE_TEXT_VIEW_ROW (ct_text_view_row_get_type ())
G_DECLARE_FINAL_TYPE (CtTextViewRow, ct_text_view_row, CT, TEXT_VIEW_ROW, AdwPreferencesRow)

GtkWidget *ct_text_view_row_new (const CtField *field);

G_END_DECLS
