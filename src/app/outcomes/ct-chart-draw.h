/* ct-chart-draw.h: what the goal chart and the SDQ chart draw with
 *
 * The widget's own colours (its foreground, and the named colours of the
 * style: accent_color, success_color, ...) and its own font, so that the
 * charts follow the dark style and high contrast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The named colour @name of the style, or the foreground when @name is
 * NULL or unknown. */
void         ct_chart_lookup_color   (GtkWidget      *widget,
                                      const char     *name,
                                      GdkRGBA        *color);
/* The foreground at @alpha of its opacity. */
void         ct_chart_get_foreground (GtkWidget      *widget,
                                      double          alpha,
                                      GdkRGBA        *color);
PangoLayout *ct_chart_create_layout  (GtkWidget      *widget,
                                      const char     *text,
                                      int            *width,
                                      int            *height);
/* Draws @text with its top at @y and its horizontal position at @x:
 * @xalign 0 = starts at x, 0.5 = centred on x, 1 = ends at x. Kept inside
 * the widget. */
void         ct_chart_draw_text      (GtkWidget      *widget,
                                      GtkSnapshot    *snapshot,
                                      const char     *text,
                                      double          x,
                                      double          y,
                                      double          xalign,
                                      const GdkRGBA  *color);
/* The height of a line of text. */
int          ct_chart_text_height    (GtkWidget      *widget);
/* The Julian day of a YYYY-MM-DD date, 0 when it is not one. */
guint32      ct_chart_julian_day     (const char     *iso_date);

/* A plot of values (0 to @maximum, up) against days (right), in widget
 * coordinates. The first and last days sit @inset inside the area, so
 * that their values and dates stay clear of the axis and the edge. */
typedef struct
{
  graphene_rect_t area;
  guint32         first_day;
  guint32         last_day;
  double          maximum;
  double          inset;
} CtChartPlot;

double       ct_chart_plot_y         (const CtChartPlot *plot,
                                      double             value);
double       ct_chart_plot_x         (const CtChartPlot *plot,
                                      guint32            day);
/* Grid lines every @step from 0 to the maximum, labelled left of the plot. */
void         ct_chart_draw_grid      (GtkWidget         *widget,
                                      GtkSnapshot       *snapshot,
                                      cairo_t           *cr,
                                      const CtChartPlot *plot,
                                      int                step);
/* The first and the last date (YYYY-MM-DD) under their days, with their
 * tops at @y; one date when they are the same day. */
void         ct_chart_draw_dates     (GtkWidget         *widget,
                                      GtkSnapshot       *snapshot,
                                      const CtChartPlot *plot,
                                      const char        *first_date,
                                      const char        *last_date,
                                      double             y);
/* @text in the middle of an empty chart. */
void         ct_chart_draw_empty     (GtkWidget         *widget,
                                      GtkSnapshot       *snapshot,
                                      const char        *text);

G_END_DECLS
