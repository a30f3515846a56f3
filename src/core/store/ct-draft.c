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

gboolean
ct_draft_store (CtDatabase  *db,
                GVariant    *draft,
                GError     **error)
{
  g_autoptr(GVariant) owned = NULL;
  CtStatement *stmt;
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
  ct_statement_bind_text (stmt, 1, text);
  ok = ct_statement_run (stmt, _("keep the unsaved draft"), error);
  ct_statement_clear_bindings (stmt);
  ct_passphrase_free (text);

  return ok;
}

GVariant *
ct_draft_peek (CtDatabase  *db,
               GError     **error)
{
  CtStatement *stmt;
  GVariant *draft = NULL;
  gboolean has_row;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);

  stmt = ct_database_prepare (db, "SELECT value FROM setting WHERE key = " DRAFT_KEY, error);
  if (stmt == NULL)
    return NULL;

  if (ct_statement_step (stmt, &has_row, _("read the unsaved draft"), error) && has_row)
    {
      const char *text = ct_statement_column_text (stmt, 0);

      draft = g_variant_parse (NULL, text, NULL, NULL, NULL);
      if (draft == NULL)
        g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CORRUPT,
                             _("The unsaved draft kept in the records file is damaged and "
                               "cannot be restored. Discard it."));
    }
  ct_statement_reset (stmt);

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
  CtStatement *stmt;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);

  stmt = ct_database_prepare (db, "DELETE FROM setting WHERE key = " DRAFT_KEY, error);
  return stmt != NULL && ct_statement_run (stmt, _("keep the unsaved draft"), error);
}
