/* ct-audit-log-window.h: the audit trail, read-only, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_AUDIT_LOG_WINDOW (ct_audit_log_window_get_type ())
G_DECLARE_FINAL_TYPE (CtAuditLogWindow, ct_audit_log_window, CT, AUDIT_LOG_WINDOW, AdwWindow)

/* Lists the audit entries of @database, filtered by date range, record
 * kind, staff profile, action and child, read off the window's thread.
 * Transient for @parent; it closes with it. */
CtAuditLogWindow *ct_audit_log_window_new        (GtkWindow        *parent,
                                                  CtDatabase       *database);
/* TRUE while the filters' choices or the entries are being read. */
gboolean          ct_audit_log_window_is_loading (CtAuditLogWindow *self);

G_END_DECLS
