/* ct-statement.c: one SQL statement, handed to the store that prepared it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-statement"

#include "config.h"

#include "ct-statement-private.h"

void
ct_statement_bind_text (CtStatement *self,
                        int          index,
                        const char  *text)
{
  if (text == NULL)
    self->funcs->bind_null (self, index);
  else
    self->funcs->bind_text (self, index, text);
}

void
ct_statement_bind_int64 (CtStatement *self,
                         int          index,
                         gint64       value)
{
  self->funcs->bind_int64 (self, index, value);
}

void
ct_statement_bind_double (CtStatement *self,
                          int          index,
                          double       value)
{
  self->funcs->bind_double (self, index, value);
}

void
ct_statement_bind_null (CtStatement *self,
                        int          index)
{
  self->funcs->bind_null (self, index);
}

int
ct_statement_parameter_index (CtStatement *self,
                              const char  *name)
{
  return self->funcs->parameter_index (self, name);
}

void
ct_statement_clear_bindings (CtStatement *self)
{
  self->funcs->clear_bindings (self);
}

gboolean
ct_statement_step (CtStatement  *self,
                   gboolean     *has_row,
                   const char   *what,
                   GError      **error)
{
  return self->funcs->step (self, has_row, what, error);
}

gboolean
ct_statement_run (CtStatement  *self,
                  const char   *what,
                  GError      **error)
{
  gboolean has_row;
  gboolean ok = ct_statement_step (self, &has_row, what, error);

  ct_statement_reset (self);
  return ok;
}

void
ct_statement_reset (CtStatement *self)
{
  self->funcs->reset (self);
}

gboolean
ct_statement_column_is_null (CtStatement *self,
                             int          column)
{
  return self->funcs->column_is_null (self, column);
}

gint64
ct_statement_column_int64 (CtStatement *self,
                           int          column)
{
  return self->funcs->column_int64 (self, column);
}

int
ct_statement_column_int (CtStatement *self,
                         int          column)
{
  return (int) self->funcs->column_int64 (self, column);
}

double
ct_statement_column_double (CtStatement *self,
                            int          column)
{
  return self->funcs->column_double (self, column);
}

const char *
ct_statement_column_text (CtStatement *self,
                          int          column)
{
  return self->funcs->column_text (self, column);
}

void
ct_statement_free (CtStatement *self)
{
  if (self != NULL)
    self->funcs->free (self);
}
