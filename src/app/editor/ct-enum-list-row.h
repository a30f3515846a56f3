/* ct-enum-list-row.h: one or more words of an enumeration (topics,
 * audience), as check buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"

G_BEGIN_DECLS

#define CT_TYPE_ENUM_LIST_ROW (ct_enum_list_row_get_type ())
G_DECLARE_FINAL_TYPE (CtEnumListRow, ct_enum_list_row, CT, ENUM_LIST_ROW, AdwPreferencesRow)

GtkWidget *ct_enum_list_row_new (const CtField *field);

G_END_DECLS
