/* ct-store-stale.c: a save or delete that finds the record changed
 *
 * A record is saved or deleted only at the version that was read
 * (ct-store-text.c); when that touches no row, the record was deleted or
 * changed by someone else meanwhile, or (still at that version) a team
 * server's row rules hide it from this person's changes; the refusal says
 * which, naming the last change from the audit trail (the record_change
 * view, which every role may read on a team server).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-store-private.h"

/* The version the record has now; 0 when it is gone. */
static gboolean
read_version (CtDatabase    *db,
              const CtKind  *kind,
              gint64         id,
              gint64        *version,
              GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM %s WHERE id = ?1", kind->name);
  CtStatement *stmt = ct_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_int64 (stmt, 1, id);
  return ct_store_query_int (db, stmt, version, error);
}

/* "2025-03-03T14:05:00Z" → "2025-03-03 14:05", local time. */
static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (at);
}

static gboolean
refuse_changed (CtDatabase    *db,
                const CtKind  *kind,
                gint64         id,
                GError       **error)
{
  CtStatement *stmt = ct_database_prepare (db,
                                           "SELECT who, at FROM record_change"
                                           " WHERE record_kind = ?1 AND record_id = ?2"
                                           " ORDER BY id DESC LIMIT 1",
                                           error);
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_text (stmt, 1, kind->name);
  ct_statement_bind_int64 (stmt, 2, id);
  if (!ct_statement_step (stmt, &has_row, _("read the audit trail"), error))
    {
      ct_statement_reset (stmt);
      return FALSE;
    }
  if (has_row)
    {
      who = g_strdup (ct_statement_column_text (stmt, 0));
      when = local_time (ct_statement_column_text (stmt, 1));
    }
  ct_statement_reset (stmt);

  if (who != NULL)
    /* TRANSLATORS: "Dr Invented", then the date and time of their save */
    g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_STALE,
                 _("%s changed this record at %s, after you opened it. Nothing was saved: "
                   "open the record again to see their changes, then make yours."),
                 who, when);
  else
    g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_STALE,
                         _("Someone else changed this record after you opened it. Nothing "
                           "was saved: open the record again to see their changes, then "
                           "make yours."));
  return FALSE;
}

gboolean
ct_store_refuse_stale (CtDatabase    *db,
                       const CtKind  *kind,
                       gint64         id,
                       gint64         version,
                       GError       **error)
{
  gint64 now = 0;

  if (!read_version (db, kind, id, &now, error))
    return FALSE;
  if (now == 0)
    g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND,
                 _("This record no longer exists; it may have been deleted."));
  else if (now == version)
    g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_ALLOWED,
                         _("The team server does not let you change or delete this record: "
                           "it is not one of yours. Nothing was saved."));
  else
    return refuse_changed (db, kind, id, error);
  return FALSE;
}
