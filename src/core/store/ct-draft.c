/* ct-draft.c: an unsaved editor draft, kept inside the records file
 *
 * The draft lives in the `setting` table under one key, as GVariant text
 * with its types, so that no schema migration is needed. The text is wiped
 * from memory once it is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-draft"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-database-private.h"
#include "ct-draft.h"
#include "ct-secret.h"

#define DRAFT_KEY "'draft'"

/* Steps a statement that returns no rows. */
static gboolean
run (CtDatabase    *db,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  ct_database_set_error (db, error, rc, _("keep the unsaved draft"));
  return FALSE;
}

gboolean
ct_draft_store (CtDatabase  *db,
                GVariant    *draft,
                GError     **error)
{
  g_autoptr(GVariant) owned = NULL;
  sqlite3_stmt *stmt;
  char *text;
  gboolean ok;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  owned = g_variant_ref_sink (draft);
  stmt = ct_database_prepare (db,
                              "INSERT INTO setting (key, value) VALUES (" DRAFT_KEY ", ?1)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;

  text = g_variant_print (owned, TRUE);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  ok = run (db, stmt, error);
  sqlite3_clear_bindings (stmt);
  ct_passphrase_free (text);

  return ok;
}

GVariant *
ct_draft_peek (CtDatabase  *db,
               GError     **error)
{
  sqlite3_stmt *stmt;
  GVariant *draft = NULL;
  int rc;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);

  stmt = ct_database_prepare (db, "SELECT value FROM setting WHERE key = " DRAFT_KEY, error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      draft = g_variant_parse (NULL, text, NULL, NULL, NULL);
      if (draft == NULL)
        g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CORRUPT,
                             _("The unsaved draft kept in the records file is damaged and "
                               "cannot be restored. Discard it."));
    }
  else if (rc != SQLITE_DONE)
    ct_database_set_error (db, error, rc, _("read the unsaved draft"));
  sqlite3_reset (stmt);

  return draft != NULL ? g_variant_ref_sink (draft) : NULL;
}

GVariant *
ct_draft_take (CtDatabase  *db,
               GError     **error)
{
  g_autoptr(GVariant) draft = NULL;
  GError *read_error = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);

  if (!ct_database_begin (db, error))
    return NULL;

  draft = ct_draft_peek (db, &read_error);
  if (read_error != NULL)
    {
      ct_database_rollback (db);
      g_propagate_error (error, read_error);
      return NULL;
    }
  if (draft != NULL && !ct_draft_discard (db, error))
    {
      ct_database_rollback (db);
      return NULL;
    }
  /* A failed commit has rolled back already. */
  if (!ct_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&draft);
}

gboolean
ct_draft_discard (CtDatabase  *db,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);

  stmt = ct_database_prepare (db, "DELETE FROM setting WHERE key = " DRAFT_KEY, error);
  return stmt != NULL && run (db, stmt, error);
}
