/* ct-bar-chart.h: horizontal bars of a breakdown, each labelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-report.h"

G_BEGIN_DECLS

#define CT_TYPE_BAR_CHART (ct_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (CtBarChart, ct_bar_chart, CT, BAR_CHART, GtkWidget)

/* One row per bar: its label, the bar, its value as text. A withheld value
 * is an outlined, hatched mark with the word "withheld", never a bar of
 * some length; a value with no data has no bar. */
GtkWidget *ct_bar_chart_new          (void);
/* @bars: CtBar (ct-report.h), referenced. @maximum is the value of a full
 * bar; 0: the largest value shown. */
void       ct_bar_chart_set_bars     (CtBarChart       *self,
                                      GArray           *bars,
                                      double            maximum);
/* What the chart shows, as its accessible description says it:
 * "Social worker: 12; Health: withheld". */
char      *ct_bar_chart_dup_text     (CtBarChart       *self);
/* Where bar @index (or its withheld mark) is drawn, in the chart's
 * coordinates; FALSE when nothing is drawn for it (0, no data). */
gboolean   ct_bar_chart_get_bar_rect (CtBarChart       *self,
                                      guint             index,
                                      graphene_rect_t  *rect);

G_END_DECLS
