/* ct-report-widgets.c: small widgets shared by the Reports view's cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-report-widgets"

#include "config.h"

#include "ct-report-widgets.h"

GtkWidget *
ct_report_label_new (const char *text,
                     const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

void
ct_report_set_padding (GtkWidget *widget,
                       int        padding)
{
  gtk_widget_set_margin_top (widget, padding);
  gtk_widget_set_margin_bottom (widget, padding);
  gtk_widget_set_margin_start (widget, padding);
  gtk_widget_set_margin_end (widget, padding);
}
