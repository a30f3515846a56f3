/* ct-chart-draw.c: drawing helpers shared by the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-chart-draw"

#include "config.h"

#include "ct-chart-draw.h"

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
