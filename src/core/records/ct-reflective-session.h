/* ct-reflective-session.h: a reflective practice group session
 *
 * Its fields and rules are the table in ct-reflective-session.c (see ct-kind.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_REFLECTIVE_SESSION (ct_reflective_session_get_type ())
G_DECLARE_FINAL_TYPE (CtReflectiveSession, ct_reflective_session, CT, REFLECTIVE_SESSION, CtRecord)

G_END_DECLS
