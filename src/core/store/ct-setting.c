/* ct-setting.c: key / value preferences in the records file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-setting"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-database-private.h"
#include "ct-setting.h"

char *
ct_setting_get (CtDatabase  *db,
                const char  *key,
                GError     **error)
{
  CtStatement *stmt;
  char *value = NULL;
  gboolean has_row;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = ct_database_prepare (db, "SELECT value FROM setting WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;

  ct_statement_bind_text (stmt, 1, key);
  if (ct_statement_step (stmt, &has_row, _("read the preferences"), error) && has_row)
    value = g_strdup (ct_statement_column_text (stmt, 0));
  ct_statement_reset (stmt);

  return value;
}

static gboolean
store_value (CtDatabase  *db,
             const char  *key,
             const char  *value,
             GError     **error)
{
  CtStatement *stmt;

  stmt = ct_database_prepare (db,
                              "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;

  ct_statement_bind_text (stmt, 1, key);
  ct_statement_bind_text (stmt, 2, value);
  return ct_statement_run (stmt, _("save the preferences"), error);
}

gboolean
ct_setting_set (CtDatabase  *db,
                const char  *key,
                const char  *value,
                GError     **error)
{
  g_autofree char *description = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!ct_database_begin (db, error))
    return FALSE;

  /* TRANSLATORS: the audit entry; %s is the preference's key, e.g. team_name */
  description = g_strdup_printf (_("Changed the preference %s"), key);
  if (store_value (db, key, value, error) &&
      ct_database_audit (db, "update", "setting", 0, description, error))
    {
      /* A preference is no record a list shows: none reads again. */
      ct_database_note_record_change (db, CT_SETTING_CHANGE, 0, CT_RECORD_UPDATED);
      return ct_database_commit (db, error);
    }

  ct_database_rollback (db);
  return FALSE;
}
