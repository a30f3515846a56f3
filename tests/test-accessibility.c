/* test-accessibility.c: every control a person can reach has a name that a
 * screen reader can say
 *
 * Walks the widgets of the unlocked main window over the --demo records
 * (every section with its list drawn, a child's page, a training event's
 * page), the welcome page (and its Tab order) and the unlock page, the
 * Preferences and Audit Log windows and a record editor of every kind, with
 * the popover of each menu button shown.
 *
 * A control (a widget whose accessible role is interactive) has a name
 * when it has a LABEL property that is not empty, or a LABELLED_BY relation
 * to a widget that has one, as GTK 4.8 computes names: a GtkLabel has its
 * text as LABEL, a button with a text label gets LABEL itself, and a button
 * with only an icon is labelled by the icon, which has no name. A tooltip
 * does not count: GTK 4.8 gives it to the DESCRIPTION property, and a
 * control with no name is read out by its type name ("GtkButton").
 *
 * GTK keeps accessible attributes only with an AT context, so this test
 * uses GTK's test context (GTK_A11Y=test) whatever the environment says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-accessibility"

#include "config.h"

#include "ct-audit-log-window.h"
#include "ct-kind.h"
#include "ct-preferences-window.h"
#include "ct-record-editor.h"
#include "window-test-util.h"

static const GtkAccessibleRole control_roles[] = {
  GTK_ACCESSIBLE_ROLE_BUTTON, GTK_ACCESSIBLE_ROLE_CHECKBOX, GTK_ACCESSIBLE_ROLE_COMBO_BOX,
  GTK_ACCESSIBLE_ROLE_GRID, GTK_ACCESSIBLE_ROLE_TREE_GRID, GTK_ACCESSIBLE_ROLE_LINK,
  GTK_ACCESSIBLE_ROLE_MENU_ITEM, GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX,
  GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO, GTK_ACCESSIBLE_ROLE_RADIO,
  GTK_ACCESSIBLE_ROLE_SEARCH_BOX, GTK_ACCESSIBLE_ROLE_SLIDER, GTK_ACCESSIBLE_ROLE_SPIN_BUTTON,
  GTK_ACCESSIBLE_ROLE_SWITCH, GTK_ACCESSIBLE_ROLE_TAB, GTK_ACCESSIBLE_ROLE_TEXT_BOX,
};

/* Controls whose children are controls of their own: lists and grids. */
static const GtkAccessibleRole container_roles[] = {
  GTK_ACCESSIBLE_ROLE_GRID, GTK_ACCESSIBLE_ROLE_TREE_GRID,
};

static gboolean
has_role (GtkWidget               *widget,
          const GtkAccessibleRole *roles,
          gsize                    n_roles)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  for (gsize i = 0; i < n_roles; i++)
    if (roles[i] == role)
      return TRUE;
  return FALSE;
}

#define is_control(widget) has_role ((widget), control_roles, G_N_ELEMENTS (control_roles))
#define is_container(widget) has_role ((widget), container_roles, G_N_ELEMENTS (container_roles))

/* Naming */

static gboolean
has_label_property (GtkWidget *widget)
{
  g_autofree char *differs_from_empty = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  /* NULL when the label is "" */
  differs_from_empty = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                           GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  return differs_from_empty != NULL;
}

/* The widget of @widgets that @widget is labelled by, alone; NULL when it
 * is labelled by several or by one outside @widgets. */
static GtkWidget *
find_labelling_widget (GtkWidget *widget,
                       GPtrArray *widgets)
{
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *candidate = g_ptr_array_index (widgets, i);
      g_autofree char *differs = NULL;

      if (candidate == widget)
        continue;
      differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                    candidate, NULL);
      if (differs == NULL)
        return candidate;
    }
  return NULL;
}

/* GTK names a control after the LABEL of what labels it (a label's text),
 * not after that widget's own relations: a button labelled by its icon has
 * no name. A relation to several widgets, or to one not shown, counts. */
static gboolean
has_labelled_by (GtkWidget *widget,
                 GPtrArray *widgets)
{
  GtkWidget *label;

  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  label = find_labelling_widget (widget, widgets);
  return label == NULL || has_label_property (label);
}

static gboolean
has_name (GtkWidget *widget,
          GPtrArray *widgets)
{
  return has_label_property (widget) || has_labelled_by (widget, widgets);
}

/* Walking */

/* "CtRecordList > GtkColumnView#list > GtkButton "Delete"": the ancestors
 * with a buildable id or of our own types, then the control, with its
 * tooltip, so that a person can find it. */
static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w))
                                            : NULL;
      const char *type = G_OBJECT_TYPE_NAME (w);

      /* GtkBuilder names objects without an id "___object_1___" */
      if (id != NULL && (g_str_has_prefix (id, "___") || g_str_equal (id, type)))
        id = NULL;
      if (w != widget && id == NULL && !g_str_has_prefix (type, "Ct"))
        continue;
      if (path->len > 0)
        g_string_prepend (path, " > ");
      if (id != NULL)
        {
          g_string_prepend (path, id);
          g_string_prepend_c (path, '#');
        }
      g_string_prepend (path, type);
    }
  if (tooltip != NULL)
    g_string_append_printf (path, " “%s”", tooltip);
  return g_string_free (path, FALSE);
}

/* Every widget shown (or shown once its page or row is), depth first. */
static void
collect (GtkWidget *widget,
         GPtrArray *widgets)
{
  if (!gtk_widget_get_visible (widget))
    return;
  g_ptr_array_add (widgets, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, widgets);
}

static gboolean
inside_control (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (is_control (w) && !is_container (w))
      return TRUE;
  return FALSE;
}

/* Libadwaita's own search entry of a preferences window that cannot be
 * searched is never shown. */
static gboolean
is_unreachable (GtkWidget *widget)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW);

  return window != NULL && GTK_IS_SEARCH_ENTRY (widget) &&
         !adw_preferences_window_get_search_enabled (ADW_PREFERENCES_WINDOW (window));
}

/* Adds the path of every control of @root without a name to @unnamed;
 * returns how many controls it checked. */
static guint
find_unnamed_in (gpointer    root,
                 GHashTable *unnamed)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  guint n_controls = 0;

  collect (root, widgets);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);

      if (!is_control (widget) || inside_control (widget) || is_unreachable (widget))
        continue;
      n_controls++;
      if (!has_name (widget, widgets))
        g_hash_table_add (unnamed, describe (widget));
    }
  return n_controls;
}

/* The controls of @root, and of the popover of each menu button shown. */
static void
find_unnamed (gpointer    root,
              GHashTable *unnamed)
{
  g_autoptr(GPtrArray) buttons = test_find_all (root, GTK_TYPE_MENU_BUTTON);
  guint n_controls = find_unnamed_in (root, unnamed);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);
      GtkPopover *popover;

      if (!gtk_widget_get_mapped (GTK_WIDGET (button)))
        continue;
      gtk_menu_button_popup (button);
      popover = gtk_menu_button_get_popover (button);
      if (popover == NULL)
        continue;
      test_wait_until_mapped (GTK_WIDGET (popover));
      n_controls += find_unnamed_in (popover, unnamed);
      gtk_menu_button_popdown (button);
    }
  g_test_message ("%u controls checked", n_controls);
}

/* Fails with every control found without a name. */
static void
assert_all_named (GHashTable *unnamed)
{
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autofree const char **paths = (const char **) g_hash_table_get_keys_as_array (unnamed, NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    g_string_append_printf (failures, "\n  %s", paths[i]);
  if (failures->len > 0)
    g_test_fail_printf ("controls with no accessible name:%s", failures->str);
}

/* The main window over the demo records */

typedef struct
{
  TestDemoWindow demo;
  GHashTable    *unnamed;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_window_open (&fixture->demo);
  test_wait_until_mapped (GTK_WIDGET (fixture->demo.window));
  fixture->unnamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_hash_table_unref (fixture->unnamed);
  test_demo_window_close (&fixture->demo);
}

static gboolean
has_rows (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_str_equal (gtk_widget_get_css_name (widget), "row") && gtk_widget_get_mapped (widget);
}

static gboolean
lists_drawn (gpointer page)
{
  g_autoptr(GPtrArray) views = test_find_all (page, GTK_TYPE_COLUMN_VIEW);

  for (guint i = 0; i < views->len; i++)
    if (test_find_widget (g_ptr_array_index (views, i), has_rows, NULL) == NULL)
      return FALSE;
  return gtk_widget_get_mapped (page);
}

/* Every section in turn, its lists drawn. */
static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  GtkStack *sections = GTK_STACK (test_find_by_id (fixture->demo.window, "sections"));
  GtkSelectionModel *pages = gtk_stack_get_pages (sections);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      GtkStackPage *page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = gtk_stack_page_get_child (page);

      g_test_message ("section %s", gtk_stack_page_get_name (page));
      gtk_stack_set_visible_child (sections, child);
      test_wait_until (lists_drawn, child);
      find_unnamed (fixture->demo.window, fixture->unnamed);
      g_object_unref (page);
    }
  g_object_unref (pages);
  assert_all_named (fixture->unnamed);
}

static gboolean
page_shown (gpointer content)
{
  GtkWidget *page = gtk_stack_get_visible_child (content);

  return g_strcmp0 (gtk_stack_get_visible_child_name (content), "page") == 0 &&
         gtk_widget_get_mapped (page) && lists_drawn (page);
}

/* The page that the first row of @section opens: a child's referrals and
 * goals (from Outcomes, whose first row has goals), a training event's
 * register. */
static void
test_record_page (Fixture       *fixture,
                  gconstpointer  section)
{
  GtkStack *sections = GTK_STACK (test_find_by_id (fixture->demo.window, "sections"));
  GtkStack *content = GTK_STACK (test_find_by_id (fixture->demo.window, "content"));
  GtkWidget *shown;

  gtk_stack_set_visible_child_name (sections, section);
  shown = gtk_stack_get_visible_child (sections);
  test_wait_until (lists_drawn, shown);
  g_signal_emit_by_name (test_find_of_type (shown, GTK_TYPE_COLUMN_VIEW), "activate", 0);
  test_wait_until (page_shown, content);

  find_unnamed (gtk_stack_get_visible_child (content), fixture->unnamed);
  assert_all_named (fixture->unnamed);
}

static void
check_window (Fixture   *fixture,
              GtkWindow *window)
{
  gtk_window_present (window);
  test_wait_until_mapped (GTK_WIDGET (window));
  find_unnamed (window, fixture->unnamed);
  gtk_window_destroy (window);
  assert_all_named (fixture->unnamed);
}

static gboolean
preferences_read (gpointer preferences)
{
  return !ct_preferences_window_is_loading (preferences);
}

/* Once its staff are read (on the store's reader), with their buttons. */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  CtPreferencesWindow *preferences = ct_preferences_window_new (GTK_WINDOW (fixture->demo.window),
                                                                fixture->demo.db);

  test_wait_until (preferences_read, preferences);
  check_window (fixture, GTK_WINDOW (preferences));
}

static void
test_audit_log (Fixture       *fixture,
                gconstpointer  data)
{
  check_window (fixture, GTK_WINDOW (ct_audit_log_window_new (GTK_WINDOW (fixture->demo.window),
                                                              fixture->demo.db)));
}

/* A new record of each kind: every field's row. */
static void
test_record_editors (Fixture       *fixture,
                     gconstpointer  data)
{
  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    {
      const CtKind *kind = ct_kind_get_nth (i);

      g_test_message ("editor of %s", ct_kind_get_name (kind));
      check_window (fixture, GTK_WINDOW (ct_record_editor_new (GTK_WINDOW (fixture->demo.window),
                                                               fixture->demo.db, kind, NULL)));
    }
}

static void
test_unlock_page (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->demo.window), "win.lock", NULL));
  g_assert_true (test_window_is_locked (fixture->demo.window));
  find_unnamed (fixture->demo.window, fixture->unnamed);
  assert_all_named (fixture->unnamed);
}

/* The welcome page, on a first run: names, and Tab from the passphrase
 * through the form (name, role) to Create. */

static GtkWidget *
tab_forward (GtkWindow *window)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  return gtk_window_get_focus (window);
}

static void
assert_focus_in (GtkWidget *focus,
                 GtkWidget *expected)
{
  g_assert_nonnull (focus);
  if (focus != expected && !gtk_widget_is_ancestor (focus, expected))
    g_error ("Tab reached %s, not %s", G_OBJECT_TYPE_NAME (focus),
             gtk_buildable_get_buildable_id (GTK_BUILDABLE (expected)));
}

static void
test_welcome_page (void)
{
  g_autoptr(GHashTable) unnamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CtWindow *window = g_object_ref_sink (ct_window_new (NULL));
  static const char *const order[] = { "confirm_entry", "name_entry", "role_dropdown",
                                       "location_button", "create_button" };
  GtkWidget *passphrase;

  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_mapped (GTK_WIDGET (window));
  find_unnamed (window, unnamed);
  assert_all_named (unnamed);

  /* Create is sensitive only once the form is filled in. */
  passphrase = test_find_by_id (window, "passphrase_entry");
  gtk_editable_set_text (GTK_EDITABLE (passphrase), TEST_WINDOW_PASSPHRASE);
  gtk_editable_set_text (GTK_EDITABLE (test_find_by_id (window, "confirm_entry")),
                         TEST_WINDOW_PASSPHRASE);
  gtk_editable_set_text (GTK_EDITABLE (test_find_by_id (window, "name_entry")),
                         TEST_WINDOW_STAFF);
  g_assert_true (gtk_widget_grab_focus (passphrase));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    assert_focus_in (tab_forward (GTK_WINDOW (window)), test_find_by_id (window, order[i]));

  test_window_close (window);
}

static void
add_window_test (const char *path,
                 void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_widget_init (&argc, &argv);

  g_test_add_func ("/accessibility/welcome-page", test_welcome_page);
  add_window_test ("/accessibility/sections", test_sections);
  g_test_add ("/accessibility/child-page", Fixture, "outcomes",
              fixture_set_up, test_record_page, fixture_tear_down);
  g_test_add ("/accessibility/training-event-page", Fixture, "training",
              fixture_set_up, test_record_page, fixture_tear_down);
  add_window_test ("/accessibility/unlock-page", test_unlock_page);
  add_window_test ("/accessibility/preferences", test_preferences);
  add_window_test ("/accessibility/audit-log", test_audit_log);
  add_window_test ("/accessibility/record-editors", test_record_editors);
  return g_test_run ();
}
