/* ct-training-event.h: a training event
 *
 * Its fields and rules are the table in ct-training-event.c (see ct-kind.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_TRAINING_EVENT (ct_training_event_get_type ())
G_DECLARE_FINAL_TYPE (CtTrainingEvent, ct_training_event, CT, TRAINING_EVENT, CtRecord)

G_END_DECLS
