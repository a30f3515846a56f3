/* ct-audited-write.c: records leaving the encrypted file, audited first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-audited-write"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-audited-write.h"

gboolean
ct_audited_write (CtDatabase          *db,
                  const char          *record_kind,
                  const char          *description,
                  const char          *text,
                  gsize                length,
                  CtAuditedWriteFunc   write_func,
                  gpointer             user_data,
                  GError             **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (description != NULL && write_func != NULL, FALSE);

  /* Outside a transaction, the insert commits before it returns. */
  if (!ct_database_audit (db, "export", record_kind, 0, description, error))
    return FALSE;

  if (write_func (text, length, user_data, &local_error))
    return TRUE;

  ct_audited_write_failed (db, record_kind, description, local_error);
  g_propagate_error (error, local_error);
  return FALSE;
}

void
ct_audited_write_failed (CtDatabase   *db,
                         const char   *record_kind,
                         const char   *description,
                         const GError *failure)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (description != NULL && failure != NULL);

  /* TRANSLATORS: an audit entry: the export's own entry, then why it failed */
  text = g_strdup_printf (_("Not completed: %s. %s"), description, failure->message);
  ct_database_audit (db, "export", record_kind, 0, text, NULL);
}
