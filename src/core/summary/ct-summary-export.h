/* ct-summary-export.h: a committee summary leaves the records file, audited
 *
 * Every summary that leaves the app (a JSON document from the CLI or the
 * app, a printed or PDF paper from the app) is an audit entry (action
 * `export`, kind `summary`). For a document written here, the entry is
 * committed before the document is written, and a failed write adds a
 * second entry saying so (ct-audited-write.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-audited-write.h"
#include "ct-disclosure.h"
#include "ct-summary.h"

G_BEGIN_DECLS

/* Puts @length bytes of @text where the document goes (a file, stdout). */
typedef CtAuditedWriteFunc CtSummaryWriteFunc;

/* Commits the audit entry, then writes the JSON document of @summary for
 * @audience (ct-summary-json.h; @generated_at NULL: now) with @write_func.
 * Call it outside a transaction of @db. */
gboolean  ct_summary_export            (CtDatabase          *db,
                                        const CtSummary     *summary,
                                        CtAudience           audience,
                                        GDateTime           *generated_at,
                                        CtSummaryWriteFunc   write_func,
                                        gpointer             user_data,
                                        GError             **error);
/* The same into @stream, which is closed: once everything is written (a
 * stream from g_file_replace() then replaces the file), or cancelled on
 * failure (the file is left as it was). */
gboolean  ct_summary_export_to_stream  (CtDatabase          *db,
                                        const CtSummary     *summary,
                                        CtAudience           audience,
                                        GDateTime           *generated_at,
                                        GOutputStream       *stream,
                                        GError             **error);

/* Records that @summary was printed (or saved as PDF) for @audience: for a
 * printer, once the paper was made; for a PDF, before it is written. */
gboolean  ct_summary_audit_print       (CtDatabase          *db,
                                        const CtSummary     *summary,
                                        CtAudience           audience,
                                        GError             **error);
/* The second entry, when a PDF audited by ct_summary_audit_print() could not
 * be written because of @failure. */
void      ct_summary_audit_print_failed (CtDatabase         *db,
                                         const CtSummary    *summary,
                                         CtAudience          audience,
                                         const GError       *failure);

/* Records that @summary was shown to a person for @audience (a `view`
 * entry), as the Reports view does each time it shows one. */
gboolean  ct_summary_audit_view        (CtDatabase          *db,
                                        const CtSummary     *summary,
                                        CtAudience           audience,
                                        GError             **error);

G_END_DECLS
