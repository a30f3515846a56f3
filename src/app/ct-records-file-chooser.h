/* ct-records-file-chooser.h: choosing a records file (or where a new one or
 * a backup goes) through the file portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the chosen file's path; not called when the person cancels. */
typedef void (*CtRecordsFileChosen) (const char *path,
                                     gpointer    user_data);

/* Shows a native file chooser over @parent: GTK_FILE_CHOOSER_ACTION_OPEN
 * for an existing records file, GTK_FILE_CHOOSER_ACTION_SAVE for a new
 * one, starting in @suggested_path's folder (when it exists; else the
 * Documents folder) with its name. @callback gets the chosen path, then
 * @user_data is freed with @destroy. */
void ct_records_file_chooser_run (GtkWindow            *parent,
                                  GtkFileChooserAction  action,
                                  const char           *title,
                                  const char           *accept_label,
                                  const char           *suggested_path,
                                  CtRecordsFileChosen   callback,
                                  gpointer              user_data,
                                  GDestroyNotify        destroy);

/* The folder a chooser starts in for @path: its own when it exists, else
 * the Documents folder, else the home folder. */
char *ct_records_file_chooser_dup_folder (const char *path);

G_END_DECLS
