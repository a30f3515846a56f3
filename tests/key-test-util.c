/* key-test-util.c: pressing keys and clicking through the X server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "key-test-util"

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "key-test-util.h"

static guint presses;
static guint clicks;

static Display *
x_display (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

/* Until GTK has read and handled everything the X server has sent. */
static void
settle (void)
{
  XSync (x_display (), False);
  for (guint idle = 0; idle < 3; idle++)
    {
      while (g_main_context_pending (NULL))
        {
          g_main_context_iteration (NULL, FALSE);
          idle = 0;
        }
      g_usleep (2000);
      XSync (x_display (), False);
    }
}

static gboolean
is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

void
test_key_focus_window (GtkWindow *window)
{
  Display *display = x_display ();
  Window focused;
  int revert;

  test_wait_until_mapped (GTK_WIDGET (window));
  XGetInputFocus (display, &focused, &revert);
  if (focused != gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))))
    XSetInputFocus (display,
                    gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                    RevertToParent, CurrentTime);
  test_wait_until (is_active, window);
  settle ();
}

static KeyCode
key_code (guint keyval)
{
  KeyCode code = XKeysymToKeycode (x_display (), keyval);

  if (code == 0)
    g_error ("no key gives %s", gdk_keyval_name (keyval));
  return code;
}

static void
send (guint    keyval,
      gboolean press)
{
  XTestFakeKeyEvent (x_display (), key_code (keyval), press, CurrentTime);
}

static const struct
{
  GdkModifierType mask;
  guint           keyval;
} modifier_keys[] = {
  { GDK_CONTROL_MASK, GDK_KEY_Control_L },
  { GDK_SHIFT_MASK, GDK_KEY_Shift_L },
  { GDK_ALT_MASK, GDK_KEY_Alt_L },
};

static void
send_key (guint           keyval,
          GdkModifierType modifiers)
{
  for (guint i = 0; i < G_N_ELEMENTS (modifier_keys); i++)
    if (modifiers & modifier_keys[i].mask)
      send (modifier_keys[i].keyval, TRUE);
  send (keyval, TRUE);
  send (keyval, FALSE);
  for (guint i = G_N_ELEMENTS (modifier_keys); i-- > 0;)
    if (modifiers & modifier_keys[i].mask)
      send (modifier_keys[i].keyval, FALSE);
  settle ();
}

/* The mouse rests in a corner while the keys are pressed: a list under it
 * would follow it (a list that activates on a single click selects what
 * the pointer is over). */
static void
park_pointer (void)
{
  Display *display = x_display ();

  XTestFakeMotionEvent (display, -1, DisplayWidth (display, DefaultScreen (display)) - 1,
                        DisplayHeight (display, DefaultScreen (display)) - 1, CurrentTime);
}

void
test_key_press (GtkWindow       *window,
                guint            keyval,
                GdkModifierType  modifiers)
{
  park_pointer ();
  test_key_focus_window (window);
  send_key (keyval, modifiers);
  presses++;
}

/* Whether @keyval is on its key's shifted level in the server's keymap. */
static gboolean
needs_shift (guint keyval)
{
  return XkbKeycodeToKeysym (x_display (), key_code (keyval), 0, 0) != keyval;
}

void
test_key_type (GtkWindow  *window,
               const char *text)
{
  park_pointer ();
  test_key_focus_window (window);
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      guint keyval = gdk_unicode_to_keyval (g_utf8_get_char (c));

      send_key (keyval, needs_shift (keyval) ? GDK_SHIFT_MASK : 0);
    }
}

void
test_key_click (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  Display *display = x_display ();
  graphene_point_t point;
  double surface_x, surface_y;
  int root_x, root_y;
  Window child;

  test_wait_until_mapped (widget);
  settle ();
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (display, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (display),
                         (int) (point.x + surface_x), (int) (point.y + surface_y),
                         &root_x, &root_y, &child);
  XTestFakeMotionEvent (display, -1, root_x, root_y, CurrentTime);
  XTestFakeButtonEvent (display, 1, True, CurrentTime);
  XTestFakeButtonEvent (display, 1, False, CurrentTime);
  settle ();
  clicks++;
}

void
test_key_save_screen (const char *name)
{
  const char *dir = g_getenv ("CT_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (dir == NULL)
    return;
  settle ();
  path = g_build_filename (dir, name, NULL);
  g_spawn_sync (NULL, (char *[]) { (char *) "import", (char *) "-window", (char *) "root", path, NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

guint
test_key_presses (void)
{
  return presses;
}

guint
test_key_clicks (void)
{
  return clicks;
}

void
test_key_reset_count (void)
{
  presses = 0;
  clicks = 0;
}
