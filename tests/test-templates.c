/* test-templates.c: every .ui template of src/app builds on the baseline
 * GTK and libadwaita (a .ui file is not checked by the version macros).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-templates"

#include "config.h"

#include "ct-audit-log-window.h"
#include "ct-connect-page.h"
#include "ct-draft-banner.h"
#include "ct-main-view.h"
#include "ct-passphrase-dialog.h"
#include "ct-preferences-window.h"
#include "ct-unlock-page.h"
#include "ct-welcome-page.h"
#include "ct-window.h"
#include "widget-test-util.h"

#define RESOURCE_PATH "/org/council/ClinicalTeam/"

/* Every widget class of src/app with a template. */
static GType
template_type (guint i)
{
  switch (i)
    {
    case 0: return CT_TYPE_MAIN_VIEW;
    case 1: return CT_TYPE_UNLOCK_PAGE;
    case 2: return CT_TYPE_WELCOME_PAGE;
    case 3: return CT_TYPE_WINDOW;
    case 4: return CT_TYPE_PREFERENCES_WINDOW;
    case 5: return CT_TYPE_AUDIT_LOG_WINDOW;
    case 6: return CT_TYPE_DRAFT_BANNER;
    case 7: return CT_TYPE_PASSPHRASE_DIALOG;
    case 8: return CT_TYPE_CONNECT_PAGE;
    default: return G_TYPE_INVALID;
    }
}

static gboolean
is_listed (GType type)
{
  for (guint i = 0; template_type (i) != G_TYPE_INVALID; i++)
    if (template_type (i) == type)
      return TRUE;
  return FALSE;
}

static void
test_template_builds (gconstpointer data)
{
  GType type = template_type (GPOINTER_TO_UINT (data));
  GtkWidget *widget = g_object_ref_sink (g_object_new (type, NULL));

  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, type));
  g_assert_nonnull (gtk_widget_get_first_child (widget));

  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (GTK_WINDOW (widget));
  g_assert_finalize_object (widget);
}

/* "ct-main-view.ui" -> "CtMainView" */
static char *
type_name_for_ui_file (const char *file_name)
{
  g_autofree char *stem = g_strndup (file_name, strlen (file_name) - strlen (".ui"));
  g_auto(GStrv) words = g_strsplit (stem, "-", -1);
  GString *name = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      words[i][0] = g_ascii_toupper (words[i][0]);
      g_string_append (name, words[i]);
    }
  return g_string_free (name, FALSE);
}

static void
test_help_overlay_builds (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* A template added without a line in template_type() is caught here. */
static void
test_every_template_listed (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = g_resources_enumerate_children (RESOURCE_PATH, 0, &error);
  guint n_templates = 0;

  g_assert_no_error (error);
  for (guint i = 0; template_type (i) != G_TYPE_INVALID; i++)
    g_type_ensure (template_type (i));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *type_name = NULL;

      if (!g_str_has_suffix (files[i], ".ui"))
        continue;
      type_name = type_name_for_ui_file (files[i]);
      g_test_message ("%s: %s", files[i], type_name);
      g_assert_true (is_listed (g_type_from_name (type_name)));
      n_templates++;
    }
  g_assert_cmpuint (n_templates, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  for (guint i = 0; template_type (i) != G_TYPE_INVALID; i++)
    {
      g_autofree char *path = g_strdup_printf ("/templates/%s", g_type_name (template_type (i)));
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_template_builds);
    }
  g_test_add_func ("/templates/help-overlay", test_help_overlay_builds);
  g_test_add_func ("/templates/every-template-listed", test_every_template_listed);

  return g_test_run ();
}
