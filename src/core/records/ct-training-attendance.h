/* ct-training-attendance.h: one person's booking for a training event
 *
 * Its fields and rules are the table in ct-training-attendance.c (see ct-kind.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_TRAINING_ATTENDANCE (ct_training_attendance_get_type ())
G_DECLARE_FINAL_TYPE (CtTrainingAttendance, ct_training_attendance, CT, TRAINING_ATTENDANCE, CtRecord)

G_END_DECLS
