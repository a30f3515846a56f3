/* ct-child-page.h: one child: details, referrals, goals and their ratings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record-page.h"

G_BEGIN_DECLS

#define CT_TYPE_CHILD_PAGE (ct_child_page_get_type ())
G_DECLARE_FINAL_TYPE (CtChildPage, ct_child_page, CT, CHILD_PAGE, CtRecordPage)

/* The page of the child with id @child_id (a CtRecordPage: its "title" is
 * the child's name; reloading reads the child, their referrals, goals and
 * ratings again). Its actions (group "child"): edit-child, add-referral,
 * add-goal(x), add-rating(x) open the record editor, pre-filled;
 * edit-record((sx)) opens it for the referral, goal or rating of the
 * target (kind name, id), and delete-record((sx)) deletes it, with Undo in
 * a toast (a refusal, for a referral with goals say, shows the reason). */
GtkWidget  *ct_child_page_new          (CtDatabase  *database,
                                        gint64       child_id);

/* Brings the card of goal @goal_id into view, with the keyboard focus in
 * it (on Add Rating), now or once the page has been read. */
void        ct_child_page_show_goal    (CtChildPage *self,
                                        gint64       goal_id);

G_END_DECLS
