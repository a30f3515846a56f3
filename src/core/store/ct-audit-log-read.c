/* ct-audit-log-read.c: the audit log's filters read off the window's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-audit-log-read"

#include "config.h"

#include "ct-audit-log-read.h"
#include "ct-kind.h"
#include "ct-store-reader.h"

/* The choices */

void
ct_audit_choices_free (CtAuditChoices *choices)
{
  g_strfreev (choices->kinds);
  g_strfreev (choices->people);
  g_clear_pointer (&choices->child_ids, g_array_unref);
  g_strfreev (choices->child_references);
  g_free (choices);
}

/* The children's ids and references, taken from their records here, in
 * the reader's thread: the window gets two arrays, not every child. */
static gboolean
read_children (CtDatabase      *db,
               CtAuditChoices  *choices,
               GError         **error)
{
  g_autoptr(GListModel) children = ct_store_list (db, ct_kind_lookup ("child"), NULL, error);
  g_autoptr(GStrvBuilder) references = g_strv_builder_new ();
  guint n;

  if (children == NULL)
    return FALSE;
  n = g_list_model_get_n_items (children);
  choices->child_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtRecord) child = g_list_model_get_item (children, i);
      g_autofree char *reference = ct_record_get_string_by_name (child, "reference");
      gint64 id = ct_record_get_id (child);

      g_array_append_val (choices->child_ids, id);
      g_strv_builder_add (references, reference);
    }
  choices->child_references = g_strv_builder_end (references);
  return TRUE;
}

static gpointer
read_choices (CtDatabase  *db,
              gpointer     data,
              GError     **error)
{
  g_autoptr(CtAuditChoices) choices = g_new0 (CtAuditChoices, 1);

  choices->kinds = ct_audit_log_list_kinds (db, error);
  if (choices->kinds == NULL)
    return NULL;
  choices->people = ct_audit_log_list_people (db, error);
  if (choices->people == NULL)
    return NULL;
  return read_children (db, choices, error) ? g_steal_pointer (&choices) : NULL;
}

void
ct_audit_log_read_choices_async (CtDatabase          *db,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (CT_IS_DATABASE (db));

  ct_store_read_async (db, read_choices, NULL, NULL, (GDestroyNotify) ct_audit_choices_free,
                       cancellable, callback, user_data);
}

CtAuditChoices *
ct_audit_log_read_choices_finish (CtDatabase    *db,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return ct_store_read_finish (db, result, error);
}
