/* ct-audit-log-read.h: the audit log's filters read off the window's thread
 *
 * The choices of the Audit Log window's filters, read on the store's
 * reader (ct-store-reader.h): the trail grows with every record opened and
 * saved, and reading it must not stop the window. Its entries are read as
 * pages (ct-audit-pages.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-audit-log.h"

G_BEGIN_DECLS

/* The choices of the filters: the record kinds and the people found in
 * the trail (sorted), and every child: their ids (gint64) and, in the
 * same order, their references. */
typedef struct
{
  GStrv   kinds;
  GStrv   people;
  GArray *child_ids;
  GStrv   child_references;
} CtAuditChoices;

void            ct_audit_choices_free             (CtAuditChoices       *choices);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtAuditChoices, ct_audit_choices_free)

void            ct_audit_log_read_choices_async   (CtDatabase           *db,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
CtAuditChoices *ct_audit_log_read_choices_finish  (CtDatabase           *db,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
