/* test-record-list.c: the section lists (CtRecordList) on a real records
 * file: rows, search, date range, sorting, empty states, delete and Undo,
 * a refused delete, locking, and opening the record editor.
 *
 * Every record is invented. Waiting spins the main context until a
 * condition holds; nothing sleeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-record-list"

#include "config.h"

#include "ct-cell-text.h"
#include "ct-database-private.h"
#include "ct-record-columns.h"
#include "ct-record-editor.h"
#include "ct-record-list.h"
#include "ct-record-pages.h"
#include "ct-section.h"
#include "ct-setting.h"
#include "records-fixture.h"
#include "test-store.h"
#include "widget-test-util.h"

typedef struct
{
  RecordsFixture  records;
  gint64          other_staff_id;  /* "Test Clinician B" */
  GtkWindow      *window;
  CtRecordList   *list;
} ListFixture;

/* Waiting */

/* A condition on the list and what it waits for. */
typedef gboolean (*Condition) (ListFixture *fixture,
                               gconstpointer data);

typedef struct
{
  Condition     condition;
  ListFixture  *fixture;
  gconstpointer data;
} Waiting;

static gboolean
holds (gpointer waiting)
{
  Waiting *w = waiting;

  return w->condition (w->fixture, w->data);
}

static void
wait_until (Condition      condition,
            ListFixture   *fixture,
            gconstpointer  data)
{
  Waiting waiting = { condition, fixture, data };

  test_wait_until (holds, &waiting);
}

static guint
n_rows (ListFixture *fixture)
{
  return g_list_model_get_n_items (ct_record_list_get_model (fixture->list));
}

/* The rows are read (and searched) on the store's reader. */
static gboolean
has_n_rows (ListFixture   *fixture,
            gconstpointer  n)
{
  return !ct_record_list_is_loading (fixture->list) && n_rows (fixture) == GPOINTER_TO_UINT (n);
}

static void
wait_for_rows (ListFixture *fixture,
               guint        n)
{
  wait_until (has_n_rows, fixture, GUINT_TO_POINTER (n));
}

/* Finding widgets */

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
get_widget (ListFixture     *fixture,
            TestWidgetMatch  match,
            gconstpointer    data)
{
  GtkWidget *widget = test_find_widget (fixture->list, match, data);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
get_of_type (ListFixture *fixture,
             GType        type)
{
  GtkWidget *widget = test_find_of_type (fixture->list, type);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
get_by_id (ListFixture *fixture,
           const char  *id)
{
  return test_find_by_id (fixture->list, id);
}

static GtkEditable *
get_search_entry (ListFixture *fixture)
{
  return GTK_EDITABLE (get_of_type (fixture, GTK_TYPE_SEARCH_ENTRY));
}

static GtkColumnView *
get_column_view (ListFixture *fixture)
{
  return GTK_COLUMN_VIEW (get_of_type (fixture, GTK_TYPE_COLUMN_VIEW));
}

static const char *
get_state (ListFixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (get_by_id (fixture, "stack")));
}

static const char *
get_count_text (ListFixture *fixture)
{
  return gtk_label_get_label (GTK_LABEL (get_by_id (fixture, "count_label")));
}

static gboolean
shows_label (ListFixture   *fixture,
             gconstpointer  text)
{
  return test_find_widget (fixture->list, is_label_with_text, text) != NULL;
}

/* Records */

static gint64
insert_consultation (ListFixture *fixture,
                     gint64       staff_id,
                     const char  *date,
                     const char  *mode,
                     const char  *minutes)
{
  g_autofree char *staff = records_id_text (staff_id);

  return records_insert (fixture->records.db, "consultation", "date", date,
                         "clinician", staff, "requested_by", "social_worker",
                         "topics", "placement_fragility;transitions", "mode", mode,
                         "duration_minutes", minutes, "attendees", "3",
                         "outcome", "advice_given", NULL);
}

static gboolean
has_read (gpointer data)
{
  return !ct_record_list_is_loading (data);
}

/* The list's read (on the store's reader) has arrived. */
static void
wait_until_read (ListFixture *fixture)
{
  test_wait_until (has_read, fixture->list);
}

/* The row's record, once its page is read. */
static CtRecord *
get_row (ListFixture *fixture,
         guint        position)
{
  CtRecord *record = g_list_model_get_item (ct_record_list_get_model (fixture->list), position);

  g_assert_nonnull (record);
  g_object_unref (record);  /* the model keeps it */
  if (ct_record_pages_is_read (record))
    return record;
  wait_until_read (fixture);
  return get_row (fixture, position);
}

static char *
dup_row_field (ListFixture *fixture,
               guint        position,
               const char  *field)
{
  return ct_record_get_string_by_name (get_row (fixture, position), field);
}

static void
assert_row_field (ListFixture *fixture,
                  guint        position,
                  const char  *field,
                  const char  *expected)
{
  g_autofree char *value = dup_row_field (fixture, position, field);

  g_assert_cmpstr (value, ==, expected);
}

static guint
count_in_store (ListFixture *fixture,
                const char  *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = ct_store_list (fixture->records.db, ct_kind_lookup (kind),
                                                 NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (records);
}

/* Fixture: a records file (a staff member, a child), a second clinician,
 * and a window for the list, which each test creates with show_list(). */

static void
list_fixture_setup (ListFixture   *fixture,
                    gconstpointer  data)
{
  records_fixture_setup (&fixture->records, data);
  /* The list reads as in the app: on the store's reader. */
  test_store_start_reader (fixture->records.db, FALSE);
  fixture->other_staff_id = records_insert_clinician_b (fixture->records.db);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 600);
}

static void
list_fixture_teardown (ListFixture   *fixture,
                       gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  records_fixture_teardown (&fixture->records, data);
}

static void
show_list (ListFixture *fixture,
           const char  *section)
{
  fixture->list = CT_RECORD_LIST (ct_record_list_new (section, fixture->records.db));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
  gtk_window_present (fixture->window);
  test_wait_until_mapped (GTK_WIDGET (fixture->list));
  wait_until_read (fixture);
}

static void
select_row (ListFixture *fixture,
            guint        position)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (ct_record_list_get_model (fixture->list));

  gtk_single_selection_set_selected (selection, position);
}

/* Tests */

static void
test_shows_every_record (ListFixture   *fixture,
                         gconstpointer  data)
{
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-03-%02u", i);

      insert_consultation (fixture, fixture->records.staff_id, date, "video", "60");
    }
  show_list (fixture, "consultations");

  g_assert_cmpuint (n_rows (fixture), ==, 5);
  g_assert_cmpstr (get_state (fixture), ==, "list");
  g_assert_cmpstr (get_count_text (fixture), ==, "5 consultations");
  /* The store's order until a column is sorted: newest first. */
  assert_row_field (fixture, 0, "date", "2025-03-05");
  assert_row_field (fixture, 4, "date", "2025-03-01");

  /* A record saved anywhere else shows: the list follows the database's
   * "changed". */
  insert_consultation (fixture, fixture->records.staff_id, "2025-03-06", "phone", "30");
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 6);
  g_assert_cmpstr (get_count_text (fixture), ==, "6 consultations");

  /* Hidden, it reads them again only when shown. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->list), FALSE);
  insert_consultation (fixture, fixture->records.staff_id, "2025-03-07", "phone", "30");
  g_assert_cmpuint (n_rows (fixture), ==, 6);
  gtk_widget_set_visible (GTK_WIDGET (fixture->list), TRUE);
  test_wait_until_mapped (GTK_WIDGET (fixture->list));
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 7);
}

/* Saving a record shown reads that record again, not the list: the other
 * rows stay the very objects they were. A new record newest of all goes
 * first; a deleted one goes; a date changed (the store's order) reads the
 * list again, in order. */
static void
test_save_updates_its_row (ListFixture   *fixture,
                           gconstpointer  data)
{
  CtRecord *before[4];
  g_autoptr(CtRecord) changed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 newest;

  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-03-%02u", i);

      insert_consultation (fixture, fixture->records.staff_id, date, "video", "60");
    }
  show_list (fixture, "consultations");
  for (guint i = 0; i < 4; i++)
    before[i] = g_object_ref (get_row (fixture, i));

  changed = ct_record_dup (before[2]);
  g_assert_true (ct_record_set_string_by_name (changed, "mode", "phone", &error));
  g_assert_true (ct_store_update (fixture->records.db, changed, &error));
  g_assert_no_error (error);
  wait_until_read (fixture);
  assert_row_field (fixture, 2, "mode", "phone");
  g_assert_true (get_row (fixture, 2) != before[2]);
  g_assert_true (get_row (fixture, 0) == before[0]);
  g_assert_true (get_row (fixture, 1) == before[1]);
  g_assert_true (get_row (fixture, 3) == before[3]);

  newest = insert_consultation (fixture, fixture->records.staff_id, "2025-03-09", "phone", "30");
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  g_assert_cmpint (ct_record_get_id (get_row (fixture, 0)), ==, newest);
  g_assert_true (get_row (fixture, 1) == before[0]);
  g_assert_cmpstr (get_count_text (fixture), ==, "5 consultations");

  g_assert_true (ct_store_delete (fixture->records.db, ct_kind_lookup ("consultation"), newest,
                                  &error));
  g_assert_no_error (error);
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 4);
  g_assert_true (get_row (fixture, 0) == before[0]);

  /* The oldest made the newest: in its place by date. */
  g_clear_object (&changed);
  changed = ct_record_dup (before[3]);
  g_assert_true (ct_record_set_string_by_name (changed, "date", "2025-03-20", &error));
  g_assert_true (ct_store_update (fixture->records.db, changed, &error));
  g_assert_no_error (error);
  wait_until_read (fixture);
  assert_row_field (fixture, 0, "date", "2025-03-20");
  assert_row_field (fixture, 3, "date", "2025-03-02");
  for (guint i = 0; i < 4; i++)
    g_object_unref (before[i]);
}

static gboolean
is_read (gpointer record)
{
  return ct_record_pages_is_read (record);
}

/* A long list reads its ids and the first page; the rows further down are
 * read when they scroll into view (GTK 4.8 makes rows for the first 200
 * or so at once), and the record handed out for a row meanwhile becomes
 * it. */
static void
test_reads_rows_as_they_show (ListFixture   *fixture,
                              gconstpointer  data)
{
  g_autoptr(CtRecord) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  records_insert_consultations (&fixture->records, 400);
  show_list (fixture, "consultations");
  g_assert_cmpuint (n_rows (fixture), ==, 400);
  g_assert_cmpstr (get_count_text (fixture), ==, "400 consultations");
  g_assert_true (ct_record_pages_is_read (get_row (fixture, 10)));

  last = g_list_model_get_item (ct_record_list_get_model (fixture->list), 399);
  g_assert_false (ct_record_pages_is_read (last));
  ids = ct_store_list_ids (fixture->records.db, ct_kind_lookup ("consultation"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_record_get_id (last), ==, g_array_index (ids, gint64, 399));

  test_scroll_to_end (fixture->window);
  test_wait_until (is_read, last);
  wait_until_read (fixture);
  records_assert_field (last, "date", "2020-01-01");
  test_save_screenshot (GTK_WIDGET (fixture->window), "list-scrolled-to-the-end.png");
}

/* A change the store did not announce (made with SQL here) shows once the
 * list is reloaded: every row shown is read again, not kept. */
static void
test_reload_reads_every_row (ListFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  show_list (fixture, "consultations");
  assert_row_field (fixture, 0, "duration_minutes", "60");

  g_assert_true (ct_database_exec (fixture->records.db,
                                   "UPDATE consultation SET duration_minutes = 75", &error));
  g_assert_no_error (error);
  ct_record_list_reload (fixture->list);
  wait_until_read (fixture);
  assert_row_field (fixture, 0, "duration_minutes", "75");
}


/* A list reads its records when it is first shown, not when it is built
 * (unlocking builds every section). */
static void
test_reads_when_shown (ListFixture   *fixture,
                       gconstpointer  data)
{
  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  fixture->list = CT_RECORD_LIST (ct_record_list_new ("consultations", fixture->records.db));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_false (ct_record_list_is_loading (fixture->list));

  gtk_window_present (fixture->window);
  test_wait_until_mapped (GTK_WIDGET (fixture->list));
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
}

static void
search_for (ListFixture *fixture,
            const char  *text,
            guint        n_expected)
{
  GtkEditable *entry = get_search_entry (fixture);

  /* As Ctrl+F opens it, so that a screenshot shows what was typed. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (test_find_of_type (fixture->list,
                                                                     GTK_TYPE_SEARCH_BAR)),
                                  TRUE);
  gtk_editable_set_text (entry, text);
  /* At once, not after the entry's pause for typing, so that the rows
   * counted are the search's. */
  g_signal_emit_by_name (entry, "search-changed");
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, n_expected);
}

#define MADE_BEFORE "test-made-before"

/* The cells of the rows shown from @first to @last. */
static GPtrArray *
get_cells (ListFixture *fixture,
           guint        first,
           guint        last)
{
  g_autoptr(GPtrArray) labels = test_find_all (GTK_WIDGET (fixture->list), GTK_TYPE_LABEL);
  GPtrArray *cells = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    {
      guint position = ct_record_columns_get_position (labels->pdata[i]);

      if (position >= first && position <= last)
        g_ptr_array_add (cells, labels->pdata[i]);
    }
  return cells;
}

/* A search that finds none of the rows shown keeps their widgets, showing
 * the records found, and so does clearing it: GTK 4.8 makes a row's
 * widgets anew for another object, 30 ms for a screen of rows
 * (ct-record-pages-recycle.c recycles the rows shown). January 2020's are
 * the oldest, the last rows. */
static void
test_search_keeps_the_rows_widgets (ListFixture   *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gboolean shows_first = FALSE;

  records_insert_consultations (&fixture->records, 400);
  show_list (fixture, "consultations");
  before = get_cells (fixture, 0, 199);
  g_assert_cmpuint (before->len, >, 0);
  for (guint i = 0; i < before->len; i++)
    g_object_set_data (before->pdata[i], MADE_BEFORE, GINT_TO_POINTER (TRUE));

  search_for (fixture, "jan 2020", 28);
  after = get_cells (fixture, 0, 27);
  g_assert_cmpuint (after->len, ==, before->len / 200 * 28);
  for (guint i = 0; i < after->len; i++)
    {
      const char *text = gtk_label_get_text (after->pdata[i]);

      g_assert_nonnull (g_object_get_data (after->pdata[i], MADE_BEFORE));
      shows_first |= ct_record_columns_get_position (after->pdata[i]) == 0 &&
                     g_str_equal (text, "28 Jan 2020");
    }
  g_assert_true (shows_first);
  test_save_screenshot (GTK_WIDGET (fixture->window), "search-rows-recycled.png");

  /* February's, then cleared: every row again, the newest first, in the
   * widgets that showed February's. (Clearing January's would keep its
   * rows in view, at the end: only rows came.) */
  search_for (fixture, "feb 2020", 28);
  g_clear_pointer (&before, g_ptr_array_unref);
  before = get_cells (fixture, 0, 27);
  for (guint i = 0; i < before->len; i++)
    g_object_set_data (before->pdata[i], MADE_BEFORE, GINT_TO_POINTER (TRUE));
  search_for (fixture, "", 400);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = get_cells (fixture, 0, 0);
  g_assert_cmpuint (after->len, ==, before->len / 28);
  for (guint i = 0; i < after->len; i++)
    g_assert_nonnull (g_object_get_data (after->pdata[i], MADE_BEFORE));
  g_assert_cmpstr (gtk_label_get_text (after->pdata[0]), ==, "8 Mar 2021");
}

/* A search after a list is read again by hand finds what it shows, even a
 * change the store was not told of. */
static void
test_reload_searches_again (ListFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(CtDatabase) elsewhere = NULL;
  g_autoptr(GError) error = NULL;

  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  show_list (fixture, "consultations");
  search_for (fixture, "60", 1);

  /* Another connection's change, not yet noticed. */
  elsewhere = test_store_open_again (fixture->records.db, "Test Runner Elsewhere");
  g_assert_true (ct_database_exec (elsewhere, "UPDATE consultation SET duration_minutes = 75",
                                   &error));
  g_assert_no_error (error);
  ct_record_list_reload (fixture->list);
  wait_until_read (fixture);
  search_for (fixture, "75", 1);
  search_for (fixture, "60", 0);
}

/* The search matches the text shown (labels, names, formatted dates),
 * ignoring case, each word anywhere in the row, as the text is typed. */
static void
test_search_filters_as_you_type (ListFixture   *fixture,
                                 gconstpointer  data)
{
  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  insert_consultation (fixture, fixture->records.staff_id, "2025-03-04", "phone", "45");
  insert_consultation (fixture, fixture->other_staff_id, "2025-04-10", "in_person", "90");
  show_list (fixture, "consultations");
  g_assert_cmpuint (n_rows (fixture), ==, 3);

  search_for (fixture, "clinician", 3);
  search_for (fixture, "clinician b", 1);
  assert_row_field (fixture, 0, "date", "2025-04-10");
  g_assert_cmpstr (get_count_text (fixture), ==, "1 consultation");
  search_for (fixture, "clinician", 3);     /* deleting letters widens again */
  search_for (fixture, "VIDEO", 1);          /* the mode's label, any case */
  search_for (fixture, "Mar 2025", 2);       /* the date as shown */
  search_for (fixture, "3 mar 2025", 1);
  search_for (fixture, "transitions b", 1);  /* words in different columns */
  search_for (fixture, "", 3);
}

/* The search matches what a person knows of a consultation but the list
 * has no room for: the child's name, the team and who asked. */
static void
test_search_finds_child_name (ListFixture   *fixture,
                              gconstpointer  data)
{
  g_autofree char *staff = records_id_text (fixture->records.staff_id);
  g_autofree char *child = records_id_text (fixture->records.child_id);

  records_insert (fixture->records.db, "consultation", "date", "2025-03-03",
                  "clinician", staff, "child", child, "requested_by", "iro",
                  "team", "Invented Team 7", "topics", "risk", "mode", "video",
                  "duration_minutes", "60", "attendees", "3", "outcome", "advice_given", NULL);
  insert_consultation (fixture, fixture->records.staff_id, "2025-03-04", "phone", "45");
  show_list (fixture, "consultations");
  g_assert_cmpuint (n_rows (fixture), ==, 2);

  search_for (fixture, "test child a", 1);
  test_save_screenshot (GTK_WIDGET (fixture->list), "search-child-name.png");
  search_for (fixture, "team 7", 1);
  search_for (fixture, "reviewing officer", 1);
  search_for (fixture, "", 2);
}

static const char *
get_date_button_label (ListFixture *fixture)
{
  GtkWidget *content = get_of_type (fixture, ADW_TYPE_BUTTON_CONTENT);

  return adw_button_content_get_label (ADW_BUTTON_CONTENT (content));
}

static void
test_date_range_is_inclusive (ListFixture   *fixture,
                              gconstpointer  data)
{
  const char *dates[] = { "2025-01-31", "2025-02-01", "2025-02-28", "2025-03-01" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    insert_consultation (fixture, fixture->records.staff_id, dates[i], "video", "60");
  show_list (fixture, "consultations");
  g_assert_cmpuint (n_rows (fixture), ==, 4);

  ct_record_list_set_date_range (fixture->list, "2025-02-01", "2025-02-28");
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  assert_row_field (fixture, 0, "date", "2025-02-28");
  assert_row_field (fixture, 1, "date", "2025-02-01");
  g_assert_cmpstr (get_date_button_label (fixture), ==, "1 Feb 2025 – 28 Feb 2025");

  ct_record_list_set_date_range (fixture->list, NULL, "2025-02-01");
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  ct_record_list_set_date_range (fixture->list, "2025-03-01", NULL);
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  ct_record_list_set_date_range (fixture->list, "2024-01-01", "2024-12-31");
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (get_state (fixture), ==, "no-results");

  ct_record_list_set_date_range (fixture->list, NULL, NULL);
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 4);
  g_assert_cmpstr (get_state (fixture), ==, "list");
  g_assert_cmpstr (get_date_button_label (fixture), ==, "All Dates");
}

static GtkColumnViewColumn *
get_column (ListFixture *fixture,
            const char  *title)
{
  GListModel *columns = gtk_column_view_get_columns (get_column_view (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static void
sort_by (ListFixture *fixture,
         const char  *title,
         GtkSortType  order)
{
  gtk_column_view_sort_by_column (get_column_view (fixture), get_column (fixture, title), order);
  wait_until_read (fixture);
}

static void
test_sorting_by_a_column (ListFixture   *fixture,
                          gconstpointer  data)
{
  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  insert_consultation (fixture, fixture->other_staff_id, "2025-01-15", "phone", "120");
  insert_consultation (fixture, fixture->records.staff_id, "2025-02-20", "video", "5");
  show_list (fixture, "consultations");
  assert_row_field (fixture, 0, "date", "2025-03-03");

  /* Numbers by value (5 < 60 < 120), not as text. */
  sort_by (fixture, "Duration (minutes)", GTK_SORT_ASCENDING);
  assert_row_field (fixture, 0, "duration_minutes", "5");
  assert_row_field (fixture, 1, "duration_minutes", "60");
  assert_row_field (fixture, 2, "duration_minutes", "120");
  sort_by (fixture, "Duration (minutes)", GTK_SORT_DESCENDING);
  assert_row_field (fixture, 0, "duration_minutes", "120");

  /* Dates by the calendar ("15 Jan" before "20 Feb" before "3 Mar"). */
  sort_by (fixture, "Date", GTK_SORT_ASCENDING);
  assert_row_field (fixture, 0, "date", "2025-01-15");
  assert_row_field (fixture, 1, "date", "2025-02-20");
  assert_row_field (fixture, 2, "date", "2025-03-03");

  /* Display fields by the name shown. */
  sort_by (fixture, "Clinician", GTK_SORT_DESCENDING);
  assert_row_field (fixture, 0, "clinician_name", "Test Clinician B");

  /* Searching keeps the order. */
  sort_by (fixture, "Duration (minutes)", GTK_SORT_ASCENDING);
  search_for (fixture, "video", 2);
  assert_row_field (fixture, 0, "duration_minutes", "5");
  assert_row_field (fixture, 1, "duration_minutes", "60");
}

static void
test_empty_and_no_results (ListFixture   *fixture,
                           gconstpointer  data)
{
  AdwStatusPage *empty_page;

  show_list (fixture, "consultations");
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (get_state (fixture), ==, "empty");
  empty_page = ADW_STATUS_PAGE (get_by_id (fixture, "empty_page"));
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "No Consultations Yet");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty_page), "Ctrl+N"));

  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  ct_record_list_reload (fixture->list);
  wait_until_read (fixture);
  g_assert_cmpstr (get_state (fixture), ==, "list");

  search_for (fixture, "no such words", 0);
  g_assert_cmpstr (get_state (fixture), ==, "no-results");
  g_assert_cmpstr (get_count_text (fixture), ==, "0 consultations");
  search_for (fixture, "", 1);
  g_assert_cmpstr (get_state (fixture), ==, "list");
}

static void
test_delete_and_undo (ListFixture   *fixture,
                      gconstpointer  data)
{
  GtkWidget *undo;

  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  insert_consultation (fixture, fixture->other_staff_id, "2025-02-10", "phone", "25");
  show_list (fixture, "consultations");

  select_row (fixture, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "section.delete", NULL));
  wait_for_rows (fixture, 1);
  g_assert_cmpuint (count_in_store (fixture, "consultation"), ==, 1);
  assert_row_field (fixture, 0, "date", "2025-03-03");
  wait_until (shows_label, fixture, "Consultation deleted");

  undo = get_widget (fixture, is_button_with_label, "_Undo");
  gtk_widget_activate (undo);
  wait_for_rows (fixture, 2);
  g_assert_cmpuint (count_in_store (fixture, "consultation"), ==, 2);
  /* Back with every value (under a new id), and selected. */
  assert_row_field (fixture, 1, "date", "2025-02-10");
  assert_row_field (fixture, 1, "clinician_name", "Test Clinician B");
  assert_row_field (fixture, 1, "mode", "phone");
  assert_row_field (fixture, 1, "duration_minutes", "25");
  assert_row_field (fixture, 1, "topics", "placement_fragility;transitions");
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      GTK_SINGLE_SELECTION (ct_record_list_get_model (fixture->list))), ==, 1);
}

/* A child with referrals cannot go: the list says why and keeps the row. */
static void
test_delete_refused_when_in_use (ListFixture   *fixture,
                                 gconstpointer  data)
{
  AdwMessageDialog *dialog;

  records_insert_referral (&fixture->records, "2025-01-10");
  records_insert_referral (&fixture->records, "2025-04-02");
  show_list (fixture, "children");
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  select_row (fixture, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "section.delete", NULL));
  dialog = ADW_MESSAGE_DIALOG (test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 referrals"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_cmpuint (count_in_store (fixture, "child"), ==, 1);
  g_assert_false (shows_label (fixture, "Child deleted"));
}

/* Locking drops every record read (the objects themselves are freed) and
 * the search text; unlocking reads them again. */
static void
test_lock_drops_the_records (ListFixture   *fixture,
                             gconstpointer  data)
{
  CtRecord *record;

  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  insert_consultation (fixture, fixture->other_staff_id, "2025-02-10", "phone", "25");
  show_list (fixture, "consultations");
  search_for (fixture, "clinician b", 1);
  select_row (fixture, 0);
  record = get_row (fixture, 0);
  g_object_add_weak_pointer (G_OBJECT (record), (gpointer *) &record);

  ct_record_list_set_database (fixture->list, NULL);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_null (record);
  g_assert_cmpstr (gtk_editable_get_text (get_search_entry (fixture)), ==, "");
  g_assert_cmpstr (get_count_text (fixture), ==, "");
  g_assert_false (gtk_widget_get_sensitive (get_by_id (fixture, "new_button")));

  /* Unlocked again: the records are read off the window's thread, and
   * until they arrive the list says so. */
  ct_record_list_set_database (fixture->list, fixture->records.db);
  g_assert_true (ct_record_list_is_loading (fixture->list));
  g_assert_cmpstr (get_state (fixture), ==, "loading");
  wait_until_read (fixture);
  g_assert_cmpstr (get_state (fixture), ==, "list");
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  g_assert_true (gtk_widget_get_sensitive (get_by_id (fixture, "new_button")));
}

/* Until its first read arrives, a list says it is reading, and the
 * window goes on drawing and answering. */
static void
test_says_while_reading (ListFixture   *fixture,
                         gconstpointer  data)
{
  TestReaderHold *hold;
  GtkWidget *spinner;

  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  hold = test_store_hold_reader (fixture->records.db);
  fixture->list = CT_RECORD_LIST (ct_record_list_new ("consultations", fixture->records.db));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
  gtk_window_present (fixture->window);
  test_wait_until_mapped (GTK_WIDGET (fixture->list));

  g_assert_true (ct_record_list_is_loading (fixture->list));
  g_assert_cmpstr (get_state (fixture), ==, "loading");
  g_assert_true (shows_label (fixture, "Reading the records…"));
  spinner = get_of_type (fixture, GTK_TYPE_SPINNER);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  test_save_screenshot (GTK_WIDGET (fixture->window), "list-reading.png");

  test_store_release_reader (hold);
  wait_until_read (fixture);
  g_assert_cmpstr (get_state (fixture), ==, "list");
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_cmpuint (n_rows (fixture), ==, 1);
}

/* A preference saved is no record a list shows: the list keeps its rows
 * (the very objects) and reads nothing. */
static void
test_preference_reads_nothing (ListFixture   *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CtRecord *first;

  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  show_list (fixture, "consultations");
  first = get_row (fixture, 0);

  g_assert_true (ct_setting_set (fixture->records.db, CT_SETTING_TEAM_NAME, "Invented Team",
                                 &error));
  g_assert_no_error (error);
  g_assert_false (ct_record_list_is_loading (fixture->list));
  g_assert_true (get_row (fixture, 0) == first);
}

static guint
get_selected (ListFixture *fixture)
{
  return gtk_single_selection_get_selected (
    GTK_SINGLE_SELECTION (ct_record_list_get_model (fixture->list)));
}

/* section.new (Ctrl+N) opens an editor for a new consultation; once it is
 * saved, the list reads the records again and selects the new one, even
 * when the search would hide it, and the focus is back in the list. */
static void
test_new_record_opens_the_editor (ListFixture   *fixture,
                                  gconstpointer  data)
{
  CtRecordEditor *editor;
  g_autoptr(CtRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *staff = records_id_text (fixture->other_staff_id);

  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  insert_consultation (fixture, fixture->records.staff_id, "2025-01-03", "phone", "60");
  show_list (fixture, "consultations");
  search_for (fixture, "video", 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "section.new", NULL));
  editor = CT_RECORD_EDITOR (test_wait_for_toplevel (CT_TYPE_RECORD_EDITOR));
  g_assert_true (ct_record_editor_get_kind (editor) == ct_kind_lookup ("consultation"));

  /* As the editor would: insert, then say so. */
  saved = records_new ("consultation", "date", "2025-02-14", "clinician", staff,
                       "requested_by", "iro", "topics", "risk", "mode", "phone",
                       "duration_minutes", "20", "attendees", "2", "outcome", "signposted", NULL);
  g_assert_true (ct_store_insert (fixture->records.db, saved, &error));
  g_signal_emit_by_name (editor, "saved", saved);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Between two rows: the list is read again, and the new row selected
   * when it arrives. */
  wait_until_read (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (get_search_entry (fixture)), ==, "");
  g_assert_cmpuint (get_selected (fixture), ==, 1);
  g_assert_cmpint (ct_record_get_id (get_row (fixture, 1)), ==, ct_record_get_id (saved));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         get_of_type (fixture, GTK_TYPE_COLUMN_VIEW)));
}

/* Activating a row (Enter, double click) opens that record's editor. */
static void
test_activating_a_row_opens_the_editor (ListFixture   *fixture,
                                        gconstpointer  data)
{
  CtRecordEditor *editor;

  insert_consultation (fixture, fixture->records.staff_id, "2025-03-03", "video", "60");
  show_list (fixture, "training");
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  show_list (fixture, "consultations");

  g_signal_emit_by_name (get_column_view (fixture), "activate", 0);
  editor = CT_RECORD_EDITOR (test_wait_for_toplevel (CT_TYPE_RECORD_EDITOR));
  g_assert_true (ct_record_editor_get_kind (editor) == ct_kind_lookup ("consultation"));
  g_assert_false (ct_record_editor_has_changes (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
is_finalized (ListFixture   *fixture,
              gconstpointer  weak_pointer)
{
  return *(gpointer const *) weak_pointer == NULL;
}

/* Every section builds its columns from its kind's fields. */
static void
test_every_section_builds (ListFixture   *fixture,
                           gconstpointer  data)
{
  const char *names[] = { "children", "consultations", "reflective-practice", "sdq-scores",
                          "training" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const CtSection *section = ct_section_lookup (names[i]);
      GListModel *columns;
      CtRecordList *list;

      show_list (fixture, names[i]);
      columns = gtk_column_view_get_columns (get_column_view (fixture));
      g_assert_cmpuint (g_list_model_get_n_items (columns), ==, g_strv_length ((GStrv) section->columns));
      g_assert_true (ct_record_list_get_kind (fixture->list) == ct_kind_lookup (section->kind_name));

      /* Nothing keeps a list alive once its window lets it go (GTK lets
       * go of a removed widget on the next main loop iteration or so). */
      list = fixture->list;
      g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &list);
      gtk_window_set_child (fixture->window, NULL);
      wait_until (is_finalized, fixture, &list);
    }
  /* The fixture's child is listed, the other sections are empty. */
  show_list (fixture, "children");
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_cmpstr (get_count_text (fixture), ==, "1 child");
}

/* What a cell shows: dates day month year, labels for words, numbers to
 * their step. */
static void
test_cell_text (void)
{
  const CtKind *session = ct_kind_lookup ("reflective_practice");
  g_autoptr(CtRecord) record = records_new ("reflective_practice", "date", "2025-03-03",
                                            "setting", "leaving_care", "status", "held",
                                            "attendees", "7", "rating", "4", NULL);
  const char *cases[][2] = {
    { "date", "3 Mar 2025" }, { "setting", "Leaving care" }, { "attendees", "7" },
    { "rating", "4.0" }, { "themes", "" },
  };
  const char *dates[][2] = {
    { "2024-12-31", "31 Dec 2024" }, { "2025-01-01", "1 Jan 2025" },
    { "2025-13-01", "2025-13-01" }, { "soon", "soon" }, { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ct_cell_text_dup (record, ct_kind_find_field (session, cases[i][0]));

      g_assert_cmpstr (text, ==, cases[i][1]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = ct_cell_text_format_date (dates[i][0]);

      g_assert_cmpstr (text, ==, dates[i][1]);
    }
}

static void
add_test (const char *path,
          void      (*func) (ListFixture *, gconstpointer))
{
  g_test_add (path, ListFixture, NULL, list_fixture_setup, func, list_fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add_func ("/record-list/cell-text", test_cell_text);
  add_test ("/record-list/shows-every-record", test_shows_every_record);
  add_test ("/record-list/reads-when-shown", test_reads_when_shown);
  add_test ("/record-list/save-updates-its-row", test_save_updates_its_row);
  add_test ("/record-list/reads-rows-as-they-show", test_reads_rows_as_they_show);
  add_test ("/record-list/search-keeps-the-rows-widgets", test_search_keeps_the_rows_widgets);
  add_test ("/record-list/reload-reads-every-row", test_reload_reads_every_row);
  add_test ("/record-list/reload-searches-again", test_reload_searches_again);
  add_test ("/record-list/search-filters-as-you-type", test_search_filters_as_you_type);
  add_test ("/record-list/search-finds-child-name", test_search_finds_child_name);
  add_test ("/record-list/date-range-is-inclusive", test_date_range_is_inclusive);
  add_test ("/record-list/sorting-by-a-column", test_sorting_by_a_column);
  add_test ("/record-list/empty-and-no-results", test_empty_and_no_results);
  add_test ("/record-list/delete-and-undo", test_delete_and_undo);
  add_test ("/record-list/delete-refused-when-in-use", test_delete_refused_when_in_use);
  add_test ("/record-list/lock-drops-the-records", test_lock_drops_the_records);
  add_test ("/record-list/says-while-reading", test_says_while_reading);
  add_test ("/record-list/preference-reads-nothing", test_preference_reads_nothing);
  add_test ("/record-list/new-record-opens-the-editor", test_new_record_opens_the_editor);
  add_test ("/record-list/activating-a-row-opens-the-editor",
            test_activating_a_row_opens_the_editor);
  add_test ("/record-list/every-section-builds", test_every_section_builds);

  return g_test_run ();
}
