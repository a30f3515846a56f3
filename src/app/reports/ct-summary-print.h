/* ct-summary-print.h: the committee summary as a printed committee paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-report.h"

G_BEGIN_DECLS

#define CT_TYPE_SUMMARY_PRINT (ct_summary_print_get_type ())
G_DECLARE_FINAL_TYPE (CtSummaryPrint, ct_summary_print, CT, SUMMARY_PRINT, GtkPrintOperation)

/* A print operation (A4 unless the dialog says otherwise) that lays out
 * @report as a committee paper: the title, the team's name, the period and
 * the audience; each section as a table of its figures and its breakdowns
 * as bars; a footnote on disclosure control; page numbers in the footer.
 * A block (a table, a chart) is never split across pages. Run it as any
 * GtkPrintOperation: the print dialog offers "Print to File" as PDF, and
 * GTK_PRINT_OPERATION_ACTION_EXPORT with an export filename writes a PDF
 * without a dialog. */
CtSummaryPrint *ct_summary_print_new       (CtReport       *report);
/* The number of pages once it was laid out (after "begin-print"). */
int             ct_summary_print_get_n_pages (CtSummaryPrint *self);

G_END_DECLS
