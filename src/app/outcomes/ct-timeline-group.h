/* ct-timeline-group.h: a child's timeline on their page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A group "Timeline" with a row per entry of @timeline (CtTimelineEntry,
 * from ct_timeline_list(), newest first): what happened, then the day and
 * who. Activating a row activates @action ("child.edit-record") with the
 * target (kind name, id) of the record the entry is about. */
GtkWidget *ct_timeline_group_new (GListModel *timeline,
                                  const char *action);

G_END_DECLS
