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

/* PRAGMA data_version of @db's connection, or -1 when it is closed. */
static gint64
read_version (CtDatabase *db)
{
  CtStatement *stmt;
  gint64 version = -1;
  gboolean has_row;

  if (!ct_database_is_open (db) ||
      (stmt = ct_database_prepare (db, "PRAGMA data_version", NULL)) == NULL)
    return -1;
  if (ct_statement_step (stmt, &has_row, "read the data version", NULL) && has_row)
    version = ct_statement_column_int64 (stmt, 0);
  ct_statement_reset (stmt);
  return version;
}

gboolean
ct_change_watch_check (CtChangeWatch *watch)
{
  g_autoptr(CtDatabase) db = g_weak_ref_get (&watch->db);
  gint64 version;
  gboolean changed;

  if (db == NULL)
    return FALSE;
  version = read_version (db);
  changed = version >= 0 && watch->version >= 0 && version != watch->version;
  watch->version = version;
  if (changed)
    {
      g_debug ("Another process changed the records file");
      g_signal_emit_by_name (db, "changed");
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
  watch->version = read_version (db);
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
