/* test-main-view.c: moving between sections and records' pages in the
 * real window, over the --demo file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-caseload-view.h"
#include "ct-child-page.h"
#include "ct-field-row.h"
#include "ct-goal-card.h"
#include "ct-main-view.h"
#include "ct-outcomes-view.h"
#include "ct-record-editor.h"
#include "ct-record-list.h"
#include "ct-reference-row.h"
#include "ct-records.h"
#include "ct-training-event-page.h"
#include "window-test-util.h"

typedef TestDemoWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_window_open (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_demo_window_close (fixture);
}

static const char *
title_shown (Fixture *fixture)
{
  return adw_window_title_get_title (ADW_WINDOW_TITLE (test_find_by_id (fixture->window,
                                                                        "section_title")));
}

static void
go_back (Fixture *fixture)
{
  g_signal_emit_by_name (test_find_by_id (fixture->window, "back_button"), "clicked");
}

static void
test_child_page (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkStack *content = GTK_STACK (test_find_by_id (fixture->window, "content"));
  g_autoptr(CtRecord) child = test_window_open_first_record (fixture->window, "children");
  g_autofree char *name = ct_record_get_string_by_name (child, "name");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "page");
  g_assert_nonnull (test_find_of_type (fixture->window, CT_TYPE_CHILD_PAGE));
  g_assert_cmpstr (title_shown (fixture), ==, name);
  g_assert_true (gtk_widget_get_visible (test_find_by_id (fixture->window, "back_button")));

  go_back (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "sections");
  g_assert_null (test_find_of_type (fixture->window, CT_TYPE_CHILD_PAGE));
  g_assert_cmpstr (title_shown (fixture), ==, "Children");
}

/* The action that @keyval with @modifiers triggers on @widget, as its
 * class binds it (NULL: none), and its argument. */
static const char *
find_key_action (GtkWidget        *widget,
                 guint             keyval,
                 GdkModifierType   modifiers,
                 GVariant        **argument)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            {
              *argument = gtk_shortcut_get_arguments (shortcut);
              return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
            }
        }
    }
  return NULL;
}

/* Presses @keyval with @modifiers on the main view, as its bindings would. */
static gboolean
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  modifiers)
{
  GtkWidget *view = test_find_of_type (fixture->window, CT_TYPE_MAIN_VIEW);
  GVariant *argument = NULL;
  const char *action = find_key_action (view, keyval, modifiers, &argument);

  g_assert_nonnull (action);
  return gtk_widget_activate_action_variant (view, action, argument);
}

/* Ctrl+1 … choose sections; Alt+Left and Escape go back from a page; with
 * nowhere to go back to, Escape does nothing (view.back is off, so a search
 * entry keeps the key). */
/* The view's gesture for the mouse's back button. */
static GtkGesture *
find_mouse_back (GtkWidget *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == 8)
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

static void
test_keys_move_around (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *view = test_find_of_type (fixture->window, CT_TYPE_MAIN_VIEW);
  GtkStack *content = GTK_STACK (test_find_by_id (fixture->window, "content"));
  GtkStack *sections = GTK_STACK (test_find_by_id (fixture->window, "sections"));
  g_autoptr(CtRecord) child = NULL;

  g_assert_true (press_key (fixture, GDK_KEY_3, GDK_CONTROL_MASK));
  g_assert_cmpstr (ct_main_view_get_section (CT_MAIN_VIEW (view)), ==, "consultations");
  /* At once, even where animations are on (not in the tests otherwise):
   * the section left is drawn no more. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  g_assert_true (press_key (fixture, GDK_KEY_6, GDK_CONTROL_MASK));
  g_assert_cmpstr (ct_main_view_get_section (CT_MAIN_VIEW (view)), ==, "outcomes");
  g_assert_false (gtk_stack_get_transition_running (sections));
  g_assert_false (gtk_widget_get_mapped (gtk_stack_get_child_by_name (sections,
                                                                      "consultations")));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_true (press_key (fixture, GDK_KEY_8, GDK_CONTROL_MASK));
  g_assert_cmpstr (ct_main_view_get_section (CT_MAIN_VIEW (view)), ==, "reports");
  g_assert_true (press_key (fixture, GDK_KEY_6, GDK_CONTROL_MASK));
  press_key (fixture, GDK_KEY_Escape, 0);
  g_assert_cmpstr (ct_main_view_get_section (CT_MAIN_VIEW (view)), ==, "outcomes");
  g_assert_false (gtk_widget_get_visible (test_find_by_id (fixture->window, "back_button")));

  child = test_window_open_first_record (fixture->window, "children");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "page");
  g_assert_true (press_key (fixture, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "sections");
  g_clear_object (&child);

  child = test_window_open_first_record (fixture->window, "children");
  g_assert_true (press_key (fixture, GDK_KEY_Escape, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "sections");

  /* The mouse's back button (button 8): Xvfb's pointer has none to press,
   * so its press is given to the view's click gesture for it. */
  g_clear_object (&child);
  child = test_window_open_first_record (fixture->window, "children");
  g_signal_emit_by_name (find_mouse_back (view), "pressed", 1, 0.0, 0.0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "sections");

  /* A page open over a section: Ctrl+3 closes it and shows that section. */
  g_clear_object (&child);
  child = test_window_open_first_record (fixture->window, "children");
  g_assert_true (press_key (fixture, GDK_KEY_3, GDK_CONTROL_MASK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "sections");
  g_assert_cmpstr (ct_main_view_get_section (CT_MAIN_VIEW (view)), ==, "consultations");
}

static gboolean
is_picker_shown (gpointer data)
{
  GtkWidget *picker = test_find_of_type (data, CT_TYPE_RECORD_PICKER);

  return picker != NULL && gtk_widget_get_mapped (picker);
}

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

static gboolean
is_focus_on_time_point (gpointer editor)
{
  GtkWidget *focus = gtk_root_get_focus (editor);
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, CT_TYPE_FIELD_ROW) : NULL;

  return row != NULL &&
         g_str_equal (ct_field_get_name (ct_field_row_get_field (CT_FIELD_ROW (row))),
                      "time_point");
}

/* Ctrl+R rates a goal from anywhere: the editor opens searching for the
 * goal, Enter picks it and the focus goes on to the next empty field (the
 * date is today's). */
static void
test_rate_goal_in_few_keys (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWindow *editor;
  CtRecordPicker *picker;
  GtkWidget *entry;
  g_autoptr(CtRecord) goal = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *picked = NULL;

  g_assert_true (press_key (fixture, GDK_KEY_r, GDK_CONTROL_MASK));
  editor = test_wait_for_toplevel (CT_TYPE_RECORD_EDITOR);
  g_assert_true (ct_record_editor_get_kind (CT_RECORD_EDITOR (editor)) ==
                 ct_kind_lookup ("goal_rating"));
  test_wait_until (is_picker_shown, editor);
  picker = CT_RECORD_PICKER (test_find_of_type (editor, CT_TYPE_RECORD_PICKER));
  test_save_screenshot (GTK_WIDGET (editor), "rate-goal.png");

  /* The first goal listed, found by its child's reference. */
  goal = g_list_model_get_item (ct_record_picker_get_shown (picker), 0);
  reference = ct_record_get_string_by_name (goal, "child_reference");
  entry = test_find_of_type (picker, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), reference);
  g_signal_emit_by_name (entry, "activate");
  test_wait_until (is_hidden, picker);
  test_wait_until (is_focus_on_time_point, editor);
  picked = ct_field_row_dup_text (CT_FIELD_ROW (gtk_widget_get_ancestor (GTK_WIDGET (picker),
                                                                        CT_TYPE_REFERENCE_ROW)));
  g_assert_nonnull (picked);
  gtk_window_destroy (editor);
}

static gboolean
has_list_rows (gpointer list)
{
  return gtk_widget_get_first_child (list) != NULL;
}

static gboolean
is_caseload_read (gpointer caseload)
{
  return !ct_caseload_view_is_loading (caseload);
}

/* Someone the file has no staff member for: My Caseload says so, once the
 * store's reader has looked for them. */
static void
test_caseload_without_staff (Fixture       *fixture,
                             gconstpointer  data)
{
  CtCaseloadView *caseload = CT_CASELOAD_VIEW (test_find_of_type (fixture->window,
                                                                  CT_TYPE_CASELOAD_VIEW));
  AdwStatusPage *empty = ADW_STATUS_PAGE (test_find_of_type (caseload, ADW_TYPE_STATUS_PAGE));

  test_wait_until (is_caseload_read, caseload);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (empty)));

  ct_database_set_actor (fixture->db, "Invented Stranger");
  ct_caseload_view_reload (caseload);
  g_assert_true (ct_caseload_view_is_loading (caseload));
  test_wait_until (is_caseload_read, caseload);
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Staff Profile");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
}

/* My Caseload is the first section: the demo clinician's open episodes,
 * some with a review due; a row opens its child's page. */
static void
test_caseload (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *view = test_find_of_type (fixture->window, CT_TYPE_MAIN_VIEW);
  GtkWidget *caseload = test_find_of_type (fixture->window, CT_TYPE_CASELOAD_VIEW);
  GtkListBox *list = GTK_LIST_BOX (test_find_of_type (caseload, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row;
  GtkWidget *page;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  gboolean any_due = FALSE;

  g_assert_cmpstr (ct_main_view_get_section (CT_MAIN_VIEW (view)), ==, "caseload");
  test_wait_until (has_list_rows, list);
  labels = test_find_all (list, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    any_due |= g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)),
                          "GBO review due") == 0;
  g_assert_true (any_due);
  test_save_screenshot (GTK_WIDGET (fixture->window), "caseload.png");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  test_save_screenshot (GTK_WIDGET (fixture->window), "caseload-360.png");

  row = gtk_list_box_get_row_at_index (list, 0);
  title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_signal_emit_by_name (list, "row-activated", row);
  page = test_find_of_type (fixture->window, CT_TYPE_CHILD_PAGE);
  g_assert_nonnull (page);
  test_wait_until_page_read (page);
  g_assert_cmpstr (title_shown (fixture), !=, "");
  g_assert_true (g_str_has_suffix (title, title_shown (fixture)));
}

typedef struct
{
  Fixture *fixture;
  gint64   goal_id;
} GoalWait;

static gboolean
is_focus_in_goal (gpointer data)
{
  GoalWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->fixture->window));
  GtkWidget *card = focus != NULL ? gtk_widget_get_ancestor (focus, CT_TYPE_GOAL_CARD) : NULL;

  return card != NULL && ct_goal_card_get_goal_id (CT_GOAL_CARD (card)) == wait->goal_id;
}

static gboolean
outcomes_has_rows (gpointer view)
{
  GListModel *rows = ct_outcomes_view_get_model (view);

  return rows != NULL && g_list_model_get_n_items (rows) > 0;
}

/* A goal's row in Outcomes opens the child's page at that goal, with the
 * focus in its card (Enter adds a rating). The last row is a goal far down
 * the page of a child with several episodes. */
static void
test_outcomes_opens_goal (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkStack *sections = GTK_STACK (test_find_by_id (fixture->window, "sections"));
  CtOutcomesView *view;
  GListModel *rows;
  GoalWait wait = { fixture, 0 };
  guint position = 0;

  gtk_stack_set_visible_child_name (sections, "outcomes");
  view = CT_OUTCOMES_VIEW (test_find_of_type (fixture->window, CT_TYPE_OUTCOMES_VIEW));
  test_wait_until (outcomes_has_rows, view);
  rows = ct_outcomes_view_get_model (view);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CtOutcomeRow) row = g_list_model_get_item (rows, i);

      if (ct_outcome_row_get_goal_id (row) != 0)
        {
          position = i;
          wait.goal_id = ct_outcome_row_get_goal_id (row);
        }
    }
  g_assert_cmpint (wait.goal_id, !=, 0);
  g_signal_emit_by_name (test_find_of_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW), "activate",
                         position);
  g_assert_nonnull (test_find_of_type (fixture->window, CT_TYPE_CHILD_PAGE));
  test_wait_until (is_focus_in_goal, &wait);
}

static void
test_training_event_page (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CtRecord) event = test_window_open_first_record (fixture->window, "training");
  g_autofree char *title = ct_record_get_string_by_name (event, "title");

  g_assert_nonnull (test_find_of_type (fixture->window, CT_TYPE_TRAINING_EVENT_PAGE));
  g_assert_cmpstr (title_shown (fixture), ==, title);
}

/* A consultation has no page of its own: Enter opens the editor. */
static void
test_consultation_opens_editor (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkStack *content = GTK_STACK (test_find_by_id (fixture->window, "content"));
  g_autoptr(CtRecord) consultation = test_window_open_first_record (fixture->window, "consultations");
  GtkWindow *editor = test_find_toplevel (g_type_from_name ("CtRecordEditor"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "sections");
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);
}

static gboolean
is_focus_on_child (gpointer editor)
{
  GtkWidget *focus = gtk_root_get_focus (editor);
  GtkWidget *row = focus == NULL ? NULL
                   : CT_IS_FIELD_ROW (focus) ? focus
                   : gtk_widget_get_ancestor (focus, CT_TYPE_FIELD_ROW);

  return row != NULL &&
         g_str_equal (ct_field_get_name (ct_field_row_get_field (CT_FIELD_ROW (row))), "child");
}

/* The consultation path of the README's Quick tasks: Ctrl+3, Ctrl+N, and
 * the focus is on Child (the date and clinician filled in), so Enter opens
 * the child search with no Tab: two presses to get there. */
static void
test_consultation_keys (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkStack *sections = GTK_STACK (test_find_by_id (fixture->window, "sections"));
  GtkWidget *section;
  GVariant *argument = NULL;
  const char *action;
  GtkWindow *editor;

  g_assert_true (press_key (fixture, GDK_KEY_3, GDK_CONTROL_MASK));
  section = gtk_stack_get_visible_child (sections);
  action = find_key_action (section, GDK_KEY_n, GDK_CONTROL_MASK, &argument);
  g_assert_cmpstr (action, ==, "section.new");
  g_assert_true (gtk_widget_activate_action_variant (section, action, argument));

  editor = test_wait_for_toplevel (CT_TYPE_RECORD_EDITOR);
  g_assert_true (ct_record_editor_get_kind (CT_RECORD_EDITOR (editor)) ==
                 ct_kind_lookup ("consultation"));
  test_wait_until (is_focus_on_child, editor);
  gtk_window_destroy (editor);
}

/* Every section fits a phone's width (360 px): the sidebar folds away and
 * only the section shown sets the narrowest width. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  static const char *const sections[] = {
    "caseload", "children", "consultations", "reflective-practice", "sdq-scores", "outcomes",
    "training",
    "reports",
  };
  GtkStack *stack = GTK_STACK (test_find_by_id (fixture->window, "sections"));
  GtkWidget *view = test_find_of_type (fixture->window, CT_TYPE_MAIN_VIEW);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      int minimum;

      gtk_stack_set_visible_child_name (stack, sections[i]);
      gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%s: %d px", sections[i], minimum);
      if (minimum > 360)
        g_error ("%s needs %d px, more than a phone's 360", sections[i], minimum);
    }
}

/* So do a child's page and a training event's page. */
static void
test_narrow_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *const sections[] = { "children", "training" };
  GtkWidget *view = test_find_of_type (fixture->window, CT_TYPE_MAIN_VIEW);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr(CtRecord) record = test_window_open_first_record (fixture->window, sections[i]);
      int minimum;

      gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("page of %s: %d px", sections[i], minimum);
      if (minimum > 360)
        g_error ("the page of %s needs %d px, more than a phone's 360", sections[i], minimum);
      go_back (fixture);
    }
}

/* The demo signs in as one of its clinicians, so new records name one. */
static void
test_demo_signed_in (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *actor = ct_database_get_actor (fixture->db);

  g_assert_nonnull (actor);
  g_assert_cmpint (ct_store_find_staff (fixture->db, actor, &error), >, 0);
  /* The window says it is a demo. */
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (
                     test_find_by_id (fixture->window, "section_title"))), ==,
                   "Demonstration: invented records, deleted on closing");
  g_assert_no_error (error);
}

/* Locking drops the open page with everything else. */
static void
test_lock_drops_page (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CtRecord) child = test_window_open_first_record (fixture->window, "children");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  g_assert_true (test_window_is_locked (fixture->window));
  g_assert_null (test_find_of_type (fixture->window, CT_TYPE_CHILD_PAGE));
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add ("/main-view/child-page", Fixture, NULL,
              fixture_set_up, test_child_page, fixture_tear_down);
  g_test_add ("/main-view/keys-move-around", Fixture, NULL,
              fixture_set_up, test_keys_move_around, fixture_tear_down);
  g_test_add ("/main-view/rate-goal-in-few-keys", Fixture, NULL,
              fixture_set_up, test_rate_goal_in_few_keys, fixture_tear_down);
  g_test_add ("/main-view/caseload", Fixture, NULL,
              fixture_set_up, test_caseload, fixture_tear_down);
  g_test_add ("/main-view/caseload-without-staff", Fixture, NULL,
              fixture_set_up, test_caseload_without_staff, fixture_tear_down);
  g_test_add ("/main-view/outcomes-opens-goal", Fixture, NULL,
              fixture_set_up, test_outcomes_opens_goal, fixture_tear_down);
  g_test_add ("/main-view/training-event-page", Fixture, NULL,
              fixture_set_up, test_training_event_page, fixture_tear_down);
  g_test_add ("/main-view/consultation-opens-editor", Fixture, NULL,
              fixture_set_up, test_consultation_opens_editor, fixture_tear_down);
  g_test_add ("/main-view/consultation-keys", Fixture, NULL,
              fixture_set_up, test_consultation_keys, fixture_tear_down);
  g_test_add ("/main-view/demo-signed-in", Fixture, NULL,
              fixture_set_up, test_demo_signed_in, fixture_tear_down);
  g_test_add ("/main-view/narrow", Fixture, NULL,
              fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/main-view/narrow-pages", Fixture, NULL,
              fixture_set_up, test_narrow_pages, fixture_tear_down);
  g_test_add ("/main-view/lock-drops-page", Fixture, NULL,
              fixture_set_up, test_lock_drops_page, fixture_tear_down);
  return g_test_run ();
}
