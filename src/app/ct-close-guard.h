/* ct-close-guard.h: closing the window while the team server is away, with
 * unsaved work in an editor, asks first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-database.h"

G_BEGIN_DECLS

/* For the window's close-request. Closing keeps an editor's unsaved work
 * as a draft in the records (ct-draft-keeper.h), which cannot be written
 * while the connection to @database is lost: then, when an editor over
 * @window has changes, asks whether to close all the same and returns TRUE
 * (the window stays; on Close it closes again, and this lets it). FALSE
 * when nothing needs asking. */
gboolean ct_close_guard_asks (GtkWindow  *window,
                              CtDatabase *database);

G_END_DECLS
