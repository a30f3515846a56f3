/* ct-draft-banner.c: offers back the draft kept when the app locked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-draft-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-draft-banner.h"
#include "ct-draft.h"
#include "ct-kind.h"
#include "ct-record-editor.h"
#include "ct-store-reader.h"

struct _CtDraftBanner
{
  AdwBin      parent_instance;

  CtDatabase   *database;
  GCancellable *reading;   /* the draft or its record being read, NULL once read */
  GVariant     *draft;     /* the draft offered */

  GtkInfoBar *info_bar;
  GtkLabel   *label;
  GtkWidget  *restore_button;
};

G_DEFINE_FINAL_TYPE (CtDraftBanner, ct_draft_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hide (CtDraftBanner *self)
{
  g_clear_pointer (&self->draft, g_variant_unref);
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
}

/* The draft cannot be restored: say why; only Discard is left. */
static void
show_error (CtDraftBanner *self,
            const char    *message)
{
  g_clear_pointer (&self->draft, g_variant_unref);
  gtk_label_set_label (self->label, message);
  gtk_widget_set_visible (self->restore_button, FALSE);
  gtk_info_bar_set_revealed (self->info_bar, TRUE);
}

static gboolean
is_editor_draft (GVariant *draft)
{
  const char *kind_name;

  if (!g_variant_is_of_type (draft, CT_RECORD_EDITOR_DRAFT_TYPE))
    return FALSE;
  g_variant_get (draft, "(&sx@a{ss})", &kind_name, NULL, NULL);
  return ct_kind_lookup (kind_name) != NULL;
}

static void
offer (CtDraftBanner *self,
       GVariant      *draft)
{
  g_autofree char *text = NULL;
  const char *kind_name;

  g_variant_get (draft, "(&sx@a{ss})", &kind_name, NULL, NULL);
  /* TRANSLATORS: %s is a kind of record, "Consultation" */
  text = g_strdup_printf (_("An unsaved record was kept when the app locked: %s."),
                          ct_kind_get_label (ct_kind_lookup (kind_name)));
  g_clear_pointer (&self->draft, g_variant_unref);
  self->draft = g_variant_ref (draft);
  gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (self->restore_button, TRUE);
  gtk_widget_set_sensitive (self->restore_button, TRUE);
  gtk_info_bar_set_revealed (self->info_bar, TRUE);
}

/* What the kept draft allows: none, restoring it, or only discarding it. */
static void
show_draft (CtDraftBanner *self,
            GVariant      *draft,
            const GError  *error)
{
  if (error != NULL)
    show_error (self, error->message);
  else if (draft == NULL)
    hide (self);
  else if (!is_editor_draft (draft))
    show_error (self, _("An unsaved record was kept when the app locked, but this version "
                        "of Clinical Team cannot restore it."));
  else
    offer (self, draft);
}

/* A read's result is never NULL: the draft, or none. */
typedef struct
{
  GVariant *draft;
} DraftRead;

static void
draft_read_free (DraftRead *read)
{
  g_clear_pointer (&read->draft, g_variant_unref);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DraftRead, draft_read_free)

static gpointer
read_draft (CtDatabase  *db,
            gpointer     data,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GVariant *draft = ct_draft_peek (db, &local_error);
  DraftRead *read;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  read = g_new0 (DraftRead, 1);
  read->draft = draft;
  return read;
}

static void
on_draft_read (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CtDraftBanner) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DraftRead) read = ct_store_read_finish (CT_DATABASE (source_object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);
  show_draft (self, read != NULL ? read->draft : NULL, error);
}

static void
stop_reading (CtDraftBanner *self)
{
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
}

/* The draft is read on the store's reader; the banner shows once it is. */
static void
update (CtDraftBanner *self)
{
  stop_reading (self);
  hide (self);
  if (self->database == NULL || !ct_database_is_open (self->database))
    return;

  self->reading = g_cancellable_new ();
  ct_store_read_async (self->database, read_draft, NULL, NULL,
                       (GDestroyNotify) draft_read_free, self->reading, on_draft_read,
                       g_object_ref (self));
}

static void
discard (CtDraftBanner *self)
{
  g_autoptr(GError) error = NULL;

  if (ct_draft_discard (self->database, &error))
    hide (self);
  else
    show_error (self, error->message);
}

/* The editor opens first; the draft leaves the file only once it has. */
static void
on_editor_made (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CtDraftBanner) self = user_data;
  g_autoptr(GError) error = NULL;
  CtRecordEditor *editor = ct_record_editor_new_for_draft_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);
  if (editor == NULL)
    {
      show_error (self, error->message);
      return;
    }
  discard (self);
  gtk_window_present (GTK_WINDOW (editor));
}

/* The record the draft was typed over is read on the store's reader. */
static void
on_restore_clicked (CtDraftBanner *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->draft == NULL || self->reading != NULL)
    return;
  gtk_widget_set_sensitive (self->restore_button, FALSE);
  self->reading = g_cancellable_new ();
  ct_record_editor_new_for_draft_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->database, self->draft, self->reading,
                                        on_editor_made, g_object_ref (self));
}

CtDatabase *
ct_draft_banner_get_database (CtDraftBanner *self)
{
  g_return_val_if_fail (CT_IS_DRAFT_BANNER (self), NULL);

  return self->database;
}

void
ct_draft_banner_set_database (CtDraftBanner *self,
                              CtDatabase    *database)
{
  g_return_if_fail (CT_IS_DRAFT_BANNER (self));
  g_return_if_fail (database == NULL || CT_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gboolean
ct_draft_banner_is_reading (CtDraftBanner *self)
{
  g_return_val_if_fail (CT_IS_DRAFT_BANNER (self), FALSE);

  return self->reading != NULL;
}

gboolean
ct_draft_banner_is_offering (CtDraftBanner *self)
{
  g_return_val_if_fail (CT_IS_DRAFT_BANNER (self), FALSE);

  return gtk_info_bar_get_revealed (self->info_bar);
}

static void
ct_draft_banner_dispose (GObject *object)
{
  CtDraftBanner *self = CT_DRAFT_BANNER (object);

  stop_reading (self);
  g_clear_pointer (&self->draft, g_variant_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ct_draft_banner_parent_class)->dispose (object);
}

static void
ct_draft_banner_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CtDraftBanner *self = CT_DRAFT_BANNER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_draft_banner_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CtDraftBanner *self = CT_DRAFT_BANNER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      ct_draft_banner_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_draft_banner_class_init (CtDraftBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_draft_banner_dispose;
  object_class->get_property = ct_draft_banner_get_property;
  object_class->set_property = ct_draft_banner_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-draft-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, CtDraftBanner, info_bar);
  gtk_widget_class_bind_template_child (widget_class, CtDraftBanner, label);
  gtk_widget_class_bind_template_child (widget_class, CtDraftBanner, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, discard);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked);
}

static void
ct_draft_banner_init (CtDraftBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
