/* ct-audited-write.h: records leaving the encrypted file, audited first
 *
 * The audit entry of an export is committed before a byte is written, so
 * that no data leaves without a trace, even if the program is killed while
 * it writes. If the write then fails, a second entry says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* Writes all of @text (@length bytes) somewhere: a stream, a file. */
typedef gboolean (*CtAuditedWriteFunc) (const char  *text,
                                        gsize        length,
                                        gpointer     user_data,
                                        GError     **error);

/* Commits an `export` audit entry of @record_kind with @description, then
 * calls @write_func. Call it outside any transaction, so that the entry is
 * committed at once. A failed write is audited by
 * ct_audited_write_failed(). */
gboolean     ct_audited_write          (CtDatabase          *db,
                                        const char          *record_kind,
                                        const char          *description,
                                        const char          *text,
                                        gsize                length,
                                        CtAuditedWriteFunc   write_func,
                                        gpointer             user_data,
                                        GError             **error);

/* The second entry, when an export audited by @description did not reach
 * its destination because of @failure. Best effort: the failure is what
 * the caller reports. */
void         ct_audited_write_failed   (CtDatabase          *db,
                                        const char          *record_kind,
                                        const char          *description,
                                        const GError        *failure);

G_END_DECLS
