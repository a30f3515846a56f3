/* ct-record-list.h: one section's records as a sortable, searchable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"
#include "ct-kind.h"

G_BEGIN_DECLS

#define CT_TYPE_RECORD_LIST (ct_record_list_get_type ())
G_DECLARE_FINAL_TYPE (CtRecordList, ct_record_list, CT, RECORD_LIST, GtkWidget)

/* @section: a section of ct-section.h ("consultations"); construct-only
 * property "section". @database (property "database") may be NULL. */
GtkWidget     *ct_record_list_new            (const char   *section,
                                              CtDatabase   *database);
const CtKind  *ct_record_list_get_kind       (CtRecordList *self);
CtDatabase    *ct_record_list_get_database   (CtRecordList *self);
/* NULL (the file was locked) drops every record read from it, the search
 * text and any deleted record kept for Undo. A database is read when the
 * list is shown (at once if it is; see ct_record_list_reload()), so that unlocking does not read every
 * section. */
void           ct_record_list_set_database   (CtRecordList *self,
                                              CtDatabase   *database);
/* The rows shown (a GtkSingleSelection over a CtRecordPages): a row
 * whose page is still on its way is a record with only its id
 * (ct_record_pages_is_read()). */
GListModel    *ct_record_list_get_model      (CtRecordList *self);
/* Shows the records whose date is in [@from, @to] (YYYY-MM-DD, NULL: open
 * end), as if picked with the date button. Ignored by kinds without a
 * date (children). */
void           ct_record_list_set_date_range (CtRecordList *self,
                                              const char   *from,
                                              const char   *to);
/* Reads the rows and every record shown again (after a change the store
 * did not announce), keeping the selection. The read runs on the store's
 * reader; the rows change when it arrives ("loading" turns FALSE). */
void           ct_record_list_reload         (CtRecordList *self);
/* The rows, or a page of the rows shown, are being read. */
gboolean       ct_record_list_is_loading     (CtRecordList *self);

G_END_DECLS
