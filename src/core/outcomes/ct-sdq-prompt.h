/* ct-sdq-prompt.h: children whose SDQ asks for a clinical look
 *
 * DOMAIN.md's SDQ prompt: a child whose latest SDQ total is in `concern`,
 * or in a higher band than their previous total, and who has no open
 * episode and no consultation in the last N days (a preference,
 * ct-preferences.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_SDQ_PROMPT (ct_sdq_prompt_get_type ())
G_DECLARE_FINAL_TYPE (CtSdqPrompt, ct_sdq_prompt, CT, SDQ_PROMPT, GObject)

/* The children the prompt selects on @today (YYYY-MM-DD; NULL: today) with
 * no consultation since @days before it, highest total first. One query. */
GListModel  *ct_sdq_prompt_list               (CtDatabase   *db,
                                               const char   *today,
                                               guint         days,
                                               GError      **error);

gint64       ct_sdq_prompt_get_child_id        (CtSdqPrompt  *self);
const char  *ct_sdq_prompt_get_child_reference (CtSdqPrompt  *self);
const char  *ct_sdq_prompt_get_child_name      (CtSdqPrompt  *self);
/* The latest total, its date and band word; the previous total or -1. */
int          ct_sdq_prompt_get_total           (CtSdqPrompt  *self);
const char  *ct_sdq_prompt_get_date            (CtSdqPrompt  *self);
const char  *ct_sdq_prompt_get_band            (CtSdqPrompt  *self);
int          ct_sdq_prompt_get_previous_total  (CtSdqPrompt  *self);
/* Days from the last contact (a consultation, or the end of an episode) to
 * today, or -1 when there was none. */
int          ct_sdq_prompt_get_days_since_contact (CtSdqPrompt *self);
/* The reason in words: "Latest SDQ 19, concern; no contact for 140 days." */
char        *ct_sdq_prompt_dup_reason          (CtSdqPrompt  *self);

G_END_DECLS
