/* ct-staff.h: a member of the team
 *
 * Its fields and rules are the table in ct-staff.c (see ct-kind.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_STAFF (ct_staff_get_type ())
G_DECLARE_FINAL_TYPE (CtStaff, ct_staff, CT, STAFF, CtRecord)

G_END_DECLS
