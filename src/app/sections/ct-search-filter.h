/* ct-search-filter.h: keeps the records whose visible text holds every
 * word typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_SEARCH_FILTER (ct_search_filter_get_type ())
G_DECLARE_FINAL_TYPE (CtSearchFilter, ct_search_filter, CT, SEARCH_FILTER, GtkFilter)

/* Searches the cells of @fields (const CtField *, as ct_cell_text_dup()
 * shows them). A record's text is built the first time it is searched and
 * kept with the record, so each keystroke costs a substring search per row:
 * records must not change while listed (lists read them again instead). */
CtSearchFilter *ct_search_filter_new      (const CtField * const *fields,
                                           guint                  n_fields);
const char     *ct_search_filter_get_text (CtSearchFilter        *self);
/* Words separated by spaces, each matched anywhere, ignoring case. */
void            ct_search_filter_set_text (CtSearchFilter        *self,
                                           const char            *text);
/* Builds the text of @records in idle time, a chunk at a time, so that the
 * first keystroke does not pay for it (40,000 rows: tens of milliseconds).
 * NULL stops, as does a later call. */
void            ct_search_filter_prepare  (CtSearchFilter        *self,
                                           GListModel            *records);

G_END_DECLS
