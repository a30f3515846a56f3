/* ct-server-statement.c: a CtStatement on the team server
 *
 * Each statement is prepared on the server once per connection; running it
 * is one round trip (PQexecPrepared) that brings back every row, which the
 * steps then walk. Values travel as text: PostgreSQL gives the types the
 * statement's columns need, and returns dates as YYYY-MM-DD (DateStyle ISO).
 *
 * In a batch (an import), a SELECT keeps each result by its values, and
 * answers the same values again from it until anything is written: every
 * row of a file looks up the same few children and staff members.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-server-database"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-server-database-private.h"

/* pg_type.oid of boolean: a boolean column reads as 0 or 1. */
#define BOOL_OID 16

typedef struct
{
  CtStatement       parent;
  CtServerDatabase *db;          /* not a reference: the database owns us */
  char             *name;
  GPtrArray        *names;       /* the parameters' names, NULL for ?N */
  char            **values;      /* one per parameter; NULL binds NULL */
  PGresult         *result;      /* of the last run, until reset */
  gboolean          result_kept; /* then self->kept owns it */
  int               row;
  gboolean          reads;       /* a SELECT: its results may be kept in a batch */
  GHashTable       *kept;        /* values (key_of()) → PGresult, or NULL */
  guint64           kept_writes; /* the database's count of writes when kept */
} CtServerStatement;

#define SELF(stmt) ((CtServerStatement *) (stmt))

static void
bind_owned (CtStatement *stmt,
            int          index,
            char        *value)
{
  CtServerStatement *self = SELF (stmt);

  g_return_if_fail (index >= 1 && (guint) index <= self->names->len);
  g_free (self->values[index - 1]);
  self->values[index - 1] = value;
}

static void
bind_text (CtStatement *stmt,
           int          index,
           const char  *text)
{
  bind_owned (stmt, index, g_strdup (text));
}

static void
bind_int64 (CtStatement *stmt,
            int          index,
            gint64       value)
{
  bind_owned (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
bind_double (CtStatement *stmt,
             int          index,
             double       value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  bind_owned (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

static void
bind_null (CtStatement *stmt,
           int          index)
{
  bind_owned (stmt, index, NULL);
}

static int
parameter_index (CtStatement *stmt,
                 const char  *name)
{
  CtServerStatement *self = SELF (stmt);

  for (guint i = 0; i < self->names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->names, i), name) == 0)
      return i + 1;
  return 0;
}

static void
clear_bindings (CtStatement *stmt)
{
  CtServerStatement *self = SELF (stmt);

  for (guint i = 0; i < self->names->len; i++)
    g_clear_pointer (&self->values[i], g_free);
}

/* The kept results, unless they are still good. */
static void
forget_stale (CtServerStatement *self)
{
  if (self->kept != NULL && (!ct_server_database_in_batch (self->db) ||
                             self->kept_writes != ct_server_database_get_writes (self->db)))
    g_clear_pointer (&self->kept, g_hash_table_unref);
}

static void
reset (CtStatement *stmt)
{
  CtServerStatement *self = SELF (stmt);

  if (!self->result_kept)
    g_clear_pointer (&self->result, PQclear);
  self->result = NULL;
  self->result_kept = FALSE;
  self->row = -1;
  forget_stale (self);
}

/* The bound values as one string: each its length and text, or "N" for NULL. */
static char *
key_of (CtServerStatement *self)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < self->names->len; i++)
    if (self->values[i] == NULL)
      g_string_append_c (key, 'N');
    else
      g_string_append_printf (key, "%zu:%s", strlen (self->values[i]), self->values[i]);
  return g_string_free (key, FALSE);
}

/* In a batch, a result kept for these values. */
static gboolean
run_kept (CtServerStatement *self)
{
  g_autofree char *key = NULL;

  forget_stale (self);
  if (!self->reads || self->kept == NULL)
    return FALSE;
  key = key_of (self);
  self->result = g_hash_table_lookup (self->kept, key);
  self->result_kept = self->result != NULL;
  return self->result_kept;
}

static void
keep (CtServerStatement *self)
{
  if (!self->reads || !ct_server_database_in_batch (self->db))
    return;
  if (self->kept == NULL)
    {
      self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) PQclear);
      self->kept_writes = ct_server_database_get_writes (self->db);
    }
  g_hash_table_replace (self->kept, key_of (self), self->result);
  self->result_kept = TRUE;
}

static gboolean
run (CtServerStatement  *self,
     const char         *what,
     GError            **error)
{
  PGconn *conn = ct_server_database_get_conn (self->db);
  ExecStatusType status;

  if (conn == NULL)
    return ct_database_check_open (CT_DATABASE (self->db), error);
  if (run_kept (self))
    return TRUE;

  ct_server_database_count_round_trip (self->db);
  if (!self->reads)
    ct_server_database_count_write (self->db);
  self->result = PQexecPrepared (conn, self->name, self->names->len,
                                 (const char * const *) self->values, NULL, NULL, 0);
  status = PQresultStatus (self->result);
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
    {
      keep (self);
      return TRUE;
    }

  ct_server_set_error (conn, self->result, what, !self->reads, error);
  g_clear_pointer (&self->result, PQclear);
  return FALSE;
}

static gboolean
step (CtStatement  *stmt,
      gboolean     *has_row,
      const char   *what,
      GError      **error)
{
  CtServerStatement *self = SELF (stmt);

  if (self->result == NULL && !run (self, what, error))
    return FALSE;

  self->row++;
  *has_row = self->row < PQntuples (self->result);
  return TRUE;
}

static gboolean
column_is_null (CtStatement *stmt,
                int          column)
{
  CtServerStatement *self = SELF (stmt);

  return PQgetisnull (self->result, self->row, column);
}

static const char *
column_text (CtStatement *stmt,
             int          column)
{
  CtServerStatement *self = SELF (stmt);

  if (column_is_null (stmt, column))
    return NULL;
  return PQgetvalue (self->result, self->row, column);
}

static gint64
column_int64 (CtStatement *stmt,
              int          column)
{
  CtServerStatement *self = SELF (stmt);
  const char *text = column_text (stmt, column);

  if (text == NULL)
    return 0;
  if (PQftype (self->result, column) == BOOL_OID)
    return *text == 't';
  return g_ascii_strtoll (text, NULL, 10);
}

static double
column_double (CtStatement *stmt,
               int          column)
{
  const char *text = column_text (stmt, column);

  return text != NULL ? g_ascii_strtod (text, NULL) : 0.0;
}

static void
free_statement (CtStatement *stmt)
{
  CtServerStatement *self = SELF (stmt);
  PGconn *conn = ct_server_database_get_conn (self->db);

  reset (stmt);
  clear_bindings (stmt);
  g_clear_pointer (&self->kept, g_hash_table_unref);
  if (conn != NULL)
    {
      g_autofree char *deallocate = g_strdup_printf ("DEALLOCATE %s", self->name);

      ct_server_database_count_round_trip (self->db);
      PQclear (PQexec (conn, deallocate));
    }
  g_free (self->values);
  g_ptr_array_unref (self->names);
  g_free (self->name);
  g_free (self);
}

static const CtStatementFuncs funcs = {
  .bind_text = bind_text,
  .bind_int64 = bind_int64,
  .bind_double = bind_double,
  .bind_null = bind_null,
  .parameter_index = parameter_index,
  .clear_bindings = clear_bindings,
  .step = step,
  .reset = reset,
  .column_is_null = column_is_null,
  .column_int64 = column_int64,
  .column_double = column_double,
  .column_text = column_text,
  .free = free_statement,
};

CtStatement *
ct_server_statement_new (CtServerDatabase  *db,
                         const char        *name,
                         const char        *sql,
                         GError           **error)
{
  PGconn *conn = ct_server_database_get_conn (db);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *text = ct_server_translate_sql (sql, &names);
  g_autofree Oid *types = ct_server_parameter_types (names);
  g_autoptr(PGresult) result = NULL;
  CtServerStatement *self;

  ct_server_database_count_round_trip (db);
  result = PQprepare (conn, name, text, names->len, types);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      ct_server_set_error (conn, result, _("read the team server's records"), FALSE, error);
      return NULL;
    }

  self = g_new0 (CtServerStatement, 1);
  self->parent.funcs = &funcs;
  self->db = db;
  self->name = g_strdup (name);
  self->names = g_steal_pointer (&names);
  self->values = g_new0 (char *, self->names->len + 1);
  self->row = -1;
  self->reads = g_ascii_strncasecmp (text, "SELECT", strlen ("SELECT")) == 0;
  return &self->parent;
}
