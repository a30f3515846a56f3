/* ct-connect-page.c: signing in to a team server
 *
 * The fields are those of the last sign-in (settings; never the password,
 * which only the keyring keeps, when asked to). Connecting runs in a
 * worker thread; each of the core's connection errors gets a message that
 * says what to do, and the typed fields, the password too, stay until the
 * page is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-connect-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-connect-page.h"
#include "ct-keyring.h"
#include "ct-secret.h"
#include "ct-server-database.h"
#include "ct-store-reader.h"

struct _CtConnectPage
{
  AdwBin         parent_instance;

  GSettings     *settings;
  GCancellable  *cancellable;
  char          *ca_file;
  char          *remember_subtitle;   /* the row's own, while nothing is wrong */
  gboolean       busy;

  GtkEditable   *address_row;
  GtkEditable   *database_row;
  GtkEditable   *user_row;
  GtkEditable   *password_row;
  AdwActionRow  *remember_row;
  GtkSwitch     *remember_switch;
  AdwActionRow  *ca_row;
  GtkWidget     *ca_button;
  GtkWidget     *form;
  GtkSpinner    *spinner;
  GtkLabel      *status_label;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (CtConnectPage, ct_connect_page, ADW_TYPE_BIN)

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The connection string */

static void
append_keyword (GString    *connection,
                const char *keyword,
                const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  if (connection->len > 0)
    g_string_append_c (connection, ' ');
  g_string_append_printf (connection, "%s='", keyword);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (connection, '\\');
      g_string_append_c (connection, *p);
    }
  g_string_append_c (connection, '\'');
}

/* "host", "host:port" or "[v6 address]:port". */
static void
append_address (GString    *connection,
                const char *address)
{
  const char *colon = strrchr (address, ':');
  const char *bracket = strchr (address, ']');
  g_autofree char *host = NULL;

  if (colon == NULL || (bracket != NULL && colon < bracket) ||
      (bracket == NULL && strchr (address, ':') != colon))
    {
      host = g_strdup (address);
      colon = NULL;
    }
  else
    host = g_strndup (address, colon - address);
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    {
      host[strlen (host) - 1] = '\0';
      memmove (host, host + 1, strlen (host));
    }
  append_keyword (connection, "host", host);
  append_keyword (connection, "port", colon != NULL ? colon + 1 : NULL);
}

char *
ct_connect_page_build_connection (const char *address,
                                  const char *database,
                                  const char *user,
                                  const char *ca_file)
{
  GString *connection = g_string_new (NULL);
  g_autofree char *trimmed = g_strstrip (g_strdup (address));

  /* A connection string of its own: the page's fields come after it, and
   * libpq takes the last value of a keyword. */
  if (strchr (trimmed, '=') != NULL)
    g_string_append (connection, trimmed);
  else
    append_address (connection, trimmed);
  append_keyword (connection, "dbname", database);
  append_keyword (connection, "user", user);
  append_keyword (connection, "sslrootcert", ca_file);
  return g_string_free (connection, FALSE);
}

/* What the keyring keys the password by, with the user name. */
static char *
dup_server_key (CtConnectPage *self)
{
  return ct_connect_page_build_connection (gtk_editable_get_text (self->address_row),
                                           gtk_editable_get_text (self->database_row),
                                           NULL, NULL);
}

static char *
dup_user (CtConnectPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (self->user_row)));
}

/* The form */

static gboolean
is_filled_in (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  return *text != '\0';
}

static gboolean
is_ready (CtConnectPage *self)
{
  return !self->busy && is_filled_in (self->address_row) && is_filled_in (self->database_row) &&
         is_filled_in (self->user_row);
}

static void
update (CtConnectPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect", is_ready (self));
}

static void
on_changed (CtConnectPage *self)
{
  update (self);
}

/* Enter signs in once the form is complete; until then it moves on to
 * the next field. */
static void
on_entry_activated (CtConnectPage *self)
{
  if (is_ready (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
set_busy (CtConnectPage *self,
          gboolean       busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), busy);
  if (busy)
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update (self);
}

gboolean
ct_connect_page_get_busy (CtConnectPage *self)
{
  g_return_val_if_fail (CT_IS_CONNECT_PAGE (self), FALSE);

  return self->busy;
}

/* What to do about @error, and the field to do it in. */
static const char *
describe_error (CtConnectPage  *self,
                const GError   *error,
                GtkWidget     **field)
{
  *field = GTK_WIDGET (self->address_row);
  if (error->domain != CT_DATABASE_ERROR)
    return error->message;

  switch (error->code)
    {
    case CT_DATABASE_ERROR_UNREACHABLE:
      return _("The team server cannot be reached. Check the server address and this "
               "computer’s network connection, then try again.");
    case CT_DATABASE_ERROR_WRONG_PASSWORD:
      *field = GTK_WIDGET (self->password_row);
      return _("The team server did not accept this user name and password. Check them and "
               "try again; if you have forgotten the password, ask your IT department for "
               "a new one.");
    case CT_DATABASE_ERROR_NOT_TRUSTED:
      *field = self->ca_button;
      return _("The team server’s certificate is not trusted, so the connection would not be "
               "safe. Choose the CA certificate that your IT department gave you.");
    case CT_DATABASE_ERROR_NOT_SET_UP:
      *field = GTK_WIDGET (self->database_row);
      return _("This database holds no Clinical Team records. Check the database name, or ask "
               "your IT department to set it up with “clinical-team-cli team init”.");
    case CT_DATABASE_ERROR_NEWER_SCHEMA:
      return _("The team server was set up by a newer version of Clinical Team. Update this "
               "app to sign in.");
    case CT_DATABASE_ERROR_NOT_ALLOWED:
      *field = GTK_WIDGET (self->user_row);
      return _("This login may no longer sign in to the team server. If you should, ask your "
               "IT department.");
    case CT_DATABASE_ERROR_DISCONNECTED:
      return _("The connection to the team server was lost while signing in. Try again.");
    default:
      return error->message;
    }
}

static void
show_error (CtConnectPage *self,
            const GError  *error)
{
  GtkWidget *field;

  gtk_label_set_label (self->error_label, describe_error (self, error, &field));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_grab_focus (field);
}

/* Connecting */

/* What the worker thread needs; the password is wiped when it is freed.
 * With @remember, the password of a successful sign-in goes to the
 * keyring. */
typedef struct
{
  char     *connection;
  char     *password;
  char     *server_key;
  char     *user;
  gboolean  remember;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_free (data->connection);
  ct_passphrase_free (data->password);
  g_free (data->server_key);
  g_free (data->user);
  g_free (data);
}

static void
connect_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ConnectData *data = task_data;
  GError *error = NULL;
  CtDatabase *database = ct_server_database_connect (data->connection, data->password, NULL,
                                                     &error);

  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ct_store_reader_start (database, data->password);
  if (data->remember &&
      !ct_keyring_store_password_sync (data->server_key, data->user, data->password,
                                       cancellable, &error))
    {
      g_message ("The password could not be kept in the keyring: %s", error->message);
      g_clear_error (&error);
    }
  g_task_return_pointer (task, database, g_object_unref);
}

static void
on_keyring_cleared (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ct_keyring_clear_finish (result, &error) && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The password could not be removed from the keyring: %s", error->message);
}

static void
forget_stored_password (CtConnectPage *self)
{
  g_autofree char *server_key = dup_server_key (self);
  g_autofree char *user = dup_user (self);

  if (ct_keyring_is_supported () && *user != '\0')
    ct_keyring_clear_password (server_key, user, self->cancellable, on_keyring_cleared, NULL);
}

/* The next start shows these fields again. */
static void
remember_fields (CtConnectPage *self)
{
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (self->address_row)));
  g_autofree char *database = g_strstrip (g_strdup (gtk_editable_get_text (self->database_row)));
  g_autofree char *user = dup_user (self);

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "server-address", address);
  g_settings_set_string (self->settings, "server-database", database);
  g_settings_set_string (self->settings, "server-user", user);
  g_settings_set_string (self->settings, "server-ca-file", self->ca_file != NULL ? self->ca_file : "");
  g_settings_apply (self->settings);
}

static void
on_connected (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CtConnectPage *self = CT_CONNECT_PAGE (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) database = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (database == NULL)
    {
      show_error (self, error);
      return;
    }

  remember_fields (self);
  gtk_editable_set_text (self->password_row, "");
  g_signal_emit (self, signals[UNLOCKED], 0, database);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtConnectPage *self = CT_CONNECT_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (self->address_row)));
  g_autofree char *database = g_strstrip (g_strdup (gtk_editable_get_text (self->database_row)));
  ConnectData *data = g_new0 (ConnectData, 1);

  data->user = dup_user (self);
  data->connection = ct_connect_page_build_connection (address, database, data->user,
                                                       self->ca_file);
  data->password = g_strdup (gtk_editable_get_text (self->password_row));
  data->server_key = dup_server_key (self);
  data->remember = ct_keyring_is_supported () &&
                   g_settings_get_boolean (self->settings, "remember-password");

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_connected, NULL);
  g_task_set_source_tag (task, connect_action);
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);
  g_task_run_in_thread (task, connect_in_thread);
}

/* The CA certificate */

void
ct_connect_page_set_ca_file (CtConnectPage *self,
                             const char    *path)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (CT_IS_CONNECT_PAGE (self));

  g_free (self->ca_file);
  self->ca_file = path != NULL && *path != '\0' ? g_strdup (path) : NULL;
  shown = self->ca_file != NULL ? g_filename_display_basename (self->ca_file)
                                : g_strdup (_("None chosen"));
  adw_action_row_set_subtitle (self->ca_row, shown);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->ca_row), self->ca_file);
}

static void
on_ca_chosen (GtkNativeDialog *native,
              int              response,
              gpointer         user_data)
{
  g_autoptr(CtConnectPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        ct_connect_page_set_ca_file (self, path);
    }
  g_object_unref (native);
}

/* Through the file portal, which lends the sandbox the chosen file. */
static void
choose_ca_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (_("Choose the CA Certificate"),
                                 GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  g_autoptr(GtkFileFilter) certificates = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (certificates, _("Certificates"));
  gtk_file_filter_add_pattern (certificates, "*.crt");
  gtk_file_filter_add_pattern (certificates, "*.pem");
  gtk_file_filter_add_pattern (certificates, "*.cer");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), certificates);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_ca_chosen), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The keyring */

static void
on_password_looked_up (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(CtConnectPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtPassphrase) password = ct_keyring_lookup_finish (result, &error);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The keyring could not be read: %s", error->message);
  /* Typing since the lookup began wins. */
  if (password != NULL && !self->busy && *gtk_editable_get_text (self->password_row) == '\0')
    gtk_editable_set_text (self->password_row, password);
}

static void
fill_in_stored_password (CtConnectPage *self)
{
  g_autofree char *server_key = dup_server_key (self);
  g_autofree char *user = dup_user (self);

  if (ct_keyring_is_supported () && g_settings_get_boolean (self->settings, "remember-password")
      && *user != '\0')
    ct_keyring_lookup_password (server_key, user, self->cancellable, on_password_looked_up,
                                g_object_ref (self));
}

void
ct_connect_page_reset (CtConnectPage *self)
{
  g_return_if_fail (CT_IS_CONNECT_PAGE (self));

  gtk_editable_set_text (self->password_row, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  fill_in_stored_password (self);
}

static void
on_keyring_checked (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CtConnectPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (ct_keyring_check_finish (result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_settings_set_boolean (self->settings, "remember-password", FALSE);
  adw_action_row_set_subtitle (self->remember_row,
                               _("No keyring answers on this computer, so the password cannot "
                                 "be remembered: type it at each sign-in."));
}

/* Turned on, the keyring is checked (and the switch turns itself off when
 * none answers); turned off, the stored password is removed. */
static void
on_remember_changed (CtConnectPage *self)
{
  g_autofree char *server_key = dup_server_key (self);

  if (!g_settings_get_boolean (self->settings, "remember-password"))
    {
      forget_stored_password (self);
      return;
    }
  adw_action_row_set_subtitle (self->remember_row, self->remember_subtitle);
  ct_keyring_check (server_key, self->cancellable, on_keyring_checked, g_object_ref (self));
}

/* The page */

static gboolean
ct_connect_page_grab_focus (GtkWidget *widget)
{
  CtConnectPage *self = CT_CONNECT_PAGE (widget);
  GtkEditable *fields[] = { self->address_row, self->database_row, self->user_row };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!is_filled_in (fields[i]))
      return gtk_widget_grab_focus (GTK_WIDGET (fields[i]));
  return gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
ct_connect_page_dispose (GObject *object)
{
  CtConnectPage *self = CT_CONNECT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_CONNECT_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ct_connect_page_parent_class)->dispose (object);
}

static void
ct_connect_page_finalize (GObject *object)
{
  CtConnectPage *self = CT_CONNECT_PAGE (object);

  g_object_unref (self->cancellable);
  g_free (self->ca_file);
  g_free (self->remember_subtitle);

  G_OBJECT_CLASS (ct_connect_page_parent_class)->finalize (object);
}

static void
ct_connect_page_class_init (CtConnectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_connect_page_dispose;
  object_class->finalize = ct_connect_page_finalize;
  widget_class->grab_focus = ct_connect_page_grab_focus;

  /**
   * CtConnectPage::unlocked:
   * @database: the team server, signed in to
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CT_TYPE_DATABASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-connect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, database_row);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, remember_row);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, ca_row);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, ca_button);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, form);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CtConnectPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "connect.choose-ca", NULL, choose_ca_action);
}

static void
ct_connect_page_init (CtConnectPage *self)
{
  g_autofree char *address = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;
  g_autofree char *ca_file = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  address = g_settings_get_string (self->settings, "server-address");
  database = g_settings_get_string (self->settings, "server-database");
  user = g_settings_get_string (self->settings, "server-user");
  ca_file = g_settings_get_string (self->settings, "server-ca-file");
  gtk_editable_set_text (self->address_row, address);
  gtk_editable_set_text (self->database_row, database);
  gtk_editable_set_text (self->user_row, user);
  ct_connect_page_set_ca_file (self, ca_file);

  self->remember_subtitle = g_strdup (adw_action_row_get_subtitle (self->remember_row));
  gtk_widget_set_visible (GTK_WIDGET (self->remember_row), ct_keyring_is_supported ());
  g_settings_bind (self->settings, "remember-password", self->remember_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::remember-password",
                           G_CALLBACK (on_remember_changed), self, G_CONNECT_SWAPPED);
  update (self);
}
