/* test-record-pages.c: a list's rows found, searched and sorted in the
 * store, and read a page at a time
 *
 * On both stores: ct_store_list_ids() in the store's order, by a column
 * (numbers by value, enumerations by label, names by their letters, both
 * ways) and searched as the list shows the rows (labels, formatted dates,
 * Yes / No, every word somewhere); ct_store_get_page() in the order asked;
 * CtRecordPages reading a page only when a row of it is asked for, filling
 * the row handed out meanwhile, letting old pages go, and keeping the
 * records of the rows that did not change when the list is read again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-change-watch.h"
#include "ct-record-pages.h"
#include "ct-search-rows.h"
#include "records-fixture.h"
#include "test-store.h"

static gint64
insert_consultation (RecordsFixture *fixture,
                     gint64          staff_id,
                     const char     *date,
                     const char     *mode,
                     const char     *minutes)
{
  g_autofree char *staff = records_id_text (staff_id);

  return records_insert (fixture->db, "consultation", "date", date, "clinician", staff,
                         "requested_by", "social_worker", "topics", "transitions",
                         "mode", mode, "duration_minutes", minutes, "attendees", "2",
                         "outcome", "advice_given", NULL);
}

static GArray *
list_ids (RecordsFixture *fixture,
          const char     *kind,
          const CtFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = ct_store_list_ids (fixture->db, ct_kind_lookup (kind), filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static const CtField *
field (const char *kind,
       const char *name)
{
  return ct_kind_find_field (ct_kind_lookup (kind), name);
}

/* The ids listed are @expected (0-terminated). */
static void
assert_ids (GArray       *ids,
            const gint64 *expected)
{
  guint n = 0;

  while (expected[n] != 0)
    n++;
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

/* The consultations whose date, clinician, topics, mode or minutes show
 * @search. */
static guint
count_found (RecordsFixture *fixture,
             const char     *search)
{
  const CtField *fields[] = {
    field ("consultation", "date"), field ("consultation", "clinician_name"),
    field ("consultation", "topics"), field ("consultation", "mode"),
    field ("consultation", "duration_minutes"), NULL
  };
  CtFilter filter = { .search = search, .search_fields = fields };
  g_autoptr(GArray) ids = list_ids (fixture, "consultation", &filter);

  return ids->len;
}

static void
test_sorted_in_the_store (RecordsFixture *fixture,
                          gconstpointer   data)
{
  gint64 other = records_insert_clinician_b (fixture->db);
  gint64 a = insert_consultation (fixture, fixture->staff_id, "2025-03-03", "video", "60");
  gint64 b = insert_consultation (fixture, other, "2025-01-15", "phone", "120");
  gint64 c = insert_consultation (fixture, fixture->staff_id, "2025-02-20", "in_person", "5");
  CtFilter filter = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GListModel) listed = NULL;

  /* The store's own order, as ct_store_list() gives it: newest first. */
  ids = list_ids (fixture, "consultation", NULL);
  assert_ids (ids, (gint64[]) { a, c, b, 0 });
  listed = ct_store_list (fixture->db, ct_kind_lookup ("consultation"), NULL, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (listed, i);

      g_assert_cmpint (ct_record_get_id (record), ==, g_array_index (ids, gint64, i));
    }
  g_clear_pointer (&ids, g_array_unref);

  /* Numbers by value (5 < 60 < 120), both ways. */
  filter.sort_field = field ("consultation", "duration_minutes");
  ids = list_ids (fixture, "consultation", &filter);
  assert_ids (ids, (gint64[]) { c, a, b, 0 });
  g_clear_pointer (&ids, g_array_unref);
  filter.sort_descending = TRUE;
  ids = list_ids (fixture, "consultation", &filter);
  assert_ids (ids, (gint64[]) { b, a, c, 0 });
  g_clear_pointer (&ids, g_array_unref);

  /* An enumeration by its labels: "In person", "Phone", "Video". */
  filter = (CtFilter) { .sort_field = field ("consultation", "mode") };
  ids = list_ids (fixture, "consultation", &filter);
  assert_ids (ids, (gint64[]) { c, b, a, 0 });
  g_clear_pointer (&ids, g_array_unref);

  /* A name read through a reference, then the store's order. */
  filter = (CtFilter) { .sort_field = field ("consultation", "clinician_name"),
                        .sort_descending = TRUE };
  ids = list_ids (fixture, "consultation", &filter);
  assert_ids (ids, (gint64[]) { b, a, c, 0 });
  g_clear_pointer (&ids, g_array_unref);

  /* Sorted and searched at once. */
  filter = (CtFilter) { .sort_field = field ("consultation", "duration_minutes"),
                        .search = "test  clinician" };
  ids = list_ids (fixture, "consultation", &filter);
  assert_ids (ids, (gint64[]) { c, a, b, 0 });
}

/* Every word typed occurs somewhere in what the list shows. */
static void
test_searched_as_shown (RecordsFixture *fixture,
                        gconstpointer   data)
{
  gint64 other = records_insert_clinician_b (fixture->db);
  const CtField *child_fields[] = { field ("child", "reference"), field ("child", "uasc"), NULL };
  const CtField *name_field[] = { field ("child", "name"), NULL };
  CtFilter filter = { .search_fields = child_fields };
  g_autoptr(GArray) ids = NULL;

  insert_consultation (fixture, fixture->staff_id, "2025-03-03", "video", "60");
  insert_consultation (fixture, fixture->staff_id, "2025-03-04", "phone", "45");
  insert_consultation (fixture, other, "2025-04-10", "in_person", "90");

  g_assert_cmpuint (count_found (fixture, "clinician"), ==, 3);
  g_assert_cmpuint (count_found (fixture, "clinician b"), ==, 1);
  g_assert_cmpuint (count_found (fixture, "VIDEO"), ==, 1);      /* a label */
  g_assert_cmpuint (count_found (fixture, "in person"), ==, 1);
  g_assert_cmpuint (count_found (fixture, "Mar 2025"), ==, 2);   /* a date */
  g_assert_cmpuint (count_found (fixture, "4 mar"), ==, 1);
  g_assert_cmpuint (count_found (fixture, "transitions b"), ==, 1); /* a word list */
  g_assert_cmpuint (count_found (fixture, "45"), ==, 1);         /* a number */
  g_assert_cmpuint (count_found (fixture, "no such words"), ==, 0);
  g_assert_cmpuint (count_found (fixture, "5%"), ==, 0);         /* not a pattern: 45 */
  g_assert_cmpuint (count_found (fixture, "  "), ==, 3);

  /* Yes and No as the list shows a boolean. */
  records_insert (fixture->db, "child", "reference", "INV-UASC", "name", "Test Child U",
                  "date_of_birth", "2012-05-01", "legal_status", "looked_after",
                  "placement_type", "in_house_foster", "placement_area", "in_area",
                  "uasc", "yes", NULL);
  filter.search = "yes";
  ids = list_ids (fixture, "child", &filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  filter.search = "no";
  ids = list_ids (fixture, "child", &filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* Accented letters in either case and either Unicode form, alike on both stores. */
  records_insert (fixture->db, "child", "reference", "INV-ACCENT", "name", "Test Zoë Ångström",
                  "date_of_birth", "2012-05-01", "legal_status", "looked_after",
                  "placement_type", "in_house_foster", "placement_area", "in_area", NULL);
  filter = (CtFilter) { .search = "ÅNGSTRÖM", .search_fields = name_field };
  ids = list_ids (fixture, "child", &filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  filter.search = "zoe\xcc\x88"; /* e and a combining diaeresis */
  ids = list_ids (fixture, "child", &filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  filter.search = "zoe"; /* an accent left out (decomposed, the letter stays) */
  ids = list_ids (fixture, "child", &filter);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  filter.search = "ängström"; /* but not one added */
  ids = list_ids (fixture, "child", &filter);
  g_assert_cmpuint (ids->len, ==, 0);
}

/* The ids of the rows of @rows found holding @search, in id order. */
static GArray *
ids_found (CtSearchRows *rows,
           GArray       *ids,
           const char   *search)
{
  g_auto(GStrv) words = ct_search_rows_fold_words (search);
  g_autofree guint8 *found = g_new0 (guint8, ct_search_rows_get_n_rows (rows));
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (gint64));

  ct_search_rows_find_words (rows, words, found);
  for (guint i = 0; i < ids->len; i++)
    {
      guint row = ct_search_rows_find_row (rows, g_array_index (ids, gint64, i));

      if (row != 0 && found[row - 1])
        g_array_append_val (kept, g_array_index (ids, gint64, i));
    }
  return kept;
}

/* Rows read again are let go and added anew; once many are, the rest are
 * copied out, and a search finds what it found before. */
static void
test_search_rows_read_again (RecordsFixture *fixture,
                             gconstpointer   data)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  CtSearchRows *rows;

  records_insert_consultations (fixture, 1100);
  ids = list_ids (fixture, "consultation", NULL);
  g_ptr_array_add (fields, (gpointer) field ("consultation", "date"));
  g_ptr_array_add (fields, (gpointer) field ("consultation", "duration_minutes"));
  rows = ct_search_rows_read (fixture->db, kind, fields, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_search_rows_get_n_rows (rows), ==, 1100);
  before = ids_found (rows, ids, "45 2020");
  g_assert_cmpuint (before->len, >, 0);

  /* 1,100 let go of 2,200: copied out. */
  g_assert_true (ct_search_rows_read_again (rows, fixture->db, (gint64 *) (gpointer) ids->data,
                                            ids->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ct_search_rows_get_n_rows (rows), ==, 1100);
  after = ids_found (rows, ids, "45 2020");
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpint (g_array_index (after, gint64, i), ==, g_array_index (before, gint64, i));
  ct_search_rows_free (rows);
}

static void
test_page_in_the_order_asked (RecordsFixture *fixture,
                              gconstpointer   data)
{
  gint64 a = insert_consultation (fixture, fixture->staff_id, "2025-03-03", "video", "60");
  gint64 b = insert_consultation (fixture, fixture->staff_id, "2025-03-04", "phone", "45");
  gint64 c = insert_consultation (fixture, fixture->staff_id, "2025-03-05", "phone", "30");
  gint64 asked[] = { c, a, a + b + c, b };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = ct_store_get_page (fixture->db, ct_kind_lookup ("consultation"),
                                                 asked, G_N_ELEMENTS (asked), &error);

  g_assert_no_error (error);
  /* One that is not stored is left out. */
  g_assert_cmpuint (page->len, ==, 3);
  g_assert_cmpint (ct_record_get_id (page->pdata[0]), ==, c);
  g_assert_cmpint (ct_record_get_id (page->pdata[1]), ==, a);
  g_assert_cmpint (ct_record_get_id (page->pdata[2]), ==, b);
  records_assert_field (page->pdata[2], "duration_minutes", "45");
}

/* Reading */

static void
on_read (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static CtRecordPages *
read_filtered (RecordsFixture *fixture,
               const CtFilter *filter)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CtRecordPages *pages;

  ct_record_pages_read_async (fixture->db, ct_kind_lookup ("consultation"), filter, NULL,
                              on_read, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  pages = ct_record_pages_read_finish (fixture->db, result, &error);
  g_assert_no_error (error);
  return pages;
}

static CtRecordPages *
read_found (RecordsFixture *fixture,
            const char     *search)
{
  const CtField *dates[] = { field ("consultation", "date"), NULL };
  CtFilter filter = { .search = search, .search_fields = dates };

  return read_filtered (fixture, &filter);
}

/* As count_found(), but read on the store's reader as a list reads. */
static guint
count_read (RecordsFixture *fixture,
            const char     *search)
{
  const CtField *fields[] = {
    field ("consultation", "clinician_name"), field ("consultation", "duration_minutes"), NULL
  };
  CtFilter filter = { .search = search, .search_fields = fields };
  g_autoptr(CtRecordPages) pages = read_filtered (fixture, &filter);

  return g_list_model_get_n_items (G_LIST_MODEL (pages));
}

static void
save_field (CtDatabase *db,
            const char *kind,
            gint64      id,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) record = ct_store_get (db, ct_kind_lookup (kind), id, &error);

  g_assert_no_error (error);
  g_assert_true (ct_record_set_string_by_name (record, name, text, &error));
  g_assert_true (ct_store_update (db, record, &error));
  g_assert_no_error (error);
}

/* A word list sorts by its words in byte order, kept with the record
 * whoever writes them: a save, or another program writing the rows of
 * the side table. */
static void
test_sorted_by_words (RecordsFixture *fixture,
                      gconstpointer   data)
{
  gint64 a = insert_consultation (fixture, fixture->staff_id, "2025-03-03", "video", "60");
  gint64 b = insert_consultation (fixture, fixture->staff_id, "2025-01-15", "phone", "120");
  gint64 c = insert_consultation (fixture, fixture->staff_id, "2025-02-20", "in_person", "5");
  CtFilter filter = { .sort_field = field ("consultation", "topics") };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) record = NULL;
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;

  save_field (fixture->db, "consultation", a, "topics", "transitions;risk");
  save_field (fixture->db, "consultation", b, "topics", "mental_health");
  /* "mental_health" < "risk;transitions" < "transitions" (c's), both ways. */
  ids = list_ids (fixture, "consultation", &filter);
  assert_ids (ids, (gint64[]) { b, a, c, 0 });
  g_clear_pointer (&ids, g_array_unref);
  filter.sort_descending = TRUE;
  ids = list_ids (fixture, "consultation", &filter);
  assert_ids (ids, (gint64[]) { c, a, b, 0 });
  g_clear_pointer (&ids, g_array_unref);

  /* Another program adds a topic of c's and takes away all of b's. */
  added = g_strdup_printf ("INSERT INTO consultation_topic (consultation_id, topic)"
                           " VALUES (%" G_GINT64_FORMAT ", 'family_contact')", c);
  removed = g_strdup_printf ("DELETE FROM consultation_topic WHERE consultation_id = %"
                             G_GINT64_FORMAT, b);
  test_exec (fixture->db, added);
  test_exec (fixture->db, removed);
  record = ct_store_get (fixture->db, ct_kind_lookup ("consultation"), c, &error);
  g_assert_no_error (error);
  records_assert_field (record, "topics", "family_contact;transitions");
  g_clear_object (&record);
  record = ct_store_get (fixture->db, ct_kind_lookup ("consultation"), b, &error);
  g_assert_no_error (error);
  records_assert_field (record, "topics", NULL);
  /* None first; "family_contact;transitions" < "risk;transitions". */
  filter.sort_descending = FALSE;
  ids = list_ids (fixture, "consultation", &filter);
  assert_ids (ids, (gint64[]) { b, c, a, 0 });
}

/* A search keeps the text it reads, and keeps it up to date: with the
 * records saved, the names they show from others, rows added elsewhere,
 * and what others changed once the store notices. */
static void
test_search_follows_changes (RecordsFixture *fixture,
                             gconstpointer   data)
{
  gint64 other = records_insert_clinician_b (fixture->db);
  g_autoptr(CtDatabase) elsewhere = NULL;
  g_autoptr(CtChangeWatch) watch = NULL;
  g_autofree char *staff = records_id_text (fixture->staff_id);
  gint64 a;

  test_store_start_reader (fixture->db, FALSE);
  a = insert_consultation (fixture, fixture->staff_id, "2025-03-03", "video", "60");
  insert_consultation (fixture, other, "2025-03-04", "phone", "45");
  g_assert_cmpuint (count_read (fixture, "clinician b"), ==, 1);
  g_assert_cmpuint (count_read (fixture, "75"), ==, 0);

  save_field (fixture->db, "consultation", a, "duration_minutes", "75");
  g_assert_cmpuint (count_read (fixture, "75"), ==, 1);
  g_assert_cmpuint (count_read (fixture, "60"), ==, 0);

  save_field (fixture->db, "staff", other, "name", "Test Consultant Q");
  g_assert_cmpuint (count_read (fixture, "consultant"), ==, 1);
  g_assert_cmpuint (count_read (fixture, "clinician b"), ==, 0);

  /* Added on another connection: read when a search first meets it,
   * before the store's change watch notices. */
  elsewhere = test_store_open_again (fixture->db, "Test Runner Elsewhere");
  watch = ct_change_watch_new (fixture->db, G_MAXINT);
  records_insert (elsewhere, "consultation", "date", "2025-03-05", "clinician", staff,
                  "requested_by", "social_worker",
                  "topics", "transitions", "mode", "video", "duration_minutes", "33",
                  "attendees", "2", "outcome", "advice_given", NULL);
  g_assert_cmpuint (count_read (fixture, "33"), ==, 1);

  /* Changed on another connection: searched as changed once noticed. */
  save_field (elsewhere, "consultation", a, "duration_minutes", "80");
  g_assert_true (ct_change_watch_check (watch));
  g_assert_cmpuint (count_read (fixture, "80"), ==, 1);
  g_assert_cmpuint (count_read (fixture, "75"), ==, 0);
}

static CtRecordPages *
read_pages (RecordsFixture *fixture)
{
  return read_found (fixture, NULL);
}

static void
wait_for_pages (CtRecordPages *pages)
{
  while (ct_record_pages_is_reading (pages))
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change = &g_array_index (changes, Change, index);

  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

/* A page is read when a row of it is asked for; the row handed out
 * meanwhile becomes the record. */
static void
test_reads_a_page_when_asked (RecordsFixture *fixture,
                              gconstpointer   data)
{
  g_autoptr(CtRecordPages) pages = NULL;
  g_autoptr(CtRecord) first = NULL;
  g_autoptr(CtRecord) waiting = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) ids = NULL;
  g_autofree char *date = NULL;
  TestReaderHold *hold;

  test_store_start_reader (fixture->db, FALSE);
  records_insert_consultations (fixture, 250);
  pages = read_pages (fixture);
  ids = list_ids (fixture, "consultation", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 250);
  g_signal_connect (pages, "items-changed", G_CALLBACK (on_items_changed), changes);

  /* The first page comes with the ids. */
  first = g_list_model_get_item (G_LIST_MODEL (pages), 99);
  g_assert_true (ct_record_pages_is_read (first));
  g_assert_false (ct_record_pages_is_reading (pages));

  /* The page is read on the store's reader: not while it is held. */
  hold = test_store_hold_reader (fixture->db);
  test_store_wait_until_held (hold);
  waiting = g_list_model_get_item (G_LIST_MODEL (pages), 150);
  g_assert_false (ct_record_pages_is_read (waiting));
  g_assert_cmpint (ct_record_get_id (waiting), ==, g_array_index (ids, gint64, 150));
  g_assert_true (ct_record_pages_is_reading (pages));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (ct_record_pages_is_read (waiting));
  test_store_release_reader (hold);
  wait_for_pages (pages);

  g_assert_true (ct_record_pages_is_read (waiting));
  date = ct_record_get_string_by_name (waiting, "date");
  g_assert_nonnull (date);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 100, 100, 100);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (pages), 150) == waiting);
  g_object_unref (waiting);
  g_assert_cmpuint (ct_record_pages_find (pages, g_array_index (ids, gint64, 249)), ==, 249);
  g_assert_cmpuint (ct_record_pages_find (pages, -1), ==, G_MAXUINT);
}

/* The first page's ids and how many rows in all, with the list's criteria
 * (a date range, one that finds nothing, a clinician's, whose column is
 * read through a join), in one statement. */
static void
test_first_ids_counted (RecordsFixture *fixture,
                        gconstpointer   data)
{
  const CtFilter filters[] = {
    { 0 },
    { .from = "2020-03-01", .to = "2020-12-31" },
    { .from = "2024-01-01", .to = "2024-12-31" },
    { .staff_id = fixture->staff_id, .sort_field = field ("consultation", "duration_minutes") },
  };

  records_insert_consultations (fixture, 250);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(GArray) all = list_ids (fixture, "consultation", &filters[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) first = NULL;
      guint n_ids = G_MAXUINT;

      first = ct_store_list_first_ids (fixture->db, ct_kind_lookup ("consultation"), &filters[i],
                                       &n_ids, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_ids, ==, all->len);
      g_assert_cmpuint (first->len, ==, MIN (all->len, CT_STORE_PAGE_SIZE));
      g_assert_cmpmem (first->data, first->len * sizeof (gint64),
                       all->data, first->len * sizeof (gint64));
    }
}

/* Read for a list shown for the first time, with the reader held once
 * the count and the first page have come: the rest of the ids wait. */
static CtRecordPages *
read_first_screen (RecordsFixture  *fixture,
                   TestReaderHold **hold)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CtFilter filter = { 0 };
  CtRecordPages *pages;

  ct_record_pages_read_first_async (fixture->db, ct_kind_lookup ("consultation"), &filter, NULL,
                                    on_read, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  *hold = test_store_hold_reader (fixture->db);
  test_store_wait_until_held (*hold);
  pages = ct_record_pages_read_finish (fixture->db, result, &error);
  g_assert_no_error (error);
  g_assert_true (ct_record_pages_is_reading (pages));
  return pages;
}

/* A list shown for the first time reads the count and the first page
 * before the other ids: the rows asked for meanwhile are empty, and said
 * changed once the ids come; records written in between move every row,
 * and so does reading the list again whole before they come. */
static void
test_first_screen_first (RecordsFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(CtRecordPages) pages = NULL;
  g_autoptr(CtRecordPages) whole = NULL;
  g_autoptr(CtRecord) known = NULL;
  g_autoptr(CtRecord) early = NULL;
  g_autoptr(CtRecord) named = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) ids = NULL;
  TestReaderHold *hold;
  gint64 newest;

  test_store_start_reader (fixture->db, FALSE);
  records_insert_consultations (fixture, 250);
  ids = list_ids (fixture, "consultation", NULL);

  pages = read_first_screen (fixture, &hold);
  g_signal_connect (pages, "items-changed", G_CALLBACK (on_items_changed), changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 250);
  known = g_list_model_get_item (G_LIST_MODEL (pages), 99);
  g_assert_true (ct_record_pages_is_read (known));
  g_assert_cmpint (ct_record_get_id (known), ==, g_array_index (ids, gint64, 99));
  early = g_list_model_get_item (G_LIST_MODEL (pages), 150);
  g_assert_false (ct_record_pages_is_read (early));
  g_assert_cmpint (ct_record_get_id (early), ==, 0);
  g_assert_cmpuint (ct_record_pages_find (pages, g_array_index (ids, gint64, 150)), ==, G_MAXUINT);
  test_store_release_reader (hold);
  while (changes->len == 0)
    g_main_context_iteration (NULL, TRUE);
  /* The rows handed out early, and no other: the same objects, now with
   * their ids, until their page arrives. */
  assert_change (changes, 0, 100, 51, 51);
  g_assert_cmpuint (ct_record_pages_find (pages, g_array_index (ids, gint64, 150)), ==, 150);
  named = g_list_model_get_item (G_LIST_MODEL (pages), 150);
  g_assert_true (named == early);
  g_assert_cmpint (ct_record_get_id (early), ==, g_array_index (ids, gint64, 150));
  wait_for_pages (pages);
  g_assert_true (ct_record_pages_is_read (early));

  /* A record written between the count and the rest. */
  g_clear_object (&pages);
  g_array_set_size (changes, 0);
  pages = read_first_screen (fixture, &hold);
  g_signal_connect (pages, "items-changed", G_CALLBACK (on_items_changed), changes);
  newest = insert_consultation (fixture, fixture->staff_id, "2025-06-29", "phone", "30");
  test_store_release_reader (hold);
  wait_for_pages (pages);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 251);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 0, 250, 0);
  assert_change (changes, 1, 0, 0, 251);
  g_assert_cmpuint (ct_record_pages_find (pages, newest), ==, 0);

  /* Read again whole before the rest came, with 151 rows shown: its rows,
   * the rows shown recycled (those past its first page empty until theirs
   * arrives), and the rest's read comes to nothing. */
  g_clear_object (&pages);
  g_array_set_size (changes, 0);
  insert_consultation (fixture, fixture->staff_id, "2025-06-30", "phone", "30");
  whole = read_pages (fixture);
  pages = read_first_screen (fixture, &hold);
  g_signal_connect (pages, "items-changed", G_CALLBACK (on_items_changed), changes);
  for (guint i = 0; i <= 150; i++)
    g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (pages), i));
  ct_record_pages_update (pages, whole, NULL, 0);
  g_assert_false (ct_record_pages_is_reading (pages));
  test_store_release_reader (hold);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 252);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 0, 252, 151);
  assert_change (changes, 1, 151, 0, 101);
  g_assert_cmpuint (ct_record_pages_find (pages, g_array_index (ids, gint64, 249)), ==, 251);
  g_clear_object (&named);
  named = g_list_model_get_item (G_LIST_MODEL (pages), 150);
  g_assert_true (named == shown->pdata[150]);
  g_assert_cmpint (ct_record_get_id (named), ==, g_array_index (ids, gint64, 148));
  g_assert_false (ct_record_pages_is_read (named));
  wait_for_pages (pages);
  g_assert_true (ct_record_pages_is_read (named));
}

/* Reading page after page keeps about CT_RECORD_PAGES_KEPT records: the
 * oldest pages go, but not a record someone holds. */
static void
test_lets_old_pages_go (RecordsFixture *fixture,
                        gconstpointer   data)
{
  guint n = CT_RECORD_PAGES_KEPT + 2 * CT_STORE_PAGE_SIZE;
  g_autoptr(CtRecordPages) pages = NULL;
  g_autoptr(CtRecord) held = NULL;
  g_autoptr(CtRecord) again = NULL;

  test_store_start_reader (fixture->db, FALSE);
  records_insert_consultations (fixture, n);
  pages = read_pages (fixture);
  held = g_list_model_get_item (G_LIST_MODEL (pages), 5);
  for (guint position = CT_STORE_PAGE_SIZE; position < n; position += CT_STORE_PAGE_SIZE)
    {
      g_autoptr(CtRecord) row = g_list_model_get_item (G_LIST_MODEL (pages), position);

      wait_for_pages (pages);
    }

  again = g_list_model_get_item (G_LIST_MODEL (pages), 6);
  g_assert_false (ct_record_pages_is_read (again));
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (pages), 5) == held);
  g_object_unref (held);
  wait_for_pages (pages);
  g_assert_true (ct_record_pages_is_read (again));
}

/* Read again after a save, the rows keep their records but the one saved,
 * and say only what moved. */
static void
test_update_keeps_what_did_not_change (RecordsFixture *fixture,
                                       gconstpointer   data)
{
  gint64 a = insert_consultation (fixture, fixture->staff_id, "2025-03-03", "video", "60");
  gint64 b = insert_consultation (fixture, fixture->staff_id, "2025-03-02", "phone", "45");
  gint64 newest;
  g_autoptr(CtRecordPages) pages = NULL;
  g_autoptr(CtRecordPages) fresh = NULL;
  g_autoptr(CtRecord) row_a = NULL;
  g_autoptr(CtRecord) row_b = NULL;
  g_autoptr(CtRecord) changed = NULL;
  g_autoptr(CtRecord) saved = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;

  test_store_start_reader (fixture->db, FALSE);
  insert_consultation (fixture, fixture->staff_id, "2025-03-01", "phone", "30");
  pages = read_pages (fixture);
  g_signal_connect (pages, "items-changed", G_CALLBACK (on_items_changed), changes);
  row_a = g_list_model_get_item (G_LIST_MODEL (pages), 0);
  row_b = g_list_model_get_item (G_LIST_MODEL (pages), 1);
  g_assert_cmpint (ct_record_get_id (row_b), ==, b);

  changed = ct_record_dup (row_b);
  g_assert_true (ct_record_set_string_by_name (changed, "mode", "video", &error));
  g_assert_true (ct_store_update (fixture->db, changed, &error));
  g_assert_no_error (error);
  fresh = read_pages (fixture);
  ct_record_pages_update (pages, fresh, &b, 1);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 1, 1, 1);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (pages), 0) == row_a);
  g_object_unref (row_a);
  saved = g_list_model_get_item (G_LIST_MODEL (pages), 1);
  g_assert_true (saved != row_b);
  wait_for_pages (pages);
  records_assert_field (saved, "mode", "video");

  newest = insert_consultation (fixture, fixture->staff_id, "2025-03-09", "phone", "30");
  g_clear_object (&fresh);
  fresh = read_pages (fixture);
  ct_record_pages_update (pages, fresh, &newest, 1);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 1, 0, 0, 1);
  g_assert_cmpuint (ct_record_pages_find (pages, a), ==, 1);
}

/* Rows that only came are said so; many rows gone, or in place of others,
 * are one change of every row, in which the rows someone holds (as the rows a list
 * shows, and its selection) become the first rows, in the order they were
 * asked for, each with its new record: GTK 4.8 keeps the widgets of the
 * same objects, and finds them at once. */
static void
test_many_rows_replaced (RecordsFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(CtRecordPages) pages = NULL;
  g_autoptr(CtRecordPages) found = NULL;
  g_autoptr(CtRecordPages) all = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CtRecord) after = NULL;

  test_store_start_reader (fixture->db, FALSE);
  records_insert_consultations (fixture, 250);
  pages = read_pages (fixture);
  g_signal_connect (pages, "items-changed", G_CALLBACK (on_items_changed), changes);

  /* A search of the dates keeps January 2020's: 28 rows, the oldest; the
   * 222 before them gone are every row (with the rows shown, as a rule):
   * with none held, every row went and 28 came. Every row again: 222 rows
   * came. */
  found = read_found (fixture, "jan 2020");
  ct_record_pages_update (pages, found, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 28);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 0, 250, 0);
  assert_change (changes, 1, 0, 0, 28);
  all = read_pages (fixture);
  ct_record_pages_update (pages, all, NULL, 0);
  g_assert_cmpuint (changes->len, ==, 3);
  assert_change (changes, 2, 0, 0, 222);

  /* 150 rows shown, then March 2020's found: the first 28 shown take its
   * 28 records. */
  for (guint i = 0; i < 150; i++)
    g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (pages), i));
  wait_for_pages (pages);
  g_array_set_size (changes, 0);
  g_clear_object (&found);
  found = read_found (fixture, "mar 2020");
  ct_record_pages_update (pages, found, NULL, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 0, 250, 28);
  ids = list_ids (fixture, "consultation", NULL);
  for (guint i = 0; i < 28; i++)
    {
      g_autoptr(CtRecord) row = g_list_model_get_item (G_LIST_MODEL (pages), i);
      g_autofree char *date = ct_record_get_string_by_name (row, "date");

      g_assert_true (row == shown->pdata[i]);
      g_assert_true (ct_record_pages_is_read (row));
      g_assert_true (g_str_has_prefix (date, "2020-03-"));
    }

  /* Every row again: the 150 shown are the first 150 again, the first 28
   * with their records again, the others as they were; every row became
   * those 150, then the other 100 came (GTK 4.8 looks for the rows it
   * tracks among those added: 150, not every row). */
  g_clear_object (&all);
  all = read_pages (fixture);
  ct_record_pages_update (pages, all, NULL, 0);
  g_assert_cmpuint (changes->len, ==, 3);
  assert_change (changes, 1, 0, 28, 150);
  assert_change (changes, 2, 150, 0, 100);
  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(CtRecord) row = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_true (row == shown->pdata[i]);
      g_assert_true (ct_record_pages_is_read (row));
      g_assert_cmpint (ct_record_get_id (row), ==, g_array_index (ids, gint64, i));
    }
  after = g_list_model_get_item (G_LIST_MODEL (pages), 150);
  g_assert_false (g_ptr_array_find (shown, after, NULL));
  wait_for_pages (pages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/record-pages/sorted-in-the-store", RecordsFixture, NULL,
              records_fixture_setup, test_sorted_in_the_store, records_fixture_teardown);
  g_test_add ("/record-pages/sorted-by-words", RecordsFixture, NULL,
              records_fixture_setup, test_sorted_by_words, records_fixture_teardown);
  g_test_add ("/record-pages/searched-as-shown", RecordsFixture, NULL,
              records_fixture_setup, test_searched_as_shown, records_fixture_teardown);
  g_test_add ("/record-pages/search-follows-changes", RecordsFixture, NULL,
              records_fixture_setup, test_search_follows_changes, records_fixture_teardown);
  g_test_add ("/record-pages/search-rows-read-again", RecordsFixture, NULL,
              records_fixture_setup, test_search_rows_read_again, records_fixture_teardown);
  g_test_add ("/record-pages/page-in-the-order-asked", RecordsFixture, NULL,
              records_fixture_setup, test_page_in_the_order_asked, records_fixture_teardown);
  g_test_add ("/record-pages/reads-a-page-when-asked", RecordsFixture, NULL,
              records_fixture_setup, test_reads_a_page_when_asked, records_fixture_teardown);
  g_test_add ("/record-pages/first-ids-counted", RecordsFixture, NULL,
              records_fixture_setup, test_first_ids_counted, records_fixture_teardown);
  g_test_add ("/record-pages/first-screen-first", RecordsFixture, NULL,
              records_fixture_setup, test_first_screen_first, records_fixture_teardown);
  g_test_add ("/record-pages/lets-old-pages-go", RecordsFixture, NULL,
              records_fixture_setup, test_lets_old_pages_go, records_fixture_teardown);
  g_test_add ("/record-pages/many-rows-replaced", RecordsFixture, NULL,
              records_fixture_setup, test_many_rows_replaced, records_fixture_teardown);
  g_test_add ("/record-pages/update-keeps-what-did-not-change", RecordsFixture, NULL,
              records_fixture_setup, test_update_keeps_what_did_not_change,
              records_fixture_teardown);

  return g_test_run ();
}
