/* ct-chart-draw.c: drawing helpers shared by the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-chart-draw"

#include "config.h"

#include "ct-cell-text.h"
#include "ct-chart-draw.h"

#define SPACING 6.0

void
ct_chart_lookup_color (GtkWidget  *widget,
                       const char *name,
                       GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (name == NULL || !gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

void
ct_chart_get_foreground (GtkWidget *widget,
                         double     alpha,
                         GdkRGBA   *color)
{
  ct_chart_lookup_color (widget, NULL, color);
  color->alpha *= alpha;
}

PangoLayout *
ct_chart_create_layout (GtkWidget  *widget,
                        const char *text,
                        int        *width,
                        int        *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

void
ct_chart_draw_text (GtkWidget     *widget,
                    GtkSnapshot   *snapshot,
                    const char    *text,
                    double         x,
                    double         y,
                    double         xalign,
                    const GdkRGBA *color)
{
  int width, height;
  g_autoptr(PangoLayout) layout = ct_chart_create_layout (widget, text, &width, &height);
  double left = CLAMP (x - xalign * width, 0, MAX (0, gtk_widget_get_width (widget) - width));

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (left, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

int
ct_chart_text_height (GtkWidget *widget)
{
  int width, height;
  g_autoptr(PangoLayout) layout = ct_chart_create_layout (widget, "0", &width, &height);

  return height;
}

guint32
ct_chart_julian_day (const char *iso_date)
{
  g_autoptr(GDate) date = g_date_new ();

  if (iso_date != NULL)
    g_date_set_parse (date, iso_date);
  if (!g_date_valid (date))
    return 0;
  return g_date_get_julian (date);
}

double
ct_chart_plot_y (const CtChartPlot *plot,
                 double             value)
{
  return plot->area.origin.y + plot->area.size.height * (1 - value / plot->maximum);
}

double
ct_chart_plot_x (const CtChartPlot *plot,
                 guint32            day)
{
  double width = MAX (0, plot->area.size.width - 2 * plot->inset);

  if (plot->last_day <= plot->first_day)
    return plot->area.origin.x + plot->area.size.width / 2;
  return plot->area.origin.x + plot->inset +
         width * (day - plot->first_day) / (plot->last_day - plot->first_day);
}

void
ct_chart_draw_grid (GtkWidget         *widget,
                    GtkSnapshot       *snapshot,
                    cairo_t           *cr,
                    const CtChartPlot *plot,
                    int                step)
{
  int line = ct_chart_text_height (widget);
  GdkRGBA grid, label;

  ct_chart_get_foreground (widget, 0.15, &grid);
  ct_chart_get_foreground (widget, 0.7, &label);
  gdk_cairo_set_source_rgba (cr, &grid);
  cairo_set_line_width (cr, 1);
  for (int value = 0; value <= plot->maximum; value += step)
    {
      g_autofree char *text = g_strdup_printf ("%d", value);
      double y = (int) ct_chart_plot_y (plot, value) + 0.5;  /* on a pixel row: sharp */

      cairo_move_to (cr, plot->area.origin.x, y);
      cairo_line_to (cr, plot->area.origin.x + plot->area.size.width, y);
      ct_chart_draw_text (widget, snapshot, text, plot->area.origin.x - SPACING, y - line / 2.0,
                          1, &label);
    }
  cairo_stroke (cr);
}

void
ct_chart_draw_dates (GtkWidget         *widget,
                     GtkSnapshot       *snapshot,
                     const CtChartPlot *plot,
                     const char        *first_date,
                     const char        *last_date,
                     double             y)
{
  g_autofree char *first = ct_cell_text_format_date (first_date);
  g_autofree char *last = ct_cell_text_format_date (last_date);
  GdkRGBA color;

  ct_chart_get_foreground (widget, 0.7, &color);
  ct_chart_draw_text (widget, snapshot, first, ct_chart_plot_x (plot, plot->first_day), y, 0.5,
                      &color);
  if (plot->last_day != plot->first_day)
    ct_chart_draw_text (widget, snapshot, last, ct_chart_plot_x (plot, plot->last_day), y, 0.5,
                        &color);
}

void
ct_chart_draw_empty (GtkWidget   *widget,
                     GtkSnapshot *snapshot,
                     const char  *text)
{
  GdkRGBA color;

  ct_chart_get_foreground (widget, 0.55, &color);
  ct_chart_draw_text (widget, snapshot, text, gtk_widget_get_width (widget) / 2.0,
                      (gtk_widget_get_height (widget) - ct_chart_text_height (widget)) / 2.0,
                      0.5, &color);
}
