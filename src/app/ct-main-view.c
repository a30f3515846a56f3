/* ct-main-view.c: the unlocked window's sidebar and sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-main-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-caseload-view.h"
#include "ct-child-page.h"
#include "ct-demo.h"
#include "ct-check-banner.h"
#include "ct-draft-banner.h"
#include "ct-editor-launcher.h"
#include "ct-main-view.h"
#include "ct-outcomes-view.h"
#include "ct-record-list.h"
#include "ct-reports-view.h"
#include "ct-server-banner.h"
#include "ct-training-event-page.h"

struct _CtMainView
{
  AdwBin          parent_instance;

  CtDatabase     *database;

  AdwLeaflet     *leaflet;
  GtkMenuButton  *menu_button;
  GtkListBox     *sidebar;
  GtkStack       *content;
  GtkStack       *sections;
  AdwBin         *page_bin;
  GtkButton      *back_button;
  AdwWindowTitle *section_title;
  GtkGesture     *mouse_back;
};

/* Ctrl+1 … Ctrl+N choose the first N sections. */
#define N_SECTION_SHORTCUTS 8

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

/* Back is shown when the sidebar is folded away or a record's page is open;
 * view.back (Alt+Left, Escape, the mouse's back button) is on only then, so
 * that Escape still reaches the widgets that use it otherwise. */
static void
update_back_button (CtMainView *self)
{
  gboolean page_open = adw_bin_get_child (self->page_bin) != NULL;
  gboolean can_go_back = page_open || (adw_leaflet_get_folded (self->leaflet) &&
                                       adw_leaflet_get_visible_child (self->leaflet) !=
                                       gtk_widget_get_first_child (GTK_WIDGET (self->leaflet)));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          page_open || adw_leaflet_get_folded (self->leaflet));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.back", can_go_back);
}

/* Shows a child's or a training event's page over the sections; its
 * "title" property (the child's name, the event's title) titles it. */
static void
on_page_title_changed (CtMainView *self,
                       GParamSpec *pspec,
                       GtkWidget  *page)
{
  g_autofree char *title = NULL;

  g_object_get (page, "title", &title, NULL);
  adw_window_title_set_title (self->section_title, title);
}

static void
show_page (CtMainView *self,
           GtkWidget  *page)
{
  adw_bin_set_child (self->page_bin, page);
  g_signal_connect_object (page, "notify::title", G_CALLBACK (on_page_title_changed), self,
                           G_CONNECT_SWAPPED);
  on_page_title_changed (self, NULL, page);
  gtk_stack_set_visible_child_name (self->content, "page");
  update_back_button (self);
}

static void
close_page (CtMainView *self)
{
  GtkWidget *section = gtk_stack_get_visible_child (self->sections);

  gtk_stack_set_visible_child_name (self->content, "sections");
  adw_bin_set_child (self->page_bin, NULL);
  adw_window_title_set_title (self->section_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->sections,
                                                                            section)));
  update_back_button (self);
}

static void
on_row_activated (CtMainView    *self,
                  GtkListBoxRow *row)
{
  GtkSelectionModel *pages = gtk_stack_get_pages (self->sections);

  if (adw_bin_get_child (self->page_bin) != NULL)
    close_page (self);
  gtk_selection_model_select_item (pages, gtk_list_box_row_get_index (row), TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  g_object_unref (pages);
}

static void
on_show_record (CtMainView   *self,
                gint64        id,
                CtRecordList *list)
{
  if (g_strcmp0 (ct_kind_get_name (ct_record_list_get_kind (list)), "child") == 0)
    show_page (self, ct_child_page_new (self->database, id));
  else
    show_page (self, ct_training_event_page_new (self->database, id));
}

static void
on_child_activated (CtMainView *self,
                    gint64      child_id)
{
  show_page (self, ct_child_page_new (self->database, child_id));
}

/* After ::child-activated: the page shown is that child's. */
static void
on_goal_activated (CtMainView *self,
                   gint64      goal_id)
{
  GtkWidget *page = adw_bin_get_child (self->page_bin);

  if (CT_IS_CHILD_PAGE (page))
    ct_child_page_show_goal (CT_CHILD_PAGE (page), goal_id);
}

static void
on_back_clicked (CtMainView *self)
{
  if (adw_bin_get_child (self->page_bin) != NULL)
    close_page (self);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_back_clicked (CT_MAIN_VIEW (widget));
}

/* view.section (Ctrl+1 …): the sections in the sidebar's order. */
static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtMainView *self = CT_MAIN_VIEW (widget);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar,
                                                      g_variant_get_uint32 (parameter));

  if (row != NULL)
    on_row_activated (self, row);
}

/* view.rate-goal (Ctrl+R): a goal rating from anywhere, starting with a
 * search for the goal. */
static void
rate_goal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CtMainView *self = CT_MAIN_VIEW (widget);
  g_autoptr(CtRecord) rating = ct_record_new (ct_kind_lookup ("goal_rating"));

  ct_editor_launcher_open (widget, self->database, rating, NULL);
}

static void
on_mouse_back (CtMainView *self)
{
  if (gtk_widget_activate_action (GTK_WIDGET (self), "view.back", NULL))
    gtk_gesture_set_state (GTK_GESTURE (self->mouse_back), GTK_EVENT_SEQUENCE_CLAIMED);
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
  if (ct_demo_is_demo (database))
    adw_window_title_set_subtitle (self->section_title,
                                   _("Demonstration: invented records, deleted on closing"));
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

  g_type_ensure (CT_TYPE_CASELOAD_VIEW);
  g_type_ensure (CT_TYPE_RECORD_LIST);
  g_type_ensure (CT_TYPE_OUTCOMES_VIEW);
  g_type_ensure (CT_TYPE_REPORTS_VIEW);
  g_type_ensure (CT_TYPE_DRAFT_BANNER);
  g_type_ensure (CT_TYPE_CHECK_BANNER);
  g_type_ensure (CT_TYPE_SERVER_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CtMainView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, content);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, sections);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, page_bin);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, back_button);
  gtk_widget_class_bind_template_child (widget_class, CtMainView, section_title);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_show_record);
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_section_changed);

  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "view.section", "u", section_action);
  gtk_widget_class_install_action (widget_class, "view.rate-goal", NULL, rate_goal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "view.rate-goal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "view.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "view.back", NULL);
  for (guint i = 0; i < N_SECTION_SHORTCUTS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "view.section", "u", i);
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

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_back_button),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (update_back_button), self, G_CONNECT_SWAPPED);
  update_back_button (self);

  /* The mouse's back button (button 8). */
  self->mouse_back = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->mouse_back), 8);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->mouse_back),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (self->mouse_back, "pressed", G_CALLBACK (on_mouse_back), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->mouse_back));
}
