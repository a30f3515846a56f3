/* ct-reference-row.h: another record (staff, child, referral, goal,
 * training event), chosen by a readable name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"

G_BEGIN_DECLS

/* A choice row over the records of the field's reference kind in
 * @database, named like "TEST-0001 — Robin T."; an optional field starts
 * with "None". The values are the records' ids. */
GtkWidget *ct_reference_row_new (const CtField *field,
                                 CtDatabase    *database);

G_END_DECLS
