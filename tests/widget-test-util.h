/* widget-test-util.h: starting GTK for a display test, waiting on the main
 * loop, and finding widgets and windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*TestCondition) (gpointer data);
typedef gboolean (*TestWidgetMatch) (GtkWidget     *widget,
                                     gconstpointer  data);

/* g_test_init() with isolated XDG folders (and the system's GSettings
 * schemas and MIME database, so that the file chooser works and icons
 * load), GTK and libadwaita, with no animations and no
 * blinking cursor: under Xvfb no window manager gives a window focus. */
void        test_widget_init       (int            *argc,
                                    char         ***argv);

/* Spins the main context until @condition holds; fails after two minutes
 * (a safety net for a hung test, not a measure of speed). */
void        test_wait_until        (TestCondition   condition,
                                    gpointer        data);
void        test_wait_until_mapped (GtkWidget      *widget);
/* Spins until @page (a CtRecordPage) shows what it read last. */
void        test_wait_until_page_read (gpointer     page);

/* A new window, @width × @height, showing @child; returns once @child is
 * mapped. */
GtkWindow  *test_present_in_window (GtkWidget      *child,
                                    int             width,
                                    int             height);
/* Destroys @window and asserts that its child went with it (nothing else
 * keeps it alive). */
void        test_destroy_window    (GtkWindow      *window);

/* The first widget in @root or below (depth first) that @match accepts, or NULL. */
GtkWidget  *test_find_widget       (gpointer        root,
                                    TestWidgetMatch match,
                                    gconstpointer   data);
/* The widget with this buildable id in @root or below; asserts there is one. */
GtkWidget  *test_find_by_id        (gpointer        root,
                                    const char     *id);
/* The text of the editable with this buildable id in @root or below. */
void        test_set_text          (gpointer        root,
                                    const char     *id,
                                    const char     *text);
const char *test_get_text          (gpointer        root,
                                    const char     *id);
/* The first widget of @type in @root or below, or NULL. */
/* The text of the first text view of @root, which must be read-only. */
char       *test_dup_text_view_text (gpointer       root);
/* The label of @root whose text (mnemonic included) is @text, or NULL. */
GtkWidget  *test_find_label        (gpointer        root,
                                    const char     *text);
GtkWidget  *test_find_of_type      (gpointer        root,
                                    GType           type);
/* Every widget of @type in @root or below, depth first (a new array). */
GPtrArray  *test_find_all          (gpointer        root,
                                    GType           type);
/* The first toplevel window that @match accepts, or NULL. */
GtkWindow  *test_find_window       (TestWidgetMatch match,
                                    gconstpointer   data);
/* The first toplevel window of @type, or NULL. */
GtkWindow  *test_find_toplevel     (GType           type);
/* The same, once there is one. */
GtkWindow  *test_wait_for_toplevel (GType           type);

/* Scrolls the shown scrolled window in @root to its end, once laid out. */
void        test_scroll_to_end     (gpointer        root);
/* Saves what @widget shows as @name (a PNG) in the folder
 * $CT_TEST_SCREENSHOT_DIR, when that is set: for a person to look at. */
void        test_save_screenshot   (GtkWidget      *widget,
                                    const char     *name);

G_END_DECLS
