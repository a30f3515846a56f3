/* ct-report-export.c: the committee summary to a JSON file or on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-report-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "ct-report-export.h"
#include "ct-safe-file.h"
#include "ct-summary-export.h"
#include "ct-summary-print.h"

/* What an export keeps while its dialog is open. */
typedef struct
{
  CtDatabase *db;
  GObject    *dialog;  /* the file chooser or the print operation */
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_clear_object (&export->db);
  g_clear_object (&export->dialog);
  g_free (export);
}

/* A task on @report whose data keeps @db and @dialog (taken). */
static GTask *
export_task_new (CtDatabase          *db,
                 CtReport            *report,
                 gpointer             dialog,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (report, NULL, callback, user_data);
  Export *export = g_new0 (Export, 1);

  export->db = g_object_ref (db);
  export->dialog = dialog;
  g_task_set_task_data (task, export, export_free);
  return task;
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                           _("The committee summary was not exported."));
}

/* Without a dialog */

gboolean
ct_report_write_json (CtDatabase  *db,
                      CtReport    *report,
                      GFile       *file,
                      GDateTime   *generated_at,
                      GError     **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  gboolean existed;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (CT_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (ct_summary_export_to_stream (db, ct_report_get_summary (report),
                                   ct_report_get_audience (report), generated_at,
                                   G_OUTPUT_STREAM (stream), error))
    return TRUE;

  if (!existed)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}

gboolean
ct_report_write_pdf (CtDatabase  *db,
                     CtReport    *report,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(CtSummaryPrint) print = NULL;
  g_autoptr(CtSafeFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkPrintOperationResult result;
  GError *failure = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (CT_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Audited first; drawn into a private file (0600) beside @path, which the
   * PDF writer truncates but keeps, then renamed into place. */
  file = ct_safe_file_new (path, TRUE, error);
  if (file == NULL ||
      !ct_summary_audit_print (db, ct_report_get_summary (report),
                               ct_report_get_audience (report), error))
    return FALSE;

  print = ct_summary_print_new (report);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print),
                                           ct_safe_file_get_temp_path (file));
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (print),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &local_error);
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    failure = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF: %s"),
                           local_error != NULL ? local_error->message : g_strerror (EIO));
  if (failure == NULL && ct_safe_file_commit (file, &failure))
    return TRUE;

  ct_summary_audit_print_failed (db, ct_report_get_summary (report),
                                 ct_report_get_audience (report), failure);
  g_propagate_error (error, failure);
  return FALSE;
}

/* Through the file chooser */

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      return_cancelled (task);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (ct_report_write_json (export->db, g_task_get_source_object (task), file, NULL, &error))
    g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
  else
    g_task_return_error (task, error);
}

static GtkFileFilter *
json_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON Documents"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

void
ct_report_export_json_async (CtDatabase          *db,
                             CtReport            *report,
                             GtkWindow           *parent,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = json_filter_new ();
  GtkFileChooserNative *chooser;
  GTask *task;

  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (CT_IS_REPORT (report));

  chooser = gtk_file_chooser_native_new (_("Export Committee Summary"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  name = ct_report_dup_file_name (report, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  task = export_task_new (db, report, chooser, callback, user_data);
  g_task_set_source_tag (task, ct_report_export_json_async);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GFile *
ct_report_export_json_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Through the print dialog */

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  CtReport *report = g_task_get_source_object (task);
  GError *error = NULL;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      if (ct_summary_audit_print (export->db, ct_report_get_summary (report),
                                  ct_report_get_audience (report), &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                     _("The committee summary could not be printed."));
      g_task_return_error (task, error);
      break;
    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      return_cancelled (task);
      break;
    }
}

void
ct_report_print_async (CtDatabase          *db,
                       CtReport            *report,
                       GtkWindow           *parent,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  CtSummaryPrint *print;
  GTask *task;

  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (CT_IS_REPORT (report));

  print = ct_summary_print_new (report);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (print), TRUE);
  task = export_task_new (db, report, print, callback, user_data);
  g_task_set_source_tag (task, ct_report_print_async);
  g_signal_connect (print, "done", G_CALLBACK (on_print_done), task);
  gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           parent, NULL);
}

gboolean
ct_report_print_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
