/* ct-server-database.c: the records on a team server (PostgreSQL, libpq)
 *
 * One connection per signed-in person. The server is the authority on who
 * may do what; this side only speaks SQL to it, over TLS with the server's
 * certificate verified unless the connection string says otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-server-database"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-server-database-private.h"
#include "ct-server-team.h"

struct _CtServerDatabase
{
  CtDatabase  parent_instance;

  PGconn     *conn;
  guint       n_statements;  /* names the next prepared statement */
  guint64     n_round_trips; /* requests sent on @conn: benchmarks count them */
  int         found_version; /* the schema's version before a set-up */
  guint64     n_writes;      /* ct_server_database_count_write() */
  gint64      n_changes_elsewhere; /* notifications from other sessions */
  gboolean    batch;
  gboolean    has_role;      /* the login is in one of our roles: @role */
  CtTeamRole  role;
  char       *connection;    /* what it connected with, for a reader */
  gint64      reset_started; /* monotonic µs of the connection attempt under way, or 0 */
  PostgresPollingStatusType reset_status;  /* what that attempt waits for */
};

G_DEFINE_FINAL_TYPE (CtServerDatabase, ct_server_database, CT_TYPE_DATABASE)

#define NOW "to_char (now () AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* The staff member linked to the login (staff.login); the actor is the
 * login, which the server knows itself. */
#define OWN_STAFF "SELECT my_staff_id () WHERE CAST (?1 AS text) IS NOT NULL"

/* The transactions every session sees as committed (and none in
 * progress): the same text, the same records to read. */
#define DATA_VERSION "SELECT CAST (pg_current_snapshot () AS text)"

static const CtSqlDialect server_dialect = {
  .id = 1,
  .begin = "BEGIN",
  .scan_hint = "",
  .like = "ILIKE",
  .text_order_open = "lower (",
  .text_order_close = ") COLLATE \"C\"",
  .now = NOW,
  .count_distinct = "count (DISTINCT ",
  .own_staff = OWN_STAFF,
  .data_version = DATA_VERSION,
};

/* An administrator's: the server grants no clinical free text to read. */
static const CtSqlDialect administrator_dialect = {
  .id = 2,
  .begin = "BEGIN",
  .scan_hint = "",
  .like = "ILIKE",
  .text_order_open = "lower (",
  .text_order_close = ") COLLATE \"C\"",
  .now = NOW,
  .count_distinct = "count (DISTINCT ",
  .own_staff = OWN_STAFF,
  .data_version = DATA_VERSION,
  .hides_clinical_text = TRUE,
};

/* An administrator who is neither a clinician nor the lead (a superuser,
 * IT's owner role, is a member of every role). */
static const char is_administrator_only[] =
  "SELECT pg_has_role ('clinical_team_administrator', 'MEMBER')"
  " AND NOT pg_has_role ('clinical_team_clinician', 'MEMBER')"
  " AND NOT pg_has_role ('clinical_team_lead', 'MEMBER')";

static void
choose_dialect (CtServerDatabase *self)
{
  g_autoptr(PGresult) result = PQexec (self->conn, is_administrator_only);

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1 &&
      g_str_equal (PQgetvalue (result, 0, 0), "t"))
    ct_database_set_dialect (CT_DATABASE (self), &administrator_dialect);
}

/* The role the login was put in (ct-server-team.c): a direct membership,
 * since a superuser counts as a member of every role. */
static const char login_role[] =
  "SELECT substr (g.rolname, length ('clinical_team_') + 1)"
  " FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
  " JOIN pg_roles u ON u.oid = m.member"
  " WHERE u.rolname = current_user"
  " AND g.rolname IN ('clinical_team_clinician', 'clinical_team_administrator',"
  " 'clinical_team_lead')";

static void
find_role (CtServerDatabase *self)
{
  g_autoptr(PGresult) result = PQexec (self->conn, login_role);

  self->has_role = PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1 &&
                   ct_team_role_from_word (PQgetvalue (result, 0, 0), &self->role, NULL);
}

static gboolean
server_get_role (CtDatabase *database,
                 CtTeamRole *role)
{
  CtServerDatabase *self = CT_SERVER_DATABASE (database);

  *role = self->role;
  return self->has_role;
}

/* Every session: dates as YYYY-MM-DD, times in UTC, our schema first; no
 * JIT compiling of queries (PostgreSQL's default above a cost that a list
 * of 40,000 consultations passes: it takes longer to compile than the
 * app's short queries take to run). */
#define SESSION_SETTINGS \
  "SET DateStyle = ISO, YMD;" \
  "SET jit = off;" \
  "SET TimeZone = 'UTC';" \
  "SET client_encoding = 'UTF8';" \
  "SET search_path = " CT_SERVER_SCHEMA ";"

/* The store's own session also hears of every commit: the records'
 * triggers notify (server migration 8). A reader's does not listen, so
 * that nothing piles up unread on its connection. */
static const char session_settings[] =
  SESSION_SETTINGS "LISTEN " CT_SERVER_CHANGE_CHANNEL ";";
static const char reader_settings[] = SESSION_SETTINGS;

static gboolean
start_session (PGconn      *conn,
               const char  *settings,
               GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, settings);

  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    return TRUE;
  ct_server_set_error (conn, result, _("prepare the connection"), FALSE, error);
  return FALSE;
}

PGconn *
ct_server_database_get_conn (CtServerDatabase *self)
{
  return self->conn;
}

void
ct_server_database_count_round_trip (CtServerDatabase *self)
{
  self->n_round_trips++;
}

int
ct_server_database_get_found_version (CtServerDatabase *self)
{
  return self->found_version;
}

guint64
ct_server_database_get_round_trips (CtDatabase *database)
{
  g_return_val_if_fail (CT_IS_SERVER_DATABASE (database), 0);

  return CT_SERVER_DATABASE (database)->n_round_trips;
}

gboolean
ct_server_database_in_batch (CtServerDatabase *self)
{
  return self->batch;
}

void
ct_server_database_count_write (CtServerDatabase *self)
{
  self->n_writes++;
}

guint64
ct_server_database_get_writes (CtServerDatabase *self)
{
  return self->n_writes;
}

/* A batch's start and end forget every answer kept before. */
static void
server_set_batch (CtDatabase *database,
                  gboolean    batch)
{
  CtServerDatabase *self = CT_SERVER_DATABASE (database);

  self->batch = batch;
  self->n_writes++;
}

static CtStatement *
server_prepare (CtDatabase  *database,
                const char  *sql,
                GError     **error)
{
  CtServerDatabase *self = CT_SERVER_DATABASE (database);
  g_autofree char *name = g_strdup_printf ("ct_%u", ++self->n_statements);

  return ct_server_statement_new (self, name, sql, error);
}

static gboolean
server_exec (CtDatabase  *database,
             const char  *sql,
             GError     **error)
{
  CtServerDatabase *self = CT_SERVER_DATABASE (database);
  g_autoptr(PGresult) result = NULL;

  ct_server_database_count_round_trip (self);
  ct_server_database_count_write (self);
  result = PQexec (self->conn, sql);

  if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
    return TRUE;
  ct_server_set_error (self->conn, result, _("write to the team server"), TRUE, error);
  return FALSE;
}

static gboolean
server_is_open (CtDatabase *database)
{
  return CT_SERVER_DATABASE (database)->conn != NULL;
}

static void
server_close (CtDatabase *database)
{
  g_clear_pointer (&CT_SERVER_DATABASE (database)->conn, PQfinish);
}

static int
server_get_schema_version (CtDatabase *database)
{
  return ct_server_schema_get_version (CT_SERVER_DATABASE (database)->conn);
}

static gboolean
server_check_integrity (CtDatabase  *database,
                        GError     **error)
{
  return ct_server_schema_check (CT_SERVER_DATABASE (database)->conn, error);
}

/* The notifications of other sessions' commits received so far; libpq
 * keeps those that arrived with other answers, and reads what waited on
 * the socket without blocking. Our own session's are not counted: its
 * writes emit "changed" themselves. */
static gint64
server_count_changes_elsewhere (CtDatabase *database)
{
  CtServerDatabase *self = CT_SERVER_DATABASE (database);
  PGnotify *notify;

  if (!PQconsumeInput (self->conn))
    return -1;
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != PQbackendPID (self->conn))
        self->n_changes_elsewhere++;
      PQfreemem (notify);
    }
  return self->n_changes_elsewhere;
}

static gboolean
server_is_connected (CtDatabase *database)
{
  CtServerDatabase *self = CT_SERVER_DATABASE (database);

  /* Reading would break a connection attempt under way. */
  if (self->reset_started != 0)
    return FALSE;
  PQconsumeInput (self->conn);
  return PQstatus (self->conn) == CONNECTION_OK;
}

/* How long one call may wait for the connection (the window waits with
 * it), and how long an attempt may take over as many calls as it needs
 * before it starts again (libpq's connect_timeout only holds for a
 * blocking connection). */
#define RECONNECT_WAIT_MS 250
#define RECONNECT_ATTEMPT_US (10 * G_USEC_PER_SEC)

/* Waits up to @timeout_ms for the socket to be ready for what libpq asked;
 * FALSE when the time is up. */
static gboolean
wait_for_socket (PGconn                *conn,
                 PostgresPollingStatusType status,
                 int                    timeout_ms)
{
  GPollFD fd = {
    .fd = PQsocket (conn),
    .events = status == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT,
  };

  return timeout_ms > 0 && g_poll (&fd, 1, timeout_ms) > 0;
}

/* libpq connects again with the parameters it was given, the password
 * among them (it keeps it, and wipes it when the connection is closed),
 * without blocking: each call takes the attempt a step further, waiting
 * at most RECONNECT_WAIT_MS, so that a server behind a network that
 * swallows packets never freezes the window. */
static gboolean
server_reconnect (CtDatabase  *database,
                  GError     **error)
{
  CtServerDatabase *self = CT_SERVER_DATABASE (database);
  gint64 deadline = g_get_monotonic_time () + RECONNECT_WAIT_MS * 1000;

  if (self->reset_started != 0 &&
      g_get_monotonic_time () - self->reset_started > RECONNECT_ATTEMPT_US)
    self->reset_started = 0;
  if (self->reset_started == 0)
    {
      if (!PQresetStart (self->conn))
        {
          ct_server_set_connect_error (self->conn, error);
          return FALSE;
        }
      self->reset_started = g_get_monotonic_time ();
      self->reset_status = PGRES_POLLING_WRITING;
    }
  /* libpq's protocol: wait for what it asked, then poll it again. */
  while (self->reset_status != PGRES_POLLING_OK && self->reset_status != PGRES_POLLING_FAILED)
    {
      if (!wait_for_socket (self->conn, self->reset_status,
                            (int) ((deadline - g_get_monotonic_time ()) / 1000)))
        {
          g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_DISCONNECTED,
                               _("Still connecting to the team server."));
          return FALSE;
        }
      self->reset_status = PQresetPoll (self->conn);
    }
  self->reset_started = 0;
  if (self->reset_status == PGRES_POLLING_FAILED)
    {
      ct_server_set_connect_error (self->conn, error);
      return FALSE;
    }
  if (!start_session (self->conn, session_settings, error))
    return FALSE;
  g_debug ("Connected to the team server again");
  return TRUE;
}

static void
ct_server_database_finalize (GObject *object)
{
  g_free (CT_SERVER_DATABASE (object)->connection);

  G_OBJECT_CLASS (ct_server_database_parent_class)->finalize (object);
}

static CtDatabase *server_open_reader (const char  *connection,
                                       const char  *password,
                                       GError     **error);
static char       *server_dup_address (CtDatabase  *database);

static void
ct_server_database_class_init (CtServerDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CtDatabaseClass *database_class = CT_DATABASE_CLASS (klass);

  object_class->finalize = ct_server_database_finalize;

  database_class->dialect = &server_dialect;
  database_class->actor_is_login = TRUE;
  database_class->prepare = server_prepare;
  database_class->exec = server_exec;
  database_class->is_open = server_is_open;
  database_class->close = server_close;
  database_class->get_schema_version = server_get_schema_version;
  database_class->check_integrity = server_check_integrity;
  database_class->set_batch = server_set_batch;
  database_class->count_changes_elsewhere = server_count_changes_elsewhere;
  database_class->get_role = server_get_role;
  database_class->is_connected = server_is_connected;
  database_class->reconnect = server_reconnect;
  database_class->dup_address = server_dup_address;
  database_class->open_reader = server_open_reader;
}

static void
ct_server_database_init (CtServerDatabase *self)
{
}

/* Connecting */

/* libpq's keywords and values: those of @connection, then ours where it
 * has none (TLS verified, a time limit), then the password. */
static PGconn *
open_connection (const char  *connection,
                 const char  *password,
                 GError     **error)
{
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  PQconninfoOption *options;
  char *message = NULL;
  gboolean has_sslmode = FALSE;
  PGconn *conn;

  options = PQconninfoParse (connection, &message);
  if (options == NULL)
    {
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_UNREACHABLE,
                   _("The team server's address is not valid: %s"),
                   message != NULL ? g_strstrip (message) : "");
      PQfreemem (message);
      return NULL;
    }

  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (option->val != NULL)
      {
        has_sslmode |= g_str_equal (option->keyword, "sslmode");
        g_ptr_array_add (keywords, option->keyword);
        g_ptr_array_add (values, option->val);
      }
  if (!has_sslmode)
    {
      g_ptr_array_add (keywords, (char *) "sslmode");
      g_ptr_array_add (values, (char *) "verify-full");
    }
  g_ptr_array_add (keywords, (char *) "connect_timeout");
  g_ptr_array_add (values, (char *) "10");
  g_ptr_array_add (keywords, (char *) "application_name");
  g_ptr_array_add (values, (char *) PACKAGE_NAME);
  if (password != NULL)
    {
      g_ptr_array_add (keywords, (char *) "password");
      g_ptr_array_add (values, (char *) password);
    }
  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);

  conn = PQconnectdbParams ((const char * const *) keywords->pdata,
                            (const char * const *) values->pdata, FALSE);
  PQconninfoFree (options);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      ct_server_set_connect_error (conn, error);
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

/* The store over @conn, whose session has started. */
static CtDatabase *
wrap_connection (PGconn     *conn,
                 const char *connection)
{
  CtServerDatabase *self = g_object_new (CT_TYPE_SERVER_DATABASE, NULL);

  self->conn = conn;
  self->connection = g_strdup (connection);
  /* Whoever the caller says, the server knows who signed in. */
  ct_database_set_actor (CT_DATABASE (self), PQuser (conn));
  choose_dialect (self);
  find_role (self);
  return CT_DATABASE (self);
}

static CtDatabase *
connect_to (const char  *connection,
            const char  *password,
            const char  *actor,
            gboolean     set_up,
            GError     **error)
{
  g_autoptr(CtDatabase) self = NULL;
  PGconn *conn;
  int found_version = CT_SERVER_SCHEMA_VERSION;

  g_return_val_if_fail (connection != NULL, NULL);

  conn = open_connection (connection, password, error);
  if (conn == NULL)
    return NULL;

  if (!start_session (conn, session_settings, error))
    {
      PQfinish (conn);
      return NULL;
    }
  if (set_up)
    found_version = ct_server_schema_get_version (conn);
  if (!(set_up ? ct_server_schema_set_up (conn, error) : ct_server_schema_check (conn, error)))
    {
      PQfinish (conn);
      return NULL;
    }

  self = wrap_connection (conn, connection);
  CT_SERVER_DATABASE (self)->found_version = found_version;
  if (!set_up &&
      !ct_database_audit (self, "unlock", NULL, 0, _("Signed in to the team server"), error))
    return NULL;
  return g_steal_pointer (&self);
}

static char *
server_dup_address (CtDatabase *database)
{
  return g_strdup (CT_SERVER_DATABASE (database)->connection);
}

/* A reader's connection: the same login, its own session. */
static CtDatabase *
server_open_reader (const char  *connection,
                    const char  *password,
                    GError     **error)
{
  PGconn *conn = open_connection (connection, password, error);

  if (conn == NULL)
    return NULL;
  if (!start_session (conn, reader_settings, error))
    {
      PQfinish (conn);
      return NULL;
    }
  return wrap_connection (conn, connection);
}

CtDatabase *
ct_server_database_connect (const char  *connection,
                            const char  *password,
                            const char  *actor,
                            GError     **error)
{
  return connect_to (connection, password, actor, FALSE, error);
}

CtDatabase *
ct_server_database_set_up (const char  *connection,
                           const char  *password,
                           const char  *actor,
                           GError     **error)
{
  return connect_to (connection, password, actor, TRUE, error);
}
