/* ct-report-export.h: the committee summary to a JSON file or on paper
 *
 * Each export is an audit entry (export, kind summary): the JSON document
 * goes through ct_summary_export(), the same function as
 * `clinical-team-cli summary`, so the two write the same document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-database.h"
#include "ct-report.h"

G_BEGIN_DECLS

/* Writes the JSON document of @report to @file, replacing it, with its
 * audit entry; @generated_at NULL: now. A file that did not exist is
 * removed again when writing fails. */
gboolean  ct_report_write_json          (CtDatabase           *db,
                                         CtReport             *report,
                                         GFile                *file,
                                         GDateTime            *generated_at,
                                         GError              **error);
/* Writes @report as a PDF committee paper to @path without a dialog, then
 * its audit entry. */
gboolean  ct_report_write_pdf           (CtDatabase           *db,
                                         CtReport             *report,
                                         const char           *path,
                                         GError              **error);

/* Asks where to save (GtkFileChooserNative, a name suggested) and writes
 * the JSON document there. The result is the file written, or NULL with
 * G_IO_ERROR_CANCELLED when the person cancelled. */
void      ct_report_export_json_async   (CtDatabase           *db,
                                         CtReport             *report,
                                         GtkWindow            *parent,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GFile    *ct_report_export_json_finish  (GAsyncResult         *result,
                                         GError              **error);

/* The print dialog ("Print to File" saves a PDF), then the audit entry.
 * G_IO_ERROR_CANCELLED when the person cancelled. */
void      ct_report_print_async         (CtDatabase           *db,
                                         CtReport             *report,
                                         GtkWindow            *parent,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  ct_report_print_finish        (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
