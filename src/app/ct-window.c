/* ct-window.c: the main window
 *
 * Locked, it shows the welcome page (no records file yet) or the unlock
 * page; unlocked, a CtMainView built for the open database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-window"

#include "config.h"

#include "ct-audit-log-window.h"
#include "ct-auto-lock.h"
#include "ct-change-watch.h"
#include "ct-draft-keeper.h"
#include "ct-keyring.h"
#include "ct-main-view.h"
#include "ct-preferences-window.h"
#include "ct-unlock-page.h"
#include "ct-welcome-page.h"
#include "ct-window.h"

/* How often the window asks whether another process changed the file. */
#define CHANGE_WATCH_INTERVAL_MS 2000

struct _CtWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  CtDatabase           *database;
  CtChangeWatch        *change_watch;   /* another process's writes to it */
  CtAutoLock           *auto_lock;
  GCancellable         *cancellable;

  GtkStack             *stack;
  GtkStack             *locked_stack;
  CtWelcomePage        *welcome_page;
  CtUnlockPage         *unlock_page;
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

static void
show_locked_page (CtWindow  *self,
                  GtkWidget *page)
{
  gtk_stack_set_visible_child (self->locked_stack, page);
  gtk_stack_set_visible_child_name (self->stack, "locked");
  gtk_widget_grab_focus (page);
}

/* The actions that need an open records file. */
static void
set_unlocked_actions_enabled (CtWindow *self,
                              gboolean  enabled)
{
  static const char *const actions[] = { "win.lock", "win.preferences", "win.audit-log" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
}

static void
on_page_unlocked (CtWindow         *self,
                  CtDatabase       *database,
                  CtPassphrasePage *page)
{
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
  self->change_watch = ct_change_watch_new (database, CHANGE_WATCH_INTERVAL_MS);
  self->main_view = ct_main_view_new (database, self->primary_menu);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->main_view), "main");
  gtk_stack_set_visible_child_name (self->stack, "main");
  set_unlocked_actions_enabled (self, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/* Drops everything built from the database before closing it. */
static void
lock (CtWindow *self)
{
  g_autoptr(CtDatabase) database = g_steal_pointer (&self->database);

  if (database == NULL)
    return;

  g_clear_pointer (&self->change_watch, ct_change_watch_free);
  ct_draft_keeper_close_windows (GTK_WINDOW (self), database);
  set_unlocked_actions_enabled (self, FALSE);
  ct_unlock_page_reset (self->unlock_page);
  show_locked_page (self, GTK_WIDGET (self->unlock_page));
  gtk_stack_remove (self->stack, GTK_WIDGET (g_steal_pointer (&self->main_view)));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  ct_database_close (database);
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

/* The pages need the path, known only once the properties are set. The
 * keyring remembers the passphrase of the default file only. */
static void
ct_window_constructed (GObject *object)
{
  CtWindow *self = CT_WINDOW (object);
  gboolean is_default = self->path == NULL;
  gboolean exists;

  G_OBJECT_CLASS (ct_window_parent_class)->constructed (object);

  if (is_default)
    self->path = ct_database_get_default_path ();
  exists = g_file_test (self->path, G_FILE_TEST_EXISTS);

  ct_passphrase_page_set_path (CT_PASSPHRASE_PAGE (self->welcome_page), self->path);
  ct_passphrase_page_set_path (CT_PASSPHRASE_PAGE (self->unlock_page), self->path);
  show_locked_page (self, exists ? GTK_WIDGET (self->unlock_page)
                                 : GTK_WIDGET (self->welcome_page));

  if (exists && is_default)
    ct_keyring_unlock_page (CT_PASSPHRASE_PAGE (self->unlock_page), self->cancellable);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, locked_stack);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_page_unlocked);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.audit-log", NULL, audit_log_action);
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
