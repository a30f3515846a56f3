/* ct-change-watch.c: noticing what another process changed in the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-change-watch"

#include "config.h"

#include "ct-change-watch.h"
#include "ct-database-private.h"

struct _CtChangeWatch
{
  GWeakRef  db;
  guint     source_id;
  gint64    version;   /* -1: not read yet */
};

gboolean
ct_change_watch_check (CtChangeWatch *watch)
{
  g_autoptr(CtDatabase) db = g_weak_ref_get (&watch->db);
  gint64 version;
  gboolean changed;

  if (db == NULL)
    return FALSE;
  version = ct_database_count_changes_elsewhere (db);
  changed = version >= 0 && watch->version >= 0 && version != watch->version;
  watch->version = version;
  if (changed)
    {
      g_debug ("Someone else changed the records");
      g_signal_emit_by_name (db, "changed::elsewhere", NULL);
    }
  return changed;
}

static gboolean
on_timeout (gpointer user_data)
{
  ct_change_watch_check (user_data);
  return G_SOURCE_CONTINUE;
}

CtChangeWatch *
ct_change_watch_new (CtDatabase *db,
                     guint       interval_ms)
{
  CtChangeWatch *watch;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (interval_ms > 0, NULL);

  watch = g_new0 (CtChangeWatch, 1);
  g_weak_ref_init (&watch->db, db);
  watch->version = ct_database_count_changes_elsewhere (db);
  watch->source_id = g_timeout_add (interval_ms, on_timeout, watch);
  return watch;
}

void
ct_change_watch_free (CtChangeWatch *watch)
{
  if (watch == NULL)
    return;

  g_clear_handle_id (&watch->source_id, g_source_remove);
  g_weak_ref_clear (&watch->db);
  g_free (watch);
}
