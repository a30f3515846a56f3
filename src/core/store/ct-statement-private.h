/* ct-statement-private.h: what a store implements for CtStatement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-statement.h"

G_BEGIN_DECLS

typedef struct
{
  void         (*bind_text)       (CtStatement *self, int index, const char *text);
  void         (*bind_int64)      (CtStatement *self, int index, gint64 value);
  void         (*bind_double)     (CtStatement *self, int index, double value);
  void         (*bind_null)       (CtStatement *self, int index);
  int          (*parameter_index) (CtStatement *self, const char *name);
  void         (*clear_bindings)  (CtStatement *self);
  gboolean     (*step)            (CtStatement *self, gboolean *has_row, const char *what,
                                   GError **error);
  void         (*reset)           (CtStatement *self);
  gboolean     (*column_is_null)  (CtStatement *self, int column);
  gint64       (*column_int64)    (CtStatement *self, int column);
  double       (*column_double)   (CtStatement *self, int column);
  const char * (*column_text)     (CtStatement *self, int column);
  void         (*free)            (CtStatement *self);
} CtStatementFuncs;

/* The first member of every store's statement. */
struct _CtStatement
{
  const CtStatementFuncs *funcs;
};

void         ct_statement_free           (CtStatement  *self);

G_END_DECLS
