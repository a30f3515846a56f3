/* ct-server-team.c: the people of a team server, for its IT department
 *
 * A login is a PostgreSQL role that may sign in and belongs to one of the
 * group roles clinical_team_<word> made by the schema (ct-server-schema.c).
 * Names are checked and quoted here, the password hashed here; the server
 * stamps each audit entry with the login that ran the command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-server-team"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-records.h"
#include "ct-server-database-private.h"
#include "ct-server-team.h"
#include "ct-store-private.h"
#include "ct-store.h"
#include "ct-text-clean.h"

#define GROUP_PREFIX "clinical_team_"
#define MAX_LOGIN_LENGTH 63

static const char *const role_words[CT_TEAM_N_ROLES] = { "clinician", "administrator", "lead" };

const char *
ct_team_role_get_word (CtTeamRole role)
{
  g_return_val_if_fail (role < CT_TEAM_N_ROLES, NULL);

  return role_words[role];
}

gboolean
ct_team_role_from_word (const char  *word,
                        CtTeamRole  *role,
                        GError     **error)
{
  g_autofree char *quoted = NULL;

  for (guint i = 0; i < CT_TEAM_N_ROLES; i++)
    if (g_strcmp0 (word, role_words[i]) == 0)
      {
        *role = i;
        return TRUE;
      }

  quoted = ct_text_dup_quote (word != NULL ? word : "");
  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
               /* TRANSLATORS: keep clinician, administrator and lead in English: they are
                * the words to type */
               _("“%s” is not a role: use clinician, administrator or lead."), quoted);
  return FALSE;
}

/* The schema */

CtDatabase *
ct_server_team_init (const char  *connection,
                     const char  *password,
                     GError     **error)
{
  g_autoptr(CtDatabase) db = ct_server_database_set_up (connection, password, NULL, error);
  g_autofree char *description = NULL;
  int found;

  if (db == NULL)
    return NULL;
  found = ct_server_database_get_found_version (CT_SERVER_DATABASE (db));
  if (found >= CT_SERVER_SCHEMA_VERSION)
    return g_steal_pointer (&db);

  description = found == 0
    ? g_strdup_printf (_("Set up the team server's records at schema version %d"),
                       CT_SERVER_SCHEMA_VERSION)
    /* TRANSLATORS: "Upgraded the team server's records from schema version 3 to 4" */
    : g_strdup_printf (_("Upgraded the team server's records from schema version %d to %d"),
                       found, CT_SERVER_SCHEMA_VERSION);
  if (!ct_database_audit (db, "update", NULL, 0, description, error))
    return NULL;
  ct_database_note_changes (db);
  return g_steal_pointer (&db);
}

/* Checks */

static PGconn *
get_conn (CtDatabase  *db,
          GError     **error)
{
  if (!ct_database_check_open (db, error))
    return NULL;
  if (CT_IS_SERVER_DATABASE (db))
    return ct_server_database_get_conn (CT_SERVER_DATABASE (db));

  g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_SUPPORTED,
                       _("Logins and roles belong to a team server; a records file has one "
                         "passphrase and no roles."));
  return NULL;
}

/* Small letters, digits, '.', '_' and '-', starting with a letter: a name
 * that needs no quoting in pg_hba.conf or a connection string, and none of
 * PostgreSQL's own (pg_…) or Clinical Team's group roles. */
static gboolean
check_login_name (const char  *login,
                  GError     **error)
{
  gsize length = strlen (login);
  gboolean ok = length > 0 && length <= MAX_LOGIN_LENGTH && g_ascii_islower (login[0]) &&
                !g_str_has_prefix (login, "pg_") && !g_str_has_prefix (login, GROUP_PREFIX);
  g_autofree char *quoted = NULL;

  for (gsize i = 0; ok && i < length; i++)
    ok = g_ascii_islower (login[i]) || g_ascii_isdigit (login[i]) || strchr ("._-", login[i]);
  if (ok)
    return TRUE;

  quoted = ct_text_dup_quote (login);
  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
               _("“%s” cannot be a login: use up to 63 small letters, digits, “.”, “_” and "
                 "“-”, starting with a letter (and not with “pg_” or “clinical_team_”)."),
               quoted);
  return FALSE;
}

/* What the server knows of a login. */
typedef struct
{
  CtTeamLogin state;
  guint       roles;  /* a bit per CtTeamRole it belongs to */
} LoginInfo;

static const char login_sql[] =
  "SELECT r.rolcanlogin, r.rolsuper, g.rolname FROM pg_roles r"
  " LEFT JOIN pg_auth_members m ON m.member = r.oid"
  " LEFT JOIN pg_roles g ON g.oid = m.roleid"
  " WHERE r.rolname = ?1";

static guint
role_bit (const char *group)
{
  for (guint i = 0; group != NULL && i < CT_TEAM_N_ROLES; i++)
    if (g_str_has_prefix (group, GROUP_PREFIX) &&
        g_str_equal (group + strlen (GROUP_PREFIX), role_words[i]))
      return 1u << i;
  return 0;
}

static gboolean
read_login (CtDatabase  *db,
            const char  *login,
            LoginInfo   *info,
            GError     **error)
{
  CtStatement *stmt = ct_database_prepare (db, login_sql, error);
  gboolean exists = FALSE;
  gboolean superuser = FALSE;
  gboolean can_login = FALSE;
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_text (stmt, 1, login);
  info->roles = 0;
  while ((ok = ct_statement_step (stmt, &has_row, _("read the team's logins"), error)) && has_row)
    {
      exists = TRUE;
      can_login = ct_statement_column_int (stmt, 0) != 0;
      superuser = ct_statement_column_int (stmt, 1) != 0;
      info->roles |= role_bit (ct_statement_column_text (stmt, 2));
    }
  ct_statement_reset (stmt);
  if (!ok)
    return FALSE;

  if (!exists)
    info->state = CT_TEAM_LOGIN_NONE;
  else if (superuser || info->roles == 0)
    {
      g_autofree char *quoted = ct_text_dup_quote (login);
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_ALLOWED,
                   _("“%s” is a role of the server but not a Clinical Team login, so it is "
                     "left as it is. Choose another name."), quoted);
      return FALSE;
    }
  else
    info->state = can_login ? CT_TEAM_LOGIN_ENABLED : CT_TEAM_LOGIN_DISABLED;
  return TRUE;
}

static gboolean
read_existing_login (CtDatabase  *db,
                     const char  *login,
                     LoginInfo   *info,
                     GError     **error)
{
  g_autofree char *quoted = NULL;

  if (!check_login_name (login, error) || !read_login (db, login, info, error))
    return FALSE;
  if (info->state != CT_TEAM_LOGIN_NONE)
    return TRUE;

  quoted = ct_text_dup_quote (login);
  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND,
               _("The team server has no login “%s”."), quoted);
  return FALSE;
}

gboolean
ct_server_team_get_login (CtDatabase   *db,
                          const char   *login,
                          CtTeamLogin  *state,
                          GError      **error)
{
  LoginInfo info = { 0 };

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (login != NULL && state != NULL, FALSE);

  if (get_conn (db, error) == NULL || !check_login_name (login, error) ||
      !read_login (db, login, &info, error))
    return FALSE;
  *state = info.state;
  return TRUE;
}

/* SQL */

static char *
quote_identifier (PGconn     *conn,
                  const char *name)
{
  char *quoted = PQescapeIdentifier (conn, name, strlen (name));
  char *copy = g_strdup (quoted);

  PQfreemem (quoted);
  return copy;
}

static gboolean
exec_printf (CtDatabase  *db,
             GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
exec_printf (CtDatabase  *db,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return ct_database_exec (db, sql, error);
}

/* CREATE ROLE with the password's SCRAM verifier, never the password. */
static gboolean
create_login (CtDatabase  *db,
              PGconn      *conn,
              const char  *login,
              CtTeamRole   role,
              const char  *password,
              GError     **error)
{
  g_autofree char *name = quote_identifier (conn, login);
  char *verifier = PQencryptPasswordConn (conn, password, login, "scram-sha-256");
  char *literal;
  gboolean ok;

  if (verifier == NULL)
    {
      ct_server_set_error (conn, NULL, _("hash the password"), FALSE, error);
      return FALSE;
    }
  literal = PQescapeLiteral (conn, verifier, strlen (verifier));
  ok = exec_printf (db, error, "CREATE ROLE %s LOGIN PASSWORD %s IN ROLE " GROUP_PREFIX "%s",
                    name, literal, role_words[role]);
  PQfreemem (literal);
  PQfreemem (verifier);
  return ok;
}

static gint64
query_id (CtDatabase  *db,
          const char  *sql,
          const char  *text,
          GError     **error)
{
  CtStatement *stmt = ct_database_prepare (db, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  ct_statement_bind_text (stmt, 1, text);
  return ct_store_query_int (db, stmt, &id, error) ? id : -1;
}

/* The staff member linked to @login: its id, 0 for none, -1 on error. */
static gint64
find_linked_staff (CtDatabase  *db,
                   const char  *login,
                   GError     **error)
{
  return query_id (db, "SELECT id FROM staff WHERE login = ?1", login, error);
}

static gint64
create_staff (CtDatabase  *db,
              const char  *name,
              CtTeamRole   role,
              GError     **error)
{
  g_autoptr(CtRecord) staff = ct_record_new (ct_kind_lookup ("staff"));

  g_object_set (staff, "name", name,
                "role", role == CT_TEAM_ROLE_ADMINISTRATOR ? "administrator" : "other",
                "active", TRUE, NULL);
  return ct_store_insert (db, staff, error) ? ct_record_get_id (staff) : -1;
}

/* Links @login to the active staff member called @name, made when there is
 * none; that person must not sign in with another login already. */
static gint64
link_staff (CtDatabase  *db,
            const char  *login,
            const char  *name,
            CtTeamRole   role,
            GError     **error)
{
  gint64 id = query_id (db, "SELECT id FROM staff WHERE active AND login IS NULL"
                            " AND name = ?1 COLLATE NOCASE", name, error);
  gint64 taken;
  CtStatement *stmt;

  if (id < 0)
    return -1;
  if (id == 0)
    {
      taken = query_id (db, "SELECT id FROM staff WHERE active AND name = ?1 COLLATE NOCASE",
                        name, error);
      if (taken != 0)
        {
          g_autofree char *quoted = ct_text_dup_quote (name);
          if (taken > 0)
            g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CONFLICT,
                         _("The staff member “%s” signs in with another login already."), quoted);
          return -1;
        }
      if ((id = create_staff (db, name, role, error)) < 0)
        return -1;
    }

  stmt = ct_database_prepare (db, "UPDATE staff SET login = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return -1;
  ct_statement_bind_text (stmt, 1, login);
  ct_statement_bind_int64 (stmt, 2, id);
  return ct_statement_run (stmt, _("link the login to its staff member"), error) ? id : -1;
}

/* The audit entry of a change to @login, on its staff record if it has one. */
static gboolean
audit_login (CtDatabase  *db,
             const char  *login,
             const char  *description,
             GError     **error)
{
  gint64 staff_id = find_linked_staff (db, login, error);

  if (staff_id < 0 ||
      !ct_database_audit (db, "update", staff_id > 0 ? "staff" : NULL, staff_id, description,
                          error))
    return FALSE;
  ct_database_note_changes (db);
  return TRUE;
}

/* Runs @change in one transaction. */
typedef gboolean (*ChangeFunc) (CtDatabase  *db,
                                PGconn      *conn,
                                const char  *login,
                                gconstpointer data,
                                gboolean    *changed,
                                GError     **error);

static gboolean
in_transaction (CtDatabase    *db,
                PGconn        *conn,
                const char    *login,
                ChangeFunc     change,
                gconstpointer  data,
                gboolean      *changed,
                GError       **error)
{
  gboolean done = FALSE;

  if (!ct_database_begin (db, error))
    return FALSE;
  if (!change (db, conn, login, data, &done, error))
    {
      ct_database_rollback (db);
      return FALSE;
    }
  if (!ct_database_commit (db, error))
    return FALSE;
  if (changed != NULL)
    *changed = done;
  return TRUE;
}

/* Adding a login */

typedef struct
{
  CtTeamRole  role;
  const char *staff_name;
  const char *password;
} NewLogin;

static gboolean
add_user (CtDatabase    *db,
          PGconn        *conn,
          const char    *login,
          gconstpointer  data,
          gboolean      *changed,
          GError       **error)
{
  const NewLogin *user = data;
  g_autofree char *quoted = ct_text_dup_quote (login);
  g_autofree char *description = NULL;
  LoginInfo info = { 0 };
  gint64 staff_id;

  if (!read_login (db, login, &info, error))
    return FALSE;
  if (info.state == CT_TEAM_LOGIN_DISABLED)
    {
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_EXISTS,
                   _("The login “%s” was disabled, and is kept so that the audit trail keeps "
                     "naming its person. Give someone who returns a new login."), quoted);
      return FALSE;
    }
  if (info.state == CT_TEAM_LOGIN_ENABLED && info.roles != 1u << user->role)
    {
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_EXISTS,
                   _("The login “%s” exists already, in another role. Change its role with "
                     "“team set-role”."), quoted);
      return FALSE;
    }
  if (info.state == CT_TEAM_LOGIN_NONE)
    {
      if (user->password == NULL)
        {
          g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
                               _("A new login needs a first password."));
          return FALSE;
        }
      if (!create_login (db, conn, login, user->role, user->password, error))
        return FALSE;
      *changed = TRUE;
    }

  staff_id = find_linked_staff (db, login, error);
  if (staff_id < 0)
    return FALSE;
  if (staff_id == 0)
    {
      if (link_staff (db, login, user->staff_name, user->role, error) < 0)
        return FALSE;
      *changed = TRUE;
    }
  if (!*changed)
    return TRUE;

  /* TRANSLATORS: "Added the login “jo.bloggs” (clinician) for Jo Bloggs" */
  description = g_strdup_printf (_("Added the login “%s” (%s) for %s"), quoted,
                                 role_words[user->role], user->staff_name);
  return audit_login (db, login, description, error);
}

gboolean
ct_server_team_add_user (CtDatabase  *db,
                         const char  *login,
                         CtTeamRole   role,
                         const char  *staff_name,
                         const char  *password,
                         gboolean    *changed,
                         GError     **error)
{
  NewLogin user = { role, staff_name, password };
  PGconn *conn;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (login != NULL && staff_name != NULL, FALSE);
  g_return_val_if_fail (role < CT_TEAM_N_ROLES, FALSE);

  conn = get_conn (db, error);
  return conn != NULL && check_login_name (login, error) &&
         in_transaction (db, conn, login, add_user, &user, changed, error);
}

/* A role */

static gboolean
set_role (CtDatabase    *db,
          PGconn        *conn,
          const char    *login,
          gconstpointer  data,
          gboolean      *changed,
          GError       **error)
{
  const CtTeamRole *role = data;
  g_autofree char *name = quote_identifier (conn, login);
  g_autofree char *quoted = ct_text_dup_quote (login);
  g_autofree char *description = NULL;
  LoginInfo info = { 0 };

  if (!read_existing_login (db, login, &info, error))
    return FALSE;
  if (info.roles == 1u << *role)
    return TRUE;

  for (guint i = 0; i < CT_TEAM_N_ROLES; i++)
    if (i != *role && (info.roles & (1u << i)) &&
        !exec_printf (db, error, "REVOKE " GROUP_PREFIX "%s FROM %s", role_words[i], name))
      return FALSE;
  if (!(info.roles & (1u << *role)) &&
      !exec_printf (db, error, "GRANT " GROUP_PREFIX "%s TO %s", role_words[*role], name))
    return FALSE;
  *changed = TRUE;

  /* TRANSLATORS: "Gave the login “jo.bloggs” the role lead" */
  description = g_strdup_printf (_("Gave the login “%s” the role %s"), quoted, role_words[*role]);
  return audit_login (db, login, description, error);
}

gboolean
ct_server_team_set_role (CtDatabase  *db,
                         const char  *login,
                         CtTeamRole   role,
                         gboolean    *changed,
                         GError     **error)
{
  PGconn *conn;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (login != NULL, FALSE);
  g_return_val_if_fail (role < CT_TEAM_N_ROLES, FALSE);

  conn = get_conn (db, error);
  return conn != NULL && in_transaction (db, conn, login, set_role, &role, changed, error);
}

/* A leaver */

/* Makes the staff record linked to @login inactive, through the store (so
 * that it is validated and audited like any change of a staff record). */
static gboolean
make_staff_inactive (CtDatabase  *db,
                     const char  *login,
                     gboolean    *changed,
                     GError     **error)
{
  gint64 staff_id = find_linked_staff (db, login, error);
  g_autoptr(CtRecord) staff = NULL;
  gboolean active = FALSE;

  if (staff_id <= 0)
    return staff_id == 0;
  staff = ct_store_get (db, ct_kind_lookup ("staff"), staff_id, error);
  if (staff == NULL)
    return FALSE;
  g_object_get (staff, "active", &active, NULL);
  if (!active)
    return TRUE;

  g_object_set (staff, "active", FALSE, NULL);
  *changed = TRUE;
  return ct_store_update (db, staff, error);
}

static gboolean
disable_user (CtDatabase    *db,
              PGconn        *conn,
              const char    *login,
              gconstpointer  data,
              gboolean      *changed,
              GError       **error)
{
  g_autofree char *name = quote_identifier (conn, login);
  g_autofree char *quoted = ct_text_dup_quote (login);
  g_autofree char *description = NULL;
  LoginInfo info = { 0 };

  if (!read_existing_login (db, login, &info, error))
    return FALSE;
  if (info.state == CT_TEAM_LOGIN_ENABLED)
    {
      if (!exec_printf (db, error, "ALTER ROLE %s NOLOGIN", name))
        return FALSE;
      *changed = TRUE;
    }
  if (!make_staff_inactive (db, login, changed, error))
    return FALSE;
  if (!*changed)
    return TRUE;

  /* TRANSLATORS: "Disabled the login “jo.bloggs”: it may no longer sign in" */
  description = g_strdup_printf (_("Disabled the login “%s”: it may no longer sign in"), quoted);
  return audit_login (db, login, description, error);
}

gboolean
ct_server_team_disable_user (CtDatabase  *db,
                             const char  *login,
                             gboolean    *changed,
                             GError     **error)
{
  PGconn *conn;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (login != NULL, FALSE);

  conn = get_conn (db, error);
  return conn != NULL && in_transaction (db, conn, login, disable_user, NULL, changed, error);
}
