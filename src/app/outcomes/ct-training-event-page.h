/* ct-training-event-page.h: one training event and its attendance register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record-page.h"

G_BEGIN_DECLS

#define CT_TYPE_TRAINING_EVENT_PAGE (ct_training_event_page_get_type ())
G_DECLARE_FINAL_TYPE (CtTrainingEventPage, ct_training_event_page, CT, TRAINING_EVENT_PAGE,
                      CtRecordPage)

/* The page of the training event with id @event_id (a CtRecordPage: its
 * "title" is the event's title): its details and its register, where one
 * click records a status and the confidence ratings are saved as they
 * change. Actions (group "event"): edit, add-attendee; edit-record((sx))
 * and delete-record((sx)), a row's Edit and Delete buttons: the editor for
 * the attendance record of the target (kind name, id), and deleting it with
 * Undo in a toast. */
GtkWidget  *ct_training_event_page_new          (CtDatabase          *database,
                                                 gint64               event_id);

G_END_DECLS
