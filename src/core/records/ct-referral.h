/* ct-referral.h: a referral (an episode of involvement with one child)
 *
 * Its fields and rules are the table in ct-referral.c (see ct-kind.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_REFERRAL (ct_referral_get_type ())
G_DECLARE_FINAL_TYPE (CtReferral, ct_referral, CT, REFERRAL, CtRecord)

G_END_DECLS
