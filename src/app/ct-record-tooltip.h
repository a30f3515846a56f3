/* ct-record-tooltip.h: tooltips that show a record's text
 *
 * GTK keeps the text of the last tooltip it prepared in its own label,
 * shown or not, until the pointer next moves over the window: a pointer
 * that brushes a child's name and leaves the window leaves that name in
 * memory after Lock. Record text is therefore shown in a label of this
 * module's, which Lock empties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @text (NULL: nothing) as @widget's tooltip, and describes
 * @widget with it to assistive technologies, as GTK's tooltips do. */
void         ct_record_tooltip_set_text (GtkWidget  *widget,
                                         const char *text);
/* The text @widget's tooltip shows, or NULL. */
const char  *ct_record_tooltip_get_text (GtkWidget  *widget);

/* Empties the label that every record tooltip is shown in. */
void         ct_record_tooltip_forget   (void);

G_END_DECLS
