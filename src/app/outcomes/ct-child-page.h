/* ct-child-page.h: one child: details, referrals, goals and their ratings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_CHILD_PAGE (ct_child_page_get_type ())
G_DECLARE_FINAL_TYPE (CtChildPage, ct_child_page, CT, CHILD_PAGE, AdwBin)

/* The page of the child with id @child_id (properties "database" and
 * "child-id", construct-only). It reads the records when it is shown, so
 * it is current whenever it comes back into view; its "title" is the
 * child's name, for a header bar. Its actions (group "child"): edit-child,
 * add-referral, edit-referral(x), add-goal(x), add-rating(x) open the record
 * editor, pre-filled. */
GtkWidget  *ct_child_page_new          (CtDatabase  *database,
                                        gint64       child_id);
gint64      ct_child_page_get_child_id (CtChildPage *self);
const char *ct_child_page_get_title    (CtChildPage *self);
/* Reads the child, their referrals, goals and ratings again. */
void        ct_child_page_reload       (CtChildPage *self);

G_END_DECLS
