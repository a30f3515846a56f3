/* ct-records.h: every record kind, its store and its rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-kind.h"
#include "ct-record.h"
#include "ct-store.h"
#include "ct-store-reader.h"
#include "ct-validate.h"

#include "ct-staff.h"
#include "ct-child.h"
#include "ct-referral.h"
#include "ct-consultation.h"
#include "ct-reflective-session.h"
#include "ct-goal.h"
#include "ct-goal-rating.h"
#include "ct-training-event.h"
#include "ct-training-attendance.h"
#include "ct-sdq-score.h"
