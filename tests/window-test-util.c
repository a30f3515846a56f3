/* window-test-util.c: driving the real main window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "window-test-util"

#include "config.h"

#include <glib/gstdio.h>

#include "ct-file-check.h"
#include "ct-passphrase-page.h"
#include "ct-record-list.h"
#include "ct-unlock-page.h"
#include "window-test-util.h"

gboolean
test_window_is_locked (gpointer window)
{
  return ct_window_get_database (window) == NULL;
}

static gboolean
is_unlocked (gpointer window)
{
  return !test_window_is_locked (window);
}

void
test_window_create_records_file (void)
{
  g_autofree char *path = ct_database_get_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) database = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  database = ct_database_create (path, TEST_WINDOW_PASSPHRASE, TEST_WINDOW_STAFF, &error);
  g_assert_no_error (error);
  ct_database_close (database);
}

static gboolean
is_checked (gpointer window)
{
  CtFileCheck *check = ct_file_check_get (ct_window_get_database (window));

  return check == NULL || ct_file_check_get_state (check) != CT_FILE_CHECK_RUNNING;
}

void
test_window_unlock (CtWindow *window)
{
  GtkStack *locked_stack = GTK_STACK (test_find_by_id (window, "locked_stack"));
  GtkWidget *page = gtk_stack_get_visible_child (locked_stack);

  g_assert_true (CT_IS_UNLOCK_PAGE (page));
  test_set_text (page, "passphrase_entry", TEST_WINDOW_PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (page, "unlock.unlock", NULL));
  test_wait_until (is_unlocked, window);
  /* The integrity check after unlock adds its audit entry when it ends. */
  test_wait_until (is_checked, window);
}

CtWindow *
test_window_open (GtkApplication *application)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CtWindow *window;

  test_window_create_records_file ();
  g_settings_set_string (settings, "staff-profile", TEST_WINDOW_STAFF);
  window = g_object_ref (ct_window_new (application));
  gtk_window_present (GTK_WINDOW (window));
  test_window_unlock (window);
  return window;
}

void
test_window_close (CtWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gboolean
list_has_rows (gpointer list)
{
  GListModel *model = ct_record_list_get_model (list);

  return model != NULL && g_list_model_get_n_items (model) > 0;
}

static gboolean
is_section (GtkWidget     *widget,
            gconstpointer  name)
{
  char *section = NULL;
  gboolean match;

  if (!CT_IS_RECORD_LIST (widget))
    return FALSE;
  g_object_get (widget, "section", &section, NULL);
  match = g_strcmp0 (section, name) == 0;
  g_free (section);
  return match;
}

CtRecord *
test_window_open_first_record (gpointer    window,
                               const char *section)
{
  GtkStack *sections = GTK_STACK (test_find_by_id (window, "sections"));
  GtkWidget *list;
  GtkColumnView *view;

  gtk_stack_set_visible_child_name (sections, section);
  list = test_find_widget (window, is_section, section);
  g_assert_nonnull (list);
  test_wait_until (list_has_rows, list);
  view = GTK_COLUMN_VIEW (test_find_of_type (list, GTK_TYPE_COLUMN_VIEW));
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (list, "section.open", NULL));
  return g_list_model_get_item (ct_record_list_get_model (CT_RECORD_LIST (list)), 0);
}
