/* ct-record-columns.h: the columns of a record list, from field descriptors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-record.h"

G_BEGIN_DECLS

/* Appends a resizable, sortable column showing @field of @kind's records
 * (ct_cell_text_dup()). The store sorts the rows: see
 * ct_record_columns_get_sort(). */
void  ct_record_columns_append       (GtkColumnView  *view,
                                      const CtKind   *kind,
                                      const CtField  *field);
/* The field of the column @view is sorted by (clicked in its header),
 * and whether from the highest down; NULL when none is. */
const CtField *ct_record_columns_get_sort (GtkColumnView *view,
                                           gboolean      *descending);

/* The position of the row holding @widget (a cell or a widget inside
 * one), or GTK_INVALID_LIST_POSITION. */
guint ct_record_columns_get_position (GtkWidget      *widget);

G_END_DECLS
