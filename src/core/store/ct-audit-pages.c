/* ct-audit-pages.c: the audit trail's entries, read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-audit-pages"

#include "config.h"

#include "ct-audit-pages.h"
#include "ct-store-reader.h"

struct _CtAuditPages
{
  GObject       parent_instance;

  CtDatabase   *db;
  GArray       *ids;          /* gint64, newest first */
  GHashTable   *entries;      /* id → CtAuditEntry read */
  GHashTable   *reading;      /* page numbers under way */
  GQueue        arrived;      /* page numbers read, oldest first */
};

static void ct_audit_pages_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtAuditPages, ct_audit_pages, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ct_audit_pages_list_model_init))

enum {
  READ_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64 *
id_at (CtAuditPages *self,
       guint         position)
{
  return &g_array_index (self->ids, gint64, position);
}

/* The positions of page @number: [*start, *end). */
static void
page_bounds (CtAuditPages *self,
             guint         number,
             guint        *start,
             guint        *end)
{
  *start = number * CT_STORE_PAGE_SIZE;
  *end = MIN (*start + CT_STORE_PAGE_SIZE, self->ids->len);
}

/* Keeps the entries of page @number, read. */
static void
keep_page (CtAuditPages *self,
           guint         number,
           GPtrArray    *page)
{
  for (guint i = 0; i < page->len; i++)
    {
      CtAuditEntry *entry = page->pdata[i];
      gint64 *id = g_new (gint64, 1);

      *id = ct_audit_entry_get_id (entry);
      g_hash_table_replace (self->entries, id, g_object_ref (entry));
    }
  g_queue_push_tail (&self->arrived, GUINT_TO_POINTER (number));
}

/* Reading the ids and the first page */

typedef struct
{
  CtDatabase   *store;    /* the store asked (the task holds it), not the reader's connection */
  CtAuditFilter filter;
  char         *strings[5];   /* the filter's own copies */
} ListRead;

static void
list_read_free (ListRead *read)
{
  for (guint i = 0; i < G_N_ELEMENTS (read->strings); i++)
    g_free (read->strings[i]);
  g_free (read);
}

static gpointer
read_list (CtDatabase  *db,
           gpointer     data,
           GError     **error)
{
  ListRead *read = data;
  g_autoptr(GArray) ids = ct_audit_log_list_ids (db, &read->filter, error);
  g_autoptr(GPtrArray) first = NULL;
  CtAuditPages *self;

  if (ids == NULL)
    return NULL;
  first = ct_audit_log_get_page (db, (gint64 *) (gpointer) ids->data,
                                 MIN (ids->len, CT_STORE_PAGE_SIZE), error);
  if (first == NULL)
    return NULL;
  /* Its pages are asked of the store, which queues them on its reader. */
  self = g_object_new (CT_TYPE_AUDIT_PAGES, NULL);
  self->db = g_object_ref (read->store);
  self->ids = g_steal_pointer (&ids);
  keep_page (self, 0, first);
  return self;
}

void
ct_audit_pages_read_async (CtDatabase          *db,
                           const CtAuditFilter *filter,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  ListRead *read;

  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (filter != NULL);

  read = g_new0 (ListRead, 1);
  read->store = db;
  read->filter.child_id = filter->child_id;
  read->filter.from = read->strings[0] = g_strdup (filter->from);
  read->filter.to = read->strings[1] = g_strdup (filter->to);
  read->filter.kind = read->strings[2] = g_strdup (filter->kind);
  read->filter.staff = read->strings[3] = g_strdup (filter->staff);
  read->filter.action = read->strings[4] = g_strdup (filter->action);
  ct_store_read_async (db, read_list, read, (GDestroyNotify) list_read_free, g_object_unref,
                       cancellable, callback, user_data);
}

CtAuditPages *
ct_audit_pages_read_finish (CtDatabase    *db,
                            GAsyncResult  *result,
                            GError       **error)
{
  return ct_store_read_finish (db, result, error);
}

/* A page */

typedef struct
{
  guint  n_ids;
  gint64 ids[CT_STORE_PAGE_SIZE];
} PageRead;

static gpointer
read_page (CtDatabase  *db,
           gpointer     data,
           GError     **error)
{
  PageRead *read = data;

  return ct_audit_log_get_page (db, read->ids, read->n_ids, error);
}

/* Lets the oldest pages read go while more than CT_AUDIT_PAGES_KEPT
 * entries are kept (a row shown holds its own). */
static void
let_go (CtAuditPages *self)
{
  while (g_hash_table_size (self->entries) > CT_AUDIT_PAGES_KEPT &&
         !g_queue_is_empty (&self->arrived))
    {
      guint start, end;

      page_bounds (self, GPOINTER_TO_UINT (g_queue_pop_head (&self->arrived)), &start, &end);
      for (guint i = start; i < end; i++)
        g_hash_table_remove (self->entries, id_at (self, i));
    }
}

typedef struct
{
  CtAuditPages *pages;
  guint         number;
} PageArrival;

static void
on_page_read (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree PageArrival *arrival = user_data;
  g_autoptr(CtAuditPages) self = arrival->pages;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = ct_store_read_finish (CT_DATABASE (source_object), result, &error);
  guint start, end;

  g_hash_table_remove (self->reading, GUINT_TO_POINTER (arrival->number));
  if (page == NULL)
    {
      g_signal_emit (self, signals[READ_FAILED], 0, error->message);
      return;
    }
  keep_page (self, arrival->number, page);
  page_bounds (self, arrival->number, &start, &end);
  g_list_model_items_changed (G_LIST_MODEL (self), start, end - start, end - start);
  let_go (self);
}

static void
read_page_of (CtAuditPages *self,
              guint         position)
{
  guint number = position / CT_STORE_PAGE_SIZE;
  PageArrival *arrival;
  PageRead *read;
  guint start, end;

  if (!g_hash_table_add (self->reading, GUINT_TO_POINTER (number)))
    return;
  read = g_new0 (PageRead, 1);
  page_bounds (self, number, &start, &end);
  for (guint i = start; i < end; i++)
    read->ids[read->n_ids++] = *id_at (self, i);
  arrival = g_new0 (PageArrival, 1);
  arrival->pages = g_object_ref (self);
  arrival->number = number;
  ct_store_read_async (self->db, read_page, read, g_free, (GDestroyNotify) g_ptr_array_unref,
                       NULL, on_page_read, arrival);
}

guint
ct_audit_pages_get_n_kept (CtAuditPages *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_PAGES (self), 0);

  return g_hash_table_size (self->entries);
}

/* GListModel */

static GType
ct_audit_pages_get_item_type (GListModel *model)
{
  return CT_TYPE_AUDIT_ENTRY;
}

static guint
ct_audit_pages_get_n_items (GListModel *model)
{
  return CT_AUDIT_PAGES (model)->ids->len;
}

static gpointer
ct_audit_pages_get_item (GListModel *model,
                         guint       position)
{
  CtAuditPages *self = CT_AUDIT_PAGES (model);
  CtAuditEntry *entry;

  if (position >= self->ids->len)
    return NULL;
  entry = g_hash_table_lookup (self->entries, id_at (self, position));
  if (entry != NULL)
    return g_object_ref (entry);
  read_page_of (self, position);
  return ct_audit_entry_new_unread (*id_at (self, position));
}

static void
ct_audit_pages_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ct_audit_pages_get_item_type;
  iface->get_n_items = ct_audit_pages_get_n_items;
  iface->get_item = ct_audit_pages_get_item;
}

/* GObject */

static void
ct_audit_pages_dispose (GObject *object)
{
  CtAuditPages *self = CT_AUDIT_PAGES (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (ct_audit_pages_parent_class)->dispose (object);
}

static void
ct_audit_pages_finalize (GObject *object)
{
  CtAuditPages *self = CT_AUDIT_PAGES (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_hash_table_destroy (self->entries);
  g_hash_table_destroy (self->reading);
  g_queue_clear (&self->arrived);

  G_OBJECT_CLASS (ct_audit_pages_parent_class)->finalize (object);
}

static void
ct_audit_pages_class_init (CtAuditPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_audit_pages_dispose;
  object_class->finalize = ct_audit_pages_finalize;

  /**
   * CtAuditPages::read-failed:
   * @message: what went wrong, for a person
   *
   * A page could not be read: its rows stay empty until asked for again.
   */
  signals[READ_FAILED] =
    g_signal_new ("read-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ct_audit_pages_init (CtAuditPages *self)
{
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->reading = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->arrived);
}
