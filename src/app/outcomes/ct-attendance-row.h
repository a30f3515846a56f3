/* ct-attendance-row.h: one row of a training event's attendance register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_ATTENDANCE_ROW (ct_attendance_row_get_type ())
G_DECLARE_FINAL_TYPE (CtAttendanceRow, ct_attendance_row, CT, ATTENDANCE_ROW, GtkListBoxRow)

/* The attendee, a button per status (booked, attended, did not attend,
 * cancelled) and the confidence before and after (1–10, or not rated).
 * Each click or change is saved at once with ct_store_update() (and so
 * audited); then CtAttendanceRow::saved is emitted, or, when the save
 * fails, the row shows the saved values again and emits
 * CtAttendanceRow::save-failed with a message a person can act on. Its
 * Edit and Delete buttons activate `event.edit-record` and
 * `event.delete-record` with the target ("training_attendance", id). */
GtkWidget *ct_attendance_row_new               (CtDatabase      *database,
                                                CtRecord        *attendance);
/* The record as last saved. */
CtRecord  *ct_attendance_row_get_attendance    (CtAttendanceRow *self);
/* The toggle button of a status word ("attended"). */
GtkWidget *ct_attendance_row_get_status_button (CtAttendanceRow *self,
                                                const char      *status);

G_END_DECLS
