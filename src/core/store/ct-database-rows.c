/* ct-database-rows.c: many rows in one INSERT
 *
 * A one-row "INSERT INTO t (a, b) VALUES (?1, ?2) [RETURNING id]" is
 * written for up to MAX_ROWS rows at once, "VALUES (?1, ?2), (?3, ?4) ...",
 * which both stores run as one statement: on a team server one round trip
 * for the lot instead of one per row. The statements are cached like any
 * other (ct_database_prepare()); so that few texts are ever prepared, a
 * statement holds a power of two of rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-database"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ct-database-private.h"

/* Rows per statement at most: with a few dozen columns, far below either
 * store's limit on parameters (SQLite 32,766, PostgreSQL 65,535). */
#define MAX_ROWS 256

typedef struct
{
  const char *head;     /* up to "VALUES " */
  const char *tuple;    /* "(?1, ?2)" */
  gsize       tuple_length;
  const char *tail;     /* after the tuple: "" or " RETURNING id" */
  guint       n_params; /* the highest ?N of the tuple */
} RowsSql;

static gboolean
parse_sql (const char *sql,
           RowsSql    *parts)
{
  const char *values = strstr (sql, " VALUES (");
  const char *end;

  if (values == NULL)
    return FALSE;
  parts->head = sql;
  parts->tuple = values + strlen (" VALUES ");
  end = strchr (parts->tuple, ')');
  if (end == NULL)
    return FALSE;
  parts->tuple_length = end + 1 - parts->tuple;
  parts->tail = end + 1;
  parts->n_params = 0;
  for (const char *p = parts->tuple; p < end; p++)
    if (*p == '?')
      parts->n_params = MAX (parts->n_params, (guint) strtoul (p + 1, NULL, 10));
  return TRUE;
}

/* The tuple of row @row: every ?N becomes ?(N + row × n_params). */
static void
append_tuple (GString       *sql,
              const RowsSql *parts,
              guint          row)
{
  const char *p = parts->tuple;
  const char *end = parts->tuple + parts->tuple_length;

  while (p < end)
    {
      char *after;

      if (*p != '?')
        {
          g_string_append_c (sql, *p++);
          continue;
        }
      g_string_append_printf (sql, "?%lu",
                              strtoul (p + 1, &after, 10) + (gulong) row * parts->n_params);
      p = after;
    }
}

static char *
dup_rows_sql (const RowsSql *parts,
              guint          n_rows)
{
  GString *sql = g_string_new_len (parts->head, parts->tuple - parts->head);

  for (guint row = 0; row < n_rows; row++)
    {
      if (row > 0)
        g_string_append (sql, ", ");
      append_tuple (sql, parts, row);
    }
  g_string_append (sql, parts->tail);
  return g_string_free (sql, FALSE);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* One statement of @n_rows rows from @first. The rows get their ids in
 * the order of the VALUES list on both stores (rowid, a sequence), though
 * RETURNING may list them in any order: sorted, they follow the rows. */
static gboolean
insert_some (CtDatabase     *self,
             const RowsSql  *parts,
             guint           first,
             guint           n_rows,
             CtRowBinder     bind,
             gpointer        user_data,
             gint64         *ids,
             const char     *what,
             GError        **error)
{
  g_autofree char *sql = dup_rows_sql (parts, n_rows);
  CtStatement *stmt = ct_database_prepare (self, sql, error);
  gboolean has_row = TRUE;
  guint n_ids = 0;

  if (stmt == NULL)
    return FALSE;
  for (guint row = 0; row < n_rows; row++)
    bind (stmt, 1 + (int) (row * parts->n_params), first + row, user_data);

  while (has_row)
    {
      if (!ct_statement_step (stmt, &has_row, what, error))
        {
          ct_statement_reset (stmt);
          return FALSE;
        }
      if (has_row && ids != NULL && n_ids < n_rows)
        ids[first + n_ids++] = ct_statement_column_int64 (stmt, 0);
    }
  ct_statement_reset (stmt);
  if (ids != NULL)
    qsort (ids + first, n_ids, sizeof *ids, compare_ids);
  return TRUE;
}

gboolean
ct_database_insert_rows (CtDatabase   *self,
                         const char   *sql,
                         guint         n_rows,
                         CtRowBinder   bind,
                         gpointer      user_data,
                         gint64       *ids,
                         const char   *what,
                         GError      **error)
{
  RowsSql parts;
  guint done = 0;

  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL && bind != NULL, FALSE);

  if (!parse_sql (sql, &parts))
    g_return_val_if_reached (FALSE);

  while (done < n_rows)
    {
      guint n = MAX_ROWS;

      /* The largest power of two left: at most log2 (MAX_ROWS) + 1 texts. */
      while (n > n_rows - done)
        n /= 2;
      if (!insert_some (self, &parts, done, n, bind, user_data, ids, what, error))
        return FALSE;
      done += n;
    }
  return TRUE;
}
