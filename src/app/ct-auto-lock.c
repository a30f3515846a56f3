/* ct-auto-lock.c: locks the window when nobody is using the app
 *
 * Input is noticed by one capture-phase controller on each toplevel, which
 * only notes the time: the single timer is not re-armed per event. When it
 * fires early (there was input since it was armed) it re-arms itself for
 * the rest of the idle time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-auto-lock"

#include "config.h"

#include "ct-auto-lock.h"

#define WATCHED_KEY "ct-auto-lock-watched"

struct _CtAutoLock
{
  GObject         parent_instance;

  CtWindow       *window;
  GSettings      *settings;
  GtkApplication *application;
  gulong          screensaver_handler;

  gint64          armed_at;
  guint           timeout_id;
};

G_DEFINE_FINAL_TYPE (CtAutoLock, ct_auto_lock, G_TYPE_OBJECT)

/* Monotonic time of the last key or pointer input in any window. */
static gint64 last_input;
static guint testing_seconds;
static gboolean testing_screensaver;

/* Watching input */

static gboolean
is_input (GdkEvent *event)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          gpointer                  user_data)
{
  if (is_input (event))
    last_input = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static void
watch_window (GtkWindow *window)
{
  GtkEventController *controller;

  if (g_object_get_data (G_OBJECT (window), WATCHED_KEY) != NULL)
    return;

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_event), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  g_object_set_data (G_OBJECT (window), WATCHED_KEY, GINT_TO_POINTER (TRUE));
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      watch_window (window);
    }
}

/* Every window of the process, editors included, now and later. */
static void
watch_toplevels_once (void)
{
  static gsize watching = 0;

  if (g_once_init_enter (&watching))
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      g_signal_connect (toplevels, "items-changed", G_CALLBACK (on_toplevels_changed), NULL);
      on_toplevels_changed (toplevels, 0, 0, g_list_model_get_n_items (toplevels), NULL);
      g_once_init_leave (&watching, 1);
    }
}

/* The timer */

static gint64
get_timeout_usec (CtAutoLock *self)
{
  guint seconds = testing_seconds;

  if (seconds == 0)
    seconds = g_settings_get_uint (self->settings, "auto-lock-minutes") * 60;
  return seconds * G_USEC_PER_SEC;
}

static void
lock (CtAutoLock *self)
{
  g_debug ("Locking the records file");
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.lock", NULL);
}

static void arm (CtAutoLock *self);

static gboolean
on_timeout (gpointer data)
{
  CtAutoLock *self = data;

  self->timeout_id = 0;
  arm (self);
  return G_SOURCE_REMOVE;
}

/* Locks when the idle time is up; otherwise sets the timer for the rest. */
static void
arm (CtAutoLock *self)
{
  gint64 idle_since = MAX (last_input, self->armed_at);
  gint64 remaining = idle_since + get_timeout_usec (self) - g_get_monotonic_time ();

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (remaining <= 0)
    {
      lock (self);
      return;
    }

  /* Rounded up, so that it never fires just before the time. */
  self->timeout_id = g_timeout_add ((remaining + 999) / 1000, on_timeout, self);
  g_source_set_name_by_id (self->timeout_id, "[ct] auto-lock");
}

static gboolean
is_unlocked (CtAutoLock *self)
{
  return ct_window_get_database (self->window) != NULL;
}

static void
on_database_notify (CtAutoLock *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!is_unlocked (self))
    return;

  self->armed_at = g_get_monotonic_time ();
  arm (self);
}

static void
on_minutes_changed (CtAutoLock *self)
{
  if (self->timeout_id != 0)
    arm (self);
}

/* The screensaver */

static void
on_screensaver_notify (CtAutoLock     *self,
                       GParamSpec     *pspec,
                       GtkApplication *application)
{
  gboolean active = testing_screensaver;

  if (!active)
    g_object_get (application, "screensaver-active", &active, NULL);
  if (active && is_unlocked (self))
    lock (self);
}

static void
stop_watching_application (CtAutoLock *self)
{
  if (self->application != NULL)
    g_clear_signal_handler (&self->screensaver_handler, self->application);
  g_clear_weak_pointer (&self->application);
}

static void
on_application_notify (CtAutoLock *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self->window));

  stop_watching_application (self);
  if (application == NULL)
    return;

  g_set_weak_pointer (&self->application, application);
  self->screensaver_handler =
    g_signal_connect_object (application, "notify::screensaver-active",
                             G_CALLBACK (on_screensaver_notify), self, G_CONNECT_SWAPPED);
}

/* The object */

CtAutoLock *
ct_auto_lock_new (CtWindow *window)
{
  CtAutoLock *self;

  g_return_val_if_fail (CT_IS_WINDOW (window), NULL);

  self = g_object_new (CT_TYPE_AUTO_LOCK, NULL);
  self->window = window;

  watch_toplevels_once ();
  g_signal_connect_object (window, "notify::database",
                           G_CALLBACK (on_database_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::application",
                           G_CALLBACK (on_application_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::auto-lock-minutes",
                           G_CALLBACK (on_minutes_changed), self, G_CONNECT_SWAPPED);
  on_application_notify (self);
  on_database_notify (self);

  return self;
}

void
ct_auto_lock_set_timeout_for_testing (guint seconds)
{
  testing_seconds = seconds;
}

void
ct_auto_lock_set_screensaver_for_testing (gboolean active)
{
  testing_screensaver = active;
}

static void
ct_auto_lock_dispose (GObject *object)
{
  CtAutoLock *self = CT_AUTO_LOCK (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  stop_watching_application (self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ct_auto_lock_parent_class)->dispose (object);
}

static void
ct_auto_lock_class_init (CtAutoLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_auto_lock_dispose;
}

static void
ct_auto_lock_init (CtAutoLock *self)
{
  self->settings = g_settings_new (APP_ID);
}
