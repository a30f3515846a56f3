/* ct-attendee-names.c: the names a training register offers as one types
 *
 * Earlier attendees (each name once, from its latest place) and active
 * staff who never attended, in SQL that both stores run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-attendee-names"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-attendee-names.h"
#include "ct-store-private.h"

/* %s: the store's LIKE that ignores case. */
static const char names_sql[] =
  "SELECT a.attendee_name, a.role, a.organisation"
  "  FROM training_attendance a"
  "  JOIN (SELECT max (id) AS id FROM training_attendance"
  "         WHERE attendee_name %s ?1 ESCAPE '\\' GROUP BY attendee_name) latest"
  "    ON latest.id = a.id"
  " UNION ALL "
  "SELECT s.name, NULL, NULL"
  "  FROM staff s"
  " WHERE s.active AND s.name %s ?1 ESCAPE '\\'"
  "   AND NOT EXISTS (SELECT 1 FROM training_attendance b WHERE b.attendee_name = s.name)"
  " ORDER BY 1"
  " LIMIT ?2";

void
ct_attendee_name_free (CtAttendeeName *name)
{
  if (name == NULL)
    return;
  g_free (name->name);
  g_free (name->role);
  g_free (name->organisation);
  g_free (name);
}

static CtAttendeeName *
read_name (CtStatement *stmt)
{
  CtAttendeeName *name = g_new0 (CtAttendeeName, 1);

  name->name = g_strdup (ct_statement_column_text (stmt, 0));
  name->role = g_strdup (ct_statement_column_text (stmt, 1));
  name->organisation = g_strdup (ct_statement_column_text (stmt, 2));
  return name;
}

GPtrArray *
ct_attendee_names_find (CtDatabase  *db,
                        const char  *typed,
                        guint        limit,
                        GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_attendee_name_free);
  const CtSqlDialect *dialect;
  g_autofree char *sql = NULL;
  g_autofree char *pattern = NULL;
  CtStatement *stmt;
  gboolean has_row = TRUE;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (typed != NULL, NULL);

  dialect = ct_database_get_dialect (db);
  sql = g_strdup_printf (names_sql, dialect->like, dialect->like);
  pattern = ct_store_like_pattern (typed);
  stmt = ct_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  ct_statement_bind_text (stmt, 1, pattern);
  ct_statement_bind_int64 (stmt, 2, limit);
  while (TRUE)
    {
      if (!ct_statement_step (stmt, &has_row, _("read the names of attendees"), error))
        {
          ct_statement_reset (stmt);
          return NULL;
        }
      if (!has_row)
        break;
      g_ptr_array_add (names, read_name (stmt));
    }
  ct_statement_reset (stmt);
  return g_steal_pointer (&names);
}
