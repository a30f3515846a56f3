/* key-test-util.h: pressing keys and clicking as a person does, through
 * the X server (XTest) into GDK, so that every shortcut, key binding and
 * focus move on the way is the real one; for display tests under Xvfb
 * (GDK_BACKEND=x11), started with test_widget_init()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "widget-test-util.h"

G_BEGIN_DECLS

/* Gives @window the keyboard focus, as a window manager would when it is
 * presented (Xvfb has none), and waits until GTK knows it is active. */
void  test_key_focus_window (GtkWindow       *window);
/* Presses and releases @keyval with @modifiers in @window (focused first)
 * and waits until GTK has handled them; counts one key press. */
void  test_key_press        (GtkWindow       *window,
                             guint            keyval,
                             GdkModifierType  modifiers);
/* Types @text into @window, a key (with Shift as needed) for each
 * character: typing, not counted as key presses. */
void  test_key_type         (GtkWindow       *window,
                             const char      *text);
/* Clicks the primary button in the middle of @widget; counts one click. */
void  test_key_click        (GtkWidget       *widget);
/* Saves the whole screen, popovers and all, as @name (a PNG) in the folder
 * $CT_TEST_SCREENSHOT_DIR, when that is set: for a person to look at. */
void  test_key_save_screen  (const char      *name);
/* The key presses and clicks counted since the last reset. */
guint test_key_presses      (void);
guint test_key_clicks       (void);
void  test_key_reset_count  (void);

G_END_DECLS
