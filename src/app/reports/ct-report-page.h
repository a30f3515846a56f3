/* ct-report-page.h: a committee summary laid out as a dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-report.h"

G_BEGIN_DECLS

#define CT_TYPE_REPORT_PAGE (ct_report_page_get_type ())
G_DECLARE_FINAL_TYPE (CtReportPage, ct_report_page, CT, REPORT_PAGE, AdwBin)

/* The period and the team's name; a notice of what is withheld (public)
 * or that the summary is not for publication (internal), named "notice";
 * then each section: its headline figures (CtFigureCard) and a bar chart
 * (CtBarChart) per breakdown, named by the breakdown's path
 * ("referrals.by_source"), and for outcomes the mean baseline and end
 * scores ("outcomes.gbo"). */
GtkWidget *ct_report_page_new (CtReport *report);

G_END_DECLS
