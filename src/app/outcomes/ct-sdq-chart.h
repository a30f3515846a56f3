/* ct-sdq-chart.h: a child's SDQ total difficulties scores over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CT_TYPE_SDQ_CHART (ct_sdq_chart_get_type ())
G_DECLARE_FINAL_TYPE (CtSdqChart, ct_sdq_chart, CT, SDQ_CHART, GtkWidget)

/* Draws each total (0–40, up) against its date (right), with its value
 * above the point and its informant below, the band thresholds (borderline
 * from 14, concern from 17) as named dashed levels over shaded bands. Scores
 * with a reason and no total are left out. With no totals it says so. Its
 * accessible description lists the values. */
GtkWidget  *ct_sdq_chart_new          (void);
/* @scores: CtSdqScore records of one child, any order; NULL: none. */
void        ct_sdq_chart_set_scores   (CtSdqChart  *self,
                                       GListModel  *scores);
guint       ct_sdq_chart_get_n_points (CtSdqChart  *self);

G_END_DECLS
