/* ct-passphrase-page.c: the base of the pages that open the records file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-passphrase-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ct-file-check.h"
#include "ct-keyring.h"
#include "ct-passphrase-page.h"
#include "ct-secret.h"

typedef struct
{
  char         *path;
  GCancellable *cancellable;
  gboolean      busy;
} CtPassphrasePagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CtPassphrasePage, ct_passphrase_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PATH,
  PROP_BUSY,
  N_PROPS
};

enum {
  UNLOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the worker thread needs; the passphrase is wiped when it is freed.
 * With @remember, an opened file's passphrase goes to the keyring. */
typedef struct
{
  CtOpenMode  mode;
  char       *path;
  char       *passphrase;
  char       *actor;
  gboolean    remember;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  ct_passphrase_free (data->passphrase);
  g_free (data->actor);
  g_free (data);
}

static CtDatabase *
open_database (OpenData  *data,
               GError   **error)
{
  if (data->mode == CT_OPEN_MODE_OPEN)
    return ct_database_open (data->path, data->passphrase, data->actor, error);
  return ct_database_create (data->path, data->passphrase, data->actor, error);
}

static void
remember_passphrase (OpenData *data)
{
  g_autoptr(GError) error = NULL;

  if (!ct_keyring_store_sync (data->path, data->passphrase, NULL, &error))
    g_warning ("The passphrase could not be kept in the keyring: %s", error->message);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  CtDatabase *database = open_database (data, &error);

  if (database != NULL && data->remember)
    remember_passphrase (data);
  /* The integrity check runs after unlock, on a connection of its own. */
  if (database != NULL && data->mode == CT_OPEN_MODE_OPEN)
    ct_file_check_start (database, data->passphrase);
  g_clear_pointer (&data->passphrase, ct_passphrase_free);

  if (database == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, database, g_object_unref);
}

static void
set_busy (CtPassphrasePage *self,
          gboolean          busy)
{
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);

  priv->busy = busy;
  CT_PASSPHRASE_PAGE_GET_CLASS (self)->set_busy (self, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_opened (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CtPassphrasePage *self = CT_PASSPHRASE_PAGE (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) database = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled only when the page is going away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (database == NULL)
    CT_PASSPHRASE_PAGE_GET_CLASS (self)->show_error (self, error);
  else
    g_signal_emit (self, signals[UNLOCKED], 0, database);
}

void
ct_passphrase_page_open (CtPassphrasePage *self,
                         CtOpenMode        mode,
                         char             *passphrase,
                         const char       *actor)
{
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (CT_IS_PASSPHRASE_PAGE (self));
  g_return_if_fail (priv->path != NULL);
  g_return_if_fail (!priv->busy);

  data = g_new0 (OpenData, 1);
  data->mode = mode;
  data->path = g_strdup (priv->path);
  data->passphrase = passphrase;
  data->actor = g_strdup (actor);
  data->remember = ct_keyring_is_wanted ();

  task = g_task_new (self, priv->cancellable, on_opened, NULL);
  g_task_set_source_tag (task, ct_passphrase_page_open);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);

  set_busy (self, TRUE);
  g_task_run_in_thread (task, open_in_thread);
}

const char *
ct_passphrase_page_get_path (CtPassphrasePage *self)
{
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);

  g_return_val_if_fail (CT_IS_PASSPHRASE_PAGE (self), NULL);

  return priv->path;
}

void
ct_passphrase_page_set_path (CtPassphrasePage *self,
                             const char       *path)
{
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);

  g_return_if_fail (CT_IS_PASSPHRASE_PAGE (self));

  if (g_strcmp0 (priv->path, path) == 0)
    return;

  g_free (priv->path);
  priv->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

gboolean
ct_passphrase_page_get_busy (CtPassphrasePage *self)
{
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);

  g_return_val_if_fail (CT_IS_PASSPHRASE_PAGE (self), FALSE);

  return priv->busy;
}

static void
ct_passphrase_page_dispose (GObject *object)
{
  CtPassphrasePage *self = CT_PASSPHRASE_PAGE (object);
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);

  G_OBJECT_CLASS (ct_passphrase_page_parent_class)->dispose (object);
}

static void
ct_passphrase_page_finalize (GObject *object)
{
  CtPassphrasePage *self = CT_PASSPHRASE_PAGE (object);
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);

  g_clear_object (&priv->cancellable);
  g_clear_pointer (&priv->path, g_free);

  G_OBJECT_CLASS (ct_passphrase_page_parent_class)->finalize (object);
}

static void
ct_passphrase_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CtPassphrasePage *self = CT_PASSPHRASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, ct_passphrase_page_get_path (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, ct_passphrase_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_passphrase_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CtPassphrasePage *self = CT_PASSPHRASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      ct_passphrase_page_set_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_passphrase_page_class_init (CtPassphrasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_passphrase_page_dispose;
  object_class->finalize = ct_passphrase_page_finalize;
  object_class->get_property = ct_passphrase_page_get_property;
  object_class->set_property = ct_passphrase_page_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtPassphrasePage::unlocked:
   * @database: the open records file
   *
   * The records file is open; the handler takes its own reference.
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CT_TYPE_DATABASE);
}

static void
ct_passphrase_page_init (CtPassphrasePage *self)
{
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}
