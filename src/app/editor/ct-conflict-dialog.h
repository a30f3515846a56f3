/* ct-conflict-dialog.h: asking what to do when someone else saved the
 * record first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The responses of the dialog. */
#define CT_CONFLICT_RESPONSE_KEEP   "keep"
#define CT_CONFLICT_RESPONSE_RELOAD "reload"

/* A modal dialog over @parent: @message (the core's, naming who changed
 * the record and when), what the person typed (@typed, read-only and
 * selectable, to copy from), and two responses: Keep Editing (the
 * default; closing the dialog means it too) and Reload. Present it with
 * gtk_window_present(). */
GtkWidget *ct_conflict_dialog_new      (GtkWindow  *parent,
                                        const char *message,
                                        const char *typed);

/* @typed in a read-only, selectable text view that scrolls: for the
 * dialog, and for the editor after a reload. */
GtkWidget *ct_conflict_typed_view_new  (const char *typed);

G_END_DECLS
