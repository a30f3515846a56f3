/* window-test-util.h: driving the real main window under Xvfb, for the
 * display tests of locking, drafts, preferences and the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-window.h"

G_BEGIN_DECLS

/* Invented. */
#define TEST_WINDOW_PASSPHRASE "purple elephants dance at noon"
#define TEST_WINDOW_STAFF      "Dr Testa Exampleton"

typedef gboolean (*TestCondition) (gpointer data);
typedef gboolean (*TestWidgetMatch) (GtkWidget     *widget,
                                     gconstpointer  data);

/* g_test_init() with isolated XDG folders, GTK and libadwaita, and the
 * settings a window under Xvfb needs. */
void        test_window_init       (int            *argc,
                                    char         ***argv);

/* Spins the main context until @condition holds; fails after two minutes
 * (a safety net for a hung test, not a measure of speed). */
void        test_wait_until        (TestCondition   condition,
                                    gpointer        data);

/* The first widget in @root or below (depth first) that @match accepts, or NULL. */
GtkWidget  *test_find_widget       (gpointer        root,
                                    TestWidgetMatch match,
                                    gconstpointer   data);
/* The widget with this buildable id in @root or below; asserts there is one. */
GtkWidget  *test_find_by_id        (gpointer        root,
                                    const char     *id);
/* The first widget of @type in @root or below, or NULL. */
GtkWidget  *test_find_of_type      (gpointer        root,
                                    GType           type);
/* The first toplevel window of @type, or NULL. */
GtkWindow  *test_find_toplevel     (GType           type);

gboolean    test_window_is_locked  (gpointer        window);

/* Creates the records file at the default path (with the staff profile
 * TEST_WINDOW_STAFF), then a window of @application (may be NULL) that is
 * shown and unlocked as a person would. Returns a new reference. */
CtWindow   *test_window_open       (GtkApplication *application);
/* Types the passphrase into the unlock page and waits for it to open. */
void        test_window_unlock     (CtWindow       *window);
/* Destroys the window and asserts that nothing keeps it alive. */
void        test_window_close      (CtWindow       *window);

G_END_DECLS
