/* ct-file-statement.c: a CtStatement on the encrypted file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-file-database"

#include "config.h"

#include "ct-file-database-private.h"

typedef struct
{
  CtStatement   parent;
  sqlite3_stmt *stmt;
} CtSqliteStatement;

#define STMT(self) (((CtSqliteStatement *) (self))->stmt)

static void
bind_text (CtStatement *self,
           int          index,
           const char  *text)
{
  sqlite3_bind_text (STMT (self), index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_int64 (CtStatement *self,
            int          index,
            gint64       value)
{
  sqlite3_bind_int64 (STMT (self), index, value);
}

static void
bind_double (CtStatement *self,
             int          index,
             double       value)
{
  sqlite3_bind_double (STMT (self), index, value);
}

static void
bind_null (CtStatement *self,
           int          index)
{
  sqlite3_bind_null (STMT (self), index);
}

static int
parameter_index (CtStatement *self,
                 const char  *name)
{
  return sqlite3_bind_parameter_index (STMT (self), name);
}

static void
clear_bindings (CtStatement *self)
{
  sqlite3_clear_bindings (STMT (self));
}

static gboolean
step (CtStatement  *self,
      gboolean     *has_row,
      const char   *what,
      GError      **error)
{
  int rc = sqlite3_step (STMT (self));

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *has_row = rc == SQLITE_ROW;
      return TRUE;
    }

  ct_sqlite_set_error (sqlite3_db_handle (STMT (self)), error,
                       sqlite3_extended_errcode (sqlite3_db_handle (STMT (self))), what);
  sqlite3_reset (STMT (self));
  return FALSE;
}

static void
reset (CtStatement *self)
{
  sqlite3_reset (STMT (self));
}

static gboolean
column_is_null (CtStatement *self,
                int          column)
{
  return sqlite3_column_type (STMT (self), column) == SQLITE_NULL;
}

static gint64
column_int64 (CtStatement *self,
              int          column)
{
  return sqlite3_column_int64 (STMT (self), column);
}

static double
column_double (CtStatement *self,
               int          column)
{
  return sqlite3_column_double (STMT (self), column);
}

static const char *
column_text (CtStatement *self,
             int          column)
{
  return (const char *) sqlite3_column_text (STMT (self), column);
}

static void
free_statement (CtStatement *self)
{
  sqlite3_finalize (STMT (self));
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
ct_sqlite_statement_new (sqlite3_stmt *stmt)
{
  CtSqliteStatement *self = g_new0 (CtSqliteStatement, 1);

  self->parent.funcs = &funcs;
  self->stmt = stmt;
  return &self->parent;
}
