/* ct-training-event-page.h: one training event and its attendance register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_TRAINING_EVENT_PAGE (ct_training_event_page_get_type ())
G_DECLARE_FINAL_TYPE (CtTrainingEventPage, ct_training_event_page, CT, TRAINING_EVENT_PAGE, AdwBin)

/* The page of the training event with id @event_id (properties "database"
 * and "event-id", construct-only): its details and its register, where one
 * click records a status and the confidence ratings are saved as they
 * change. It reads the records when it is shown; its "title" is the
 * event's title, for a header bar. Actions (group "event"): edit,
 * add-attendee. */
GtkWidget  *ct_training_event_page_new          (CtDatabase          *database,
                                                 gint64               event_id);
gint64      ct_training_event_page_get_event_id (CtTrainingEventPage *self);
const char *ct_training_event_page_get_title    (CtTrainingEventPage *self);
void        ct_training_event_page_reload       (CtTrainingEventPage *self);

G_END_DECLS
