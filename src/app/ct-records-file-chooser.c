/* ct-records-file-chooser.c: choosing a records file (or where a new one or
 * a backup goes) through the file portal
 *
 * GtkFileChooserNative uses the desktop's file portal when there is one
 * (always inside Flatpak) and GTK's own dialog otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-records-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-records-file-chooser.h"

typedef struct
{
  CtRecordsFileChosen  callback;
  gpointer             user_data;
  GDestroyNotify       destroy;
} Chooser;

static void
on_response (GtkNativeDialog *native,
             int              response,
             gpointer         data)
{
  Chooser *chooser = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        chooser->callback (path, chooser->user_data);
    }
  if (chooser->destroy != NULL)
    chooser->destroy (chooser->user_data);
  g_free (chooser);
  g_object_unref (native);
}

char *
ct_records_file_chooser_dup_folder (const char *path)
{
  g_autofree char *folder = path != NULL ? g_path_get_dirname (path) : NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&folder);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_strdup (documents);
  return g_strdup (g_get_home_dir ());
}

void
ct_records_file_chooser_run (GtkWindow            *parent,
                             GtkFileChooserAction  action,
                             const char           *title,
                             const char           *accept_label,
                             const char           *suggested_path,
                             CtRecordsFileChosen   callback,
                             gpointer              user_data,
                             GDestroyNotify        destroy)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, parent, action,
                                                              accept_label, _("_Cancel"));
  g_autoptr(GtkFileFilter) records = gtk_file_filter_new ();
  g_autofree char *folder = ct_records_file_chooser_dup_folder (suggested_path);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  Chooser *chooser = g_new0 (Chooser, 1);

  chooser->callback = callback;
  chooser->user_data = user_data;
  chooser->destroy = destroy;

  gtk_file_filter_set_name (records, _("Records files"));
  gtk_file_filter_add_pattern (records, "*.ctdb");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), records);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder_file, NULL);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE && suggested_path != NULL)
    {
      g_autofree char *name = g_path_get_basename (suggested_path);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  g_signal_connect (native, "response", G_CALLBACK (on_response), chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
