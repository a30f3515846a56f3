/* ct-audit-log-read.c: the audit trail read off the window's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-audit-log-read"

#include "config.h"

#include "ct-audit-log-read.h"
#include "ct-kind.h"
#include "ct-store-reader.h"

/* The entries */

typedef struct
{
  CtAuditFilter filter;
  char         *strings[5];   /* the filter's own copies */
} EntriesRead;

static void
entries_read_free (EntriesRead *read)
{
  for (guint i = 0; i < G_N_ELEMENTS (read->strings); i++)
    g_free (read->strings[i]);
  g_free (read);
}

static gpointer
read_entries (CtDatabase  *db,
              gpointer     data,
              GError     **error)
{
  EntriesRead *read = data;

  return ct_audit_log_list_filtered (db, &read->filter, error);
}

void
ct_audit_log_read_async (CtDatabase          *db,
                         const CtAuditFilter *filter,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  EntriesRead *read;

  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (filter != NULL);

  read = g_new0 (EntriesRead, 1);
  read->filter.child_id = filter->child_id;
  read->filter.from = read->strings[0] = g_strdup (filter->from);
  read->filter.to = read->strings[1] = g_strdup (filter->to);
  read->filter.kind = read->strings[2] = g_strdup (filter->kind);
  read->filter.staff = read->strings[3] = g_strdup (filter->staff);
  read->filter.action = read->strings[4] = g_strdup (filter->action);
  ct_store_read_async (db, read_entries, read, (GDestroyNotify) entries_read_free,
                       g_object_unref, cancellable, callback, user_data);
}

GListModel *
ct_audit_log_read_finish (CtDatabase    *db,
                          GAsyncResult  *result,
                          GError       **error)
{
  return ct_store_read_finish (db, result, error);
}

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
