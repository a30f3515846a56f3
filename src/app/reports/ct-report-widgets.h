/* ct-report-widgets.h: small widgets shared by the Reports view's cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A label aligned left that wraps (between words, or within a long one),
 * with @style_class ("heading", "dim-label") unless it is NULL. */
GtkWidget *ct_report_label_new   (const char *text,
                                  const char *style_class);
/* The same margin on every side. */
void       ct_report_set_padding (GtkWidget  *widget,
                                  int         padding);

G_END_DECLS
