/* ct-sdq-group.h: a child's SDQ scores on their page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

/* A box of groups: "Strengths and Difficulties Questionnaire" with the chart of
 * the totals, then a row per score (newest first) with its Edit and Delete
 * buttons (child.edit-record, child.delete-record), and an Add SDQ Score
 * button (child.add-sdq); the buttons that the person signed in to
 * @database may not use are insensitive and say why. @scores: CtSdqScore
 * records, newest first. */
GtkWidget *ct_sdq_group_new (CtDatabase *database,
                             GListModel *scores);

G_END_DECLS
