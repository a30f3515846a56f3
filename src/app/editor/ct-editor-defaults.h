/* ct-editor-defaults.h: the values a new record starts with in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

/* A new record of @kind with the descriptors' defaults, today as its date,
 * the signed-in staff member (the database's actor, when on the staff
 * list) as its clinician or facilitator, one attendee and 60 minutes; then
 * the fields that are set in @prefill (may be NULL) written over them. */
CtRecord *ct_editor_defaults_new_record (CtDatabase   *database,
                                         const CtKind *kind,
                                         CtRecord     *prefill);

G_END_DECLS
