/* ct-record-deleter.h: deleting a record from a page, with Undo in a toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

/* The same values in a new, unsaved record, for Undo to insert (the core
 * has no undelete: Undo inserts the copy under a new id). */
CtRecord *ct_record_copy_for_undo  (CtRecord        *record);

/* Deletes @record. When the core refuses (others depend on it, say), shows
 * its message in a toast on @overlay and returns FALSE. Else shows
 * @deleted_message in a toast with an Undo button that inserts a copy,
 * calls @on_changed with @widget (a GCallback of type
 * void (*) (GtkWidget *)) and returns TRUE; @on_changed is called again
 * after an Undo. */
gboolean  ct_record_deleter_delete (GtkWidget       *widget,
                                    AdwToastOverlay *overlay,
                                    CtDatabase      *database,
                                    CtRecord        *record,
                                    const char      *deleted_message,
                                    GCallback        on_changed);

G_END_DECLS
