/* ct-detail-rows.h: a record's fields as labelled rows of a boxed list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-record.h"

G_BEGIN_DECLS

/* A row with @title on the left and @value (selectable; "—" when NULL or
 * empty) on the right. */
GtkWidget *ct_detail_row_new        (const char          *title,
                                     const char          *value);
/* One row per field named in @names (NULL-terminated), or, when @names is
 * NULL, per field of the record's kind that is neither a display field nor
 * a reference: the field's label and its value as a list shows it. */
void       ct_detail_rows_add       (AdwPreferencesGroup *group,
                                     CtRecord            *record,
                                     const char * const  *names);

G_END_DECLS
