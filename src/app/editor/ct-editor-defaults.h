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
 * list and known to the store: ct_store_peek_own_staff()) as its clinician
 * or facilitator, one attendee and 60 minutes; then the fields that are set
 * in @prefill (may be NULL) written over them. */
CtRecord      *ct_editor_defaults_new_record       (CtDatabase   *database,
                                                    const CtKind *kind,
                                                    CtRecord     *prefill);
/* The field a new record of @kind takes the signed-in staff member in
 * (the clinician of a consultation, the facilitator of a session), or NULL. */
const CtField *ct_editor_defaults_find_staff_field (const CtKind *kind);

G_END_DECLS
