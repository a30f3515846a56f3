/* ct-draft-keeper.h: nothing readable stays on screen when the app locks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-database.h"

G_BEGIN_DECLS

/* Called while @database is still open, just before it is locked: keeps
 * the draft of a record editor over @window that has unsaved changes in
 * @database (ct_draft_store()), then destroys every window over @window
 * (editors, their dialogs, preferences, the audit log). */
void     ct_draft_keeper_close_windows    (GtkWindow  *window,
                                           CtDatabase *database);
/* Whether an editor over @window (directly or through another window)
 * has changes not saved. */
gboolean ct_draft_keeper_has_unsaved_work (GtkWindow  *window);

G_END_DECLS
