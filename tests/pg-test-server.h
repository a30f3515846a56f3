/* pg-test-server.h: a throwaway PostgreSQL server for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pg_test_server_start() runs initdb into a fresh temporary folder
 * (ct-test-pg-XXXXXX), makes a CA and a server certificate with openssl,
 * and starts the server on a free port of 127.0.0.1. It takes TLS
 * connections with scram-sha-256 only: pg_hba.conf holds a single hostssl
 * line, so neither plain TCP nor the Unix socket (in the folder) lets anyone
 * in. The superuser's password is random, made per run, and never printed.
 *
 * The server is stopped (immediate mode) and its folder deleted by
 * pg_test_server_stop(), at exit, and on SIGABRT (a failed g_assert),
 * SIGINT, SIGTERM, SIGSEGV and the other fatal signals. A watchdog process
 * does the same when the test process ends in a way no handler sees:
 * SIGKILL, or _exit() (what a failed g_assert does in a
 * g_test_trap_subprocess() child). A folder left behind all the same (both
 * killed at once, a power cut) is removed by a later start once it is ten
 * minutes old and no server runs in it.
 *
 * When the test runs as root (CI), initdb and pg_ctl run as the system user
 * "postgres" through runuser; the test itself stays root and connects over
 * TCP and TLS like anyone else.
 *
 * initdb is most of a start, so the first start in a build folder keeps a
 * copy of the cluster initdb made there (tests/pg-cluster-template-UID-*,
 * before any of our settings), and later starts copy it and give the
 * superuser a new password; a template that does not work is replaced.
 *
 * One server at a time per test process.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The only address the server listens on, and the name its certificate
 * carries. */
#define PG_TEST_SERVER_HOST "127.0.0.1"

typedef struct _PgTestServer PgTestServer;

PgTestServer *pg_test_server_start                  (GError       **error);
/* Stops the server and deletes its folder; idempotent. */
void          pg_test_server_stop                   (PgTestServer  *self);
/* Stops the server as an outage would, keeping its folder: connections
 * drop. Fast mode, not immediate: the test server commits asynchronously,
 * and what a test committed must survive as on a real server. */
gboolean      pg_test_server_pause                  (PgTestServer  *self,
                                                     GError       **error);
/* Starts it again on the same port, after pg_test_server_pause(). */
gboolean      pg_test_server_resume                 (PgTestServer  *self,
                                                     GError       **error);
/* Stops the server if it still runs, and frees @self. */
void          pg_test_server_free                   (PgTestServer  *self);

/* The CA certificate that signed the server's: sslrootcert. */
const char   *pg_test_server_get_ca_file            (PgTestServer  *self);
int           pg_test_server_get_port               (PgTestServer  *self);
const char   *pg_test_server_get_superuser          (PgTestServer  *self);
const char   *pg_test_server_get_superuser_password (PgTestServer  *self);
/* The temporary folder that holds the cluster, the certificates, the log
 * and the socket; gone after pg_test_server_stop(). */
const char   *pg_test_server_get_folder             (PgTestServer  *self);

/* "host=127.0.0.1 port=N dbname=DB user=USER sslmode=verify-full
 * sslrootcert=CA", without a password: pass it as a separate connection
 * parameter. */
char         *pg_test_server_conninfo               (PgTestServer  *self,
                                                     const char    *dbname,
                                                     const char    *user);
/* Runs @sql (one or more statements) as the superuser on @dbname. */
gboolean      pg_test_server_exec                   (PgTestServer  *self,
                                                     const char    *dbname,
                                                     const char    *sql,
                                                     GError       **error);
/* A fresh database with a unique name, a copy of @template_name (NULL for
 * template1). Returns its name. */
char         *pg_test_server_create_database        (PgTestServer  *self,
                                                     const char    *template_name,
                                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PgTestServer, pg_test_server_free)

G_END_DECLS
