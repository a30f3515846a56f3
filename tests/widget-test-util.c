/* widget-test-util.c: starting GTK for a display test, waiting on the main
 * loop, and finding widgets and windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "widget-test-util"

#include "config.h"

#include "widget-test-util.h"
#include "ct-record-page.h"

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

/* The system's GSettings schemas besides the build's (GTK's file chooser
 * reads its own), found before the isolated folders hide them. */
static void
use_system_schemas (const char *system_data_dirs)
{
  g_auto(GStrv) data_dirs = g_strsplit (system_data_dirs != NULL ? system_data_dirs
                                                                 : "/usr/local/share:/usr/share",
                                        G_SEARCHPATH_SEPARATOR_S, -1);
  g_autoptr(GStrvBuilder) schema_dirs = g_strv_builder_new ();
  g_auto(GStrv) dirs = NULL;
  g_autofree char *joined = NULL;

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    g_strv_builder_add (schema_dirs, g_getenv ("GSETTINGS_SCHEMA_DIR"));
  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *schema_dir = g_build_filename (data_dirs[i], "glib-2.0", "schemas", NULL);

      if (g_file_test (schema_dir, G_FILE_TEST_IS_DIR))
        g_strv_builder_add (schema_dirs, schema_dir);
    }
  dirs = g_strv_builder_end (schema_dirs);
  joined = g_strjoinv (G_SEARCHPATH_SEPARATOR_S, dirs);
  g_setenv ("GSETTINGS_SCHEMA_DIR", joined, TRUE);
}

/* The system's icon themes (Adwaita's icons beyond the few GTK carries),
 * found through XDG_DATA_DIRS as it was before the test isolated it:
 * without them a screenshot shows "image missing" where the app shows an
 * icon. */
static void
use_system_icons (const char *system_data_dirs)
{
  g_auto(GStrv) data_dirs = g_strsplit (system_data_dirs != NULL ? system_data_dirs
                                                                 : "/usr/local/share:/usr/share",
                                        G_SEARCHPATH_SEPARATOR_S, -1);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *icon_dir = g_build_filename (data_dirs[i], "icons", NULL);

      gtk_icon_theme_add_search_path (theme, icon_dir);
    }
}

void
test_widget_init (int    *argc,
                  char ***argv)
{
  g_autofree char *system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  use_system_schemas (system_data_dirs);

  /* Each test gets its own user folders, so a fresh records file. */
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  use_system_mime_database (system_data_dirs);
  gtk_init ();
  adw_init ();
  use_system_icons (system_data_dirs);
  /* A blinking cursor in an unfocused window makes GtkText warn. */
  g_object_set (gtk_settings_get_default (),
                "gtk-cursor-blink", FALSE,
                "gtk-enable-animations", FALSE,
                NULL);
}

/* Waiting */

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

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

void
test_wait_until_mapped (GtkWidget *widget)
{
  test_wait_until (is_mapped, widget);
}

static gboolean
is_page_read (gpointer page)
{
  return !ct_record_page_is_loading (page);
}

void
test_wait_until_page_read (gpointer page)
{
  g_assert_true (CT_IS_RECORD_PAGE (page));
  test_wait_until (is_page_read, page);
}

/* Windows */

GtkWindow *
test_present_in_window (GtkWidget *child,
                        int        width,
                        int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  test_wait_until_mapped (child);
  return window;
}

void
test_destroy_window (GtkWindow *window)
{
  GtkWidget *child = gtk_window_get_child (window);

  g_object_add_weak_pointer (G_OBJECT (child), (gpointer *) &child);
  gtk_window_destroy (window);
  g_assert_null (child);
}

/* Finding widgets */

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

void
test_set_text (gpointer    root,
               const char *id,
               const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (test_find_by_id (root, id)), text);
}

const char *
test_get_text (gpointer    root,
               const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (test_find_by_id (root, id)));
}

char *
test_dup_text_view_text (gpointer root)
{
  GtkTextView *view = GTK_TEXT_VIEW (test_find_of_type (root, GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  g_assert_false (gtk_text_view_get_editable (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text);
}

GtkWidget *
test_find_label (gpointer    root,
                 const char *text)
{
  return test_find_widget (root, is_label_with_text, text);
}

GtkWidget *
test_find_of_type (gpointer root,
                   GType    type)
{
  return test_find_widget (root, has_type, GSIZE_TO_POINTER (type));
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

GPtrArray *
test_find_all (gpointer root,
               GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

/* Finding windows */

GtkWindow *
test_find_window (TestWidgetMatch match,
                  gconstpointer   data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (match (GTK_WIDGET (window), data))
        return window;
    }
  return NULL;
}

GtkWindow *
test_find_toplevel (GType type)
{
  return test_find_window (has_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_toplevel (gpointer type)
{
  return test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

GtkWindow *
test_wait_for_toplevel (GType type)
{
  test_wait_until (has_toplevel, GSIZE_TO_POINTER (type));
  return test_find_toplevel (type);
}

/* Screenshots */


static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

/* A widget shows nothing until its first frame is drawn. */
static gboolean
is_drawn (gpointer widget)
{
  g_autoptr(GskRenderNode) node = NULL;

  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
    return FALSE;
  node = snapshot_widget (widget);
  return node != NULL;
}

static gboolean
is_shown_scrolled_window (GtkWidget     *widget,
                          gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
scrolls_to_end (gpointer data)
{
  GtkAdjustment *adjustment = data;
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, end);
  return end > 0 && gtk_adjustment_get_value (adjustment) == end;
}

void
test_scroll_to_end (gpointer root)
{
  /* The shown one: a hidden status page has its own. */
  GtkWidget *scrolled = test_find_widget (root, is_shown_scrolled_window, NULL);

  g_assert_nonnull (scrolled);
  test_wait_until (scrolls_to_end,
                   gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
}

void
test_save_screenshot (GtkWidget  *widget,
                      const char *name)
{
  const char *dir = g_getenv ("CT_TEST_SCREENSHOT_DIR");
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  test_wait_until (is_drawn, widget);
  node = snapshot_widget (widget);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
