/* ct-export.h: records to a CSV file
 *
 * The columns are those the import reads (ct-csv-columns.h), in DOMAIN.md's
 * order; UTF-8 without a byte-order mark, rows ending in CRLF, RFC 4180
 * quoting. Dated records come oldest first, others in the order the app
 * lists them. Exporting writes an `export` audit entry: the records leave
 * the encrypted file in plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-database.h"
#include "ct-kind.h"

G_BEGIN_DECLS

/* Writes every record of @kind to @stream (which is not closed).
 * @destination names where the file goes, for the audit trail ("records.csv").
 * Call it outside a transaction: the audit entry is committed before the
 * first byte is written, and a failed write adds a second entry. */
gboolean    ct_export             (CtDatabase     *db,
                                   const CtKind   *kind,
                                   GOutputStream  *stream,
                                   const char     *destination,
                                   guint          *n_exported,
                                   GCancellable   *cancellable,
                                   GError        **error);

/* "Exported 120 consultations to consultations.csv": the audit entry's
 * description, and the CLI's confirmation. */
char       *ct_export_describe    (const CtKind   *kind,
                                   guint           n_exported,
                                   const char     *destination);

G_END_DECLS
