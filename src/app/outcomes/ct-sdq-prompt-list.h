/* ct-sdq-prompt-list.h: the SDQ prompts of the Outcomes view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_SDQ_PROMPT_LIST (ct_sdq_prompt_list_get_type ())
G_DECLARE_FINAL_TYPE (CtSdqPromptList, ct_sdq_prompt_list, CT, SDQ_PROMPT_LIST, AdwBin)

/* A collapsible list of the children DOMAIN.md's SDQ prompt selects, each
 * with its reason in words, and the number of days (a preference) in its
 * subtitle. Activating one asks whether to log a consultation or a
 * referral for the child (the record editor, with the child filled in), or
 * to open the child's page (CtSdqPromptList::child-activated). */
GtkWidget  *ct_sdq_prompt_list_new        (void);
void        ct_sdq_prompt_list_set_database (CtSdqPromptList *self,
                                             CtDatabase      *database);
/* Reads the prompts again (on the store's reader: they change when the
 * read arrives). */
void        ct_sdq_prompt_list_reload     (CtSdqPromptList *self);
gboolean    ct_sdq_prompt_list_is_loading (CtSdqPromptList *self);
/* The CtSdqPrompt items shown. */
GListModel *ct_sdq_prompt_list_get_model  (CtSdqPromptList *self);
/* What activating item @position does: "consultation", "referral" or
 * "page", as the dialog's responses would. */
void        ct_sdq_prompt_list_respond    (CtSdqPromptList *self,
                                           guint            position,
                                           const char      *response);

G_END_DECLS
