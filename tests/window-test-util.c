/* window-test-util.c: driving the real main window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "window-test-util"

#include "config.h"

#include <glib/gstdio.h>

#include "ct-demo.h"
#include "ct-file-check.h"
#include "ct-passphrase-page.h"
#include "ct-record-page.h"
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

GtkWidget *
test_window_show_section (gpointer    window,
                          const char *section)
{
  GtkStack *sections = GTK_STACK (test_find_by_id (window, "sections"));
  GtkWidget *list;

  gtk_stack_set_visible_child_name (sections, section);
  list = test_find_widget (window, is_section, section);
  g_assert_nonnull (list);
  test_wait_until (list_has_rows, list);
  return list;
}

void
test_window_select_record (GtkWidget *list,
                           gint64     id)
{
  GListModel *model = ct_record_list_get_model (CT_RECORD_LIST (list));
  GtkColumnView *view = GTK_COLUMN_VIEW (test_find_of_type (list, GTK_TYPE_COLUMN_VIEW));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (model, i);

      if (ct_record_get_id (record) == id)
        {
          gtk_selection_model_select_item (gtk_column_view_get_model (view), i, TRUE);
          return;
        }
    }
  g_assert_not_reached ();
}

CtRecord *
test_window_open_first_record (gpointer    window,
                               const char *section)
{
  GtkWidget *list = test_window_show_section (window, section);
  GtkColumnView *view = GTK_COLUMN_VIEW (test_find_of_type (list, GTK_TYPE_COLUMN_VIEW));

  GtkWidget *page;

  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (list, "section.open", NULL));
  /* A record with a page of its own (a child, an event): once it is read. */
  page = test_find_of_type (window, CT_TYPE_RECORD_PAGE);
  if (page != NULL)
    test_wait_until_page_read (page);
  return g_list_model_get_item (ct_record_list_get_model (CT_RECORD_LIST (list)), 0);
}

GtkMenuButton *
test_window_find_primary_menu (CtWindow *window)
{
  g_autoptr(GPtrArray) buttons = test_find_all (window, GTK_TYPE_MENU_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_mapped (buttons->pdata[i]) &&
        gtk_menu_button_get_primary (buttons->pdata[i]))
      return buttons->pdata[i];
  g_assert_not_reached ();
}

static gboolean
shows_heading (gpointer popover)
{
  GtkWidget *label = test_find_label (popover, g_object_get_data (popover, "heading"));

  return label != NULL && gtk_widget_get_mapped (label);
}

GtkWidget *
test_window_open_primary_menu (CtWindow   *window,
                               const char *heading)
{
  GtkMenuButton *button = test_window_find_primary_menu (window);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));

  /* Other tests' windows on the shared display may take the focus, which
   * would close it. */
  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  gtk_menu_button_popup (button);
  test_wait_until_mapped (popover);
  g_object_set_data (G_OBJECT (popover), "heading", (gpointer) heading);
  test_wait_until (shows_heading, popover);
  return popover;
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

void
test_window_close_primary_menu (CtWindow *window)
{
  GtkMenuButton *button = test_window_find_primary_menu (window);

  gtk_menu_button_popdown (button);
  test_wait_until (is_unmapped, gtk_menu_button_get_popover (button));
  gtk_popover_set_autohide (gtk_menu_button_get_popover (button), TRUE);
}

gboolean
test_is_row_of_field (GtkWidget     *widget,
                      gconstpointer  name)
{
  return CT_IS_FIELD_ROW (widget) &&
         g_str_equal (ct_field_get_name (ct_field_row_get_field (CT_FIELD_ROW (widget))), name);
}

CtFieldRow *
test_editor_get_row (gpointer    editor,
                     const char *name)
{
  GtkWidget *row = test_find_widget (editor, test_is_row_of_field, name);

  g_assert_nonnull (row);
  return CT_FIELD_ROW (row);
}

void
test_demo_window_open (TestDemoWindow *demo)
{
  g_autoptr(GError) error = NULL;

  demo->db = ct_demo_open (&demo->demo_folder, &error);
  g_assert_no_error (error);
  demo->window = g_object_ref_sink (ct_window_new_unlocked (NULL, demo->db));
  gtk_window_present (GTK_WINDOW (demo->window));
}

void
test_demo_window_close (TestDemoWindow *demo)
{
  test_window_close (g_steal_pointer (&demo->window));
  g_clear_object (&demo->db);
  ct_demo_remove (demo->demo_folder);
  g_assert_false (g_file_test (demo->demo_folder, G_FILE_TEST_EXISTS));
  g_clear_pointer (&demo->demo_folder, g_free);
}
