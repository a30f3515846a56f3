/* window-test-util.c: driving the real main window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "window-test-util"

#include "config.h"

#include <glib/gstdio.h>

#include "ct-passphrase-page.h"
#include "ct-unlock-page.h"
#include "window-test-util.h"

#define WAIT_SECONDS 120

/* The system's MIME database, found through XDG_DATA_DIRS as it was before
 * the test isolated it: without it no SVG icon loads ("Unrecognized image
 * file format"). */
static void
use_system_mime_database (const char *system_data_dirs)
{
  g_auto(GStrv) data_dirs = g_strsplit (system_data_dirs != NULL ? system_data_dirs
                                                                  : "/usr/local/share:/usr/share",
                                        G_SEARCHPATH_SEPARATOR_S, -1);
  g_autoptr(GStrvBuilder) mime_dirs = g_strv_builder_new ();
  g_auto(GStrv) dirs = NULL;

  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *mime_dir = g_build_filename (data_dirs[i], "mime", NULL);

      g_strv_builder_add (mime_dirs, mime_dir);
    }
  dirs = g_strv_builder_end (mime_dirs);
  g_content_type_set_mime_dirs ((const char * const *) dirs);
}

void
test_window_init (int    *argc,
                  char ***argv)
{
  g_autofree char *system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  /* Each test gets its own user folders, so a fresh records file. */
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  use_system_mime_database (system_data_dirs);
  gtk_init ();
  adw_init ();
  /* Under Xvfb no window manager gives a window focus; a blinking cursor in
   * an unfocused window makes GtkText warn. */
  g_object_set (gtk_settings_get_default (),
                "gtk-cursor-blink", FALSE,
                "gtk-enable-animations", FALSE,
                NULL);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
test_wait_until (TestCondition condition,
                 gpointer      data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

GtkWidget *
test_find_widget (gpointer        root,
                  TestWidgetMatch match,
                  gconstpointer   data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
test_find_by_id (gpointer    root,
                 const char *id)
{
  GtkWidget *widget = test_find_widget (root, has_id, id);

  g_assert_nonnull (widget);
  return widget;
}

GtkWidget *
test_find_of_type (gpointer root,
                   GType    type)
{
  return test_find_widget (root, has_type, GSIZE_TO_POINTER (type));
}

GtkWindow *
test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

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

static void
create_records_file (void)
{
  g_autofree char *path = ct_database_get_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) database = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  database = ct_database_create (path, TEST_WINDOW_PASSPHRASE, TEST_WINDOW_STAFF, &error);
  g_assert_no_error (error);
  ct_database_close (database);
  g_settings_set_string (settings, "staff-profile", TEST_WINDOW_STAFF);
}

void
test_window_unlock (CtWindow *window)
{
  GtkStack *locked_stack = GTK_STACK (test_find_by_id (window, "locked_stack"));
  GtkWidget *page = gtk_stack_get_visible_child (locked_stack);

  g_assert_true (CT_IS_UNLOCK_PAGE (page));
  gtk_editable_set_text (GTK_EDITABLE (test_find_by_id (page, "passphrase_entry")),
                         TEST_WINDOW_PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (page, "unlock.unlock", NULL));
  test_wait_until (is_unlocked, window);
}

CtWindow *
test_window_open (GtkApplication *application)
{
  CtWindow *window;

  create_records_file ();
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
