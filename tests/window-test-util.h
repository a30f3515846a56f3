/* window-test-util.h: driving the real main window under Xvfb, for the
 * display tests of locking, drafts, preferences and the audit log (start
 * them with test_widget_init())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-field-row.h"
#include "ct-records.h"
#include "ct-window.h"
#include "widget-test-util.h"

G_BEGIN_DECLS

/* Invented. */
#define TEST_WINDOW_PASSPHRASE "purple elephants dance at noon"
#define TEST_WINDOW_STAFF      "Dr Testa Exampleton"

gboolean    test_window_is_locked  (gpointer        window);

/* Creates the records file at the default path, as the CLI would: the
 * passphrase TEST_WINDOW_PASSPHRASE, the actor TEST_WINDOW_STAFF. */
void        test_window_create_records_file (void);
/* Creates the records file and sets the staff profile TEST_WINDOW_STAFF,
 * then a window of @application (may be NULL) that is shown and unlocked
 * as a person would. Returns a new reference. */
CtWindow   *test_window_open       (GtkApplication *application);
/* Types the passphrase into the unlock page and waits for it to open and
 * for its integrity check to end. */
void        test_window_unlock     (CtWindow       *window);
/* Shows @section once its list has rows; returns the list. */
GtkWidget  *test_window_show_section (gpointer    window,
                                      const char *section);
/* Selects the row of the record @id in @list, a CtRecordList. */
void        test_window_select_record (GtkWidget  *list,
                                       gint64      id);
/* Shows @section and activates its first row, as Enter would, once the
 * list has rows; a page it opens (a child's) is read. Returns that row's
 * record. */
CtRecord   *test_window_open_first_record (gpointer    window,
                                           const char *section);
/* The button of @window's primary menu, where it is shown. */
GtkMenuButton *test_window_find_primary_menu (CtWindow *window);
/* Opens @window's primary menu and waits until @heading (a section's
 * heading, which the menu builds when idle) shows in it; returns the
 * menu's popover. */
GtkWidget  *test_window_open_primary_menu  (CtWindow   *window,
                                            const char *heading);
/* Hides it and waits, so that no event of the popover's finds its
 * surface gone when the window goes. */
void        test_window_close_primary_menu (CtWindow   *window);
/* Whether @widget is the row of the field called @name (a TestWidgetMatch). */
gboolean    test_is_row_of_field   (GtkWidget      *widget,
                                    gconstpointer   name);
/* The row of the field @name in @editor, a CtRecordEditor. */
CtFieldRow *test_editor_get_row    (gpointer        editor,
                                    const char     *name);
/* A window unlocked on a new copy of the demo records, shown; closing it
 * removes the copy. */
typedef struct
{
  char       *demo_folder;
  CtDatabase *db;
  CtWindow   *window;
} TestDemoWindow;

void        test_demo_window_open  (TestDemoWindow *demo);
void        test_demo_window_close (TestDemoWindow *demo);

/* Destroys the window and asserts that nothing keeps it alive. */
void        test_window_close      (CtWindow       *window);

G_END_DECLS
