/* ct-record-pages-recycle.c: the rows a view shows, kept when many rows change
 *
 * GTK 4.8 keeps the widgets of a row only for the same object: a row
 * replaced by another object has its widgets made anew, and those of the
 * row it replaced are let go (at county, about 30 ms each way for the 200
 * rows a list makes). And it looks for the selected row, and the row it
 * scrolls by, among the rows added, asking for each until it finds them
 * (for 40,000 rows added, 1.5 s). So when many rows are replaced at once
 * (a search, a date range, a sort), the objects someone holds (the rows
 * shown, the selection) become the first rows, in the order they were
 * asked for, each taking the record now at its position: GTK finds them
 * at once and binds them again (say_replaced()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-pages"

#include "config.h"

#include "ct-record-pages-private.h"
#include "ct-record-private.h"

static G_DEFINE_QUARK (ct-record-pages-shown-at, shown_at)

void
ct_record_pages_note_shown (CtRecord *record,
                            guint     position)
{
  g_object_set_qdata (G_OBJECT (record), shown_at_quark (), GUINT_TO_POINTER (position + 1));
}

static void
add_held (GPtrArray  *held,
          GHashTable *rows)
{
  GHashTableIter iter;
  gpointer record;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    if (G_OBJECT (record)->ref_count > 1)
      g_ptr_array_add (held, g_object_ref (record));
}

static int
compare_shown_at (gconstpointer a,
                  gconstpointer b)
{
  guint at_a = GPOINTER_TO_UINT (g_object_get_qdata (*(GObject **) a, shown_at_quark ()));
  guint at_b = GPOINTER_TO_UINT (g_object_get_qdata (*(GObject **) b, shown_at_quark ()));

  return (at_a > at_b) - (at_a < at_b);
}

GPtrArray *
ct_record_pages_get_held (CtRecordPages *self)
{
  GPtrArray *held = g_ptr_array_new_with_free_func (g_object_unref);

  add_held (held, self->rows);
  add_held (held, self->waiting);
  add_held (held, self->early);
  g_ptr_array_sort (held, compare_shown_at);
  return held;
}

CtRecord *
ct_record_pages_lookup (CtRecordPages *self,
                        gint64         id)
{
  CtRecord *record = g_hash_table_lookup (self->rows, &id);

  return record != NULL ? record : g_hash_table_lookup (self->waiting, &id);
}

/* @record, a row someone holds, becomes the row @id: its record if read,
 * else empty until its page arrives. */
static void
recycle_row (CtRecordPages *self,
             CtRecord      *record,
             gint64         id)
{
  gint64 was = ct_record_get_id (record);
  CtRecord *read;

  if (g_hash_table_lookup (self->rows, &was) == record)
    g_hash_table_remove (self->rows, &was);
  else if (g_hash_table_lookup (self->waiting, &was) == record)
    g_hash_table_remove (self->waiting, &was);
  read = g_hash_table_lookup (self->rows, &id);
  if (read != NULL)
    {
      ct_record_assign (record, read);
      ct_record_pages_set_unread (record, FALSE);
      g_hash_table_replace (self->rows, g_memdup2 (&id, sizeof id), g_object_ref (record));
    }
  else
    {
      g_autoptr(CtRecord) empty = ct_record_pages_new_unread (self, id);

      ct_record_assign (record, empty);
      ct_record_pages_set_unread (record, TRUE);
      g_hash_table_replace (self->waiting, g_memdup2 (&id, sizeof id), g_object_ref (record));
    }
}

/* Says that the @n_shown rows became the rows now, whose first @n are the
 * rows recycled: first that every row became those @n (the rows tracked,
 * the selected one and the one GTK scrolls by, are among them), then that
 * the rest came after them. In one change GTK 4.8 would look for the rows
 * it tracks among every row added, asking for each. */
static void
say_replaced (CtRecordPages *self,
              guint          n_shown,
              guint          n)
{
  g_autoptr(GArray) now = NULL;

  if (self->ids->len <= n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_shown, self->ids->len);
      return;
    }
  now = g_steal_pointer (&self->ids);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_append_vals (self->ids, now->data, n);
  if (n_shown > 0 || n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_shown, n);
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&now);
  g_list_model_items_changed (G_LIST_MODEL (self), n, 0, self->ids->len - n);
}

void
ct_record_pages_replace_all (CtRecordPages *self,
                             GPtrArray     *held,
                             guint          n_shown)
{
  guint n = MIN (held->len, self->ids->len);
  g_autoptr(GHashTable) is_held = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) stays = g_hash_table_new (NULL, NULL);
  guint next = 0;

  for (guint i = 0; i < held->len; i++)
    g_hash_table_add (is_held, held->pdata[i]);
  for (guint i = 0; i < n; i++)
    {
      CtRecord *row = ct_record_pages_lookup (self, ct_record_pages_id_at (self, i));

      if (row != NULL && g_hash_table_contains (is_held, row))
        g_hash_table_add (stays, row);
    }
  for (guint i = 0; i < n; i++)
    {
      gint64 id = ct_record_pages_id_at (self, i);
      CtRecord *row = ct_record_pages_lookup (self, id);

      if (row != NULL && g_hash_table_contains (stays, row))
        continue;
      while (next < held->len && g_hash_table_contains (stays, held->pdata[next]))
        next++;
      if (next == held->len)
        break;
      recycle_row (self, held->pdata[next++], id);
    }
  g_hash_table_remove_all (self->early);
  say_replaced (self, n_shown, n);
}
