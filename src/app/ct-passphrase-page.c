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
#include "ct-store-reader.h"

typedef struct
{
  char         *path;
  GCancellable *cancellable;
  gboolean      busy;
  CtOpenMode    mode;
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

/* What the worker thread needs; the passphrases are wiped when it is
 * freed. With @remember, an opened file's passphrase (the new one, after a
 * change) goes to the keyring; @not_remembered says why it could not. */
typedef struct
{
  CtOpenMode  mode;
  char       *path;
  char       *passphrase;
  char       *new_passphrase;
  char       *actor;
  gboolean    remember;
  GError     *not_remembered;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  ct_passphrase_free (data->passphrase);
  ct_passphrase_free (data->new_passphrase);
  g_free (data->actor);
  g_clear_error (&data->not_remembered);
  g_free (data);
}

static CtDatabase *
open_database (OpenData  *data,
               GError   **error)
{
  g_autoptr(CtDatabase) database = NULL;

  if (data->mode == CT_OPEN_MODE_CREATE)
    return ct_database_create (data->path, data->passphrase, data->actor, error);

  database = ct_database_open (data->path, data->passphrase, data->actor, error);
  if (database == NULL || data->mode == CT_OPEN_MODE_OPEN)
    return g_steal_pointer (&database);

  /* The change verifies itself by opening the file with the new one. */
  if (!ct_database_change_passphrase (database, data->new_passphrase, error))
    return NULL;
  ct_passphrase_free (data->passphrase);
  data->passphrase = g_steal_pointer (&data->new_passphrase);
  return g_steal_pointer (&database);
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
    ct_keyring_store_sync (data->path, data->passphrase, NULL, &data->not_remembered);
  /* The integrity check runs after unlock, and the reads, on connections
   * of their own. */
  if (database != NULL && data->mode == CT_OPEN_MODE_OPEN)
    ct_file_check_start (database, data->passphrase);
  if (database != NULL)
    ct_store_reader_start (database, data->passphrase);
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

/* A keyring that does not answer is not asked again: the setting turns
 * itself off, and Preferences says why when it is turned on again. */
static void
forget_remembering (const GError *error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_message ("The passphrase could not be kept in the keyring: %s", error->message);
  g_settings_set_boolean (settings, "remember-passphrase", FALSE);
}

static void
on_opened (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CtPassphrasePage *self = CT_PASSPHRASE_PAGE (source_object);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) database = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled only when the page is going away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (data->not_remembered != NULL)
    forget_remembering (data->not_remembered);

  set_busy (self, FALSE);
  if (database == NULL)
    CT_PASSPHRASE_PAGE_GET_CLASS (self)->show_error (self, error);
  else
    g_signal_emit (self, signals[UNLOCKED], 0, database);
}

static void
start (CtPassphrasePage *self,
       OpenData         *data)
{
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);
  g_autoptr(GTask) task = NULL;

  data->path = g_strdup (priv->path);
  data->remember = ct_keyring_is_wanted ();
  priv->mode = data->mode;

  task = g_task_new (self, priv->cancellable, on_opened, NULL);
  g_task_set_source_tag (task, ct_passphrase_page_open);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);

  set_busy (self, TRUE);
  g_task_run_in_thread (task, open_in_thread);
}

void
ct_passphrase_page_open (CtPassphrasePage *self,
                         CtOpenMode        mode,
                         char             *passphrase,
                         const char       *actor)
{
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);
  OpenData *data;

  g_return_if_fail (CT_IS_PASSPHRASE_PAGE (self));
  g_return_if_fail (mode != CT_OPEN_MODE_CHANGE);
  g_return_if_fail (priv->path != NULL);
  g_return_if_fail (!priv->busy);

  data = g_new0 (OpenData, 1);
  data->mode = mode;
  data->passphrase = passphrase;
  data->actor = g_strdup (actor);
  start (self, data);
}

void
ct_passphrase_page_change (CtPassphrasePage *self,
                           char             *passphrase,
                           char             *new_passphrase,
                           const char       *actor)
{
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);
  OpenData *data;

  g_return_if_fail (CT_IS_PASSPHRASE_PAGE (self));
  g_return_if_fail (priv->path != NULL);
  g_return_if_fail (!priv->busy);

  data = g_new0 (OpenData, 1);
  data->mode = CT_OPEN_MODE_CHANGE;
  data->passphrase = passphrase;
  data->new_passphrase = new_passphrase;
  data->actor = g_strdup (actor);
  start (self, data);
}

CtOpenMode
ct_passphrase_page_get_mode (CtPassphrasePage *self)
{
  CtPassphrasePagePrivate *priv = ct_passphrase_page_get_instance_private (self);

  g_return_val_if_fail (CT_IS_PASSPHRASE_PAGE (self), CT_OPEN_MODE_OPEN);

  return priv->mode;
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
