/* ct-database-private.h: for the core's own record code and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ct-database.h"

G_BEGIN_DECLS

/* Each connection's page cache: 32 MiB rather than SQLite's 2 MiB, so that a
 * decade's summary and lists do not decrypt the same pages again and again
 * (the benchmark's encrypted/plain ratio went from 1.5 to 1.03). */
#define CT_DATABASE_CACHE_PRAGMA "PRAGMA cache_size = -32768;"

/* The open connection, or NULL (and @error set to CLOSED) when locked. */
sqlite3      *ct_database_get_handle       (CtDatabase    *self,
                                            GError       **error);

/* A prepared statement cached on the connection (SQLITE_PREPARE_PERSISTENT),
 * reset and cleared of bindings. Owned by the database: do not finalize. */
sqlite3_stmt *ct_database_prepare          (CtDatabase    *self,
                                            const char    *sql,
                                            GError       **error);

/* Executes SQL with no results. */
gboolean      ct_database_exec             (CtDatabase    *self,
                                            const char    *sql,
                                            GError       **error);

/* Turns an SQLite result code into a CT_DATABASE_ERROR a person can act on.
 * @what says what was being done ("saving the child"). */
void          ct_database_set_error        (CtDatabase    *self,
                                            GError       **error,
                                            int            rc,
                                            const char    *what);

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
