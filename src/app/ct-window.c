/* ct-window.c: the main window
 *
 * Locked, it shows the welcome page (no records file yet), the unlock
 * page, or the team server's sign-in page (the last place used, or after
 * signing out of a server); unlocked, a CtMainView built for the open
 * database. The primary menu opens another records file, makes a new one
 * or signs in to a team server, says who is signed in (on a server), and
 * backs up the open file or changes its passphrase (a file's own: hidden
 * on a server).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-audit-log-window.h"
#include "ct-auto-lock.h"
#include "ct-change-watch.h"
#include "ct-connect-page.h"
#include "ct-close-guard.h"
#include "ct-demo.h"
#include "ct-draft-keeper.h"
#include "ct-identity.h"
#include "ct-keyring.h"
#include "ct-main-view.h"
#include "ct-passphrase-dialog.h"
#include "ct-permission.h"
#include "ct-preferences-window.h"
#include "ct-record-tooltip.h"
#include "ct-records-file-chooser.h"
#include "ct-records.h"
#include "ct-store-reader.h"
#include "ct-unlock-page.h"
#include "ct-welcome-page.h"
#include "ct-window.h"

/* How often the window asks whether another process changed the file. */
#define CHANGE_WATCH_INTERVAL_MS 2000

/* The primary menu's section that says who is signed in, with Lock. */
#define ACCOUNT_SECTION 1

struct _CtWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  CtDatabase           *database;
  CtChangeWatch        *change_watch;   /* another process's writes to it */
  CtAutoLock           *auto_lock;
  GCancellable         *identity_reading;  /* who signed in, being read */
  GCancellable         *cancellable;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkStack             *locked_stack;
  CtWelcomePage        *welcome_page;
  CtUnlockPage         *unlock_page;
  CtConnectPage        *connect_page;
  GMenuModel           *primary_menu;
  CtMainView           *main_view;

  char                 *path;
};

G_DEFINE_FINAL_TYPE (CtWindow, ct_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Leaving the sign-in page forgets the password typed there. */
static void
show_locked_page (CtWindow  *self,
                  GtkWidget *page)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->locked_stack);

  if (shown == GTK_WIDGET (self->connect_page) && page != shown)
    ct_connect_page_reset (self->connect_page);
  gtk_stack_set_visible_child (self->locked_stack, page);
  gtk_stack_set_visible_child_name (self->stack, "locked");
  gtk_widget_grab_focus (page);
}

/* The actions that need an open records file; backup and passphrase
 * change, an open file (not a team server). */
static void
set_unlocked_actions_enabled (CtWindow *self,
                              gboolean  enabled)
{
  static const char *const actions[] = { "win.lock", "win.preferences" };
  static const char *const file_actions[] = { "win.backup", "win.change-passphrase" };
  gboolean is_file = enabled && ct_database_get_path (self->database) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), file_actions[i], is_file);
  /* A clinician's role does not read the audit trail: not offered. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.audit-log",
                                 enabled && ct_permission_can_read_audit_log (self->database));
}

static void
show_toast (CtWindow   *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The pages open @path from now on. */
static void
set_path (CtWindow   *self,
          const char *path)
{
  char *copy = g_strdup (path);   /* @path may be self->path */

  g_free (self->path);
  self->path = copy;
  ct_passphrase_page_set_path (CT_PASSPHRASE_PAGE (self->welcome_page), self->path);
  ct_passphrase_page_set_path (CT_PASSPHRASE_PAGE (self->unlock_page), self->path);
}

/* The next start opens the file last unlocked (never the demo's). */
static void
remember_file (CtWindow   *self,
               CtDatabase *database)
{
  const char *path = ct_database_get_path (database);

  if (path == NULL || ct_demo_is_demo (database))
    return;
  set_path (self, path);
  g_settings_set_string (self->settings, "records-file", path);
  g_settings_set_string (self->settings, "last-place", "file");
}

/* The heading of the section with Lock: who is signed in (NULL: nobody
 * known). */
static void
set_heading (CtWindow   *self,
             const char *heading)
{
  GMenu *menu = G_MENU (self->primary_menu);
  g_autoptr(GMenuModel) section = g_menu_model_get_item_link (self->primary_menu,
                                                              ACCOUNT_SECTION,
                                                              G_MENU_LINK_SECTION);

  g_menu_remove (menu, ACCOUNT_SECTION);
  g_menu_insert_section (menu, ACCOUNT_SECTION, heading, section);
}

/* @user_data: a weak reference to the window (a closed window is not kept
 * for the read). */
static void
on_identity_read (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GWeakRef *window = user_data;
  g_autoptr(CtWindow) self = g_weak_ref_get (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = ct_identity_read_finish (CT_DATABASE (source_object), result,
                                                      &error);

  g_weak_ref_clear (window);
  g_free (window);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_heading (self, heading);
}

/* Who the server knows signed in, and their role, read on the reader;
 * none on the file, which proves no identity (whoever has the passphrase
 * may do everything). */
static void
show_identity (CtWindow *self)
{
  GWeakRef *window;

  g_cancellable_cancel (self->identity_reading);
  g_clear_object (&self->identity_reading);
  set_heading (self, NULL);
  if (self->database == NULL || ct_database_get_path (self->database) != NULL ||
      ct_database_get_actor (self->database) == NULL)
    return;
  self->identity_reading = g_cancellable_new ();
  window = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window, self);
  ct_identity_read_async (self->database, self->identity_reading, on_identity_read, window);
}

static void
on_own_staff_found (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (ct_store_find_own_staff_finish (CT_DATABASE (source_object), result, &error) == 0 &&
      error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The signed-in staff member was not found: %s", error->message);
}

/* The staff member signed in, found on the reader and known to the store
 * from then on: whose record a row is, and a new record's clinician, are
 * then answered without a read in the window's thread. */
static void
learn_own_staff (CtWindow *self)
{
  if (self->database != NULL && ct_database_get_actor (self->database) != NULL &&
      ct_store_peek_own_staff (self->database) == 0)
    ct_store_find_own_staff_async (self->database, NULL, on_own_staff_found, NULL);
}

/* A change to the staff (or one not known one by one) makes the store
 * forget who signed in: found again. */
static void
on_records_changed (CtWindow *self)
{
  learn_own_staff (self);
}

static void
on_page_unlocked (CtWindow         *self,
                  CtDatabase       *database,
                  CtPassphrasePage *page)
{
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
  remember_file (self, database);
  show_identity (self);
  learn_own_staff (self);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_records_changed), self,
                           G_CONNECT_SWAPPED);
  self->change_watch = ct_change_watch_new (database, CHANGE_WATCH_INTERVAL_MS);
  self->main_view = ct_main_view_new (database, self->primary_menu);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->main_view), "main");
  gtk_stack_set_visible_child_name (self->stack, "main");
  set_unlocked_actions_enabled (self, TRUE);
  if (page != NULL && ct_passphrase_page_get_mode (page) == CT_OPEN_MODE_CHANGE)
    show_toast (self, _("Passphrase changed. The old passphrase no longer opens the records file."));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/* The next start shows the team server's sign-in page. */
static void
on_connected (CtWindow   *self,
              CtDatabase *database)
{
  g_settings_set_string (self->settings, "last-place", "server");
  on_page_unlocked (self, database, NULL);
}

/* Drops everything built from the database before closing it; a team
 * server's window shows its sign-in page again, without the password
 * unless it is remembered. */
static void
lock (CtWindow *self)
{
  g_autoptr(CtDatabase) database = g_steal_pointer (&self->database);

  if (database == NULL)
    return;

  g_clear_pointer (&self->change_watch, ct_change_watch_free);
  ct_draft_keeper_close_windows (GTK_WINDOW (self), database);
  set_unlocked_actions_enabled (self, FALSE);
  show_identity (self);
  if (ct_database_get_path (database) == NULL)
    {
      ct_connect_page_reset (self->connect_page);
      show_locked_page (self, GTK_WIDGET (self->connect_page));
    }
  else
    {
      ct_unlock_page_reset (self->unlock_page);
      show_locked_page (self, GTK_WIDGET (self->unlock_page));
    }
  gtk_stack_remove (self->stack, GTK_WIDGET (g_steal_pointer (&self->main_view)));
  ct_record_tooltip_forget ();

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  ct_database_close (database);
}

/* Another records file, or a new one */

/* Shows the page for @path: unlocking when it exists, else creating it. */
static void
show_file (CtWindow   *self,
           const char *path)
{
  lock (self);
  set_path (self, path);
  ct_unlock_page_reset (self->unlock_page);
  show_locked_page (self, g_file_test (path, G_FILE_TEST_EXISTS)
                          ? GTK_WIDGET (self->unlock_page) : GTK_WIDGET (self->welcome_page));
}

void
ct_window_open_file (CtWindow   *self,
                     const char *path)
{
  g_return_if_fail (CT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  show_file (self, path);
  if (gtk_stack_get_visible_child (self->locked_stack) == GTK_WIDGET (self->unlock_page))
    ct_keyring_unlock_page (CT_PASSPHRASE_PAGE (self->unlock_page), self->cancellable);
}

static void
on_file_chosen (const char *path,
                gpointer    user_data)
{
  ct_window_open_file (CT_WINDOW (user_data), path);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);

  ct_records_file_chooser_run (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                               _("Open Records File"), _("_Open"), self->path,
                               on_file_chosen, g_object_ref (self), g_object_unref);
}

static void
use_file_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);

  show_file (self, self->path);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);

  lock (self);
  show_locked_page (self, GTK_WIDGET (self->connect_page));
}

static void
new_file_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);
  g_autofree char *folder = ct_records_file_chooser_dup_folder (self->path);
  g_autofree char *suggested = g_build_filename (folder, _("new-records.ctdb"), NULL);

  ct_records_file_chooser_run (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                               _("New Records File"), _("_Create"), suggested,
                               on_file_chosen, g_object_ref (self), g_object_unref);
}

/* Backup and passphrase change */

static void
on_backup_done (CtWindow   *self,
                const char *message)
{
  show_toast (self, message);
}

void
ct_window_back_up_to (CtWindow   *self,
                      const char *path)
{
  CtPassphraseDialog *dialog;

  g_return_if_fail (CT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  /* Locked, or a team server, while the chooser was open. */
  if (self->database == NULL || ct_database_get_path (self->database) == NULL)
    return;
  dialog = ct_passphrase_dialog_new_backup (GTK_WINDOW (self), self->database, path);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_backup_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_backup_chosen (const char *path,
                  gpointer    user_data)
{
  ct_window_back_up_to (CT_WINDOW (user_data), path);
}

/* Backups go elsewhere than the file (the Documents folder, to copy to a
 * safe place), named by the day. */
static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *folder = ct_records_file_chooser_dup_folder (NULL);
  /* Translators: the suggested name of a backup; %s is the date, 2026-12-05 */
  g_autofree char *name = g_strdup_printf (_("records-backup-%s.ctdb"), day);
  g_autofree char *suggested = g_build_filename (folder, name, NULL);

  ct_records_file_chooser_run (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                               _("Back Up Records"), _("_Save"), suggested,
                               on_backup_chosen, g_object_ref (self), g_object_unref);
}

/* The passphrases are right: the file is closed, changed and opened again
 * by the unlock page, which shows the progress (and any failure). */
static void
on_change_confirmed (CtWindow           *self,
                     const char         *message,
                     CtPassphraseDialog *dialog)
{
  g_autofree char *actor = g_strdup (ct_database_get_actor (self->database));
  char *current = NULL;
  char *new_passphrase = NULL;

  ct_passphrase_dialog_steal_passphrases (dialog, &current, &new_passphrase);
  gtk_window_destroy (GTK_WINDOW (dialog));
  lock (self);
  ct_passphrase_page_change (CT_PASSPHRASE_PAGE (self->unlock_page), current, new_passphrase,
                             actor);
}

static void
change_passphrase_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);
  CtPassphraseDialog *dialog = ct_passphrase_dialog_new_change (GTK_WINDOW (self),
                                                                self->database);

  g_signal_connect_object (dialog, "done", G_CALLBACK (on_change_confirmed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lock (CT_WINDOW (widget));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (ct_preferences_window_new (GTK_WINDOW (self), self->database)));
}

static void
audit_log_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CtWindow *self = CT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (ct_audit_log_window_new (GTK_WINDOW (self), self->database)));
}

static void
restore_size (CtWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_size (CtWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
ct_window_close_request (GtkWindow *window)
{
  CtWindow *self = CT_WINDOW (window);

  if (ct_close_guard_asks (window, self->database))
    return TRUE;
  save_size (self);
  lock (self);

  return GTK_WINDOW_CLASS (ct_window_parent_class)->close_request (window);
}

CtWindow *
ct_window_new (GtkApplication *application)
{
  return g_object_new (CT_TYPE_WINDOW, "application", application, NULL);
}

CtWindow *
ct_window_new_unlocked (GtkApplication *application,
                        CtDatabase     *database)
{
  CtWindow *self;

  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);

  self = g_object_new (CT_TYPE_WINDOW,
                       "application", application,
                       "path", ct_database_get_path (database),
                       NULL);
  on_page_unlocked (self, database, NULL);
  return self;
}

CtDatabase *
ct_window_get_database (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);

  return self->database;
}

static void
ct_window_dispose (GObject *object)
{
  CtWindow *self = CT_WINDOW (object);

  lock (self);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_WINDOW);
  g_clear_object (&self->auto_lock);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ct_window_parent_class)->dispose (object);
}

static void
ct_window_finalize (GObject *object)
{
  CtWindow *self = CT_WINDOW (object);

  g_free (self->path);

  G_OBJECT_CLASS (ct_window_parent_class)->finalize (object);
}

static void
ct_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CtWindow *self = CT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CtWindow *self = CT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The file last unlocked, when it is still there; else the default. */
static char *
dup_start_path (CtWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "records-file");

  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  return ct_database_get_default_path ();
}

/* The last place used was a team server. */
static gboolean
starts_on_server (CtWindow *self)
{
  g_autofree char *place = g_settings_get_string (self->settings, "last-place");
  g_autofree char *address = g_settings_get_string (self->settings, "server-address");

  return g_str_equal (place, "server") && *address != '\0';
}

/* The pages need the path, known only once the properties are set. The
 * keyring may unlock the file the window starts with, or fill in the
 * server's password. */
static void
ct_window_constructed (GObject *object)
{
  CtWindow *self = CT_WINDOW (object);
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (ct_window_parent_class)->constructed (object);

  if (self->path != NULL)
    {
      show_file (self, self->path);
      return;
    }
  path = dup_start_path (self);
  if (!starts_on_server (self))
    {
      ct_window_open_file (self, path);
      return;
    }
  set_path (self, path);
  ct_connect_page_reset (self->connect_page);
  show_locked_page (self, GTK_WIDGET (self->connect_page));
}

static void
ct_window_class_init (CtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ct_window_dispose;
  object_class->finalize = ct_window_finalize;
  object_class->constructed = ct_window_constructed;
  object_class->get_property = ct_window_get_property;
  object_class->set_property = ct_window_set_property;
  window_class->close_request = ct_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CT_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The records file; NULL (the default) means ct_database_get_default_path(). */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CT_TYPE_WELCOME_PAGE);
  g_type_ensure (CT_TYPE_UNLOCK_PAGE);
  g_type_ensure (CT_TYPE_CONNECT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, locked_stack);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, connect_page);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_page_unlocked);
  gtk_widget_class_bind_template_callback (widget_class, on_connected);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.audit-log", NULL, audit_log_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "win.new-file", NULL, new_file_action);
  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.use-file", NULL, use_file_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.change-passphrase", NULL,
                                   change_passphrase_action);
}

static void
ct_window_init (CtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  restore_size (self);
  set_unlocked_actions_enabled (self, FALSE);
  self->auto_lock = ct_auto_lock_new (self);
  self->cancellable = g_cancellable_new ();
}
