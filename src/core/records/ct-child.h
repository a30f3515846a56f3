/* ct-child.h: a child the team works for
 *
 * Its fields and rules are the table in ct-child.c (see ct-kind.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_CHILD (ct_child_get_type ())
G_DECLARE_FINAL_TYPE (CtChild, ct_child, CT, CHILD, CtRecord)

G_END_DECLS
