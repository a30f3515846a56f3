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

G_END_DECLS
