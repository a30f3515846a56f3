/* ct-server-database.h: the records on a team server (PostgreSQL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* The schema version of the team server's records (its own numbering). */
#define CT_SERVER_SCHEMA_VERSION 13

/* The schema that holds Clinical Team's tables on the server. */
#define CT_SERVER_SCHEMA "clinical_team"
/* What the records' triggers notify (server migration 8). */
#define CT_SERVER_CHANGE_CHANNEL "clinical_team_change"

/* Connects to the team server described by @connection: a libpq connection
 * string ("host=records.example dbname=clinical user=jo"), a URI, or
 * "service=NAME" from pg_service.conf. TLS with the server's certificate
 * verified (sslmode=verify-full) unless @connection says otherwise.
 * @password NULL uses libpq's password file. The caller wipes @password.
 * The server must be set up (ct_server_database_set_up()). The actor is
 * the login that signed in (the server writes it into every audit entry);
 * @actor is not used. */
CtDatabase  *ct_server_database_connect (const char  *connection,
                                         const char  *password,
                                         const char  *actor,
                                         GError     **error);

/* Connects, and creates Clinical Team's schema on the server's database (or
 * brings it up to this program's version): each step one transaction. */
CtDatabase  *ct_server_database_set_up  (const char  *connection,
                                         const char  *password,
                                         const char  *actor,
                                         GError     **error);

G_END_DECLS
