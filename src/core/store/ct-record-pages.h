/* ct-record-pages.h: a list's records, read a page at a time
 *
 * A GListModel of records that holds only the ids of its rows, sorted and
 * searched in the store (ct_store_list_ids()), and reads the records
 * themselves on the store's reader a page (CT_STORE_PAGE_SIZE rows) at a
 * time as they are asked for: 400,000 consultations cost 3 MB of ids, not
 * 400,000 records. Until its page arrives a row is an empty record of the
 * kind with only its id (ct_record_pages_is_read() says which); when it
 * arrives, items-changed replaces the page's rows. About
 * CT_RECORD_PAGES_KEPT records are kept read; the oldest pages read are
 * let go, unless someone else holds their records (a row shown, the
 * selection).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-store.h"

G_BEGIN_DECLS

#define CT_RECORD_PAGES_KEPT (20 * CT_STORE_PAGE_SIZE)

#define CT_TYPE_RECORD_PAGES (ct_record_pages_get_type ())
G_DECLARE_FINAL_TYPE (CtRecordPages, ct_record_pages, CT, RECORD_PAGES, GObject)

/* Reads the ids of the records matching @filter, and the first page of
 * them, on @db's reader (ct_store_read_async()). */
void           ct_record_pages_read_async   (CtDatabase          *db,
                                             const CtKind        *kind,
                                             const CtFilter      *filter,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* The same for a list shown for the first time: the count and the first
 * page only (unless @filter searches), so that the first rows show sooner;
 * the ids of the other rows are read once the rows are handed over
 * (ct_record_pages_read_finish()), and the rows asked for meanwhile are
 * empty records with id 0 until then (items-changed). */
void           ct_record_pages_read_first_async (CtDatabase          *db,
                                                 const CtKind        *kind,
                                                 const CtFilter      *filter,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
CtRecordPages *ct_record_pages_read_finish  (CtDatabase          *db,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Takes the rows of @fresh, the same list read again whole
 * (ct_record_pages_read_async()) after records changed: a row whose id is
 * in both keeps its record, unless its id is among @changed (@n_changed of
 * them; G_MAXUINT: every row changed), which are read again. items-changed
 * covers the rows that moved, came or went, and those changed; when more
 * than a page of rows went, every row, and the rows someone holds (the
 * rows a view shows, its selection) are recycled: they become the first
 * rows, each with the record now there (ct_record_assign()), and
 * items-changed says first that every row became those, then that the
 * rest came. Whoever needs a record to stay as it is keeps a copy
 * (ct_record_dup()). */
void           ct_record_pages_update       (CtRecordPages       *self,
                                             CtRecordPages       *fresh,
                                             const gint64        *changed,
                                             guint                n_changed);
/* The position of the record @id, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint          ct_record_pages_find         (CtRecordPages       *self,
                                             gint64               id);
/* FALSE for a row whose page has not arrived yet. */
gboolean       ct_record_pages_is_read      (CtRecord            *record);
/* Whether pages are being read ("reading" is notified). */
gboolean       ct_record_pages_is_reading   (CtRecordPages       *self);

G_END_DECLS
