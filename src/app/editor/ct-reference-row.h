/* ct-reference-row.h: another record (staff, child, referral, goal,
 * training event), chosen by searching for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"
#include "ct-record-picker.h"

G_BEGIN_DECLS

#define CT_TYPE_REFERENCE_ROW (ct_reference_row_get_type ())
G_DECLARE_FINAL_TYPE (CtReferenceRow, ct_reference_row, CT, REFERENCE_ROW, AdwActionRow)

/* A row that shows the record chosen ("TEST-0001 — Robin T. — 3 Mar
 * 2015") and opens a CtRecordPicker over the records of the field's
 * reference kind in @database, read on the store's reader (until they
 * arrive, a record chosen keeps its id and the row says it is reading).
 * The value is the record's id. When there is nothing to choose, the row
 * says so; for a staff member or a child it offers to add one in place (a
 * record editor over the editor), which is then chosen. */
GtkWidget      *ct_reference_row_new        (const CtField  *field,
                                             CtDatabase     *database);
/* TRUE until the records to choose from have arrived. */
gboolean        ct_reference_row_is_loading (CtReferenceRow *self);
CtRecordPicker *ct_reference_row_get_picker (CtReferenceRow *self);
/* Opens the picker when nothing is chosen yet and there is something to
 * choose; FALSE otherwise (while the records are read: once they arrive). */
gboolean        ct_reference_row_popup      (CtReferenceRow *self);
/* The button that adds a record in place, or NULL for a kind that is not
 * added from an editor. */
GtkWidget      *ct_reference_row_get_add_button (CtReferenceRow *self);

G_END_DECLS
