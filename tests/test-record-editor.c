/* test-record-editor.c: the record editor, driven through its real widgets:
 * defaults, inline validation, saving, editing, a conflict, drafts, Cancel,
 * the keyboard order, and a row for every field of every kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-record-editor"

#include "config.h"

#include "editor/ct-date-row.h"
#include "editor/ct-field-row.h"
#include "editor/ct-record-editor.h"
#include "editor/ct-reference-row.h"
#include "ct-database-private.h"
#include "ct-record-tooltip.h"
#include "records-fixture.h"
#include "test-store.h"
#include "widget-test-util.h"

#define SIGNED_IN "Test Clinician A"

typedef struct
{
  RecordsFixture  records;
  GtkWindow      *parent;
  CtRecordEditor *editor;
  CtRecord       *saved;
  guint           n_saved;
  gboolean        picked;   /* a picker was used and closed */
} Fixture;

/* Finding widgets */

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  name)
{
  return CT_IS_FIELD_ROW (widget) &&
         g_str_equal (ct_field_get_name (ct_field_row_get_field (CT_FIELD_ROW (widget))), name);
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static CtFieldRow *
get_row (Fixture    *fixture,
         const char *name)
{
  GtkWidget *row = test_find_widget (fixture->editor, is_row_of, name);

  g_assert_nonnull (row);
  return CT_FIELD_ROW (row);
}

static GtkWidget *
get_save_button (Fixture *fixture)
{
  return test_find_by_id (fixture->editor, "save_button");
}

static gboolean
can_save (Fixture *fixture)
{
  return gtk_widget_is_sensitive (get_save_button (fixture));
}

/* The message under the row of @name, or NULL when none is shown. */
static const char *
get_message (Fixture    *fixture,
             const char *name)
{
  GtkWidget *row = GTK_WIDGET (get_row (fixture, name));
  GtkWidget *message_row = gtk_widget_get_next_sibling (row);

  g_assert_true (ADW_IS_PREFERENCES_ROW (message_row));
  g_assert_false (CT_IS_FIELD_ROW (message_row));
  if (!gtk_widget_get_visible (message_row))
    {
      g_assert_false (gtk_widget_has_css_class (row, "error"));
      return NULL;
    }
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message_row))));
}

static char *
get_text (Fixture    *fixture,
          const char *name)
{
  return ct_field_row_dup_text (get_row (fixture, name));
}

/* Typing and choosing, as a person would */

static void
type_into (Fixture    *fixture,
           const char *name,
           const char *text)
{
  CtFieldRow *row = get_row (fixture, name);
  GtkWidget *input = ct_field_row_get_input (row);

  if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text, -1);
  else if (GTK_IS_SPIN_BUTTON (input))
    gtk_editable_set_text (GTK_EDITABLE (input), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
is_popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_popover_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
is_row_read (gpointer row)
{
  return !ct_reference_row_is_loading (row);
}

/* Opens the row's picker, types @search and presses Enter: the picker
 * closes, and the first record found is chosen once the store found it. */
static void
search_and_pick (Fixture    *fixture,
                 const char *name,
                 const char *search)
{
  CtReferenceRow *row = CT_REFERENCE_ROW (get_row (fixture, name));
  CtRecordPicker *picker = ct_reference_row_get_picker (row);
  GtkWidget *entry = test_find_of_type (picker, GTK_TYPE_SEARCH_ENTRY);

  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  test_wait_until (is_popover_shown, picker);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_signal_emit_by_name (entry, "activate");
  test_wait_until (is_popover_hidden, picker);
  test_wait_until (is_row_read, row);
  fixture->picked = TRUE;
}

static void
choose (Fixture    *fixture,
        const char *name,
        const char *label)
{
  AdwComboRow *row;
  GListModel *model;

  if (CT_IS_REFERENCE_ROW (get_row (fixture, name)))
    {
      g_auto(GStrv) parts = g_strsplit (label, " — ", 2);

      search_and_pick (fixture, name, parts[0]);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_row (fixture, name))), ==,
                       label);
      return;
    }
  row = ADW_COMBO_ROW (get_row (fixture, name));
  model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("%s has no choice %s", name, label);
}

static void
tick (Fixture    *fixture,
      const char *name,
      const char *label)
{
  GtkWidget *button = test_find_widget (get_row (fixture, name), is_check_labelled, label);

  g_assert_nonnull (button);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
}

/* Waiting */

static gboolean
is_closed (gpointer data)
{
  return ((Fixture *) data)->editor == NULL;
}

static gboolean
is_parent_gone (gpointer data)
{
  return ((Fixture *) data)->parent == NULL;
}

static gboolean
is_shown_message_dialog (GtkWidget     *window,
                         gconstpointer  data)
{
  return ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return (AdwMessageDialog *) test_find_window (is_shown_message_dialog, NULL);
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* The fixture: a records file with a clinician and a child, a main window */

static void
on_saved (Fixture  *fixture,
          CtRecord *record)
{
  g_set_object (&fixture->saved, record);
  fixture->n_saved++;
}

static void
start_editor (Fixture    *fixture,
              const char *kind,
              CtRecord   *record)
{
  g_assert_null (fixture->editor);
  fixture->editor = ct_record_editor_new (fixture->parent, fixture->records.db,
                                          ct_kind_lookup (kind), record);
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  g_signal_connect_swapped (fixture->editor, "saved", G_CALLBACK (on_saved), fixture);
  gtk_window_present (GTK_WINDOW (fixture->editor));
}

/* TRUE once the editor has read what a new record starts with and every
 * reference row its records to choose from. */
static gboolean
has_read_choices (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = test_find_all (fixture->editor, CT_TYPE_REFERENCE_ROW);

  if (ct_record_editor_is_reading (fixture->editor))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (ct_reference_row_is_loading (g_ptr_array_index (rows, i)))
      return FALSE;
  return TRUE;
}

/* The editor, once its choices are read, as a person sees it. */
static void
open_editor (Fixture    *fixture,
             const char *kind,
             CtRecord   *record)
{
  start_editor (fixture, kind, record);
  test_wait_until (has_read_choices, fixture);
}

static void
on_draft_opened (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* The editor of @draft, once its record is read (NULL with @error set). */
static CtRecordEditor *
open_draft (Fixture   *fixture,
            GVariant  *draft,
            GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ct_record_editor_new_for_draft_async (fixture->parent, fixture->records.db, draft, NULL,
                                        on_draft_opened, &result);
  test_wait_until (has_result, &result);
  return ct_record_editor_new_for_draft_finish (result, error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  records_fixture_setup (&fixture->records, data);
  ct_database_set_actor (fixture->records.db, SIGNED_IN);
  fixture->parent = GTK_WINDOW (adw_window_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->parent), (gpointer *) &fixture->parent);
  gtk_window_present (fixture->parent);
}

static gboolean
on_delay_over (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* A picker that closed starts GTK 4.8's tooltip timer (half a second):
 * when it fires, GTK asks where the pointer is over the surface of the
 * popover it started for, and one destroyed meanwhile has none (a
 * critical). It runs out while the editor is still there. */
static void
wait_for_tooltip_delay (void)
{
  gboolean over = FALSE;

  g_timeout_add (600, on_delay_over, &over);
  test_wait_until (is_true, &over);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->picked)
    wait_for_tooltip_delay ();
  if (fixture->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->editor));
  test_wait_until (is_closed, fixture);
  gtk_window_destroy (fixture->parent);
  test_wait_until (is_parent_gone, fixture);
  g_clear_object (&fixture->saved);
  records_fixture_teardown (&fixture->records, data);
}

/* Fills every required field of a consultation that has no default. */
static void
fill_consultation (Fixture *fixture)
{
  choose (fixture, "child", "TEST-0001 — Test Child A — 6 May 2014");
  choose (fixture, "requested_by", "Independent reviewing officer");
  type_into (fixture, "team", "Invented Team 3");
  tick (fixture, "topics", "Placement fragility");
  tick (fixture, "topics", "Mental health");
  choose (fixture, "mode", "Video");
  type_into (fixture, "duration_minutes", "45");
  type_into (fixture, "attendees", "4");
  choose (fixture, "outcome", "Advice given");
  type_into (fixture, "notes", "Invented notes\nover two lines");
}

/* Tests */

static void
test_new_consultation_defaults (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *staff = records_id_text (fixture->records.staff_id);
  g_autofree char *date = NULL;
  g_autofree char *clinician = NULL;
  g_autofree char *attendees = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *child = NULL;

  /* Who is signed in is read on the store's reader the first time: the
   * form takes them once it has. */
  start_editor (fixture, "consultation", NULL);
  g_assert_true (ct_record_editor_is_reading (fixture->editor));
  g_assert_null (get_text (fixture, "clinician"));
  test_wait_until (has_read_choices, fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "New consultation");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->editor)) == fixture->parent);
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (fixture->editor)) ==
                 get_save_button (fixture));

  date = get_text (fixture, "date");
  clinician = get_text (fixture, "clinician");
  attendees = get_text (fixture, "attendees");
  duration = get_text (fixture, "duration_minutes");
  topics = get_text (fixture, "topics");
  child = get_text (fixture, "child");
  g_assert_cmpstr (date, ==, RECORDS_TODAY);
  g_assert_cmpstr (clinician, ==, staff);
  g_assert_cmpstr (attendees, ==, "1");
  g_assert_cmpstr (duration, ==, "60");
  g_assert_null (topics);
  g_assert_null (child);

  /* Required fields with no default: Save waits, and nothing is marked red
   * before the person has touched it. */
  g_assert_false (ct_record_editor_has_changes (fixture->editor));
  g_assert_false (can_save (fixture));
  g_assert_null (get_message (fixture, "requested_by"));
  g_assert_cmpstr (ct_record_tooltip_get_text (get_save_button (fixture)), ==,
                   "Requested by: this is required; choose one.");

  /* Known from then on: the next new record has them at once. */
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  test_wait_until (is_closed, fixture);
  start_editor (fixture, "consultation", NULL);
  g_assert_false (ct_record_editor_is_reading (fixture->editor));
  g_clear_pointer (&clinician, g_free);
  clinician = get_text (fixture, "clinician");
  g_assert_cmpstr (clinician, ==, staff);
}

/* A new record with some fields chosen by the page that opens it. */
static void
test_new_prefilled (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 referral = records_insert_referral (&fixture->records, "2025-01-06");
  g_autofree char *referral_text = records_id_text (referral);
  gint64 goal = records_insert (fixture->records.db, "goal", "referral", referral_text,
                                "number", "1", "description", "Invented goal", "set_by", "child",
                                NULL);
  g_autofree char *goal_text = records_id_text (goal);
  g_autoptr(CtRecord) prefill = records_new ("goal_rating", "goal", goal_text,
                                             "time_point", "baseline", NULL);
  g_autofree char *chosen_goal = NULL;
  g_autofree char *time_point = NULL;
  g_autofree char *date = NULL;

  open_editor (fixture, "goal_rating", prefill);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "New goal rating");
  chosen_goal = get_text (fixture, "goal");
  time_point = get_text (fixture, "time_point");
  date = get_text (fixture, "date");
  g_assert_cmpstr (chosen_goal, ==, goal_text);
  g_assert_cmpstr (time_point, ==, "baseline");
  g_assert_cmpstr (date, ==, RECORDS_TODAY);
  g_assert_false (ct_record_editor_has_changes (fixture->editor));
  g_assert_false (can_save (fixture));
  g_assert_null (get_message (fixture, "score"));

  type_into (fixture, "score", "3.5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  test_wait_until (is_closed, fixture);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (ct_record_get_reference (fixture->saved, "goal"), ==, goal);
  g_assert_cmpint (ct_record_get_id (prefill), ==, 0);
}

/* Someone signed in who is not on the staff list: no clinician is guessed. */
static void
test_new_consultation_unknown_staff (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *clinician = NULL;

  ct_database_set_actor (fixture->records.db, "Test Visitor Z");
  open_editor (fixture, "consultation", NULL);
  clinician = get_text (fixture, "clinician");
  g_assert_null (clinician);
}

static void
assert_saved_consultation (CtRecord *record)
{
  g_autofree char *topics = ct_record_get_string_by_name (record, "topics");
  g_autofree char *notes = ct_record_get_string_by_name (record, "notes");
  g_autofree char *team = ct_record_get_string_by_name (record, "team");
  g_autofree char *requested_by = ct_record_get_string_by_name (record, "requested_by");
  g_autofree char *duration = ct_record_get_string_by_name (record, "duration_minutes");
  g_autofree char *attendees = ct_record_get_string_by_name (record, "attendees");
  g_autofree char *date = ct_record_get_string_by_name (record, "date");

  g_assert_cmpstr (date, ==, "2025-06-28");
  g_assert_cmpstr (requested_by, ==, "iro");
  g_assert_cmpstr (team, ==, "Invented Team 3");
  g_assert_cmpstr (topics, ==, "mental_health;placement_fragility");
  g_assert_cmpstr (duration, ==, "45");
  g_assert_cmpstr (attendees, ==, "4");
  g_assert_cmpstr (notes, ==, "Invented notes\nover two lines");
}

static void
test_new_consultation_saves (Fixture       *fixture,
                             gconstpointer  data)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(CtRecord) listed = NULL;
  GtkWidget *text;

  open_editor (fixture, "consultation", NULL);
  g_assert_false (can_save (fixture));
  fill_consultation (fixture);
  g_assert_true (can_save (fixture));
  type_into (fixture, "date", "28/06/2025");
  g_assert_true (can_save (fixture));
  g_assert_true (ct_record_editor_has_changes (fixture->editor));

  /* Enter in a number field saves (Save is the default widget). */
  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (ct_field_row_get_input (get_row (fixture, "attendees")))));
  g_signal_emit_by_name (text, "activate");
  test_wait_until (is_closed, fixture);

  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (ct_record_get_id (fixture->saved), >, 0);
  list = ct_store_list (fixture->records.db, kind, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  listed = g_list_model_get_item (list, 0);
  g_assert_cmpint (ct_record_get_id (listed), ==, ct_record_get_id (fixture->saved));
  assert_saved_consultation (listed);
  g_assert_cmpint (ct_record_get_reference (listed, "child"), ==, fixture->records.child_id);
  g_assert_cmpint (ct_record_get_reference (listed, "clinician"), ==, fixture->records.staff_id);
}

static void
test_invalid_date_named (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *date = NULL;
  const char *message;

  open_editor (fixture, "consultation", NULL);
  fill_consultation (fixture);
  g_assert_true (can_save (fixture));

  type_into (fixture, "date", "31/13/2024");
  message = get_message (fixture, "date");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Date: "));
  g_assert_nonnull (strstr (message, "31/13/2024"));
  g_assert_false (can_save (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_nonnull (fixture->editor);

  /* Later than today (2025-06-30). */
  type_into (fixture, "date", "2025-07-01");
  message = get_message (fixture, "date");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Date: "));
  g_assert_false (can_save (fixture));

  type_into (fixture, "date", "31/1/2025");
  g_assert_null (get_message (fixture, "date"));
  date = get_text (fixture, "date");
  g_assert_cmpstr (date, ==, "2025-01-31");
  g_assert_true (can_save (fixture));
  g_assert_cmpuint (fixture->n_saved, ==, 0);
}

/* A number that is not one, and a required choice taken back. */
static void
test_invalid_number_named (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *message;

  open_editor (fixture, "consultation", NULL);
  fill_consultation (fixture);
  type_into (fixture, "attendees", "0");
  message = get_message (fixture, "attendees");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Attendees: "));
  g_assert_false (can_save (fixture));

  type_into (fixture, "attendees", "");
  message = get_message (fixture, "attendees");
  g_assert_cmpstr (message, ==, "Attendees: this is required; fill it in.");

  type_into (fixture, "attendees", "2");
  g_assert_null (get_message (fixture, "attendees"));
  g_assert_true (can_save (fixture));
}

/* A score outside its scale stays as typed (the spin button would clamp
 * it to the nearest end) and the editor names the scale; each number row
 * shows its scale. */
static void
test_score_outside_scale_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  CtFieldRow *row;
  GtkSpinButton *spin;
  g_autofree char *text = NULL;
  const char *message;
  gint64 referral = records_insert_referral (&fixture->records, "2025-01-06");
  g_autofree char *goal = records_id_text (records_insert_goal (fixture->records.db, referral, "1"));
  g_autoptr(CtRecord) rating = records_new ("goal_rating", "goal", goal, "time_point", "review",
                                            NULL);
  g_autoptr(CtRecord) session = records_new ("reflective_practice", "group", "Invented Group 1",
                                             "setting", "fostering", "status", "held", NULL);

  open_editor (fixture, "goal_rating", rating);
  row = get_row (fixture, "score");
  spin = GTK_SPIN_BUTTON (ct_field_row_get_input (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "From 0 to 10, in whole or half points.");

  type_into (fixture, "score", "11");
  gtk_spin_button_update (spin);
  text = get_text (fixture, "score");
  g_assert_cmpstr (text, ==, "11");
  message = get_message (fixture, "score");
  g_assert_cmpstr (message, ==,
                   "Score: enter a number from 0 to 10 in whole or half points, such as 6.5.");
  test_save_screenshot (GTK_WIDGET (fixture->editor), "score-outside-scale.png");

  g_clear_pointer (&text, g_free);
  type_into (fixture, "score", "7.3");
  gtk_spin_button_update (spin);
  text = get_text (fixture, "score");
  g_assert_cmpstr (text, ==, "7.3");
  g_assert_nonnull (get_message (fixture, "score"));

  g_clear_pointer (&text, g_free);
  type_into (fixture, "score", "7.5");
  gtk_spin_button_update (spin);
  text = get_text (fixture, "score");
  g_assert_cmpstr (text, ==, "7.5");
  g_assert_null (get_message (fixture, "score"));
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  test_wait_until (is_closed, fixture);

  open_editor (fixture, "reflective_practice", session);
  row = get_row (fixture, "rating");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "From 1 to 5.");
  type_into (fixture, "rating", "6");
  gtk_spin_button_update (GTK_SPIN_BUTTON (ct_field_row_get_input (row)));
  g_clear_pointer (&text, g_free);
  text = get_text (fixture, "rating");
  g_assert_cmpstr (text, ==, "6");
  g_assert_cmpstr (get_message (fixture, "rating"), ==, "Rating: enter a number from 1 to 5.");
}

static gint64
insert_consultation (Fixture *fixture)
{
  g_autofree char *staff = records_id_text (fixture->records.staff_id);

  return records_insert (fixture->records.db, "consultation", "date", "2025-05-01",
                         "clinician", staff, "requested_by", "social_worker",
                         "topics", "risk", "mode", "phone", "duration_minutes", "30",
                         "attendees", "2", "outcome", "other", NULL);
}

static void
test_edit_updates (Fixture       *fixture,
                   gconstpointer  data)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  gint64 id = insert_consultation (fixture);
  g_autoptr(CtRecord) record = ct_store_get (fixture->records.db, kind, id, NULL);
  g_autoptr(CtRecord) again = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *attendees = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *date = NULL;

  open_editor (fixture, "consultation", record);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "Edit consultation");
  date = get_text (fixture, "date");
  topics = get_text (fixture, "topics");
  g_assert_cmpstr (date, ==, "2025-05-01");
  g_assert_cmpstr (topics, ==, "risk");
  g_assert_false (ct_record_editor_has_changes (fixture->editor));
  g_assert_true (can_save (fixture));

  type_into (fixture, "attendees", "3");
  tick (fixture, "topics", "Transitions");
  g_assert_true (ct_record_editor_has_changes (fixture->editor));
  /* A caller may close the editor itself once it is told. */
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (gtk_window_destroy), NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  test_wait_until (is_closed, fixture);

  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (ct_record_get_id (fixture->saved), ==, id);
  again = ct_store_get (fixture->records.db, kind, id, NULL);
  attendees = ct_record_get_string_by_name (again, "attendees");
  g_clear_pointer (&topics, g_free);
  topics = ct_record_get_string_by_name (again, "topics");
  g_assert_cmpstr (attendees, ==, "3");
  g_assert_cmpstr (topics, ==, "transitions;risk");
  list = ct_store_list (fixture->records.db, kind, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (records_count_audit (fixture->records.db, "update", "consultation", id), ==, 1);
}

/* Someone else saves the record while it is open here: the save is
 * refused, the conflict dialog names them, the form keeps what was typed,
 * and their change stays. Opening the record is audited. (test-team.c
 * answers the dialog.) */
static void
test_stale_save_keeps_form (Fixture       *fixture,
                            gconstpointer  data)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  gint64 id = insert_consultation (fixture);
  g_autoptr(CtRecord) record = ct_store_get (fixture->records.db, kind, id, NULL);
  g_autoptr(CtDatabase) other = test_store_open_again (fixture->records.db, "Test Clinician B");
  g_autoptr(CtRecord) theirs = ct_store_get (other, kind, id, NULL);
  g_autoptr(CtRecord) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *attendees = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *typed = NULL;
  AdwMessageDialog *dialog;

  open_editor (fixture, "consultation", record);
  g_assert_cmpuint (records_count_audit (fixture->records.db, "view", "consultation", id), ==, 1);

  g_assert_true (ct_record_set_string_by_name (theirs, "attendees", "5", &error));
  g_assert_true (ct_store_update (other, theirs, &error));
  g_assert_no_error (error);

  type_into (fixture, "attendees", "3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));

  g_assert_nonnull (fixture->editor);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            ct_database_get_actor (other)));
  /* What was typed, as the form shows it: the clinician by name. */
  typed = test_dup_text_view_text (dialog);
  g_assert_nonnull (strstr (typed, "Attendees: 3\n"));
  g_assert_nonnull (strstr (typed, "Clinician: Test Clinician A"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  attendees = get_text (fixture, "attendees");
  g_assert_cmpstr (attendees, ==, "3");
  now = ct_store_get (fixture->records.db, kind, id, NULL);
  stored = ct_record_get_string_by_name (now, "attendees");
  g_assert_cmpstr (stored, ==, "5");
}

static void
fill_child (Fixture    *fixture,
            const char *reference)
{
  type_into (fixture, "reference", reference);
  type_into (fixture, "name", "Test Child B");
  type_into (fixture, "date_of_birth", "2016-02-29");
  choose (fixture, "legal_status", "Edge of care");
  choose (fixture, "placement_type", "Kinship care");
  choose (fixture, "placement_area", "Out of area");
}

/* A reference taken while the form is open (by an import, say): the save
 * fails, says why, and keeps everything as typed. */
static void
test_conflict_keeps_form (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *reference = NULL;
  g_autofree char *name = NULL;
  GtkRevealer *banner;
  GtkLabel *banner_label;

  open_editor (fixture, "child", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "New child");

  /* Taken already: said once the store was asked, on its reader. */
  fill_child (fixture, "TEST-0001");
  g_assert_true (ct_record_editor_is_reading (fixture->editor));
  test_wait_until (has_read_choices, fixture);
  g_assert_false (can_save (fixture));
  g_assert_true (g_str_has_prefix (get_message (fixture, "reference"), "Reference: "));

  type_into (fixture, "reference", "TEST-0002");
  test_wait_until (has_read_choices, fixture);
  g_assert_true (can_save (fixture));
  g_assert_null (get_message (fixture, "reference"));

  records_insert (fixture->records.db, "child", "reference", "TEST-0002", "name", "Test Child C",
                  "date_of_birth", "2013-01-01", "legal_status", "looked_after",
                  "placement_type", "residential", "placement_area", "in_area", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));

  g_assert_nonnull (fixture->editor);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  banner = GTK_REVEALER (test_find_by_id (fixture->editor, "banner"));
  banner_label = GTK_LABEL (test_find_by_id (fixture->editor, "banner_label"));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (banner_label), "Reference: "));
  g_assert_nonnull (strstr (gtk_label_get_label (banner_label), "TEST-0002"));
  g_assert_true (g_str_has_prefix (get_message (fixture, "reference"), "Reference: "));
  g_assert_false (can_save (fixture));

  reference = get_text (fixture, "reference");
  name = get_text (fixture, "name");
  g_assert_cmpstr (reference, ==, "TEST-0002");
  g_assert_cmpstr (name, ==, "Test Child B");
  g_assert_true (ct_record_editor_has_changes (fixture->editor));
}

static void
test_draft_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GVariant) draft = NULL;
  g_autoptr(GVariant) again = NULL;
  g_autoptr(GVariant) values = NULL;
  g_autoptr(GError) error = NULL;
  const char *notes = NULL;
  const char *kind = NULL;
  CtRecordEditor *restored;
  CtRecordEditor *other_kind;
  gint64 id = -1;

  open_editor (fixture, "consultation", NULL);
  fill_consultation (fixture);
  type_into (fixture, "date", "");
  draft = ct_record_editor_save_draft (fixture->editor);
  g_assert_true (g_variant_is_of_type (draft, CT_RECORD_EDITOR_DRAFT_TYPE));
  g_variant_get (draft, "(&sx@a{ss})", &kind, &id, NULL);
  g_assert_cmpstr (kind, ==, "consultation");
  g_assert_cmpint (id, ==, 0);
  values = g_variant_get_child_value (draft, 2);
  g_assert_true (g_variant_lookup (values, "notes", "&s", &notes));
  g_assert_cmpstr (notes, ==, "Invented notes\nover two lines");

  /* A new editor (after unlocking) takes it back, every row as typed,
   * including the date that was cleared on purpose. */
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  test_wait_until (is_closed, fixture);
  restored = open_draft (fixture, draft, &error);
  g_assert_no_error (error);
  g_assert_true (ct_record_editor_has_changes (restored));
  again = ct_record_editor_save_draft (restored);
  g_assert_true (g_variant_equal (again, draft));

  /* Not a draft of this editor's kind: refused, nothing changed. */
  other_kind = ct_record_editor_new (fixture->parent, fixture->records.db,
                                     ct_kind_lookup ("child"), NULL);
  g_assert_false (ct_record_editor_restore_draft (other_kind, draft));
  g_assert_false (ct_record_editor_has_changes (other_kind));

  gtk_window_destroy (GTK_WINDOW (restored));
  gtk_window_destroy (GTK_WINDOW (other_kind));
}

/* A draft of an edit, kept across a lock while someone else saved the
 * record: restored, its save is refused rather than overwrite theirs. */
static void
test_draft_of_changed_record (Fixture       *fixture,
                              gconstpointer  data)
{
  AdwMessageDialog *dialog;
  const CtKind *kind = ct_kind_lookup ("consultation");
  gint64 id = insert_consultation (fixture);
  g_autoptr(CtRecord) record = ct_store_get (fixture->records.db, kind, id, NULL);
  g_autoptr(CtRecord) theirs = ct_store_get (fixture->records.db, kind, id, NULL);
  g_autoptr(GVariant) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  CtRecordEditor *restored;

  open_editor (fixture, "consultation", record);
  type_into (fixture, "attendees", "3");
  draft = ct_record_editor_save_draft (fixture->editor);
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  test_wait_until (is_closed, fixture);

  ct_database_set_actor (fixture->records.db, "Test Clinician B");
  g_assert_true (ct_record_set_string_by_name (theirs, "attendees", "5", &error));
  g_assert_true (ct_store_update (fixture->records.db, theirs, &error));
  g_assert_no_error (error);
  ct_database_set_actor (fixture->records.db, SIGNED_IN);

  restored = open_draft (fixture, draft, &error);
  g_assert_no_error (error);
  fixture->editor = restored;
  g_object_add_weak_pointer (G_OBJECT (restored), (gpointer *) &fixture->editor);
  g_signal_connect_swapped (restored, "saved", G_CALLBACK (on_saved), fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (restored), "editor.save", NULL));
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Test Clinician B"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&theirs);
  theirs = ct_store_get (fixture->records.db, kind, id, NULL);
  stored = ct_record_get_string_by_name (theirs, "attendees");
  g_assert_cmpstr (stored, ==, "5");
}

/* The draft of a record deleted meanwhile cannot be reopened. */
static void
test_draft_of_deleted_record (Fixture       *fixture,
                              gconstpointer  data)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  gint64 id = insert_consultation (fixture);
  g_autoptr(CtRecord) record = ct_store_get (fixture->records.db, kind, id, NULL);
  g_autoptr(GVariant) draft = NULL;
  g_autoptr(GError) error = NULL;

  open_editor (fixture, "consultation", record);
  type_into (fixture, "team", "Invented Team 9");
  draft = ct_record_editor_save_draft (fixture->editor);
  g_assert_true (ct_store_delete (fixture->records.db, kind, id, NULL));
  g_assert_null (open_draft (fixture, draft, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND);
}

static void
test_cancel_unchanged_closes (Fixture       *fixture,
                              gconstpointer  data)
{
  open_editor (fixture, "consultation", NULL);
  g_assert_false (ct_record_editor_has_changes (fixture->editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.cancel", NULL));
  test_wait_until (is_closed, fixture);
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (fixture->n_saved, ==, 0);
}

static void
test_cancel_changed_asks (Fixture       *fixture,
                          gconstpointer  data)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  g_autoptr(GListModel) list = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *team = NULL;

  open_editor (fixture, "consultation", NULL);
  type_into (fixture, "team", "Invented Team 4");
  g_assert_true (ct_record_editor_has_changes (fixture->editor));

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.cancel", NULL);
  test_wait_until (has_message_dialog, NULL);
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard changes?");
  adw_message_dialog_response (dialog, "keep");
  g_assert_nonnull (fixture->editor);
  team = get_text (fixture, "team");
  g_assert_cmpstr (team, ==, "Invented Team 4");

  /* Typing it back as it was is no change. */
  type_into (fixture, "team", "");
  g_assert_false (ct_record_editor_has_changes (fixture->editor));
  type_into (fixture, "team", "Invented Team 5");

  gtk_window_close (GTK_WINDOW (fixture->editor));
  test_wait_until (has_message_dialog, NULL);
  adw_message_dialog_response (find_message_dialog (), "discard");
  test_wait_until (is_closed, fixture);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  list = ct_store_list (fixture->records.db, kind, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

/* The first field of a new record that is still empty (the date comes
 * filled in). */
static CtFieldRow *
get_first_empty_row (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = test_find_all (fixture->editor, CT_TYPE_FIELD_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *text = ct_field_row_dup_text (g_ptr_array_index (rows, i));

      if (text == NULL)
        return g_ptr_array_index (rows, i);
    }
  g_assert_not_reached ();
}

/* Typing starts in the first empty field; Tab goes through the fields in
 * the order they are shown. */
static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  guint reached = 0;
  GtkWidget *focus;

  open_editor (fixture, "consultation", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->editor));
  g_assert_true (gtk_widget_get_ancestor (focus, CT_TYPE_FIELD_ROW) ==
                 GTK_WIDGET (get_first_empty_row (fixture)));
  g_assert_false (gtk_widget_is_ancestor (focus, GTK_WIDGET (get_row (fixture, "date"))));
  while (ct_kind_get_field (kind, reached) !=
         ct_field_row_get_field (get_first_empty_row (fixture)))
    reached++;

  for (guint step = 0; step < 100 && reached < ct_kind_get_n_fields (kind); step++)
    {
      GtkWidget *row;

      focus = gtk_root_get_focus (GTK_ROOT (fixture->editor));
      row = gtk_widget_get_ancestor (focus, CT_TYPE_FIELD_ROW);
      const CtField *field;
      guint index = 0;

      if (row == NULL)
        break;
      field = ct_field_row_get_field (CT_FIELD_ROW (row));
      while (ct_kind_get_field (kind, index) != field)
        index++;
      g_assert_cmpuint (index, >=, reached);
      g_assert_cmpuint (index, <=, reached + 1);
      reached = index;
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->editor), GTK_DIR_TAB_FORWARD));
    }
  g_assert_cmpstr (ct_field_get_name (ct_kind_get_field (kind, reached)), ==, "notes");
}

/* Every kind: a row for every field that is not display-only, in order,
 * with the field's label in its title. */
static void
test_every_kind_has_every_row (Fixture       *fixture,
                               gconstpointer  data)
{
  const CtKind *kind = ct_kind_get_nth (GPOINTER_TO_UINT (data));
  GtkWidget *row = NULL;

  open_editor (fixture, ct_kind_get_name (kind), NULL);
  g_assert_true (ct_record_editor_get_kind (fixture->editor) == kind);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), !=, NULL);

  for (guint i = 0; i < ct_kind_get_n_fields (kind); i++)
    {
      const CtField *field = ct_kind_get_field (kind, i);
      const char *title;

      if (ct_field_is_display (field))
        {
          g_assert_null (test_find_widget (fixture->editor, is_row_of,
                                           ct_field_get_name (field)));
          continue;
        }

      /* The next field row after the previous one. */
      row = row == NULL ? GTK_WIDGET (get_row (fixture, ct_field_get_name (field)))
                        : gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (row));
      g_assert_true (CT_IS_FIELD_ROW (row));
      g_assert_true (ct_field_row_get_field (CT_FIELD_ROW (row)) == field);
      g_assert_nonnull (ct_field_row_get_input (CT_FIELD_ROW (row)));
      title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      g_assert_true (g_str_has_prefix (title, ct_field_get_label (field)));
      g_assert_cmpint (g_str_has_suffix (title, " *"), ==, ct_field_is_required (field));
    }
  g_assert_false (ct_record_editor_has_changes (fixture->editor));
}

/* The records to choose from are read on the store's reader: until they
 * arrive, a record chosen keeps its id (a save would keep it) and its row
 * says it is reading; then it is named. A new rating's goal picker opens
 * once its goals have arrived, unless the focus has moved on. */
static void
test_choices_read_off_the_window (Fixture       *fixture,
                                  gconstpointer  data)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  g_autoptr(CtRecord) record = ct_store_get (fixture->records.db, kind,
                                             insert_consultation (fixture), NULL);
  g_autofree char *staff_text = records_id_text (fixture->records.staff_id);
  gint64 referral = records_insert_referral (&fixture->records, "2025-01-06");
  CtReferenceRow *row;
  CtRecordPicker *picker;
  TestReaderHold *hold;
  g_autofree char *clinician = NULL;

  records_insert_goal (fixture->records.db, referral, "1");
  test_store_start_reader (fixture->records.db, FALSE);
  hold = test_store_hold_reader (fixture->records.db);
  start_editor (fixture, "consultation", record);
  test_wait_until_mapped (GTK_WIDGET (fixture->editor));
  row = CT_REFERENCE_ROW (get_row (fixture, "clinician"));
  g_assert_true (ct_reference_row_is_loading (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Reading…");
  clinician = get_text (fixture, "clinician");
  g_assert_cmpstr (clinician, ==, staff_text);
  g_assert_cmpuint (g_list_model_get_n_items (ct_record_picker_get_shown (
                      ct_reference_row_get_picker (row))), ==, 0);
  test_save_screenshot (GTK_WIDGET (fixture->editor), "editor-reading.png");

  test_store_release_reader (hold);
  test_wait_until (has_read_choices, fixture);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Test Clinician A — Clinical psychologist");
  g_clear_pointer (&clinician, g_free);
  clinician = get_text (fixture, "clinician");
  g_assert_cmpstr (clinician, ==, staff_text);
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  g_assert_null (fixture->editor);

  hold = test_store_hold_reader (fixture->records.db);
  start_editor (fixture, "goal_rating", NULL);
  test_wait_until_mapped (GTK_WIDGET (fixture->editor));
  picker = ct_reference_row_get_picker (CT_REFERENCE_ROW (get_row (fixture, "goal")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  test_store_release_reader (hold);
  test_wait_until (is_popover_shown, picker);
  g_assert_cmpuint (g_list_model_get_n_items (ct_record_picker_get_shown (picker)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (fixture->editor));

  /* Moved on to the score meanwhile: the picker does not interrupt. */
  hold = test_store_hold_reader (fixture->records.db);
  start_editor (fixture, "goal_rating", NULL);
  test_wait_until_mapped (GTK_WIDGET (fixture->editor));
  picker = ct_reference_row_get_picker (CT_REFERENCE_ROW (get_row (fixture, "goal")));
  g_assert_true (gtk_widget_grab_focus (ct_field_row_get_input (get_row (fixture, "score"))));
  test_store_release_reader (hold);
  test_wait_until (has_read_choices, fixture);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
}

/* The records to choose from cannot be read: the record chosen stays
 * chosen (a save keeps it) and the row says its details cannot be read. */
static void
test_choices_unreadable_keep_choice (Fixture       *fixture,
                                     gconstpointer  data)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  g_autoptr(CtRecord) record = ct_store_get (fixture->records.db, kind,
                                             insert_consultation (fixture), NULL);
  g_autofree char *staff_text = records_id_text (fixture->records.staff_id);
  g_autofree char *clinician = NULL;
  g_autoptr(GError) error = NULL;
  CtReferenceRow *row;

  g_assert_true (ct_database_exec (fixture->records.db, "ALTER TABLE staff RENAME TO staff_gone",
                                   &error));
  g_assert_no_error (error);
  g_test_expect_message ("ct-record-picker", G_LOG_LEVEL_WARNING, "Cannot read the staff*");
  open_editor (fixture, "consultation", record);
  g_test_assert_expected_messages ();
  row = CT_REFERENCE_ROW (get_row (fixture, "clinician"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Chosen (its details cannot be read now)");
  clinician = get_text (fixture, "clinician");
  g_assert_cmpstr (clinician, ==, staff_text);
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  g_assert_true (ct_database_exec (fixture->records.db, "ALTER TABLE staff_gone RENAME TO staff",
                                   &error));
  g_assert_no_error (error);
}

/* A goal rating's score, in half points from 0 to 10, and an optional
 * enumeration with "Not recorded". */
static void
test_number_and_enum_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkSpinButton *spin;
  g_autofree char *score = NULL;
  g_autofree char *gender = NULL;
  double minimum, maximum;

  open_editor (fixture, "goal_rating", NULL);
  spin = GTK_SPIN_BUTTON (ct_field_row_get_input (get_row (fixture, "score")));
  gtk_spin_button_get_range (spin, &minimum, &maximum);
  g_assert_cmpfloat (maximum, ==, 10);
  g_assert_cmpfloat (gtk_adjustment_get_step_increment (gtk_spin_button_get_adjustment (spin)), ==, 0.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 0.5);
  score = get_text (fixture, "score");
  g_assert_cmpstr (score, ==, "0.0");
  gtk_spin_button_set_value (spin, 6.5);
  g_clear_pointer (&score, g_free);
  score = get_text (fixture, "score");
  g_assert_cmpstr (score, ==, "6.5");
  ct_field_row_set_text (get_row (fixture, "score"), NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  test_wait_until (is_closed, fixture);

  open_editor (fixture, "child", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (get_row (fixture, "gender"))), ==, 0);
  gender = get_text (fixture, "gender");
  g_assert_null (gender);
  choose (fixture, "gender", "Not stated");
  g_clear_pointer (&gender, g_free);
  gender = get_text (fixture, "gender");
  g_assert_cmpstr (gender, ==, "not_stated");
  choose (fixture, "gender", "Not recorded");
  g_clear_pointer (&gender, g_free);
  gender = get_text (fixture, "gender");
  g_assert_null (gender);
}

/* Dates typed in the ways people type them. */
static void
test_date_parsing (void)
{
  static const struct { const char *typed; const char *date; } cases[] = {
    { "2025-01-31", "2025-01-31" },
    { " 2025-1-5 ", "2025-01-05" },
    { "31/01/2025", "2025-01-31" },
    { "31.1.2025", "2025-01-31" },
    { "29/02/2024", "2024-02-29" },
    { "2025-02-29", NULL },
    { "31/13/2024", NULL },
    { "2025-01", NULL },
    { "yesterday", NULL },
    { "", NULL },
    { "1/2/3/4", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = ct_date_row_parse (cases[i].typed);

      g_test_message ("%s", cases[i].typed);
      g_assert_cmpstr (date, ==, cases[i].date);
    }
}

static gboolean
is_picker_read (gpointer picker)
{
  return !ct_record_picker_is_reading (picker);
}

/* Types @text into @picker and waits for what the store found. */
static void
search_in_picker (CtRecordPicker *picker,
                  const char     *text)
{
  ct_record_picker_search (picker, text);
  test_wait_until (is_picker_read, picker);
}

/* The picker finds a child by any word of its label, the date of birth
 * as shown included; Down moves the selection, Enter picks it. */
static void
test_picker_searches (Fixture       *fixture,
                      gconstpointer  data)
{
  CtReferenceRow *row;
  CtRecordPicker *picker;
  GListModel *shown;
  GtkWidget *entry;
  g_autofree char *child = NULL;
  g_autofree char *child_b = records_id_text (records_insert_child_b (fixture->records.db));

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *reference = g_strdup_printf ("TEST-1%03u", i);

      records_insert (fixture->records.db, "child", "reference", reference, "name", "Test Child C",
                      "date_of_birth", "2010-01-01", "legal_status", "looked_after",
                      "placement_type", "kinship", "placement_area", "in_area", NULL);
    }
  open_editor (fixture, "consultation", NULL);
  row = CT_REFERENCE_ROW (get_row (fixture, "child"));
  picker = ct_reference_row_get_picker (row);
  shown = ct_record_picker_get_shown (picker);
  entry = test_find_of_type (picker, GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "None");

  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  test_wait_until (is_popover_shown, picker);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 202);
  /* The store searches, on its reader. */
  ct_record_picker_search (picker, "feb 2012");
  g_assert_true (ct_record_picker_is_reading (picker));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 202);
  search_in_picker (picker, "feb 2012");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  search_in_picker (picker, "child");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 202);
  search_in_picker (picker, "test child");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 202);
  search_in_picker (picker, "B test");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  search_in_picker (picker, "test-000");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  test_wait_until_mapped (gtk_widget_get_parent (GTK_WIDGET (test_find_of_type (picker, GTK_TYPE_LIST_VIEW))));
  test_save_screenshot (GTK_WIDGET (picker), "picker.png");
  test_save_screenshot (GTK_WIDGET (fixture->editor), "picker-editor.png");

  /* The first match is selected; Down selects the next one. */
  gtk_widget_grab_focus (entry);
  g_signal_emit_by_name (entry, "activate");
  test_wait_until (is_popover_hidden, picker);
  child = get_text (fixture, "child");
  g_assert_cmpstr (child, ==, records_id_text (fixture->records.child_id));
  g_clear_pointer (&child, g_free);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "TEST-0001 — Test Child A — 6 May 2014");

  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  test_wait_until (is_popover_shown, picker);
  search_in_picker (picker, "test-000");
  gtk_widget_grab_focus (entry);
  g_assert_true (gtk_widget_activate_action (entry, "picker.select-next", NULL));
  g_signal_emit_by_name (entry, "activate");
  test_wait_until (is_popover_hidden, picker);
  child = get_text (fixture, "child");
  g_assert_cmpstr (child, ==, child_b);
  fixture->picked = TRUE;
}

/* A shown editor of the kind called @kind_name. */
static gboolean
is_editor_of (GtkWidget     *window,
              gconstpointer  kind_name)
{
  return CT_IS_RECORD_EDITOR (window) && gtk_widget_get_visible (window) &&
         g_str_equal (ct_kind_get_name (ct_record_editor_get_kind (CT_RECORD_EDITOR (window))),
                      kind_name);
}

static gboolean
has_editor_of (gpointer kind_name)
{
  return test_find_window (is_editor_of, kind_name) != NULL;
}

/* Waits for the editor of the kind called @kind_name that the one under
 * test opened, and makes it the one under test. */
static CtRecordEditor *
wait_for_editor_of (Fixture    *fixture,
                    const char *kind_name)
{
  test_wait_until (has_editor_of, (gpointer) kind_name);
  fixture->editor = CT_RECORD_EDITOR (test_find_window (is_editor_of, kind_name));
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  return fixture->editor;
}

/* A new records file has no staff: the clinician row says so and adds one
 * in place, which is then chosen. */
static void
test_picker_adds_in_place (Fixture       *fixture,
                           gconstpointer  data)
{
  CtReferenceRow *row;
  GtkWidget *add;
  CtRecordEditor *editor;
  CtRecordEditor *staff_editor;
  g_autofree char *clinician = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_store_delete (fixture->records.db, ct_kind_lookup ("staff"),
                                  fixture->records.staff_id, &error));
  g_assert_no_error (error);
  open_editor (fixture, "consultation", NULL);
  editor = fixture->editor;
  row = CT_REFERENCE_ROW (get_row (fixture, "clinician"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "There are no staff members yet."));
  add = ct_reference_row_get_add_button (row);
  g_assert_true (gtk_widget_get_visible (add));
  test_save_screenshot (GTK_WIDGET (editor), "add-in-place.png");
  /* The fixture has a child: that row searches. */
  g_assert_false (gtk_widget_get_visible (
    ct_reference_row_get_add_button (CT_REFERENCE_ROW (get_row (fixture, "child")))));

  /* Activating the row (Enter on it) adds. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  staff_editor = wait_for_editor_of (fixture, "staff");
  type_into (fixture, "name", "Test Clinician N");
  choose (fixture, "role", "Family therapist");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (staff_editor), "editor.save", NULL));
  test_wait_until (is_closed, fixture);
  fixture->editor = editor;

  clinician = get_text (fixture, "clinician");
  g_assert_cmpstr (clinician, !=, NULL);
  g_assert_cmpint (ct_store_find_staff (fixture->records.db, "Test Clinician N", NULL), ==,
                   g_ascii_strtoll (clinician, NULL, 10));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Test Clinician N — Family therapist");
  g_assert_false (gtk_widget_get_visible (add));
}

typedef struct
{
  Fixture    *fixture;
  const char *name;
} FocusWait;

static gboolean
is_focus_in_row (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->fixture->editor));
  GtkWidget *row = GTK_WIDGET (get_row (wait->fixture, wait->name));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* A choice made moves the focus on to the next empty field, so that the
 * form is filled in without Tab; choosing the child goes on to "Requested
 * by", choosing who asked to "Team". */
static void
test_choices_move_on (Fixture       *fixture,
                      gconstpointer  data)
{
  FocusWait wait = { fixture, "requested_by" };

  open_editor (fixture, "consultation", NULL);
  choose (fixture, "child", "TEST-0001 — Test Child A — 6 May 2014");
  test_wait_until (is_focus_in_row, &wait);
  choose (fixture, "requested_by", "Independent reviewing officer");
  wait.name = "team";
  test_wait_until (is_focus_in_row, &wait);
}

/* Saving an end rating of an open episode offers to close the episode in
 * the same step, once the episode is read on the store's reader: the
 * referral's editor opens with the end date set. */
static void
test_end_rating_offers_to_close (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 referral = records_insert_referral (&fixture->records, "2025-01-06");
  g_autofree char *goal = records_id_text (records_insert_goal (fixture->records.db, referral, "1"));
  g_autoptr(CtRecord) rating = records_new ("goal_rating", "goal", goal, "date", "2025-06-20",
                                            "time_point", "end", "score", "8", NULL);
  g_autofree char *end_date = NULL;

  TestReaderHold *hold;

  records_rate (fixture->records.db, g_ascii_strtoll (goal, NULL, 10), "2025-01-10", "baseline", "3");
  test_store_start_reader (fixture->records.db, FALSE);
  open_editor (fixture, "goal_rating", rating);
  g_assert_true (can_save (fixture));
  hold = test_store_hold_reader (fixture->records.db);
  test_store_wait_until_held (hold);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  test_wait_until (is_closed, fixture);
  g_assert_false (has_message_dialog (NULL));
  test_store_release_reader (hold);
  test_wait_until (has_message_dialog, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (find_message_dialog ()), ==,
                   "Close the Episode Too?");
  test_save_screenshot (GTK_WIDGET (find_message_dialog ()), "close-episode.png");
  adw_message_dialog_response (find_message_dialog (), "close");

  wait_for_editor_of (fixture, "referral");
  end_date = get_text (fixture, "end_date");
  g_assert_cmpstr (end_date, ==, "2025-06-20");
  g_assert_false (can_save (fixture));  /* the end reason is still to choose */
  choose (fixture, "end_reason", "Goals met");
  g_assert_true (can_save (fixture));
}

/* Whatever the locale writes, it reads back. */
static void
test_date_format_round_trip (void)
{
  static const char *const dates[] = { "2025-01-31", "1999-12-01", "2024-02-29", "2003-07-04" };
  g_autofree char *not_a_date = ct_date_row_format ("31/01/2025");

  g_assert_null (not_a_date);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *shown = ct_date_row_format (dates[i]);
      g_autofree char *read = ct_date_row_parse (shown);

      g_assert_nonnull (shown);
      g_test_message ("%s is shown as %s", dates[i], shown);
      g_assert_cmpstr (read, ==, dates[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/record-editor/new/defaults", test_new_consultation_defaults);
  ADD ("/record-editor/new/unknown-staff", test_new_consultation_unknown_staff);
  ADD ("/record-editor/new/saves", test_new_consultation_saves);
  ADD ("/record-editor/new/prefilled", test_new_prefilled);
  ADD ("/record-editor/validation/date", test_invalid_date_named);
  ADD ("/record-editor/validation/number", test_invalid_number_named);
  ADD ("/record-editor/validation/score-outside-scale", test_score_outside_scale_refused);
  ADD ("/record-editor/edit/updates", test_edit_updates);
  ADD ("/record-editor/save/conflict-keeps-form", test_conflict_keeps_form);
  ADD ("/record-editor/save/stale-keeps-form", test_stale_save_keeps_form);
  ADD ("/record-editor/draft/round-trip", test_draft_round_trip);
  ADD ("/record-editor/draft/deleted-record", test_draft_of_deleted_record);
  ADD ("/record-editor/draft/changed-record", test_draft_of_changed_record);
  ADD ("/record-editor/cancel/unchanged", test_cancel_unchanged_closes);
  ADD ("/record-editor/cancel/changed", test_cancel_changed_asks);
  ADD ("/record-editor/keyboard/tab-order", test_tab_order);
  ADD ("/record-editor/keyboard/choices-move-on", test_choices_move_on);
  ADD ("/record-editor/save/end-rating-offers-to-close", test_end_rating_offers_to_close);
  ADD ("/record-editor/rows/number-and-enum", test_number_and_enum_rows);
  ADD ("/record-editor/picker/searches", test_picker_searches);
  ADD ("/record-editor/picker/adds-in-place", test_picker_adds_in_place);
  ADD ("/record-editor/picker/read-off-the-window", test_choices_read_off_the_window);
  ADD ("/record-editor/picker/unreadable-keeps-choice", test_choices_unreadable_keep_choice);
#undef ADD
  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    {
      g_autofree char *path = g_strdup_printf ("/record-editor/rows/%s",
                                               ct_kind_get_name (ct_kind_get_nth (i)));

      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_set_up,
                  test_every_kind_has_every_row, fixture_tear_down);
    }
  g_test_add_func ("/record-editor/date/parsing", test_date_parsing);
  g_test_add_func ("/record-editor/date/format-round-trip", test_date_format_round_trip);

  return g_test_run ();
}
