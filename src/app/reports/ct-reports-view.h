/* ct-reports-view.h: the committee summary of a period, to read, export
 * and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"
#include "ct-report.h"

G_BEGIN_DECLS

#define CT_TYPE_REPORTS_VIEW (ct_reports_view_get_type ())
G_DECLARE_FINAL_TYPE (CtReportsView, ct_reports_view, CT, REPORTS_VIEW, AdwBin)

/* The period (by default the last complete financial quarter) and the
 * audience (by default public) are chosen at the top; the summary's
 * figures are computed again whenever either changes or the view comes
 * into view (CtReportPage shows them). The actions reports.export-json and
 * reports.print export them, audited. @database (property "database") may
 * be NULL: locked, nothing is shown. */
GtkWidget  *ct_reports_view_new           (CtDatabase    *database);
CtDatabase *ct_reports_view_get_database  (CtReportsView *self);
/* NULL (the file was locked) drops the figures. */
void        ct_reports_view_set_database  (CtReportsView *self,
                                           CtDatabase    *database);
/* The summary shown, or NULL. */
CtReport   *ct_reports_view_get_report    (CtReportsView *self);
/* The summary of the period and audience chosen is being computed (on
 * the store's reader); until it arrives the one shown cannot be exported. */
gboolean    ct_reports_view_is_loading    (CtReportsView *self);

/* The exports behind the actions, without their dialogs (@generated_at
 * NULL: now). Each writes its audit entry. */
gboolean    ct_reports_view_export_json   (CtReportsView *self,
                                           GFile         *file,
                                           GDateTime     *generated_at,
                                           GError       **error);
gboolean    ct_reports_view_export_pdf    (CtReportsView *self,
                                           const char    *path,
                                           GError       **error);

G_END_DECLS
