/* ct-store-reader.h: reading the records off the window's thread
 *
 * A store's reads (a section's list, the committee summary, the Outcomes)
 * can run on a connection of their own, in a thread of their own, so that
 * the window never waits for them. ct_store_reader_start() opens that
 * connection in the background as the store is opened (with the same
 * passphrase or password); ct_store_read_async() queues a read, and its
 * result arrives in the main context of the thread that asked. Reads run
 * one at a time in the order asked, each seeing every change committed
 * before it started.
 *
 * Without a reader (none was started, or it could not connect) a read
 * runs on the store's own connection, in the main context, and arrives
 * the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-store.h"

G_BEGIN_DECLS

/* A read: runs with the reader's connection (or @db's own) and returns a
 * result to be freed with the result_free given with it, or NULL with
 * @error set. Runs in another thread: it may use @db and @data only. */
typedef gpointer (*CtReadFunc) (CtDatabase  *db,
                                gpointer     data,
                                GError     **error);

/* Opens @db's reader in the background with @secret (the file's
 * passphrase, the server's password or NULL), copied and wiped once the
 * reader's connection has used it. Safe in the thread that opened @db. */
void         ct_store_reader_start (CtDatabase           *db,
                                    const char           *secret);
/* Closes @db's reader once the reads queued have finished (they return
 * G_IO_ERROR_CANCELLED). ct_database_close() calls it. */
void         ct_store_reader_stop  (CtDatabase           *db);

/* Queues @func (@data) on @db's reader. @data is freed with @data_free
 * once the read is over, in either thread. */
void         ct_store_read_async   (CtDatabase           *db,
                                    CtReadFunc            func,
                                    gpointer              data,
                                    GDestroyNotify        data_free,
                                    GDestroyNotify        result_free,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gpointer     ct_store_read_finish  (CtDatabase           *db,
                                    GAsyncResult         *result,
                                    GError              **error);

/* ct_store_get() as a read: the record arrives read. */
void         ct_store_get_async    (CtDatabase           *db,
                                    const CtKind         *kind,
                                    gint64                id,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
CtRecord    *ct_store_get_finish   (CtDatabase           *db,
                                    GAsyncResult         *result,
                                    GError              **error);

/* ct_store_find_own_staff() as a read: the staff id of the person signed
 * in (0, without @error, when there is none), known to the store from then
 * on (ct_store_peek_own_staff()). */
void         ct_store_find_own_staff_async  (CtDatabase           *db,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gint64       ct_store_find_own_staff_finish (CtDatabase           *db,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
