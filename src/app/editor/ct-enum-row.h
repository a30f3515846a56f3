/* ct-enum-row.h: one word of an enumeration, chosen by its label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"

G_BEGIN_DECLS

/* A choice row over the field's words in DOMAIN order, shown by their
 * translated labels; an optional field starts with "Not recorded". */
GtkWidget *ct_enum_row_new (const CtField *field);

G_END_DECLS
