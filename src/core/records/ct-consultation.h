/* ct-consultation.h: a consultation with a social worker or network
 *
 * Its fields and rules are the table in ct-consultation.c (see ct-kind.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_CONSULTATION (ct_consultation_get_type ())
G_DECLARE_FINAL_TYPE (CtConsultation, ct_consultation, CT, CONSULTATION, CtRecord)

G_END_DECLS
