/* ct-outcomes-view.h: every episode with its goals and scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"
#include "ct-sdq-prompt-list.h"

G_BEGIN_DECLS

#define CT_TYPE_OUTCOMES_VIEW (ct_outcomes_view_get_type ())
G_DECLARE_FINAL_TYPE (CtOutcomesView, ct_outcomes_view, CT, OUTCOMES_VIEW, AdwBin)

/* One row per goal of every episode (accepted referral), with its baseline,
 * latest and end scores and the change, filtered by clinician and to the
 * ended episodes that lack end ratings. It reads the records whenever it
 * comes into view. Activating a row emits CtOutcomesView::child-activated
 * with the child's id. @database (property "database") may be NULL. */
GtkWidget  *ct_outcomes_view_new          (CtDatabase     *database);
CtDatabase *ct_outcomes_view_get_database (CtOutcomesView *self);
/* NULL (the file was locked) drops every row read from it. */
void        ct_outcomes_view_set_database (CtOutcomesView *self,
                                           CtDatabase     *database);
/* The rows shown (CtOutcomeRow), sorted as the columns say. */
GListModel *ct_outcomes_view_get_model    (CtOutcomesView *self);
/* Reads the rows again; while the view is hidden it reads nothing (it
 * reads when shown). */
void        ct_outcomes_view_reload       (CtOutcomesView *self);
/* A read is under way (on the store's reader), of the rows or of the SDQ
 * prompts: they change when it arrives. */
gboolean    ct_outcomes_view_is_loading   (CtOutcomesView *self);
/* The SDQ prompts above the goals. */
CtSdqPromptList *ct_outcomes_view_get_prompt_list (CtOutcomesView *self);

G_END_DECLS
