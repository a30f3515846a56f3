/* ct-import-fingerprint.h: has this very file been imported before?
 *
 * Every import keeps the SHA-256 of the file's bytes, with its name, kind,
 * number of records and time, in the store's table imported_file. A second
 * import of the same bytes would add every record again, so the importer
 * asks here first (DOMAIN.md, "CSV import").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-database.h"
#include "ct-kind.h"

G_BEGIN_DECLS

/* Fails with CT_IMPORT_ERROR_ALREADY_IMPORTED, naming @file_name and when
 * and as what the same content was imported, when @fingerprint was seen
 * before. Runs inside the import's transaction. */
gboolean ct_import_fingerprint_check  (CtDatabase    *db,
                                       const char    *fingerprint,
                                       const char    *file_name,
                                       GError       **error);

/* Keeps @fingerprint; the first import of the same content stays the one on
 * record. */
gboolean ct_import_fingerprint_record (CtDatabase    *db,
                                       const char    *fingerprint,
                                       const CtKind  *kind,
                                       const char    *file_name,
                                       guint          n_records,
                                       GError       **error);

G_END_DECLS
