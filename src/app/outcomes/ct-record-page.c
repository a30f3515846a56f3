/* ct-record-page.c: the page of one record behind a row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-editor-launcher.h"
#include "ct-record-button.h"
#include "ct-record-deleter.h"
#include "ct-record-page.h"
#include "ct-store-reader.h"
#include "ct-store.h"

typedef struct
{
  CtDatabase   *database;
  gint64        record_id;
  char         *title;
  GHashTable   *viewed;     /* "kind id" of the records whose `view` entry is written */
  GCancellable *loading;    /* the read under way, or NULL */
  guint         n_targets;  /* the records of Edit and Delete clicked, being read */
} CtRecordPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CtRecordPage, ct_record_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_RECORD_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Public API */

CtDatabase *
ct_record_page_get_database (CtRecordPage *self)
{
  CtRecordPagePrivate *priv;

  g_return_val_if_fail (CT_IS_RECORD_PAGE (self), NULL);

  priv = ct_record_page_get_instance_private (self);
  return priv->database;
}

gint64
ct_record_page_get_record_id (CtRecordPage *self)
{
  CtRecordPagePrivate *priv;

  g_return_val_if_fail (CT_IS_RECORD_PAGE (self), 0);

  priv = ct_record_page_get_instance_private (self);
  return priv->record_id;
}

const char *
ct_record_page_get_title (CtRecordPage *self)
{
  CtRecordPagePrivate *priv;

  g_return_val_if_fail (CT_IS_RECORD_PAGE (self), NULL);

  priv = ct_record_page_get_instance_private (self);
  return priv->title;
}

void
ct_record_page_set_title (CtRecordPage *self,
                          const char   *title)
{
  CtRecordPagePrivate *priv;

  g_return_if_fail (CT_IS_RECORD_PAGE (self));

  priv = ct_record_page_get_instance_private (self);
  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
ct_record_page_audit_view (CtRecordPage *self,
                           CtRecord     *record)
{
  CtRecordPagePrivate *priv;
  g_autoptr(GError) error = NULL;
  const char *kind;
  char *key;

  g_return_if_fail (CT_IS_RECORD_PAGE (self));
  g_return_if_fail (CT_IS_RECORD (record));

  priv = ct_record_page_get_instance_private (self);
  kind = ct_kind_get_name (ct_record_get_kind (record));
  key = g_strdup_printf ("%s %" G_GINT64_FORMAT, kind, ct_record_get_id (record));
  if (!g_hash_table_add (priv->viewed, key))
    return;
  if (!ct_store_audit_view (priv->database, record, &error))
    g_message ("Opening %s %" G_GINT64_FORMAT " was not audited: %s", kind,
               ct_record_get_id (record), error->message);
}

void
ct_record_page_add_loading (GtkStack *stack)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (_("Reading the records…"));

  g_return_if_fail (GTK_IS_STACK (stack));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  gtk_stack_add_named (stack, box, "loading");
  gtk_stack_set_visible_child (stack, box);
}

/* Reading, on the store's reader */

typedef struct
{
  gpointer (*read) (CtDatabase *db, gint64 id, GError **error);
  gint64     id;
} PageRead;

static gpointer
read_page (CtDatabase  *db,
           gpointer     data,
           GError     **error)
{
  PageRead *read = data;

  return read->read (db, read->id, error);
}

/* Drops the read under way, if any, for @loading's (NULL: none). */
static void
set_loading (CtRecordPage *self,
             GCancellable *loading)
{
  CtRecordPagePrivate *priv = ct_record_page_get_instance_private (self);

  if (priv->loading != NULL)
    g_cancellable_cancel (priv->loading);
  g_set_object (&priv->loading, loading);
}

/* Where a read arrives: the page, by a weak reference (a closed window
 * does not keep its page for a read under way), and how to free the read. */
typedef struct
{
  GWeakRef       page;
  GCancellable  *loading;   /* cancelled when a newer read starts */
  GDestroyNotify read_free;
} PageArrival;

static void
page_arrival_free (PageArrival *arrival)
{
  g_weak_ref_clear (&arrival->page);
  g_object_unref (arrival->loading);
  g_free (arrival);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageArrival, page_arrival_free)

static void
on_page_read (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PageArrival) arrival = user_data;
  g_autoptr(CtRecordPage) self = g_weak_ref_get (&arrival->page);
  g_autoptr(GError) error = NULL;
  gpointer read = ct_store_read_finish (CT_DATABASE (source_object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A read done before a newer one started is not shown. */
  if (self != NULL && !g_cancellable_is_cancelled (arrival->loading))
    {
      set_loading (self, NULL);
      CT_RECORD_PAGE_GET_CLASS (self)->show (self, read, error);
    }
  if (read != NULL)
    arrival->read_free (read);
}

void
ct_record_page_reload (CtRecordPage *self)
{
  CtRecordPagePrivate *priv;
  CtRecordPageClass *klass;
  g_autoptr(GCancellable) loading = NULL;
  PageArrival *arrival;
  PageRead *read;

  g_return_if_fail (CT_IS_RECORD_PAGE (self));

  priv = ct_record_page_get_instance_private (self);
  if (priv->database == NULL)
    return;
  klass = CT_RECORD_PAGE_GET_CLASS (self);
  loading = g_cancellable_new ();
  set_loading (self, loading);
  read = g_new0 (PageRead, 1);
  read->read = klass->read;
  read->id = priv->record_id;
  arrival = g_new0 (PageArrival, 1);
  g_weak_ref_init (&arrival->page, self);
  arrival->loading = g_object_ref (loading);
  arrival->read_free = klass->read_free;
  ct_store_read_async (priv->database, read_page, read, g_free, klass->read_free, loading,
                       on_page_read, arrival);
}

gboolean
ct_record_page_is_loading (CtRecordPage *self)
{
  CtRecordPagePrivate *priv;

  g_return_val_if_fail (CT_IS_RECORD_PAGE (self), FALSE);

  priv = ct_record_page_get_instance_private (self);
  return priv->loading != NULL || priv->n_targets > 0;
}

/* An Edit or Delete clicked: its record is read again, on the reader. */

typedef enum
{
  TARGET_EDIT,
  TARGET_DELETE,
} TargetAction;

/* Where the record arrives: the page, by a weak reference. */
typedef struct
{
  GWeakRef         page;
  AdwToastOverlay *overlay;
  TargetAction     action;
  char            *deleted_message;
} TargetArrival;

static void
target_arrival_free (TargetArrival *arrival)
{
  g_weak_ref_clear (&arrival->page);
  g_object_unref (arrival->overlay);
  g_free (arrival->deleted_message);
  g_free (arrival);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TargetArrival, target_arrival_free)

/* Edits or deletes the record read; when it is gone, says why on the
 * overlay and reads the page again. */
static void
on_target_read (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TargetArrival) arrival = user_data;
  g_autoptr(CtRecordPage) self = g_weak_ref_get (&arrival->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) record = ct_store_get_finish (CT_DATABASE (source_object), result, &error);
  CtRecordPagePrivate *priv;

  if (self == NULL)
    return;
  priv = ct_record_page_get_instance_private (self);
  priv->n_targets--;
  /* The records were locked meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || priv->database == NULL)
    return;
  if (record == NULL)
    {
      adw_toast_overlay_add_toast (arrival->overlay, adw_toast_new (error->message));
      ct_record_page_reload (self);
    }
  else if (arrival->action == TARGET_EDIT)
    ct_editor_launcher_open (GTK_WIDGET (self), priv->database, record,
                             G_CALLBACK (ct_record_page_reload));
  else
    ct_record_deleter_delete (GTK_WIDGET (self), arrival->overlay, priv->database, record,
                              arrival->deleted_message, G_CALLBACK (ct_record_page_reload));
}

static void
read_target_async (CtRecordPage    *self,
                   AdwToastOverlay *overlay,
                   GVariant        *target,
                   TargetAction     action,
                   const char      *deleted_message)
{
  CtRecordPagePrivate *priv = ct_record_page_get_instance_private (self);
  TargetArrival *arrival;
  gint64 id = 0;
  const CtKind *kind = ct_record_button_parse_target (target, &id);

  if (kind == NULL || priv->database == NULL)
    return;
  arrival = g_new0 (TargetArrival, 1);
  g_weak_ref_init (&arrival->page, self);
  arrival->overlay = g_object_ref (overlay);
  arrival->action = action;
  arrival->deleted_message = g_strdup (deleted_message);
  priv->n_targets++;
  ct_store_get_async (priv->database, kind, id, NULL, on_target_read, arrival);
}

void
ct_record_page_edit_target (CtRecordPage    *self,
                            AdwToastOverlay *overlay,
                            GVariant        *target)
{
  g_return_if_fail (CT_IS_RECORD_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  read_target_async (self, overlay, target, TARGET_EDIT, NULL);
}

void
ct_record_page_delete_target (CtRecordPage    *self,
                              AdwToastOverlay *overlay,
                              GVariant        *target,
                              const char      *deleted_message)
{
  g_return_if_fail (CT_IS_RECORD_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  read_target_async (self, overlay, target, TARGET_DELETE, deleted_message);
}

/* Someone else changed the records: read them again now if shown (else
 * mapping does). The page's own writes reload it themselves, keeping the
 * focus where it is (the attendance register). */
static void
on_changed_elsewhere (CtRecordPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ct_record_page_reload (self);
}

/* GtkWidget: the page reads the records whenever it comes into view. */

static void
ct_record_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ct_record_page_parent_class)->map (widget);
  ct_record_page_reload (CT_RECORD_PAGE (widget));
}

/* GObject */

static void
ct_record_page_constructed (GObject *object)
{
  CtRecordPagePrivate *priv = ct_record_page_get_instance_private (CT_RECORD_PAGE (object));

  G_OBJECT_CLASS (ct_record_page_parent_class)->constructed (object);
  if (priv->database != NULL)
    g_signal_connect_object (priv->database, "changed::elsewhere",
                             G_CALLBACK (on_changed_elsewhere), object, G_CONNECT_SWAPPED);
  ct_record_page_reload (CT_RECORD_PAGE (object));
}

static void
ct_record_page_dispose (GObject *object)
{
  CtRecordPagePrivate *priv = ct_record_page_get_instance_private (CT_RECORD_PAGE (object));

  set_loading (CT_RECORD_PAGE (object), NULL);
  g_clear_object (&priv->database);

  G_OBJECT_CLASS (ct_record_page_parent_class)->dispose (object);
}

static void
ct_record_page_finalize (GObject *object)
{
  CtRecordPagePrivate *priv = ct_record_page_get_instance_private (CT_RECORD_PAGE (object));

  g_free (priv->title);
  g_hash_table_unref (priv->viewed);

  G_OBJECT_CLASS (ct_record_page_parent_class)->finalize (object);
}

static void
ct_record_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CtRecordPagePrivate *priv = ct_record_page_get_instance_private (CT_RECORD_PAGE (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->database);
      break;
    case PROP_RECORD_ID:
      g_value_set_int64 (value, priv->record_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_record_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CtRecordPagePrivate *priv = ct_record_page_get_instance_private (CT_RECORD_PAGE (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      priv->database = g_value_dup_object (value);
      break;
    case PROP_RECORD_ID:
      priv->record_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_record_page_class_init (CtRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ct_record_page_constructed;
  object_class->dispose = ct_record_page_dispose;
  object_class->finalize = ct_record_page_finalize;
  object_class->get_property = ct_record_page_get_property;
  object_class->set_property = ct_record_page_set_property;
  widget_class->map = ct_record_page_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ct_record_page_init (CtRecordPage *self)
{
  CtRecordPagePrivate *priv = ct_record_page_get_instance_private (self);

  priv->viewed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
