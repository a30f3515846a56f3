/* ct-record-pages.c: a list's records, read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-pages"

#include "config.h"

#include <string.h>

#include "ct-record-pages-private.h"
#include "ct-record-private.h"
#include "ct-store-reader.h"

static void ct_record_pages_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtRecordPages, ct_record_pages, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ct_record_pages_list_model_init))

enum {
  PROP_0,
  PROP_READING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  READ_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark unread_quark;

/* The read of the ids after the first page's, among the pages read. */
#define REST G_MAXUINT

static CtRecordPages *
pages_new (CtDatabase   *db,
           const CtKind *kind,
           GArray       *ids)
{
  CtRecordPages *self = g_object_new (CT_TYPE_RECORD_PAGES, NULL);

  self->db = g_object_ref (db);
  self->kind = kind;
  self->ids = g_array_ref (ids);
  return self;
}

/* Keeps @record read; a row handed out empty (get_waiting()) becomes it,
 * so that whoever holds the row (the selection) holds the record. */
static void
keep_row (CtRecordPages *self,
          CtRecord      *record)
{
  gint64 *id = g_new (gint64, 1);
  gpointer waiting_id = NULL, waiting = NULL;

  *id = ct_record_get_id (record);
  if (g_hash_table_steal_extended (self->waiting, id, &waiting_id, &waiting))
    {
      g_free (waiting_id);
      ct_record_assign (waiting, record);
      ct_record_pages_set_unread (waiting, FALSE);
      record = waiting;
    }
  else
    g_object_ref (record);
  g_hash_table_replace (self->rows, id, record);
}

/* Reading */

typedef struct
{
  CtDatabase   *store;   /* the store asked (the task holds it), not the reader's connection */
  const CtKind *kind;
  CtFilter     *filter;
} ListRead;

static void
list_read_free (ListRead *read)
{
  ct_filter_free (read->filter);
  g_free (read);
}

/* The rows @ids with the records of the first page, read. */
static CtRecordPages *
read_first_page (CtDatabase  *db,
                 ListRead    *read,
                 GArray      *ids,
                 GError     **error)
{
  g_autoptr(GPtrArray) first = ct_store_get_page (db, read->kind, (gint64 *) (gpointer) ids->data,
                                                  MIN (ids->len, CT_STORE_PAGE_SIZE), error);
  CtRecordPages *self;

  if (first == NULL)
    return NULL;
  /* Its pages are asked of the store, which queues them on its reader. */
  self = pages_new (read->store, read->kind, ids);
  for (guint i = 0; i < first->len; i++)
    keep_row (self, first->pdata[i]);
  g_queue_push_tail (&self->arrived, GUINT_TO_POINTER (0));
  return self;
}

static gpointer
read_list (CtDatabase  *db,
           gpointer     data,
           GError     **error)
{
  ListRead *read = data;
  g_autoptr(GArray) ids = ct_store_list_ids (db, read->kind, read->filter, error);

  return ids != NULL ? read_first_page (db, read, ids, error) : NULL;
}

/* The count and the first page; the rest of the ids are read once the
 * rows are handed over (read_rest()). */
static gpointer
read_first_screen (CtDatabase  *db,
                   gpointer     data,
                   GError     **error)
{
  ListRead *read = data;
  guint n_rows = 0;
  g_autoptr(GArray) ids = ct_store_list_first_ids (db, read->kind, read->filter, &n_rows, error);
  CtRecordPages *self;

  if (ids == NULL)
    return NULL;
  self = read_first_page (db, read, ids, error);
  if (self != NULL && n_rows > ids->len)
    {
      self->rest = ct_filter_copy (read->filter);
      self->n_rows = n_rows;
    }
  return self;
}

static gpointer
read_rest_ids (CtDatabase  *db,
               gpointer     data,
               GError     **error)
{
  ListRead *read = data;

  return ct_store_list_ids (db, read->kind, read->filter, error);
}

/* Reads @filter's rows with @func on @db's reader. */
static void
read_rows (CtReadFunc           func,
           CtDatabase          *db,
           const CtKind        *kind,
           const CtFilter      *filter,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  ListRead *read = g_new0 (ListRead, 1);

  read->store = db;
  read->kind = kind;
  read->filter = ct_filter_copy (filter);
  ct_store_read_async (db, func, read, (GDestroyNotify) list_read_free, g_object_unref,
                       cancellable, callback, user_data);
}

void
ct_record_pages_read_async (CtDatabase          *db,
                            const CtKind        *kind,
                            const CtFilter      *filter,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (filter != NULL);

  read_rows (read_list, db, kind, filter, cancellable, callback, user_data);
}

void
ct_record_pages_read_first_async (CtDatabase          *db,
                                  const CtKind        *kind,
                                  const CtFilter      *filter,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (filter != NULL);

  /* A search finds every id at once. */
  read_rows (filter->search != NULL ? read_list : read_first_screen, db, kind, filter,
             cancellable, callback, user_data);
}

static void read_rest (CtRecordPages *self);

CtRecordPages *
ct_record_pages_read_finish (CtDatabase    *db,
                             GAsyncResult  *result,
                             GError       **error)
{
  CtRecordPages *self = ct_store_read_finish (db, result, error);

  if (self != NULL && self->rest != NULL)
    read_rest (self);
  return self;
}

/* A page */

typedef struct
{
  const CtKind *kind;
  guint         n_ids;
  gint64        ids[CT_STORE_PAGE_SIZE];
} PageRead;

/* Where a page read arrives. */
typedef struct
{
  CtRecordPages *pages;
  guint          number;
} PageArrival;

static void
page_arrival_free (PageArrival *arrival)
{
  g_object_unref (arrival->pages);
  g_free (arrival);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageArrival, page_arrival_free)

static gpointer
read_page (CtDatabase  *db,
           gpointer     data,
           GError     **error)
{
  PageRead *read = data;

  return ct_store_get_page (db, read->kind, read->ids, read->n_ids, error);
}

/* Lets the oldest pages read go while more than CT_RECORD_PAGES_KEPT
 * records are kept: the records nobody else holds. */
static void
let_go (CtRecordPages *self)
{
  while (g_hash_table_size (self->rows) > CT_RECORD_PAGES_KEPT &&
         !g_queue_is_empty (&self->arrived))
    {
      guint number = GPOINTER_TO_UINT (g_queue_pop_head (&self->arrived));
      guint end = MIN ((number + 1) * CT_STORE_PAGE_SIZE, self->ids->len);

      for (guint i = number * CT_STORE_PAGE_SIZE; i < end; i++)
        {
          gint64 id = ct_record_pages_id_at (self, i);
          GObject *record = g_hash_table_lookup (self->rows, &id);

          if (record != NULL && record->ref_count == 1)
            g_hash_table_remove (self->rows, &id);
        }
    }
}

static void
set_reading (CtRecordPages *self,
             guint          number,
             gboolean       reading)
{
  gboolean was_reading = ct_record_pages_is_reading (self);

  if (reading)
    g_hash_table_add (self->reading, GUINT_TO_POINTER (number));
  else
    g_hash_table_remove (self->reading, GUINT_TO_POINTER (number));
  if (was_reading != ct_record_pages_is_reading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
}

static void
on_page_read (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PageArrival) arrival = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = ct_store_read_finish (CT_DATABASE (source_object), result, &error);
  CtRecordPages *self = arrival->pages;
  guint start = arrival->number * CT_STORE_PAGE_SIZE;

  /* Cancelled: the rows changed since, and their pages are read anew. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_reading (self, arrival->number, FALSE);
  if (records == NULL)
    {
      g_signal_emit (self, signals[READ_FAILED], 0, error->message);
      return;
    }
  for (guint i = 0; i < records->len; i++)
    keep_row (self, records->pdata[i]);
  g_queue_push_tail (&self->arrived, GUINT_TO_POINTER (arrival->number));
  g_list_model_items_changed (G_LIST_MODEL (self), start,
                              MIN (CT_STORE_PAGE_SIZE, self->ids->len - start),
                              MIN (CT_STORE_PAGE_SIZE, self->ids->len - start));
  let_go (self);
}

static void
read_page_of (CtRecordPages *self,
              guint          position)
{
  guint number = position / CT_STORE_PAGE_SIZE;
  guint end = MIN ((number + 1) * CT_STORE_PAGE_SIZE, self->ids->len);
  PageRead *read;
  PageArrival *arrival;

  if (g_hash_table_contains (self->reading, GUINT_TO_POINTER (number)))
    return;
  read = g_new0 (PageRead, 1);
  read->kind = self->kind;
  for (guint i = number * CT_STORE_PAGE_SIZE; i < end; i++)
    {
      gint64 id = ct_record_pages_id_at (self, i);

      if (!g_hash_table_contains (self->rows, &id))
        read->ids[read->n_ids++] = id;
    }
  set_reading (self, number, TRUE);
  arrival = g_new0 (PageArrival, 1);
  arrival->pages = g_object_ref (self);
  arrival->number = number;
  ct_store_read_async (self->db, read_page, read, g_free, (GDestroyNotify) g_ptr_array_unref,
                       self->cancellable, on_page_read, arrival);
}

void
ct_record_pages_set_unread (CtRecord *record,
                            gboolean  unread)
{
  g_object_set_qdata (G_OBJECT (record), unread_quark, GINT_TO_POINTER (unread));
}

CtRecord *
ct_record_pages_new_unread (CtRecordPages *self,
                            gint64         id)
{
  CtRecord *record = ct_record_new (self->kind);

  ct_record_set_saved (record, id, 0, NULL, NULL);
  ct_record_pages_set_unread (record, TRUE);
  return record;
}

/* An empty record with only the id, until its page arrives. */
static CtRecord *
get_waiting (CtRecordPages *self,
             gint64         id)
{
  CtRecord *record = g_hash_table_lookup (self->waiting, &id);
  gint64 *key;

  if (record != NULL)
    return record;
  record = ct_record_pages_new_unread (self, id);
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (self->waiting, key, record);
  return record;
}

/* GListModel */

static GType
ct_record_pages_get_item_type (GListModel *model)
{
  return ct_kind_get_record_type (CT_RECORD_PAGES (model)->kind);
}

static guint
ct_record_pages_get_n_items (GListModel *model)
{
  CtRecordPages *self = CT_RECORD_PAGES (model);

  return self->rest != NULL ? self->n_rows : self->ids->len;
}

/* The row at @position (not a reference of its own). */
static CtRecord *
row_at (CtRecordPages *self,
        guint          position)
{
  CtRecord *record;
  gint64 id;

  /* A row whose id has not come: empty, and given its id once it has. */
  if (position >= self->ids->len)
    {
      self->asked_end = MAX (self->asked_end, position + 1);
      record = g_hash_table_lookup (self->early, GUINT_TO_POINTER (position));
      if (record == NULL)
        {
          record = ct_record_pages_new_unread (self, 0);
          g_hash_table_insert (self->early, GUINT_TO_POINTER (position), record);
        }
      return record;
    }
  id = ct_record_pages_id_at (self, position);
  record = g_hash_table_lookup (self->rows, &id);
  if (record != NULL)
    return record;
  read_page_of (self, position);
  return get_waiting (self, id);
}

static gpointer
ct_record_pages_get_item (GListModel *model,
                          guint       position)
{
  CtRecordPages *self = CT_RECORD_PAGES (model);
  CtRecord *record;

  if (position >= ct_record_pages_get_n_items (model))
    return NULL;
  record = row_at (self, position);
  ct_record_pages_note_shown (record, position);
  return g_object_ref (record);
}

static void
ct_record_pages_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ct_record_pages_get_item_type;
  iface->get_n_items = ct_record_pages_get_n_items;
  iface->get_item = ct_record_pages_get_item;
}

/* Updating */

/* Keeps the records of @self someone else holds (a row shown, the
 * selection) unless @touched, takes @fresh's, and lets the rest go. */
static void
merge_rows (CtRecordPages *self,
            CtRecordPages *fresh,
            GHashTable    *touched)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (touched == NULL || G_OBJECT (value)->ref_count == 1 || g_hash_table_contains (touched, key))
      g_hash_table_iter_remove (&iter);
  g_hash_table_remove_all (self->waiting);
  g_hash_table_iter_init (&iter, fresh->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (self->rows, key))
      keep_row (self, value);
}

/* Tells the views which rows differ from @old: those between the longest
 * common beginning and end, and those @touched in either; many rows gone
 * (with the rows shown, often), every row, recycling those @held. */
static void
announce (CtRecordPages *self,
          GArray        *old,
          GHashTable    *touched,
          GPtrArray     *held)
{
  guint n_old = old->len, n_new = self->ids->len;
  guint prefix = 0, suffix = 0, removed, added;

  while (prefix < MIN (n_old, n_new) &&
         g_array_index (old, gint64, prefix) == ct_record_pages_id_at (self, prefix))
    prefix++;
  while (suffix < MIN (n_old, n_new) - prefix &&
         g_array_index (old, gint64, n_old - 1 - suffix) ==
         ct_record_pages_id_at (self, n_new - 1 - suffix))
    suffix++;
  removed = n_old - prefix - suffix;
  added = n_new - prefix - suffix;
  if (removed > 0 && MAX (removed, added) > CT_STORE_PAGE_SIZE)
    {
      ct_record_pages_replace_all (self, held, n_old);
      return;
    }
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (g_hash_table_size (touched) == 0)
    return;
  for (guint i = 0; i < n_new; i++)
    {
      gint64 id = ct_record_pages_id_at (self, i);

      if ((i < prefix || i >= n_new - suffix) && g_hash_table_contains (touched, &id))
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
    }
}

/* The rest of the ids */

/* The rows handed out before their ids came take them, and wait for their
 * pages as they are. */
static void
name_early_rows (CtRecordPages *self)
{
  GHashTableIter iter;
  gpointer position, record;

  g_hash_table_iter_init (&iter, self->early);
  while (g_hash_table_iter_next (&iter, &position, &record))
    {
      gint64 id = ct_record_pages_id_at (self, GPOINTER_TO_UINT (position));

      if (ct_record_pages_lookup (self, id) != NULL)
        continue;
      ct_record_set_saved (record, id, 0, NULL, NULL);
      g_hash_table_insert (self->waiting, g_memdup2 (&id, sizeof id), record);
      g_hash_table_iter_steal (&iter);
    }
  g_hash_table_remove_all (self->early);
}

static void
on_rest_read (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CtRecordPages) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = ct_store_read_finish (CT_DATABASE (source_object), result, &error);
  g_autoptr(GArray) first = NULL;
  g_autoptr(GPtrArray) held = NULL;
  guint n_known, n_shown;

  /* Cancelled: the rows were read again whole (ct_record_pages_update()). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_reading (self, REST, FALSE);
  if (ids == NULL)
    {
      g_signal_emit (self, signals[READ_FAILED], 0, error->message);
      return;
    }
  n_shown = self->n_rows;
  g_clear_pointer (&self->rest, ct_filter_free);
  first = g_steal_pointer (&self->ids);
  self->ids = g_steal_pointer (&ids);
  n_known = first->len;
  /* As counted: the rows handed out empty are now known. Else records
   * were written in between: every row may have moved. */
  if (self->ids->len == n_shown && n_known <= n_shown &&
      memcmp (first->data, self->ids->data, n_known * sizeof (gint64)) == 0)
    {
      name_early_rows (self);
      if (self->asked_end > n_known)
        g_list_model_items_changed (G_LIST_MODEL (self), n_known, self->asked_end - n_known,
                                    self->asked_end - n_known);
    }
  else
    {
      held = ct_record_pages_get_held (self);
      ct_record_pages_replace_all (self, held, n_shown);
    }
}

static void
read_rest (CtRecordPages *self)
{
  set_reading (self, REST, TRUE);
  read_rows (read_rest_ids, self->db, self->kind, self->rest, self->cancellable, on_rest_read,
             g_object_ref (self));
}

void
ct_record_pages_update (CtRecordPages *self,
                        CtRecordPages *fresh,
                        const gint64  *changed,
                        guint          n_changed)
{
  g_autoptr(GArray) old = NULL;
  g_autoptr(GHashTable) touched = NULL;
  g_autoptr(GPtrArray) held = NULL;
  gboolean was_reading;
  guint n_shown;

  g_return_if_fail (CT_IS_RECORD_PAGES (self));
  g_return_if_fail (CT_IS_RECORD_PAGES (fresh));
  g_return_if_fail (self->kind == fresh->kind);
  g_return_if_fail (fresh->rest == NULL);

  /* Rows shown before their ids came may be any of the rows now. */
  n_shown = ct_record_pages_get_n_items (G_LIST_MODEL (self));
  if (self->rest != NULL)
    {
      g_clear_pointer (&self->rest, ct_filter_free);
      n_changed = G_MAXUINT;
    }
  /* The rows changed, and those shown empty while their page was on its
   * way (it is read anew). */
  if (n_changed != G_MAXUINT)
    {
      GHashTableIter iter;
      gpointer key;

      touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < n_changed; i++)
        g_hash_table_add (touched, g_memdup2 (&changed[i], sizeof (gint64)));
      g_hash_table_iter_init (&iter, self->waiting);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (touched, g_memdup2 (key, sizeof (gint64)));
    }
  was_reading = ct_record_pages_is_reading (self);
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_hash_table_remove_all (self->reading);
  g_queue_clear (&self->arrived);
  held = ct_record_pages_get_held (self);
  merge_rows (self, fresh, touched);

  old = g_steal_pointer (&self->ids);
  self->ids = g_array_ref (fresh->ids);
  if (was_reading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
  if (touched == NULL)
    ct_record_pages_replace_all (self, held, n_shown);
  else
    announce (self, old, touched, held);
}

guint
ct_record_pages_find (CtRecordPages *self,
                      gint64         id)
{
  g_return_val_if_fail (CT_IS_RECORD_PAGES (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (ct_record_pages_id_at (self, i) == id)
      return i;
  return G_MAXUINT;
}

gboolean
ct_record_pages_is_read (CtRecord *record)
{
  g_return_val_if_fail (CT_IS_RECORD (record), FALSE);

  return g_object_get_qdata (G_OBJECT (record), unread_quark) == NULL;
}

gboolean
ct_record_pages_is_reading (CtRecordPages *self)
{
  g_return_val_if_fail (CT_IS_RECORD_PAGES (self), FALSE);

  return g_hash_table_size (self->reading) > 0;
}

/* GObject */

static void
ct_record_pages_dispose (GObject *object)
{
  CtRecordPages *self = CT_RECORD_PAGES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ct_record_pages_parent_class)->dispose (object);
}

static void
ct_record_pages_finalize (GObject *object)
{
  CtRecordPages *self = CT_RECORD_PAGES (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->rest, ct_filter_free);
  g_hash_table_destroy (self->rows);
  g_hash_table_destroy (self->waiting);
  g_hash_table_destroy (self->early);
  g_hash_table_destroy (self->reading);
  g_queue_clear (&self->arrived);

  G_OBJECT_CLASS (ct_record_pages_parent_class)->finalize (object);
}

static void
ct_record_pages_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CtRecordPages *self = CT_RECORD_PAGES (object);

  switch (prop_id)
    {
    case PROP_READING:
      g_value_set_boolean (value, ct_record_pages_is_reading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_record_pages_class_init (CtRecordPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_record_pages_dispose;
  object_class->finalize = ct_record_pages_finalize;
  object_class->get_property = ct_record_pages_get_property;

  properties[PROP_READING] =
    g_param_spec_boolean ("reading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtRecordPages::read-failed:
   * @message: what went wrong, for a person
   *
   * A page could not be read: its rows stay empty until asked for again.
   */
  signals[READ_FAILED] =
    g_signal_new ("read-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  unread_quark = g_quark_from_static_string ("ct-record-pages-unread");
}

static void
ct_record_pages_init (CtRecordPages *self)
{
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->waiting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->early = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->reading = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->arrived);
  self->cancellable = g_cancellable_new ();
}
