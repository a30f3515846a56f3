/* ct-import.h: records from a CSV file (DOMAIN.md, "CSV import")
 *
 * One file holds one kind, with a header row naming its columns
 * (ct-csv-columns.h) in any order. The whole file is one transaction: a
 * file with any bad row imports nothing. Each record is written as the app
 * writes it (validated, with its own `create` audit entry), and the file
 * adds one `import` audit entry.
 *
 * Errors name the file (its base name), the line on which the bad row
 * starts, the column, and what to fix:
 *   consultations.csv, line 14, column “mode”: “zoom” is not one of the
 *   allowed words: in_person, video, phone.
 * Their domain and code are those of the cause: CT_DATABASE_ERROR_INVALID
 * for a bad cell or a bad header, _CONFLICT for a duplicate key,
 * _NOT_FOUND for a reference to a record that does not exist;
 * CT_CSV_ERROR for a file that is not RFC 4180 or not UTF-8; G_IO_ERROR
 * when the file cannot be read.
 *
 * A file whose exact content was imported before is refused with
 * CT_IMPORT_ERROR_ALREADY_IMPORTED, unless CT_IMPORT_AGAIN is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-database.h"
#include "ct-kind.h"

G_BEGIN_DECLS

#define CT_IMPORT_ERROR (ct_import_error_quark ())
GQuark ct_import_error_quark (void);

typedef enum
{
  CT_IMPORT_ERROR_ALREADY_IMPORTED,
} CtImportError;

typedef enum
{
  CT_IMPORT_DEFAULT = 0,
  /* Import even when the same content was imported before. */
  CT_IMPORT_AGAIN   = 1 << 0,
} CtImportFlags;

/* Imports every row of @file as a record of @kind; *n_imported (may be
 * NULL) is the number of records written. */
gboolean    ct_import_file        (CtDatabase    *db,
                                   const CtKind  *kind,
                                   GFile         *file,
                                   CtImportFlags  flags,
                                   guint         *n_imported,
                                   GError       **error);

/* The same for CSV text already in memory; @file_name names it in errors
 * and in the audit trail. */
gboolean    ct_import_data        (CtDatabase    *db,
                                   const CtKind  *kind,
                                   const char    *file_name,
                                   const char    *data,
                                   gsize          length,
                                   CtImportFlags  flags,
                                   guint         *n_imported,
                                   GError       **error);

/* "Imported 120 consultations from consultations.csv": the audit entry's
 * description, and the CLI's confirmation. */
char       *ct_import_describe    (const CtKind  *kind,
                                   guint          n_imported,
                                   const char    *file_name);

G_END_DECLS
