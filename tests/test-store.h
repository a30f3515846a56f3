/* test-store.h: the store a test program runs against
 *
 * The core's tests run once per store from one source: meson runs each
 * program twice, with CT_TEST_STORE=file (the default) and
 * CT_TEST_STORE=server, which starts the test suite's own throwaway
 * PostgreSQL (pg-test-server.c) the first time it is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* TRUE when this run is against the team server. */
gboolean     test_store_is_server   (void);

/* Fresh, empty records (set up, with no record) on the store under test:
 * a new file at @path, or a new database on the test server. Asserts. */
CtDatabase  *test_store_create      (const char  *path,
                                     const char  *actor);

/* A second connection to the same records as @db (the file reopened, or
 * another login session on the server). Asserts. */
CtDatabase  *test_store_open_again  (CtDatabase  *db,
                                     const char  *actor);

/* Starts @db's reader (ct-store-reader.h) as the app does, with the
 * passphrase or password @db was opened with; @wrong_secret gives it a
 * wrong one instead. */
void         test_store_start_reader (CtDatabase *db,
                                      gboolean    wrong_secret);

/* Queues a read on @db's reader (or @db itself) that keeps it busy until
 * test_store_release_reader(), so that the reads queued behind it are
 * still under way. */
typedef struct _TestReaderHold TestReaderHold;
TestReaderHold *test_store_hold_reader    (CtDatabase     *db);
/* Waits until the read that holds the reader is under way. */
void            test_store_wait_until_held (TestReaderHold *hold);
void            test_store_release_reader (TestReaderHold *hold);

/* The team server of this run (started by test_store_create()); NULL on
 * the file. */
struct _PgTestServer *test_store_get_server (void);

/* Makes every insert into @table fail in the store itself (a trigger), as
 * a full disk or a server's refusal would, or stops doing so. */
void         test_store_fail_inserts (CtDatabase *db,
                                      const char *table,
                                      gboolean    fail);

/* While @history is TRUE, audit entries are written with the who and when
 * the test gives, as a history from earlier days would have them (the
 * team server otherwise stamps its own). */
void         test_store_write_history (CtDatabase *db,
                                       gboolean    history);

G_END_DECLS
