/* test-training-event-page.c: the attendance register saves each click at
 * once, with an audit entry, adds attendees, and edits and deletes a row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-training-event-page"

#include "config.h"

#include "ct-attendance-row.h"
#include "ct-field-row.h"
#include "ct-name-suggestions.h"
#include "ct-record-editor.h"
#include "ct-training-event-page.h"
#include "records-fixture.h"
#include "widget-test-util.h"

typedef struct
{
  RecordsFixture       records;
  gint64               event_id;
  gint64               alpha;  /* attended, confidence 4 → 8 */
  gint64               beta;   /* booked */
  GtkWindow           *window;
  CtTrainingEventPage *page;
} Fixture;

/* Finding widgets */

static CtAttendanceRow *
find_row (Fixture *fixture,
          gint64   attendance_id)
{
  g_autoptr(GPtrArray) rows = test_find_all (fixture->page, CT_TYPE_ATTENDANCE_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (ct_record_get_id (ct_attendance_row_get_attendance (g_ptr_array_index (rows, i))) ==
        attendance_id)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

static GtkSpinButton *
nth_spin (CtAttendanceRow *row,
          guint            n)
{
  g_autoptr(GPtrArray) spins = test_find_all (row, GTK_TYPE_SPIN_BUTTON);

  g_assert_cmpuint (spins->len, ==, 2);
  return g_ptr_array_index (spins, n);
}

/* The records file */

static CtRecord *
read_attendance (Fixture *fixture,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  CtRecord *attendance = ct_store_get (fixture->records.db,
                                       ct_kind_lookup ("training_attendance"), id, &error);

  g_assert_no_error (error);
  return attendance;
}

static char *
read_field (Fixture    *fixture,
            gint64      id,
            const char *field)
{
  g_autoptr(CtRecord) attendance = read_attendance (fixture, id);

  return ct_record_get_string_by_name (attendance, field);
}

/* The attendance at the fixture's event of @name. */
static CtRecord *
find_attendance (Fixture    *fixture,
                 const char *name)
{
  CtFilter filter = { .event_id = fixture->event_id };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) saved = ct_store_list (fixture->records.db,
                                               ct_kind_lookup ("training_attendance"),
                                               &filter, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (saved); i++)
    {
      g_autoptr(CtRecord) attendance = g_list_model_get_item (saved, i);
      g_autofree char *attendee = ct_record_get_string_by_name (attendance, "attendee_name");

      if (g_strcmp0 (attendee, name) == 0)
        return g_steal_pointer (&attendance);
    }
  g_assert_not_reached ();
}

static gboolean
is_allocated (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

static gboolean
is_narrow (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_width (widget) <= 360;
}

static guint
count_updates (Fixture *fixture,
               gint64   id)
{
  return records_count_audit (fixture->records.db, "update", "training_attendance", id);
}

/* The fixture: one event, two rows in its register */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *event = NULL;
  CtDatabase *db;

  records_fixture_setup (&fixture->records, data);
  db = fixture->records.db;
  fixture->event_id = records_insert (db, "training_event", "code", "TR-TEST-01",
                                      "title", "An invented course", "topic", "attachment",
                                      "date", "2025-03-12", "duration_minutes", "120",
                                      "audience", "foster_carers", "capacity", "12", NULL);
  event = records_id_text (fixture->event_id);
  fixture->alpha = records_insert (db, "training_attendance", "event", event,
                                   "attendee_name", "Test Carer Alpha", "role", "foster_carers",
                                   "status", "attended", "confidence_before", "4",
                                   "confidence_after", "8", NULL);
  fixture->beta = records_insert (db, "training_attendance", "event", event,
                                  "attendee_name", "Test Carer Beta", "role", "kinship_carers",
                                  "status", "booked", NULL);

  fixture->page = CT_TRAINING_EVENT_PAGE (ct_training_event_page_new (db, fixture->event_id));
  fixture->window = test_present_in_window (GTK_WIDGET (fixture->page), 1000, 700);
  test_wait_until_page_read (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_destroy_window (fixture->window);
  records_fixture_teardown (&fixture->records, data);
}

static const char *
register_description (Fixture *fixture)
{
  return adw_preferences_group_get_description (
    ADW_PREFERENCES_GROUP (test_find_by_id (fixture->page, "register_group")));
}

/* Tests */

static void
test_shows_register (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = test_find_all (fixture->page, CT_TYPE_ATTENDANCE_ROW);
  CtAttendanceRow *alpha;

  g_assert_cmpstr (ct_record_page_get_title (CT_RECORD_PAGE (fixture->page)), ==,
                   "An invented course");
  g_assert_cmpuint (rows->len, ==, 2);
  alpha = find_row (fixture, fixture->alpha);
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (ct_attendance_row_get_status_button (alpha, "attended"))));
  g_assert_false (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (ct_attendance_row_get_status_button (alpha, "booked"))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (nth_spin (alpha, 0)), ==, 4);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (nth_spin (alpha, 1)), ==, 8);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (nth_spin (find_row (fixture, fixture->beta),
                                                                0)), ==, 0);
  g_assert_true (g_str_has_prefix (register_description (fixture),
                                   "Booked 1 · Attended 1 · Did not attend 0 · Cancelled 0 · "
                                   "Capacity 12\n"));
}

/* One click on "Attended": saved at once, audited once, counted. */
static void
test_click_attended (Fixture       *fixture,
                     gconstpointer  data)
{
  CtAttendanceRow *beta = find_row (fixture, fixture->beta);
  GtkWidget *attended = ct_attendance_row_get_status_button (beta, "attended");
  g_autofree char *status = NULL;

  g_assert_cmpuint (count_updates (fixture, fixture->beta), ==, 0);
  g_signal_emit_by_name (attended, "clicked");

  status = read_field (fixture, fixture->beta, "status");
  g_assert_cmpstr (status, ==, "attended");
  g_assert_cmpuint (count_updates (fixture, fixture->beta), ==, 1);
  g_assert_cmpuint (count_updates (fixture, fixture->alpha), ==, 0);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (attended)));
  g_assert_true (g_str_has_prefix (register_description (fixture),
                                   "Booked 0 · Attended 2 · "));

  /* Clicking the status it already has writes nothing. */
  g_signal_emit_by_name (attended, "clicked");
  g_assert_cmpuint (count_updates (fixture, fixture->beta), ==, 1);
}

static void
test_confidence_saved (Fixture       *fixture,
                       gconstpointer  data)
{
  CtAttendanceRow *beta = find_row (fixture, fixture->beta);
  g_autofree char *before = NULL;
  g_autofree char *cleared = NULL;

  gtk_spin_button_set_value (nth_spin (beta, 0), 7);
  before = read_field (fixture, fixture->beta, "confidence_before");
  g_assert_cmpstr (before, ==, "7");
  g_assert_cmpuint (count_updates (fixture, fixture->beta), ==, 1);

  /* Down to the dash: not rated. */
  gtk_spin_button_set_value (nth_spin (beta, 0), 0);
  cleared = read_field (fixture, fixture->beta, "confidence_before");
  g_assert_null (cleared);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_spin (beta, 0))), ==, "—");
}

static void
on_save_failed (char       **message,
                const char  *text)
{
  g_free (*message);
  *message = g_strdup (text);
}

/* A row deleted meanwhile: the click is refused and the row shows what is
 * saved. */
static void
test_save_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  CtAttendanceRow *beta = find_row (fixture, fixture->beta);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_signal_connect_swapped (beta, "save-failed", G_CALLBACK (on_save_failed), &message);
  g_assert_true (ct_store_delete (fixture->records.db, ct_kind_lookup ("training_attendance"),
                                  fixture->beta, &error));
  g_assert_no_error (error);

  g_signal_emit_by_name (ct_attendance_row_get_status_button (beta, "cancelled"), "clicked");
  g_assert_nonnull (message);
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (ct_attendance_row_get_status_button (beta, "booked"))));
  g_assert_false (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (ct_attendance_row_get_status_button (beta, "cancelled"))));
}

static GtkWidget *
find_add_button (Fixture *fixture)
{
  g_autoptr(GPtrArray) buttons = test_find_all (fixture->page, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                   "event.add-attendee") == 0)
      return g_ptr_array_index (buttons, i);
  g_assert_not_reached ();
}

static void
test_add_attendee (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *entry = test_find_by_id (fixture->page, "attendee_entry");
  g_autoptr(GPtrArray) rows = NULL;
  CtFilter filter = { .event_id = fixture->event_id };
  g_autoptr(GListModel) saved = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  /* Nothing to add without a name: the button is off. */
  g_assert_false (gtk_widget_get_sensitive (find_add_button (fixture)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (gtk_widget_get_sensitive (find_add_button (fixture)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Test Worker Gamma");
  g_assert_true (gtk_widget_get_sensitive (find_add_button (fixture)));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  test_wait_until_page_read (fixture->page);
  rows = test_find_all (fixture->page, CT_TYPE_ATTENDANCE_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  saved = ct_store_list (fixture->records.db, ct_kind_lookup ("training_attendance"), &filter,
                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (saved), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CtRecord) attendance = g_list_model_get_item (saved, i);
      g_autofree char *name = ct_record_get_string_by_name (attendance, "attendee_name");
      g_autofree char *status = ct_record_get_string_by_name (attendance, "status");
      g_autofree char *role = ct_record_get_string_by_name (attendance, "role");

      if (g_strcmp0 (name, "Test Worker Gamma") != 0)
        continue;
      found = TRUE;
      g_assert_cmpstr (status, ==, "booked");
      g_assert_cmpstr (role, ==, "foster_carers");
      g_assert_cmpuint (records_count_audit (fixture->records.db, "create", "training_attendance",
                                             ct_record_get_id (attendance)), ==, 1);
    }
  g_assert_true (found);
}

/* A row's Edit and Delete buttons */

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
click_row_button (Fixture    *fixture,
                  gint64      attendance_id,
                  const char *action)
{
  GtkWidget *button = test_find_widget (find_row (fixture, attendance_id), has_action, action);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  /* Edit and Delete read their record again first. */
  test_wait_until_page_read (fixture->page);
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  name)
{
  return CT_IS_FIELD_ROW (widget) &&
         g_str_equal (ct_field_get_name (ct_field_row_get_field (CT_FIELD_ROW (widget))), name);
}

static gboolean
no_editor (gpointer data)
{
  return test_find_toplevel (CT_TYPE_RECORD_EDITOR) == NULL;
}

static void
test_edit_row (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWindow *editor;
  GtkWidget *row;
  g_autofree char *organisation = NULL;
  g_autofree char *shown = NULL;

  click_row_button (fixture, fixture->beta, "event.edit-record");
  editor = test_find_toplevel (CT_TYPE_RECORD_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (ct_record_editor_get_kind (CT_RECORD_EDITOR (editor)) ==
                 ct_kind_lookup ("training_attendance"));
  row = test_find_widget (editor, is_row_of, "organisation");
  g_assert_nonnull (row);
  ct_field_row_set_text (CT_FIELD_ROW (row), "An Invented Agency");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  test_wait_until (no_editor, NULL);
  test_wait_until_page_read (fixture->page);

  organisation = read_field (fixture, fixture->beta, "organisation");
  g_assert_cmpstr (organisation, ==, "An Invented Agency");
  /* The page read it again. */
  shown = ct_record_get_string_by_name (
    ct_attendance_row_get_attendance (find_row (fixture, fixture->beta)), "organisation");
  g_assert_cmpstr (shown, ==, "An Invented Agency");
}

static void
test_delete_row (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  click_row_button (fixture, fixture->beta, "event.delete-record");
  test_wait_until_page_read (fixture->page);
  g_assert_cmpuint (records_count (fixture->records.db,
                                   "SELECT count (*) FROM training_attendance"), ==, 1);
  rows = test_find_all (fixture->page, CT_TYPE_ATTENDANCE_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (ct_record_get_id (ct_attendance_row_get_attendance (rows->pdata[0])), ==,
                   fixture->alpha);
  g_assert_true (g_str_has_prefix (register_description (fixture), "Booked 0 · Attended 1"));
}

static void
set_booked (Fixture *fixture,
            gint64   attendance_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) attendance = ct_store_get (fixture->records.db,
                                                 ct_kind_lookup ("training_attendance"),
                                                 attendance_id, &error);

  g_assert_no_error (error);
  g_object_set (attendance, "status", "booked", NULL);
  g_assert_true (ct_store_update (fixture->records.db, attendance, &error));
  g_assert_no_error (error);
}

/* "All Attended" marks every booked row attended, after the event; an
 * event still to come refuses. */
static void
test_mark_all_attended (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *status = NULL;
  g_autofree char *alpha = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) event = NULL;
  g_autofree char *event_id = records_id_text (fixture->event_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "event.mark-attended",
                                             NULL));
  test_wait_until_page_read (fixture->page);
  status = read_field (fixture, fixture->beta, "status");
  alpha = read_field (fixture, fixture->alpha, "status");
  g_assert_cmpstr (status, ==, "attended");
  g_assert_cmpstr (alpha, ==, "attended");
  test_save_screenshot (GTK_WIDGET (fixture->window), "all-attended.png");

  /* The same event, booked again and moved to after "today": nothing changes. */
  set_booked (fixture, fixture->alpha);
  set_booked (fixture, fixture->beta);
  event = ct_store_get (fixture->records.db, ct_kind_lookup ("training_event"), fixture->event_id,
                        &error);
  ct_record_set_string_by_name (event, "date", "2025-09-01", NULL);
  g_assert_true (ct_store_update (fixture->records.db, event, &error));
  g_assert_no_error (error);
  records_insert (fixture->records.db, "training_attendance", "event", event_id,
                  "attendee_name", "Test Carer Gamma",
                  "role", "foster_carers", "status", "booked", NULL);
  ct_record_page_reload (CT_RECORD_PAGE (fixture->page));
  test_wait_until_page_read (fixture->page);
  /* Nor can a row be marked so. */
  g_assert_false (gtk_widget_get_sensitive (
    ct_attendance_row_get_status_button (find_row (fixture, fixture->beta), "attended")));
  g_assert_false (gtk_widget_get_sensitive (
    ct_attendance_row_get_status_button (find_row (fixture, fixture->beta), "did_not_attend")));
  g_assert_true (gtk_widget_get_sensitive (
    ct_attendance_row_get_status_button (find_row (fixture, fixture->beta), "cancelled")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "event.mark-attended",
                                             NULL));
  g_assert_cmpuint (records_count (fixture->records.db,
                                   "SELECT count (*) FROM training_attendance "
                                   "WHERE status = 'booked'"), ==, 3);
}

/* Names offered as one types */

static CtNameSuggestions *
suggestions (Fixture *fixture)
{
  return CT_NAME_SUGGESTIONS (test_find_of_type (fixture->page, CT_TYPE_NAME_SUGGESTIONS));
}

static GPtrArray *
suggested_rows (Fixture *fixture)
{
  return test_find_all (suggestions (fixture), ADW_TYPE_ACTION_ROW);
}

/* Earlier attendees (here and at other events) and staff are offered; a
 * name chosen is booked at once with its latest role and organisation. */
static void
test_suggests_names (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *entry = test_find_by_id (fixture->page, "attendee_entry");
  gint64 other_event = records_insert (fixture->records.db, "training_event", "code", "TR-TEST-02",
                                       "title", "Another course", "topic", "nvr",
                                       "date", "2025-01-10", "duration_minutes", "60",
                                       "audience", "residential_staff", NULL);
  g_autofree char *other = records_id_text (other_event);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CtRecord) delta = NULL;
  g_autofree char *role = NULL;
  g_autofree char *organisation = NULL;

  records_insert (fixture->records.db, "training_attendance", "event", other,
                  "attendee_name", "Test Worker Delta", "role", "residential_staff",
                  "organisation", "Test Home", "status", "attended", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (suggestions (fixture))));

  gtk_editable_set_text (GTK_EDITABLE (entry), "carer");
  rows = suggested_rows (fixture);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (suggestions (fixture))));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Test Carer Alpha");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "Foster carer");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Staff too. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "clinician");
  rows = suggested_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Test Clinician A");
  g_clear_pointer (&rows, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (entry), "delta");
  rows = suggested_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  /* Down in the entry goes there. */
  g_assert_true (ct_name_suggestions_focus_first (suggestions (fixture)));
  test_scroll_to_end (fixture->page);
  test_save_screenshot (GTK_WIDGET (fixture->window), "register-suggestions.png");
  g_signal_emit_by_name (rows->pdata[0], "activate");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (suggestions (fixture))));
  g_assert_cmpuint (records_count (fixture->records.db,
                                   "SELECT count (*) FROM training_attendance"
                                   " WHERE attendee_name = 'Test Worker Delta'"), ==, 2);
  delta = find_attendance (fixture, "Test Worker Delta");
  role = ct_record_get_string_by_name (delta, "role");
  organisation = ct_record_get_string_by_name (delta, "organisation");
  g_assert_cmpstr (role, ==, "residential_staff");
  g_assert_cmpstr (organisation, ==, "Test Home");
  g_clear_pointer (&rows, g_ptr_array_unref);
  test_wait_until_page_read (fixture->page);
  rows = test_find_all (fixture->page, CT_TYPE_ATTENDANCE_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
}

/* Visible labels name the confidence controls. */
static void
test_confidence_labelled (Fixture       *fixture,
                          gconstpointer  data)
{
  CtAttendanceRow *row = find_row (fixture, fixture->alpha);
  g_autoptr(GPtrArray) labels = test_find_all (row, GTK_TYPE_LABEL);
  guint labelled = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *target = gtk_label_get_mnemonic_widget (labels->pdata[i]);

      if (target == GTK_WIDGET (nth_spin (row, 0)) || target == GTK_WIDGET (nth_spin (row, 1)))
        labelled++;
    }
  g_assert_cmpuint (labelled, ==, 2);
}

/* At 360 px every status button shows its whole word inside the window. */
static void
test_fits_narrow_window (Fixture       *fixture,
                         gconstpointer  data)
{
  CtAttendanceRow *row;

  /* The window at its first size, before it is made narrow. */
  test_wait_until (is_allocated, fixture->window);
  gtk_window_set_default_size (fixture->window, 360, 700);
  test_wait_until (is_narrow, fixture->window);
  row = find_row (fixture, fixture->beta);
  test_wait_until (is_narrow, row);
  for (const char * const *word = (const char * const[]) { "booked", "attended",
                                                           "did_not_attend", "cancelled",
                                                           NULL };
       *word != NULL; word++)
    {
      GtkWidget *button = ct_attendance_row_get_status_button (row, *word);
      graphene_rect_t bounds;
      int minimum;

      gtk_widget_measure (gtk_button_get_child (GTK_BUTTON (button)), GTK_ORIENTATION_HORIZONTAL,
                          -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (button), >=, minimum);
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (fixture->window), &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 360);
    }
  test_scroll_to_end (fixture->page);
  test_save_screenshot (GTK_WIDGET (fixture->window), "register-360.png");
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add ("/training-event-page/mark-all-attended", Fixture, NULL,
              fixture_set_up, test_mark_all_attended, fixture_tear_down);
  g_test_add ("/training-event-page/shows-register", Fixture, NULL,
              fixture_set_up, test_shows_register, fixture_tear_down);
  g_test_add ("/training-event-page/click-attended", Fixture, NULL,
              fixture_set_up, test_click_attended, fixture_tear_down);
  g_test_add ("/training-event-page/confidence-saved", Fixture, NULL,
              fixture_set_up, test_confidence_saved, fixture_tear_down);
  g_test_add ("/training-event-page/save-fails", Fixture, NULL,
              fixture_set_up, test_save_fails, fixture_tear_down);
  g_test_add ("/training-event-page/add-attendee", Fixture, NULL,
              fixture_set_up, test_add_attendee, fixture_tear_down);
  g_test_add ("/training-event-page/edit-row", Fixture, NULL,
              fixture_set_up, test_edit_row, fixture_tear_down);
  g_test_add ("/training-event-page/delete-row", Fixture, NULL,
              fixture_set_up, test_delete_row, fixture_tear_down);
  g_test_add ("/training-event-page/suggests-names", Fixture, NULL,
              fixture_set_up, test_suggests_names, fixture_tear_down);
  g_test_add ("/training-event-page/confidence-labelled", Fixture, NULL,
              fixture_set_up, test_confidence_labelled, fixture_tear_down);
  g_test_add ("/training-event-page/fits-narrow-window", Fixture, NULL,
              fixture_set_up, test_fits_narrow_window, fixture_tear_down);

  return g_test_run ();
}
