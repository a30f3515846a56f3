/* ct-audit-pages.h: the audit trail's entries, read a page at a time
 *
 * A GListModel of CtAuditEntry that holds only the ids of the entries
 * matching a filter, newest first, and reads the entries themselves on the
 * store's reader a page (CT_STORE_PAGE_SIZE entries) at a time as they are
 * asked for: the trail has an entry for every record written or opened,
 * two million at ten times county. Until its page arrives an entry has only
 * its id (ct_audit_entry_is_read()); when it arrives, items-changed
 * replaces the page's rows. About CT_AUDIT_PAGES_KEPT entries are kept
 * read, the oldest pages read let go. Entries are never changed, so a
 * model read once stays right for the entries it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-audit-log.h"
#include "ct-store.h"

G_BEGIN_DECLS

#define CT_AUDIT_PAGES_KEPT (20 * CT_STORE_PAGE_SIZE)

#define CT_TYPE_AUDIT_PAGES (ct_audit_pages_get_type ())
G_DECLARE_FINAL_TYPE (CtAuditPages, ct_audit_pages, CT, AUDIT_PAGES, GObject)

/* Reads the ids of the entries matching @filter (copied), and the first
 * page of them, on @db's reader (ct_store_read_async()). */
void          ct_audit_pages_read_async   (CtDatabase          *db,
                                           const CtAuditFilter *filter,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
CtAuditPages *ct_audit_pages_read_finish  (CtDatabase          *db,
                                           GAsyncResult        *result,
                                           GError             **error);

/* How many entries are kept read (for tests). */
guint         ct_audit_pages_get_n_kept   (CtAuditPages        *self);

G_END_DECLS
