/* ct-editor-launcher.h: opening the record editor from a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

/* Opens the record editor over @widget's window: for @record when it is
 * saved (id != 0); else for a new record of its kind, with the fields that
 * are set in @record (the child of a new referral, say) filled in over the
 * editor's defaults. After a save, @on_saved is called with @widget (as a
 * GCallback of type void (*) (GtkWidget *)). */
void ct_editor_launcher_open (GtkWidget  *widget,
                              CtDatabase *database,
                              CtRecord   *record,
                              GCallback   on_saved);

G_END_DECLS
