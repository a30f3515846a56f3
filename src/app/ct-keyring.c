/* ct-keyring.c: the passphrase in the user's keyring, when asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-keyring"

#include "config.h"

#include <glib/gi18n.h>

#if HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "ct-keyring.h"
#include "ct-secret.h"

gboolean
ct_keyring_is_supported (void)
{
  return HAVE_LIBSECRET;
}

gboolean
ct_keyring_is_wanted (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return ct_keyring_is_supported () && g_settings_get_boolean (settings, "remember-passphrase");
}

#if HAVE_LIBSECRET

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Passphrase", SECRET_SCHEMA_NONE,
    {
      { "path", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static const SecretSchema *
get_password_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Password", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

gboolean
ct_keyring_store_sync (const char    *path,
                       const char    *passphrase,
                       GCancellable  *cancellable,
                       GError       **error)
{
  /* TRANSLATORS: the name of the item in the user's keyring; %s is the file */
  g_autofree char *label = g_strdup_printf (_("Clinical Team passphrase for %s"), path);

  g_return_val_if_fail (path != NULL && passphrase != NULL, FALSE);

  return secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label,
                                     passphrase, cancellable, error, "path", path, NULL);
}

gboolean
ct_keyring_store_password_sync (const char    *server,
                                const char    *user,
                                const char    *password,
                                GCancellable  *cancellable,
                                GError       **error)
{
  /* TRANSLATORS: the name of the item in the user's keyring; %s is the user
   * name, then the team server's address */
  g_autofree char *label = g_strdup_printf (_("Clinical Team password of %s on %s"),
                                            user, server);

  g_return_val_if_fail (server != NULL && user != NULL && password != NULL, FALSE);

  return secret_password_store_sync (get_password_schema (), SECRET_COLLECTION_DEFAULT, label,
                                     password, cancellable, error,
                                     "server", server, "user", user, NULL);
}

void
ct_keyring_lookup (const char          *path,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  secret_password_lookup (get_schema (), cancellable, callback, user_data, "path", path, NULL);
}

void
ct_keyring_lookup_password (const char          *server,
                            const char          *user,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (server != NULL && user != NULL);

  secret_password_lookup (get_password_schema (), cancellable, callback, user_data,
                          "server", server, "user", user, NULL);
}

char *
ct_keyring_lookup_finish (GAsyncResult  *result,
                          GError       **error)
{
  return secret_password_lookup_finish (result, error);
}

void
ct_keyring_clear (const char          *path,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  secret_password_clear (get_schema (), cancellable, callback, user_data, "path", path, NULL);
}

void
ct_keyring_clear_password (const char          *server,
                           const char          *user,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (server != NULL && user != NULL);

  secret_password_clear (get_password_schema (), cancellable, callback, user_data,
                         "server", server, "user", user, NULL);
}

gboolean
ct_keyring_clear_finish (GAsyncResult  *result,
                         GError       **error)
{
  GError *local_error = NULL;

  /* FALSE without an error: there was nothing to remove. */
  secret_password_clear_finish (result, &local_error);
  if (local_error == NULL)
    return TRUE;

  g_propagate_error (error, local_error);
  return FALSE;
}

#else /* !HAVE_LIBSECRET: nothing is ever stored */

gboolean
ct_keyring_store_sync (const char    *path,
                       const char    *passphrase,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("This copy of Clinical Team was built without keyring support, "
                         "so it cannot remember the passphrase."));
  return FALSE;
}

gboolean
ct_keyring_store_password_sync (const char    *server,
                                const char    *user,
                                const char    *password,
                                GCancellable  *cancellable,
                                GError       **error)
{
  return ct_keyring_store_sync (server, password, cancellable, error);
}

static void
return_nothing (GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data,
                gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_return_pointer (task, NULL, NULL);
}

void
ct_keyring_lookup (const char          *path,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  return_nothing (cancellable, callback, user_data, ct_keyring_lookup);
}

void
ct_keyring_lookup_password (const char          *server,
                            const char          *user,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  return_nothing (cancellable, callback, user_data, ct_keyring_lookup);
}

char *
ct_keyring_lookup_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ct_keyring_clear (const char          *path,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  return_nothing (cancellable, callback, user_data, ct_keyring_clear);
}

void
ct_keyring_clear_password (const char          *server,
                           const char          *user,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  return_nothing (cancellable, callback, user_data, ct_keyring_clear);
}

gboolean
ct_keyring_clear_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error) == NULL &&
         !g_task_had_error (G_TASK (result));
}

#endif

/* Checking that a keyring answers */

static void
on_checked (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *passphrase = ct_keyring_lookup_finish (result, &error);

  ct_passphrase_free (passphrase);
  if (error == NULL)
    g_task_return_boolean (task, TRUE);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_message ("No keyring answers: %s", error->message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("No keyring answers on this computer, so the passphrase "
                                 "cannot be remembered: type it at each unlock."));
    }
}

/* A lookup is the cheapest question that needs the secret service. */
void
ct_keyring_check (const char          *path,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ct_keyring_check);
  if (!ct_keyring_is_supported ())
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("This copy of Clinical Team was built without keyring "
                                 "support, so it cannot remember the passphrase."));
      g_object_unref (task);
      return;
    }
  ct_keyring_lookup (path, cancellable, on_checked, task);
}

gboolean
ct_keyring_check_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The switch in Preferences */

typedef struct
{
  GSettings    *settings;
  char         *path;
  GCancellable *cancellable;
  char         *subtitle;   /* the row's own, shown while nothing is wrong */
} SwitchBinding;

static void
switch_binding_free (SwitchBinding *binding)
{
  g_object_unref (binding->settings);
  g_free (binding->path);
  g_object_unref (binding->cancellable);
  g_free (binding->subtitle);
  g_free (binding);
}

static SwitchBinding *
get_binding (AdwActionRow *row)
{
  return g_object_get_data (G_OBJECT (row), "ct-keyring-binding");
}

static void
say_on_row (AdwActionRow *row,
            const char   *message)
{
  adw_action_row_set_subtitle (row, message != NULL ? message : get_binding (row)->subtitle);
}

static void
on_switch_checked (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AdwActionRow) row = user_data;
  g_autoptr(GError) error = NULL;

  if (ct_keyring_check_finish (result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_settings_set_boolean (get_binding (row)->settings, "remember-passphrase", FALSE);
  say_on_row (row, error->message);
}

static void
on_switch_cleared (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AdwActionRow) row = user_data;
  g_autoptr(GError) error = NULL;

  if (!ct_keyring_clear_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    say_on_row (row, error->message);
}

static void
on_remember_changed (AdwActionRow *row)
{
  SwitchBinding *binding = get_binding (row);

  if (g_settings_get_boolean (binding->settings, "remember-passphrase"))
    {
      say_on_row (row, NULL);
      ct_keyring_check (binding->path, binding->cancellable, on_switch_checked,
                        g_object_ref (row));
    }
  else
    ct_keyring_clear (binding->path, binding->cancellable, on_switch_cleared,
                      g_object_ref (row));
}

void
ct_keyring_bind_switch (GSettings    *settings,
                        const char   *path,
                        AdwActionRow *row,
                        GtkSwitch    *toggle,
                        GCancellable *cancellable)
{
  SwitchBinding *binding;

  g_return_if_fail (G_IS_SETTINGS (settings));

  /* A team server has no passphrase of its own to remember. */
  gtk_widget_set_visible (GTK_WIDGET (row), ct_keyring_is_supported () && path != NULL);
  if (path == NULL)
    return;

  binding = g_new0 (SwitchBinding, 1);
  binding->settings = g_object_ref (settings);
  binding->path = g_strdup (path);
  binding->cancellable = g_object_ref (cancellable);
  binding->subtitle = g_strdup (adw_action_row_get_subtitle (row));
  g_object_set_data_full (G_OBJECT (row), "ct-keyring-binding", binding,
                          (GDestroyNotify) switch_binding_free);
  g_settings_bind (settings, "remember-passphrase", toggle, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::remember-passphrase",
                           G_CALLBACK (on_remember_changed), row, G_CONNECT_SWAPPED);
  /* A setting left on from before is checked too. */
  if (g_settings_get_boolean (settings, "remember-passphrase"))
    on_remember_changed (row);
}

/* Unlocking at startup */

static void
on_looked_up (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CtPassphrasePage) page = user_data;
  g_autoptr(GError) error = NULL;
  char *passphrase = ct_keyring_lookup_finish (result, &error);
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *actor = NULL;

  if (passphrase == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("The keyring could not be read: %s", error->message);
      return;
    }
  if (ct_passphrase_page_get_busy (page))
    {
      ct_passphrase_free (passphrase);
      return;
    }

  settings = g_settings_new (APP_ID);
  actor = g_settings_get_string (settings, "staff-profile");
  ct_passphrase_page_open (page, CT_OPEN_MODE_OPEN, passphrase, actor);
}

void
ct_keyring_unlock_page (CtPassphrasePage *page,
                        GCancellable     *cancellable)
{
  g_return_if_fail (CT_IS_PASSPHRASE_PAGE (page));

  if (!ct_keyring_is_wanted ())
    return;

  ct_keyring_lookup (ct_passphrase_page_get_path (page), cancellable,
                     on_looked_up, g_object_ref (page));
}
