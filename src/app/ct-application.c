/* ct-application.c: the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "ct-application.h"
#include "ct-demo.h"
#include "ct-server-database.h"
#include "ct-store-reader.h"
#include "ct-window.h"

struct _CtApplication
{
  AdwApplication  parent_instance;

  gboolean        demo;
  char           *demo_folder;  /* removed on shutdown */
  char           *server;       /* --server: a team server's connection */
};

G_DEFINE_FINAL_TYPE (CtApplication, ct_application, ADW_TYPE_APPLICATION)

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "Clinical Team developers", NULL };
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "application-name", _("Clinical Team"),
                        "application-icon", APP_ID,
                        "developer-name", _("Clinical Team developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Records the work of a children’s services clinical "
                                      "team and reports it to the Corporate Parenting Committee."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_launched (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  dialog = adw_message_dialog_new (parent, _("The Help Could Not Be Shown"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("No help viewer is installed. Ask your IT service to "
                                    "install “Help” (yelp). (%s)"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  g_app_info_launch_default_for_uri_async ("help:" GETTEXT_PACKAGE, NULL, NULL, help_launched,
                                           parent != NULL ? g_object_ref (parent) : NULL);
}

static gpointer
ref_window (gconstpointer window,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) window);
}

/* Closing each window (rather than g_application_quit()) saves its size and
 * locks its records file; the application ends with its last window. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));
  g_autolist(GtkWindow) closing = g_list_copy_deep (windows, ref_window, NULL);

  for (GList *l = closing; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action },
  { .name = "help", .activate = help_action },
  { .name = "quit", .activate = quit_action },
};

static void
set_accels (GtkApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.lock", { "<Control>l", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

static void
ct_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (ct_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions), application);
  set_accels (GTK_APPLICATION (application));
}

static gboolean
quit_on_signal (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static gint
ct_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  CtApplication *self = CT_APPLICATION (application);

  self->demo = g_variant_dict_contains (options, "demo");
  g_variant_dict_lookup (options, "server", "s", &self->server);
  /* Before GTK starts and anything reads a setting. */
  if (self->demo)
    ct_demo_use_private_settings ();
  /* A demo or a given server is its own instance, and closes its records
   * (removing the demo's folder) even when the terminal stops it. */
  if (self->demo || self->server != NULL)
    {
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
      g_unix_signal_add (SIGINT, quit_on_signal, application);
      g_unix_signal_add (SIGTERM, quit_on_signal, application);
    }
  return -1;
}

static GtkWindow *
new_demo_window (CtApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_demo_open (&self->demo_folder, &error);

  if (db == NULL)
    {
      g_printerr (_("Could not make the demo records file: %s\n"), error->message);
      return NULL;
    }
  return GTK_WINDOW (ct_window_new_unlocked (GTK_APPLICATION (self), db));
}

/* --server: signed in with libpq's password file (or none), as the login
 * that @self->server names. */
static GtkWindow *
new_server_window (CtApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (self->server, NULL, NULL, &error);

  if (db == NULL)
    {
      g_printerr (_("Could not open the records on the team server: %s\n"), error->message);
      return NULL;
    }
  ct_store_reader_start (db, NULL);
  return GTK_WINDOW (ct_window_new_unlocked (GTK_APPLICATION (self), db));
}

static void
ct_application_activate (GApplication *application)
{
  CtApplication *self = CT_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL && self->demo)
    window = new_demo_window (self);
  else if (window == NULL && self->server != NULL)
    window = new_server_window (self);
  else if (window == NULL)
    window = GTK_WINDOW (ct_window_new (GTK_APPLICATION (application)));
  if (window != NULL)
    gtk_window_present (window);
}

static void
ct_application_shutdown (GApplication *application)
{
  CtApplication *self = CT_APPLICATION (application);

  G_APPLICATION_CLASS (ct_application_parent_class)->shutdown (application);

  if (self->demo_folder != NULL)
    ct_demo_remove (self->demo_folder);
  g_clear_pointer (&self->demo_folder, g_free);
  g_clear_pointer (&self->server, g_free);
}

CtApplication *
ct_application_new (void)
{
  return g_object_new (CT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/council/ClinicalTeam",
                       /* Tracks GtkApplication:screensaver-active, for auto-lock. */
                       "register-session", TRUE,
                       NULL);
}

static void
ct_application_class_init (CtApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->startup = ct_application_startup;
  application_class->activate = ct_application_activate;
  application_class->handle_local_options = ct_application_handle_local_options;
  application_class->shutdown = ct_application_shutdown;
}

static void
ct_application_init (CtApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open a throwaway records file of invented records (removed on exit)"), NULL },
    { "server", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open the records on a team server, signing in with libpq’s password file"),
      N_("CONNECTION") },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}
