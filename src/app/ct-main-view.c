/* ct-main-view.c: the unlocked window's sidebar and sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-main-view"

#include "config.h"

#include "ct-main-view.h"

struct _CtMainView
{
  AdwBin          parent_instance;

  CtDatabase     *database;

  AdwLeaflet     *leaflet;
  GtkMenuButton  *menu_button;
  GtkListBox     *sidebar;
  GtkStack       *sections;
  AdwWindowTitle *section_title;
};

G_DEFINE_FINAL_TYPE (CtMainView, ct_main_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One sidebar row per page of the sections stack: its icon and title. */
static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
on_row_activated (CtMainView    *self,
                  GtkListBoxRow *row)
{
  GtkSelectionModel *pages = gtk_stack_get_pages (self->sections);

  gtk_selection_model_select_item (pages, gtk_list_box_row_get_index (row), TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  g_object_unref (pages);
}

static void
on_back_clicked (CtMainView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_visible_section_changed (CtMainView *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->sections);
  GtkStackPage *page = gtk_stack_get_page (self->sections, child);
  GtkSelectionModel *pages = gtk_stack_get_pages (self->sections);
  guint n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));

  adw_window_title_set_title (self->section_title, gtk_stack_page_get_title (page));
  for (guint i = 0; i < n_pages; i++)
    if (gtk_selection_model_is_selected (pages, i))
      gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, i));
  g_object_unref (pages);
}

CtMainView *
ct_main_view_new (CtDatabase *database,
                  GMenuModel *primary_menu)
{
  CtMainView *self;

  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (primary_menu == NULL || G_IS_MENU_MODEL (primary_menu), NULL);

  self = g_object_new (CT_TYPE_MAIN_VIEW, "database", database, NULL);
  gtk_menu_button_set_menu_model (self->menu_button, primary_menu);
  return self;
}

CtDatabase *
ct_main_view_get_database (CtMainView *self)
{
  g_return_val_if_fail (CT_IS_MAIN_VIEW (self), NULL);

  return self->database;
}

const char *
ct_main_view_get_section (CtMainView *self)
{
  g_return_val_if_fail (CT_IS_MAIN_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->sections);
}

static void
ct_main_view_dispose (GObject *object)
{
  CtMainView *self = CT_MAIN_VIEW (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (ct_main_view_parent_class)->dispose (object);
}

static void
ct_main_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CtMainView *self = CT_MAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_main_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CtMainView *self = CT_MAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_main_view_class_init (CtMainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_main_view_dispose;
  object_class->get_property = ct_main_view_get_property;
  object_class->set_property = ct_main_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CtMainView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, sections);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, section_title);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_section_changed);
}

static void
ct_main_view_init (CtMainView *self)
{
  GtkSelectionModel *pages;

  gtk_widget_init_template (GTK_WIDGET (self));

  pages = gtk_stack_get_pages (self->sections);
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (pages), create_sidebar_row, NULL, NULL);
  g_object_unref (pages);
  on_visible_section_changed (self);
}
