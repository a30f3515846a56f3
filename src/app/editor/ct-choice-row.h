/* ct-choice-row.h: one value from a list, chosen by its label (enumeration
 * words, other records)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"

G_BEGIN_DECLS

#define CT_TYPE_CHOICE_ROW (ct_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (CtChoiceRow, ct_choice_row, CT, CHOICE_ROW, AdwComboRow)

/* A list whose first entry stands for no value: @none_label for an
 * optional field, NULL for a required one ("Choose…"). */
CtChoiceRow *ct_choice_row_new    (const CtField *field,
                                   const char    *none_label);
/* Adds a choice; @value is the field's text for it. */
void         ct_choice_row_append (CtChoiceRow   *self,
                                   const char    *value,
                                   const char    *label);

G_END_DECLS
