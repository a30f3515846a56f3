/* ct-file-database-private.h: the encrypted file's own, for the file store
 * and the tests that look inside the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ct-database-private.h"

G_BEGIN_DECLS

#define CT_TYPE_FILE_DATABASE (ct_file_database_get_type ())
G_DECLARE_FINAL_TYPE (CtFileDatabase, ct_file_database, CT, FILE_DATABASE, CtDatabase)

/* Each connection's page cache: a quarter of the file, at least 32 MiB
 * (SQLite's own is 2 MiB) and at most 256 MiB, so that a decade's summary
 * and lists do not decrypt the same pages again and again (at a fixed
 * 32 MiB the benchmark's encrypted/plain ratio went from 1.5 to 1.03, and
 * ten times county no longer fitted). In KiB, for PRAGMA cache_size = -N. */
#define CT_DATABASE_CACHE_MIN_KIB (32 * 1024)
#define CT_DATABASE_CACHE_MAX_KIB (256 * 1024)
int           ct_file_database_cache_kib   (goffset        file_size);

/* The SQL functions the core's statements use beyond SQLite's own, on a
 * connection (to the records file, or the benchmark's plain copy):
 * CT_FILE_COUNT_DISTINCT (x) is count (DISTINCT x), faster
 * (ct-file-count-distinct.c). */
#define CT_FILE_COUNT_DISTINCT "ct_count_distinct"
gboolean      ct_file_database_add_functions (sqlite3     *db);

/* Opens a connection of its own to the file at @path, reading only, and
 * runs PRAGMA quick_check on it (CT_DATABASE_ERROR_CORRUPT when it fails).
 * Safe in any thread. */
gboolean      ct_file_database_quick_check (const char    *path,
                                            const char    *passphrase,
                                            GError       **error);

/* The open file's connection, or NULL with CT_DATABASE_ERROR_CLOSED when
 * locked (NOT_SUPPORTED on a team server). */
sqlite3      *ct_database_get_handle       (CtDatabase    *self,
                                            GError       **error);

/* Turns an SQLite result code into a CT_DATABASE_ERROR a person can act on.
 * @what says what was being done ("saving the child"). */
void          ct_sqlite_set_error          (sqlite3       *db,
                                            GError       **error,
                                            int            rc,
                                            const char    *what);

/* A CtStatement over @stmt, which it finalizes when freed. */
CtStatement  *ct_sqlite_statement_new      (sqlite3_stmt  *stmt);

/* Tests only: creates a file at an earlier schema version, to prove that
 * opening it migrates it. */
CtDatabase   *ct_database_create_at_version (const char   *path,
                                             const char   *passphrase,
                                             int           version,
                                             GError      **error);

/* The migration steps: ct_schema_migrate() runs each in its own
 * transaction, from the file's version up to @target. */
gboolean      ct_schema_migrate            (sqlite3       *db,
                                            int            target,
                                            GError       **error);
int           ct_schema_get_version        (sqlite3       *db);

G_END_DECLS
