/* ct-server-database-private.h: the team server's own, for its store code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "ct-database-private.h"
#include "ct-server-database.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define CT_TYPE_SERVER_DATABASE (ct_server_database_get_type ())
G_DECLARE_FINAL_TYPE (CtServerDatabase, ct_server_database, CT, SERVER_DATABASE, CtDatabase)

/* The open connection, or NULL when closed. */
PGconn       *ct_server_database_get_conn   (CtServerDatabase  *self);

/* The schema version the database had when ct_server_database_set_up()
 * connected (0: none), before it was brought up to date; this program's
 * version for a connection that set nothing up. */
int           ct_server_database_get_found_version (CtServerDatabase *self);

/* Every request this side sends on the connection and waits for (prepare,
 * run, exec) counts one round trip. The benchmark reads the count before
 * and after a list load or a summary: it proves that no row costs a query. */
void          ct_server_database_count_round_trip (CtServerDatabase *self);
guint64       ct_server_database_get_round_trips  (CtDatabase       *database);

/* During a batch (ct_database_begin_batch()) a statement that reads may
 * answer from the result it got before with the same values, while the
 * count of writes has not moved since: every run of a statement that is
 * not a SELECT, and every exec, counts one. */
gboolean      ct_server_database_in_batch   (CtServerDatabase  *self);
void          ct_server_database_count_write (CtServerDatabase *self);
guint64       ct_server_database_get_writes (CtServerDatabase  *self);

/* A statement of @sql (?1, :name parameters), prepared on the server under
 * @name; NULL with an error when the server refuses it. */
CtStatement  *ct_server_statement_new       (CtServerDatabase  *db,
                                             const char        *name,
                                             const char        *sql,
                                             GError           **error);

/* "?1" and ":name" → "$1", "$2": PostgreSQL's parameters. *names gets the
 * names in order of their numbers ("?N" leaves NULL at N - 1). */
char         *ct_server_translate_sql       (const char        *sql,
                                             GPtrArray        **names);

/* The types to prepare the parameters of @names with (from
 * ct_server_translate_sql()): 0, inferred by the server, for those the
 * SQL uses. */
Oid          *ct_server_parameter_types     (GPtrArray         *names);

/* Sets @error from a failed result (or the connection's state when
 * @result is NULL). @what says what was being done ("save the child");
 * @writing, that it would have changed the records. */
void          ct_server_set_error           (PGconn            *conn,
                                             const PGresult    *result,
                                             const char        *what,
                                             gboolean           writing,
                                             GError           **error);
/* Sets @error from a connection that failed to open. */
void          ct_server_set_connect_error   (PGconn            *conn,
                                             GError           **error);

/* The schema: creates or upgrades it (set-up), or checks that it is
 * Clinical Team's at this program's version (connecting). */
gboolean      ct_server_schema_set_up       (PGconn            *conn,
                                             GError           **error);
gboolean      ct_server_schema_check        (PGconn            *conn,
                                             GError           **error);
int           ct_server_schema_get_version  (PGconn            *conn);

G_END_DECLS
