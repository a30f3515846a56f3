/* ct-editor-launcher.c: opening the record editor from a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-editor-launcher"

#include "config.h"

#include "ct-editor-launcher.h"
#include "ct-record-editor.h"

void
ct_editor_launcher_open (GtkWidget  *widget,
                         CtDatabase *database,
                         CtRecord   *record,
                         GCallback   on_saved)
{
  GtkRoot *root;
  CtRecordEditor *editor;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (CT_IS_DATABASE (database));
  g_return_if_fail (CT_IS_RECORD (record));

  /* An unsaved record (id 0) opens a new record with its set fields (the
   * child of a new referral, say) over the editor's defaults. */
  root = gtk_widget_get_root (widget);
  editor = ct_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, database,
                                 ct_record_get_kind (record), record);
  if (on_saved != NULL)
    g_signal_connect_object (editor, "saved", on_saved, widget, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}
