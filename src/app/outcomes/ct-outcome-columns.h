/* ct-outcome-columns.h: the columns of the Outcomes view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Appends the columns (child, clinician, episode, goal, baseline, latest,
 * end, change) of a list of CtOutcomeRow, each with its sorter. */
void   ct_outcome_columns_append    (GtkColumnView *view);
/* The text of a column's cell, for tests: column @index of @row. */
char  *ct_outcome_columns_dup_text  (guint          index,
                                     gpointer       row);

G_END_DECLS
