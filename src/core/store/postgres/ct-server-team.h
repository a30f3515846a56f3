/* ct-server-team.h: the people of a team server, for its IT department
 *
 * Each person signs in with a login of their own, which belongs to one of
 * three roles (help/C/who-can-see-what.page) and is linked to their staff
 * record (staff.login). These functions are run by IT's owner role (the
 * one that set the server up), on a connection from
 * ct_server_database_connect(). Each is idempotent: run again, it changes
 * nothing and says so. Each change is one transaction with its audit
 * entry, whose "who" the server writes itself. A password is hashed here
 * (SCRAM-SHA-256) before it is sent, so that it never appears in the
 * server's statement log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* ct_server_database_set_up(): connects, and creates Clinical Team's
 * schema, roles and policies (or brings them up to this program's
 * version); then, when anything was done, writes its audit entry. */
CtDatabase  *ct_server_team_init         (const char   *connection,
                                          const char   *password,
                                          GError      **error);

/* "clinician", "administrator", "lead". */
const char  *ct_team_role_get_word       (CtTeamRole    role);
/* FALSE with CT_DATABASE_ERROR_INVALID, naming the words, when @word is
 * none of them. */
gboolean     ct_team_role_from_word      (const char   *word,
                                          CtTeamRole   *role,
                                          GError      **error);

/**
 * CtTeamLogin:
 * @CT_TEAM_LOGIN_NONE: no such login on the server
 * @CT_TEAM_LOGIN_ENABLED: a Clinical Team login that may sign in
 * @CT_TEAM_LOGIN_DISABLED: a Clinical Team login that may no longer sign in
 */
typedef enum
{
  CT_TEAM_LOGIN_NONE,
  CT_TEAM_LOGIN_ENABLED,
  CT_TEAM_LOGIN_DISABLED,
} CtTeamLogin;

/* What the server knows of @login. A role of the server that is not a
 * Clinical Team login (IT's own, a superuser, another program's) is an
 * error: these functions never touch it. */
gboolean     ct_server_team_get_login    (CtDatabase   *db,
                                          const char   *login,
                                          CtTeamLogin  *state,
                                          GError      **error);

/* Creates @login in @role, with @password (which may be NULL when the
 * login exists already), and links it to the active staff member called
 * @staff_name, created (job role "administrator" for an administrator,
 * else "other") when there is none. An existing login of the same role
 * is left as it is, password included; one of another role, or disabled,
 * is an error that says what to do. *changed says whether anything was
 * done. */
gboolean     ct_server_team_add_user     (CtDatabase   *db,
                                          const char   *login,
                                          CtTeamRole    role,
                                          const char   *staff_name,
                                          const char   *password,
                                          gboolean     *changed,
                                          GError      **error);

/* Moves @login to @role (out of the others). */
gboolean     ct_server_team_set_role     (CtDatabase   *db,
                                          const char   *login,
                                          CtTeamRole    role,
                                          gboolean     *changed,
                                          GError      **error);

/* A leaver: @login may no longer sign in (NOLOGIN), and their staff
 * record becomes inactive. Their records and audit entries stay. */
gboolean     ct_server_team_disable_user (CtDatabase   *db,
                                          const char   *login,
                                          gboolean     *changed,
                                          GError      **error);

G_END_DECLS
