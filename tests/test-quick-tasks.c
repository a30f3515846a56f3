/* test-quick-tasks.c: the README's quick tasks, driven end to end with
 * real key presses and clicks (through the X server) on the real window
 * over the --demo file, counting them
 *
 * Typing a name or a score is typing, not key presses. The test waits
 * where a person would look (a list filtering as they type, a popover
 * opening), never longer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ct-field-row.h"
#include "ct-name-suggestions.h"
#include "ct-record-editor.h"
#include "ct-record-picker.h"
#include "ct-records.h"
#include "ct-record-list.h"
#include "ct-reference-row.h"
#include "ct-reports-view.h"
#include "ct-training-event-page.h"
#include "key-test-util.h"
#include "records-fixture.h"
#include "window-test-util.h"

typedef TestDemoWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_window_open (fixture);
  test_key_focus_window (GTK_WINDOW (fixture->window));
  test_key_reset_count ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_demo_window_close (fixture);
}

static GListModel *
list_all (Fixture    *fixture,
          const char *kind)
{
  g_autoptr(GError) error = NULL;
  GListModel *records = ct_store_list (fixture->db, ct_kind_lookup (kind), NULL, &error);

  g_assert_no_error (error);
  return records;
}

/* The name of a child that no other child of the demo shares; with
 * @kind, one that a record of @kind names (its "child_name"). */
static char *
dup_unique_child_name (Fixture    *fixture,
                       const char *kind)
{
  g_autoptr(GListModel) named = list_all (fixture, kind != NULL ? kind : "child");
  g_autoptr(GListModel) children = list_all (fixture, "child");
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (children);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtRecord) child = g_list_model_get_item (children, i);
      char *name = ct_record_get_string_by_name (child, "name");
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

      g_hash_table_insert (counts, name, GUINT_TO_POINTER (count + 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (named); i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (named, i);
      g_autofree char *name = ct_record_get_string_by_name (record,
                                                            kind != NULL ? "child_name" : "name");

      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) == 1)
        return g_steal_pointer (&name);
    }
  g_assert_not_reached ();
}

/* The newest record of @kind (the highest id). */
static CtRecord *
find_newest (Fixture    *fixture,
             const char *kind)
{
  g_autoptr(GListModel) records = list_all (fixture, kind);
  CtRecord *newest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      CtRecord *record = g_list_model_get_item (records, i);

      if (newest == NULL || ct_record_get_id (record) > ct_record_get_id (newest))
        g_set_object (&newest, record);
      g_object_unref (record);
    }
  return newest;
}

/* The record picker of the editor's row of the field called @name. */
static CtRecordPicker *
find_picker (GtkWindow  *editor,
             const char *name)
{
  return ct_reference_row_get_picker (CT_REFERENCE_ROW (test_editor_get_row (editor, name)));
}

/* Once the focus is in an editable in @widget, ready for typing (a popover
 * takes a moment to map). */
static gboolean
is_typing_in (gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return gtk_widget_get_mapped (widget) && focus != NULL && GTK_IS_EDITABLE (focus) &&
         gtk_widget_is_ancestor (focus, widget);
}

typedef struct
{
  CtRecordPicker *picker;
  const char     *field;
  const char     *text;
} Filtered;

/* Once the picker shows only records whose @field is @text (its search
 * runs a moment after the typing). */
static gboolean
shows_only (gpointer data)
{
  Filtered *filtered = data;
  GListModel *shown = ct_record_picker_get_shown (filtered->picker);
  guint n = g_list_model_get_n_items (shown);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (shown, i);
      g_autofree char *text = ct_record_get_string_by_name (record, filtered->field);

      if (g_strcmp0 (text, filtered->text) != 0)
        return FALSE;
    }
  return n > 0;
}

/* Types @name into the picker of @field, which has just opened, and waits
 * for the list to show only its records. Returns the first shown. */
static CtRecord *
search_picker (GtkWindow  *editor,
               const char *field,
               const char *name_field,
               const char *name)
{
  Filtered filtered = { find_picker (editor, field), name_field, name };

  test_wait_until (is_typing_in, filtered.picker);
  test_key_type (editor, name);
  test_wait_until (shows_only, &filtered);
  return g_list_model_get_item (ct_record_picker_get_shown (filtered.picker), 0);
}

typedef struct
{
  GtkWindow  *editor;
  const char *field;
} FieldWait;

static gboolean
is_focus_in_field (gpointer data)
{
  FieldWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->editor));
  GtkWidget *row = focus == NULL ? NULL
                   : CT_IS_FIELD_ROW (focus) ? focus
                   : gtk_widget_get_ancestor (focus, CT_TYPE_FIELD_ROW);

  return row != NULL && test_is_row_of_field (row, wait->field);
}

/* Once the focus has come to @field, as a person sees it before typing. */
static void
wait_for_field (GtkWindow  *editor,
                const char *field)
{
  FieldWait wait = { editor, field };

  test_wait_until (is_focus_in_field, &wait);
}

/* Once the focus has moved on from @field to another field (the list of
 * choices closed). */
static gboolean
has_moved_on (gpointer data)
{
  FieldWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->editor));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL &&
         !is_focus_in_field (wait) &&
         (CT_IS_FIELD_ROW (focus) || gtk_widget_get_ancestor (focus, CT_TYPE_FIELD_ROW) != NULL);
}

/* Presses Enter, Enter on the choice of @field, once the focus has come to
 * it: its first choice; then waits for the focus to move on. */
static void
choose_first (GtkWindow  *editor,
              const char *field)
{
  FieldWait wait = { editor, field };

  wait_for_field (editor, field);
  test_key_press (editor, GDK_KEY_Return, 0);
  test_key_press (editor, GDK_KEY_Return, 0);
  test_wait_until (has_moved_on, &wait);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Ctrl+S in @editor, and waits for it to save and close. */
static void
save (GtkWindow *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  test_key_press (editor, GDK_KEY_s, GDK_CONTROL_MASK);
  test_wait_until (is_gone, &editor);
}

static GtkWindow *
wait_for_editor (const char *kind)
{
  GtkWindow *editor = test_wait_for_toplevel (CT_TYPE_RECORD_EDITOR);

  g_assert_true (ct_record_editor_get_kind (CT_RECORD_EDITOR (editor)) == ct_kind_lookup (kind));
  return editor;
}

/* Log a consultation about a child chosen by name: the README's keys, from
 * the main window. The choices are the first of their lists: the list of
 * a choice not made yet opens on its first entry. */
static void
test_consultation (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  g_autofree char *name = dup_unique_child_name (fixture, NULL);
  g_autoptr(CtRecord) child = NULL;
  g_autoptr(CtRecord) saved = NULL;
  g_autofree char *child_id = NULL;
  GtkWindow *editor;

  test_key_press (window, GDK_KEY_3, GDK_CONTROL_MASK);
  test_key_press (window, GDK_KEY_n, GDK_CONTROL_MASK);
  editor = wait_for_editor ("consultation");
  test_key_press (editor, GDK_KEY_Return, 0);                 /* Child */
  child = search_picker (editor, "child", "name", name);
  test_key_press (editor, GDK_KEY_Return, 0);
  test_key_save_screen ("consultation-mid-path.png");
  choose_first (editor, "requested_by");
  test_key_press (editor, GDK_KEY_Tab, 0);                    /* past Team */
  test_key_press (editor, GDK_KEY_space, 0);                  /* the first topic */
  test_key_press (editor, GDK_KEY_Tab, 0);
  choose_first (editor, "mode");
  choose_first (editor, "outcome");
  save (editor);

  g_test_message ("a consultation: %u key presses", test_key_presses ());
  g_assert_cmpuint (test_key_presses (), ==, 14);
  g_assert_cmpuint (test_key_clicks (), ==, 0);
  saved = find_newest (fixture, "consultation");
  child_id = g_strdup_printf ("%" G_GINT64_FORMAT, ct_record_get_id (child));
  records_assert_field (saved, "child", child_id);
  records_assert_field (saved, "child_name", name);
  records_assert_field (saved, "clinician_name", ct_database_get_actor (fixture->db));
  records_assert_field (saved, "requested_by", "social_worker");
  records_assert_field (saved, "topics", "mental_health");
  records_assert_field (saved, "mode", "in_person");
  records_assert_field (saved, "outcome", "advice_given");
  records_assert_field (saved, "duration_minutes", "60");
  records_assert_field (saved, "attendees", "1");
}

/* Record a GBO review rating: Ctrl+R from anywhere, the child's name, and
 * the first of their goals. */
static void
test_review_rating (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  g_autofree char *name = dup_unique_child_name (fixture, "goal");
  g_autoptr(CtRecord) goal = NULL;
  g_autoptr(CtRecord) saved = NULL;
  g_autofree char *goal_id = NULL;
  GtkWindow *editor;

  test_key_press (window, GDK_KEY_r, GDK_CONTROL_MASK);
  editor = wait_for_editor ("goal_rating");
  goal = search_picker (editor, "goal", "child_name", name);
  test_key_press (editor, GDK_KEY_Return, 0);                 /* the goal */
  wait_for_field (editor, "time_point");
  test_key_press (editor, GDK_KEY_Return, 0);                 /* Time point */
  test_key_press (editor, GDK_KEY_Down, 0);
  test_key_press (editor, GDK_KEY_Return, 0);                 /* Review */
  wait_for_field (editor, "score");
  test_key_type (editor, "6.5");
  save (editor);

  g_test_message ("a review rating: %u key presses", test_key_presses ());
  g_assert_cmpuint (test_key_presses (), ==, 6);
  saved = find_newest (fixture, "goal_rating");
  goal_id = g_strdup_printf ("%" G_GINT64_FORMAT, ct_record_get_id (goal));
  records_assert_field (saved, "goal", goal_id);
  records_assert_field (saved, "time_point", "review");
  records_assert_field (saved, "score", "6.5");
}

/* The register */

/* Names of the demo's staff, known to the register: the first @n. */
static GPtrArray *
known_names (Fixture *fixture,
             guint    n)
{
  g_autoptr(GListModel) staff = list_all (fixture, "staff");
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (g_list_model_get_n_items (staff), >=, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtRecord) member = g_list_model_get_item (staff, i);

      g_ptr_array_add (names, ct_record_get_string_by_name (member, "name"));
    }
  return names;
}

/* A training event held yesterday, with no one booked yet. */
static gint64
add_past_event (Fixture *fixture)
{
  g_autoptr(CtRecord) event = ct_record_new (ct_kind_lookup ("training_event"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *date = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_record_set_string_by_name (event, "code", "QUICK-1", &error));
  g_assert_true (ct_record_set_string_by_name (event, "title", "Quick register", &error));
  g_assert_true (ct_record_set_string_by_name (event, "topic", "attachment", &error));
  g_assert_true (ct_record_set_string_by_name (event, "date", date, &error));
  g_assert_true (ct_record_set_string_by_name (event, "duration_minutes", "120", &error));
  g_assert_true (ct_record_set_string_by_name (event, "audience", "foster_carers", &error));
  ct_store_insert (fixture->db, event, &error);
  g_assert_no_error (error);
  return ct_record_get_id (event);
}

static gboolean
is_training_list (GtkWidget     *widget,
                  gconstpointer  data)
{
  g_autofree char *section = NULL;

  if (!CT_IS_RECORD_LIST (widget))
    return FALSE;
  g_object_get (widget, "section", &section, NULL);
  return g_strcmp0 (section, "training") == 0;
}

typedef struct
{
  GtkWidget *list;
  gint64     id;
  guint      position;
} Listed;

static gboolean
is_listed (gpointer data)
{
  Listed *listed = data;
  GListModel *model = ct_record_list_get_model (CT_RECORD_LIST (listed->list));

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (model, i);

      listed->position = i;
      if (ct_record_get_id (record) == listed->id)
        return TRUE;
    }
  return FALSE;
}

/* Shows the page of the training event @id, as a person finds it in the
 * Training section (not part of the task timed). */
static CtTrainingEventPage *
open_event (Fixture *fixture,
            gint64   id)
{
  GtkStack *sections = GTK_STACK (test_find_by_id (fixture->window, "sections"));
  Listed listed = { NULL, id, 0 };
  GtkColumnView *view;

  gtk_stack_set_visible_child_name (sections, "training");
  listed.list = test_find_widget (fixture->window, is_training_list, NULL);
  test_wait_until (is_listed, &listed);
  view = GTK_COLUMN_VIEW (test_find_of_type (listed.list, GTK_TYPE_COLUMN_VIEW));
  gtk_selection_model_select_item (gtk_column_view_get_model (view), listed.position, TRUE);
  g_assert_true (gtk_widget_activate_action (listed.list, "section.open", NULL));
  return CT_TRAINING_EVENT_PAGE (test_find_of_type (fixture->window,
                                                    CT_TYPE_TRAINING_EVENT_PAGE));
}

typedef struct
{
  CtNameSuggestions *suggestions;
  const char        *name;
  guint              position;
} Offered;

/* Once the names offered hold @name (at @position). */
static gboolean
is_offered (gpointer data)
{
  Offered *offered = data;
  GtkListBox *list = GTK_LIST_BOX (test_find_of_type (offered->suggestions, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row;

  if (!gtk_widget_get_mapped (GTK_WIDGET (offered->suggestions)))
    return FALSE;
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      g_autoptr(GPtrArray) labels = test_find_all (row, GTK_TYPE_LABEL);

      offered->position = i;
      for (guint j = 0; j < labels->len; j++)
        if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, j)), offered->name) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Types all but the last letter of a known @name and waits for it to be
 * offered. Returns its place in the list. */
static guint
type_known_name (GtkWindow           *window,
                 CtTrainingEventPage *page,
                 const char          *name)
{
  Offered offered = { CT_NAME_SUGGESTIONS (test_find_of_type (page, CT_TYPE_NAME_SUGGESTIONS)),
                      name, 0 };
  g_autofree char *start = g_strndup (name, strlen (name) - 1);

  test_key_type (window, start);
  test_wait_until (is_offered, &offered);
  return offered.position;
}

/* Escape in the names offered closes them, keeps the page and what was
 * typed; from the entry or from the names themselves. */
static void
test_register_escape (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  g_autoptr(GPtrArray) known = known_names (fixture, 1);
  CtTrainingEventPage *page = open_event (fixture, add_past_event (fixture));
  GtkWidget *entry = test_find_by_id (page, "attendee_entry");
  GtkWidget *suggestions = test_find_of_type (page, CT_TYPE_NAME_SUGGESTIONS);
  GtkStack *content = GTK_STACK (test_find_by_id (fixture->window, "content"));
  g_autofree char *typed = NULL;

  test_key_click (entry);
  type_known_name (window, page, g_ptr_array_index (known, 0));
  typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  test_key_save_screen ("register-suggestions.png");
  test_key_press (window, GDK_KEY_Escape, 0);
  g_assert_false (gtk_widget_get_visible (suggestions));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "page");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, typed);

  /* Typing on offers them again; Escape from the names goes back to the
   * entry, the text whole and not selected (the next letter adds to it). */
  test_key_type (window, "a");
  test_key_press (window, GDK_KEY_BackSpace, 0);
  g_assert_true (gtk_widget_get_visible (suggestions));
  test_key_press (window, GDK_KEY_Down, 0);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), suggestions));
  test_key_press (window, GDK_KEY_Escape, 0);
  g_assert_false (gtk_widget_get_visible (suggestions));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "page");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  test_key_type (window, "x");
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (entry)), typed));

  /* With nothing offered, Escape goes back as before. */
  test_key_press (window, GDK_KEY_Escape, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "sections");
}

/* Invented names, none known to the demo. */
static const char * const new_names[] = {
  "Ffion Testwood", "Gareth Sampleby", "Nia Exampleford", "Owain Mockridge",
  "Seren Dummington", "Tomos Fakewell", "Eluned Placeholt",
};

static gboolean
is_register_of (gpointer data)
{
  gpointer *wait = data;
  GtkListBox *list = GTK_LIST_BOX (test_find_by_id (wait[0], "register_list"));

  return gtk_list_box_get_row_at_index (list, GPOINTER_TO_UINT (wait[1]) - 1) != NULL &&
         gtk_list_box_get_row_at_index (list, GPOINTER_TO_UINT (wait[1])) == NULL;
}

/* Types @name and Enter in the register's entry, and waits for its row. */
static void
register_name (GtkWindow           *window,
               CtTrainingEventPage *page,
               const char          *name,
               guint                n_rows)
{
  gpointer wait[] = { page, GUINT_TO_POINTER (n_rows) };

  test_key_type (window, name);
  test_key_press (window, GDK_KEY_Return, 0);
  test_wait_until (is_register_of, wait);
}

/* Once the whole of @widget is in the view of the page's scrolled window. */
static gboolean
is_in_view (gpointer widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget) &&
         gtk_widget_compute_bounds (widget, scroller, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* Once every row of the register of the event is attended (the button
 * clicks a moment after its mnemonic). */
static gboolean
is_all_attended (gpointer data)
{
  gpointer *wait = data;
  CtFilter filter = { .event_id = GPOINTER_TO_SIZE (wait[1]) };
  g_autoptr(GListModel) rows = ct_store_list (wait[0], ct_kind_lookup ("training_attendance"),
                                              &filter, NULL);

  if (g_list_model_get_n_items (rows) == 0)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CtRecord) row = g_list_model_get_item (rows, i);
      g_autofree char *status = ct_record_get_string_by_name (row, "status");

      if (g_strcmp0 (status, "attended") != 0)
        return FALSE;
    }
  return TRUE;
}

/* Register ten people at an event just held: three known to the app (their
 * names offered as they are typed), seven new; each name typed and Enter,
 * then everyone booked marked attended at once. */
static void
test_register_ten (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  g_autoptr(GPtrArray) names = known_names (fixture, 3);
  gint64 event_id = add_past_event (fixture);
  CtTrainingEventPage *page = open_event (fixture, event_id);
  CtFilter filter = { .event_id = event_id };
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint typed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (new_names); i++)
    g_ptr_array_add (names, g_strdup (new_names[i]));
  test_key_click (test_find_by_id (page, "attendee_entry"));
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i == 1)
        {
          /* The names offered, once the register has grown: in view. */
          type_known_name (window, page, name);
          test_wait_until (is_in_view, test_find_by_id (page, "attendee_entry"));
          test_wait_until (is_in_view, test_find_of_type (page, CT_TYPE_NAME_SUGGESTIONS));
          test_key_save_screen ("register-ten-offered.png");
          test_key_type (window, name + strlen (name) - 1);
          test_key_press (window, GDK_KEY_Return, 0);
          test_wait_until (is_register_of, (gpointer[]) { page, GUINT_TO_POINTER (i + 1) });
        }
      else
        register_name (window, page, name, i + 1);
      typed += strlen (name);
    }
  test_key_press (window, GDK_KEY_a, GDK_ALT_MASK);           /* All Attended */
  test_wait_until (is_all_attended, (gpointer[]) { fixture->db, GSIZE_TO_POINTER (event_id) });
  test_key_save_screen ("register-ten-attended.png");

  g_test_message ("ten attendees: %u key presses, %u clicks, %u characters typed",
                  test_key_presses (), test_key_clicks (), typed);
  g_assert_cmpuint (test_key_presses (), ==, 11);
  g_assert_cmpuint (test_key_clicks (), ==, 1);
  rows = ct_store_list (fixture->db, ct_kind_lookup ("training_attendance"), &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(CtRecord) row = g_list_model_get_item (rows, i);

      records_assert_field (row, "status", "attended");
    }
}

/* The year's PDF */

static gboolean
is_print_dialog (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkPrintUnixDialog");
}

static gboolean
has_print_dialog (gpointer data)
{
  return test_find_window (is_print_dialog, NULL) != NULL;
}

/* Once the file at @path is a whole PDF (its writer has ended it). */
static gboolean
is_whole_pdf (gpointer path)
{
  g_autofree char *contents = NULL;
  gsize length;

  return !has_print_dialog (NULL) && g_file_get_contents (path, &contents, &length, NULL) &&
         g_str_has_prefix (contents, "%PDF-") &&
         g_strstr_len (contents + (length > 32 ? length - 32 : 0), -1, "%%EOF") != NULL;
}

/* Produce the year's PDF: the last complete financial year, public, from
 * the main window to a saved file, all with keys. "Print to File" is the
 * only printer here (no print server), so Space picks it; the dialog
 * offers the report's own file name, in PDF. */
static gboolean
has_computed (gpointer reports)
{
  return !ct_reports_view_is_loading (reports);
}

static void
test_year_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now) - (g_date_time_get_month (now) < 4 ? 2 : 1);
  g_autoptr(CtPeriod) last_year = ct_period_new_financial_year (year);
  CtReportsView *reports;
  const CtPeriod *shown;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *build_dir = g_get_current_dir ();
  GtkWindow *dialog;

  /* Without a Documents folder, the file is saved in the current one. */
  g_assert_no_errno (g_mkdir_with_parents (g_get_home_dir (), 0700));
  g_assert_no_errno (g_chdir (g_get_home_dir ()));
  test_key_press (window, GDK_KEY_8, GDK_CONTROL_MASK);       /* Reports */
  test_key_press (window, GDK_KEY_Return, 0);                 /* the kind of period */
  test_key_press (window, GDK_KEY_Up, 0);
  test_key_press (window, GDK_KEY_Return, 0);                 /* Financial Year */
  test_key_press (window, GDK_KEY_Tab, 0);
  test_key_press (window, GDK_KEY_Return, 0);                 /* the year */
  test_key_press (window, GDK_KEY_Down, 0);
  test_key_press (window, GDK_KEY_Return, 0);                 /* the last complete one */
  reports = CT_REPORTS_VIEW (test_find_of_type (fixture->window, CT_TYPE_REPORTS_VIEW));
  test_wait_until (has_computed, reports);                    /* the figures show */
  shown = ct_summary_get_period (ct_report_get_summary (ct_reports_view_get_report (reports)));
  g_assert_cmpstr (ct_period_get_from (shown), ==, ct_period_get_from (last_year));
  g_assert_cmpstr (ct_period_get_to (shown), ==, ct_period_get_to (last_year));
  test_key_press (window, GDK_KEY_p, GDK_ALT_MASK);           /* Print… */
  test_wait_until (has_print_dialog, NULL);
  dialog = test_find_window (is_print_dialog, NULL);
  test_key_press (dialog, GDK_KEY_Tab, 0);                    /* the printers */
  test_key_press (dialog, GDK_KEY_space, 0);                  /* Print to File */
  test_key_save_screen ("year-pdf-dialog.png");
  test_key_press (dialog, GDK_KEY_p, GDK_ALT_MASK);           /* Print */

  file_name = ct_report_dup_file_name (ct_reports_view_get_report (reports), "pdf");
  path = g_build_filename (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL
                           ? g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS)
                           : g_get_home_dir (), file_name, NULL);
  test_wait_until (is_whole_pdf, path);
  g_assert_no_errno (g_chdir (build_dir));
  g_test_message ("the year's PDF: %u key presses, %u clicks", test_key_presses (),
                  test_key_clicks ());
  g_assert_cmpuint (test_key_presses (), ==, 12);
  g_assert_cmpuint (test_key_clicks (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add ("/quick-tasks/consultation", Fixture, NULL,
              fixture_set_up, test_consultation, fixture_tear_down);
  g_test_add ("/quick-tasks/review-rating", Fixture, NULL,
              fixture_set_up, test_review_rating, fixture_tear_down);
  g_test_add ("/quick-tasks/register-escape", Fixture, NULL,
              fixture_set_up, test_register_escape, fixture_tear_down);
  g_test_add ("/quick-tasks/register-ten", Fixture, NULL,
              fixture_set_up, test_register_ten, fixture_tear_down);
  g_test_add ("/quick-tasks/year-pdf", Fixture, NULL,
              fixture_set_up, test_year_pdf, fixture_tear_down);
  return g_test_run ();
}
