/* test-audit-log.c: reading the audit trail, newest first, with filters
 *
 * Runs in the Europe/London time zone so that the day filters are seen to
 * work on local days: 2025-06-30T23:30:00Z is 00:30 on 1 July there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-audit-log"

#include "config.h"

#include <string.h>

#include "ct-audit-chain.h"
#include "ct-audit-log.h"
#include "ct-audit-pages.h"
#include "ct-database-private.h"
#include "ct-file-database-private.h"
#include "ct-period.h"
#include "records-fixture.h"
#include "test-store.h"
#include "test-database-util.h"

#define STAFF_A "Test Clinician A"
#define STAFF_B "Test Administrator B"

typedef struct
{
  TestFixture  files;
  CtDatabase  *db;
} Fixture;

typedef struct
{
  const char *at;
  const char *who;
  const char *action;
  const char *kind;
  gint64      id;
  const char *description;
} Entry;

/* The entries already there when the fixture wrote its own (on a team
 * server, the sign-in of the test itself): the tests look past them. */
static gint64 written_before;

/* In the order they were written (ids 1, 2, ... after written_before). */
static const Entry entries[] = {
  { "2025-03-31T12:00:00Z", STAFF_A, "unlock", NULL, 0, "Records file unlocked" },
  { "2025-06-30T23:30:00Z", STAFF_A, "create", "consultation", 7, "Consultation 2025-07-01" },
  { "2025-07-01T12:00:00Z", STAFF_B, "update", "child", 3, "Child TEST-0003" },
  { "2025-07-01T12:00:00Z", STAFF_B, "update", "setting", 0, "Changed the preference team_name" },
  { "2025-07-31T23:30:00Z", STAFF_A, "delete", "consultation", 7, "Consultation 2025-07-01" },
};

static void
insert_entry (CtDatabase  *db,
              const Entry *entry)
{
  CtStatement *stmt = ct_database_prepare (db,
                                            "INSERT INTO audit_log"
                                            " (at, who, action, record_kind, record_id, description)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                            NULL);

  g_assert_nonnull (stmt);
  ct_statement_bind_text (stmt, 1, entry->at);
  ct_statement_bind_text (stmt, 2, entry->who);
  ct_statement_bind_text (stmt, 3, entry->action);
  ct_statement_bind_text (stmt, 4, entry->kind);
  if (entry->kind != NULL)
    ct_statement_bind_int64 (stmt, 5, entry->id);
  ct_statement_bind_text (stmt, 6, entry->description);
  g_assert_false (test_step (stmt));
  ct_statement_reset (stmt);
}

static gint64
last_id (CtDatabase *db)
{
  CtStatement *stmt = ct_database_prepare (db, "SELECT coalesce (max (id), 0) FROM audit_log",
                                           NULL);
  gint64 id;

  g_assert_nonnull (stmt);
  g_assert_true (test_step (stmt));
  id = ct_statement_column_int64 (stmt, 0);
  ct_statement_reset (stmt);
  return id;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_fixture_setup (&fixture->files, data);
  fixture->db = test_store_create (fixture->files.path, STAFF_A);
  written_before = last_id (fixture->db);
  test_store_write_history (fixture->db, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    insert_entry (fixture->db, &entries[i]);
  test_store_write_history (fixture->db, FALSE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->db);
  test_fixture_teardown (&fixture->files, data);
}

static GListModel *
list (Fixture    *fixture,
      const char *from,
      const char *to,
      const char *kind,
      const char *staff)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = ct_audit_log_list (fixture->db, from, to, kind, staff, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_true (g_list_model_get_item_type (model) == CT_TYPE_AUDIT_ENTRY);
  return model;
}

/* Asserts that of the fixture's entries @model lists exactly those with
 * these numbers (1-based), in this order, ending with 0. */
static void
assert_ids (GListModel *model,
            ...)
{
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;
  guint n = 0;
  gint64 id;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtAuditEntry) entry = g_list_model_get_item (model, i);

      id = ct_audit_entry_get_id (entry) - written_before;
      if (id > 0)
        g_array_append_val (listed, id);
    }

  va_start (args, model);
  while ((id = va_arg (args, int)) != 0)
    {
      g_assert_cmpuint (n, <, listed->len);
      g_assert_cmpint (g_array_index (listed, gint64, n++), ==, id);
    }
  va_end (args);
  g_assert_cmpuint (listed->len, ==, n);
}

static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) model = list (fixture, NULL, NULL, NULL, NULL);

  /* The same second: the later entry first. */
  assert_ids (model, 5, 4, 3, 2, 1, 0);
}

static void
test_entry_fields (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The fixture's entries are all of 2025. */
  g_autoptr(GListModel) model = list (fixture, NULL, "2025-12-31", NULL, NULL);
  g_autoptr(CtAuditEntry) deleted = g_list_model_get_item (model, 0);
  g_autoptr(CtAuditEntry) unlocked = g_list_model_get_item (model, 4);
  g_autofree char *who = NULL;
  g_autofree char *kind = NULL;
  gint64 record_id;

  g_assert_cmpstr (ct_audit_entry_get_when (deleted), ==, "2025-07-31T23:30:00Z");
  g_assert_cmpstr (ct_audit_entry_get_who (deleted), ==, STAFF_A);
  g_assert_cmpstr (ct_audit_entry_get_action (deleted), ==, "delete");
  g_assert_cmpstr (ct_audit_entry_get_record_kind (deleted), ==, "consultation");
  g_assert_cmpint (ct_audit_entry_get_record_id (deleted), ==, 7);
  g_assert_cmpstr (ct_audit_entry_get_description (deleted), ==, "Consultation 2025-07-01");

  /* The properties the viewer's columns read. */
  g_object_get (deleted, "who", &who, "record-kind", &kind, "record-id", &record_id, NULL);
  g_assert_cmpstr (who, ==, STAFF_A);
  g_assert_cmpstr (kind, ==, "consultation");
  g_assert_cmpint (record_id, ==, 7);

  /* An entry about the file itself has no record. */
  g_assert_null (ct_audit_entry_get_record_kind (unlocked));
  g_assert_cmpint (ct_audit_entry_get_record_id (unlocked), ==, 0);
}

static void
test_date_range (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) july = list (fixture, "2025-07-01", "2025-07-31", NULL, NULL);
  g_autoptr(GListModel) one_day = list (fixture, "2025-07-01", "2025-07-01", NULL, NULL);
  g_autoptr(GListModel) since = list (fixture, "2025-08-01", NULL, NULL, NULL);
  g_autoptr(GListModel) until = list (fixture, NULL, "2025-06-30", NULL, NULL);

  /* 23:30 UTC on 30 June is 1 July in London; 23:30 UTC on 31 July is 1 August. */
  assert_ids (july, 4, 3, 2, 0);
  assert_ids (one_day, 4, 3, 2, 0);
  assert_ids (since, 5, 0);
  assert_ids (until, 1, 0);
}

static void
test_kind_and_staff (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) consultations = list (fixture, NULL, NULL, "consultation", NULL);
  g_autoptr(GListModel) by_b = list (fixture, NULL, NULL, NULL, STAFF_B);
  g_autoptr(GListModel) both = list (fixture, NULL, NULL, "child", STAFF_B);
  g_autoptr(GListModel) all_three = list (fixture, "2025-07-02", NULL, "consultation", STAFF_A);
  g_autoptr(GListModel) none = list (fixture, NULL, NULL, "consultation", STAFF_B);

  assert_ids (consultations, 5, 2, 0);
  assert_ids (by_b, 4, 3, 0);
  assert_ids (both, 3, 0);
  assert_ids (all_three, 5, 0);
  assert_ids (none, 0);
}

static void
test_bad_date (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = ct_audit_log_list (fixture->db, NULL, "2025-02-30",
                                                   NULL, NULL, &error);

  g_assert_null (model);
  g_assert_error (error, CT_PERIOD_ERROR, CT_PERIOD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-02-30"));
}

static void
test_filter_choices (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) people = ct_audit_log_list_people (fixture->db, &error);
  g_auto(GStrv) kinds = NULL;
  const char *expected_people[] = { STAFF_B, STAFF_A, NULL };
  const char *expected_kinds[] = { "child", "consultation", "setting", NULL };

  g_assert_no_error (error);
  /* On a team server the test's own sign-in is an entry too. */
  if (test_store_is_server ())
    {
      const char *with_login[] = { STAFF_B, STAFF_A, ct_database_get_actor (fixture->db), NULL };

      g_assert_true (g_strv_equal ((const char * const *) people, with_login));
    }
  else
    g_assert_true (g_strv_equal ((const char * const *) people, expected_people));
  kinds = ct_audit_log_list_kinds (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *) kinds, expected_kinds));
}

/* Entries written by the core itself are listed too. */
static void
test_lists_core_entries (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(CtAuditEntry) newest = NULL;

  ct_database_set_actor (fixture->db, "Test Reviewer C");
  g_assert_true (ct_database_audit (fixture->db, "export", "child", 0, "Exported children", &error));
  g_assert_no_error (error);

  /* On a team server the entry is the login's, who also signed in. */
  model = list (fixture, NULL, NULL, NULL, ct_database_get_actor (fixture->db));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, test_store_is_server () ? 2 : 1);
  newest = g_list_model_get_item (model, 0);
  g_assert_cmpstr (ct_audit_entry_get_action (newest), ==, "export");
  g_assert_cmpstr (ct_audit_entry_get_description (newest), ==, "Exported children");
}

static GListModel *
list_filtered (CtDatabase          *db,
               const CtAuditFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = ct_audit_log_list_filtered (db, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

/* The Audit Log's entries a page at a time: the same entries as read
 * whole, each page read when one of its rows is asked for, old pages let
 * go. */

#define N_PAGED (2 * CT_AUDIT_PAGES_KEPT + 7)

static void
on_read (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static CtAuditPages *
read_pages (CtDatabase          *db,
            const CtAuditFilter *filter)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CtAuditPages *pages;

  ct_audit_pages_read_async (db, filter, NULL, on_read, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  pages = ct_audit_pages_read_finish (db, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pages);
  return pages;
}

static void
count_signal (gpointer data)
{
  (*(guint *) data)++;
}

/* The entry at @position, once its page has arrived. */
static CtAuditEntry *
get_read (CtAuditPages *pages,
          guint         position)
{
  CtAuditEntry *entry = g_list_model_get_item (G_LIST_MODEL (pages), position);
  guint changed = 0;
  gulong handler;

  if (ct_audit_entry_is_read (entry))
    return entry;
  handler = g_signal_connect_swapped (pages, "items-changed", G_CALLBACK (count_signal), &changed);
  while (changed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (pages, handler);
  g_object_unref (entry);
  entry = g_list_model_get_item (G_LIST_MODEL (pages), position);
  g_assert_true (ct_audit_entry_is_read (entry));
  return entry;
}

static void
assert_same_entry (CtAuditEntry *entry,
                   CtAuditEntry *expected)
{
  g_assert_cmpint (ct_audit_entry_get_id (entry), ==, ct_audit_entry_get_id (expected));
  g_assert_cmpstr (ct_audit_entry_get_when (entry), ==, ct_audit_entry_get_when (expected));
  g_assert_cmpstr (ct_audit_entry_get_who (entry), ==, ct_audit_entry_get_who (expected));
  g_assert_cmpstr (ct_audit_entry_get_action (entry), ==, ct_audit_entry_get_action (expected));
  g_assert_cmpstr (ct_audit_entry_get_record_kind (entry), ==,
                   ct_audit_entry_get_record_kind (expected));
  g_assert_cmpint (ct_audit_entry_get_record_id (entry), ==,
                   ct_audit_entry_get_record_id (expected));
  g_assert_cmpstr (ct_audit_entry_get_description (entry), ==,
                   ct_audit_entry_get_description (expected));
}

/* Every entry of @pages, read page by page from the first, is the entry
 * read whole at its place. */
static void
assert_pages (CtDatabase          *db,
              const CtAuditFilter *filter)
{
  g_autoptr(GListModel) expected = list_filtered (db, filter);
  g_autoptr(CtAuditPages) pages = read_pages (db, filter);
  guint n = g_list_model_get_n_items (expected);
  g_autoptr(CtAuditEntry) last = NULL;
  g_autoptr(CtAuditEntry) first = NULL;

  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (pages)), ==, CT_TYPE_AUDIT_ENTRY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, n);
  g_assert_cmpuint (n, >, CT_AUDIT_PAGES_KEPT + CT_STORE_PAGE_SIZE);
  /* The first page comes with the ids; the last is read when asked for,
   * meanwhile its entries are their ids alone. */
  g_assert_cmpuint (ct_audit_pages_get_n_kept (pages), ==, CT_STORE_PAGE_SIZE);
  last = g_list_model_get_item (G_LIST_MODEL (pages), n - 1);
  g_assert_false (ct_audit_entry_is_read (last));
  g_assert_cmpint (ct_audit_entry_get_id (last), ==,
                   ct_audit_entry_get_id (g_list_model_get_item (expected, n - 1)));
  g_object_unref (g_list_model_get_item (expected, n - 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtAuditEntry) entry = get_read (pages, i);
      g_autoptr(CtAuditEntry) whole = g_list_model_get_item (expected, i);

      assert_same_entry (entry, whole);
      g_assert_cmpuint (ct_audit_pages_get_n_kept (pages), <=, CT_AUDIT_PAGES_KEPT);
    }
  /* The first pages read were let go. */
  first = g_list_model_get_item (G_LIST_MODEL (pages), 0);
  g_assert_false (ct_audit_entry_is_read (first));
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  CtAuditFilter all = { 0 };
  CtAuditFilter by_b = { .staff = STAFF_B };

  test_store_write_history (fixture->db, TRUE);
  for (guint i = 0; i < N_PAGED; i++)
    {
      /* Two in each minute: the later first. */
      guint minute = i / 2;
      g_autofree char *at = g_strdup_printf ("2025-09-%02uT%02u:%02u:00Z", 1 + minute / 1440,
                                             minute / 60 % 24, minute % 60);
      g_autofree char *description = g_strdup_printf ("Paged entry %u", i);
      Entry entry = { at, i % 3 == 0 ? STAFF_A : STAFF_B, "update", "child", i, description };

      insert_entry (fixture->db, &entry);
    }
  test_store_write_history (fixture->db, FALSE);

  assert_pages (fixture->db, &all);
  assert_pages (fixture->db, &by_b);
}

/* Entries about a child's records carry the child, and opening a record
 * writes a `view` entry: "who has looked at this child's records" and
 * "what has this person opened". */

static void
view (CtDatabase *db,
      const char *kind,
      gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) record = ct_store_get (db, ct_kind_lookup (kind), id, &error);

  g_assert_no_error (error);
  g_assert_true (ct_store_audit_view (db, record, &error));
  g_assert_no_error (error);
}

static void
test_child_and_view (RecordsFixture *fixture,
                     gconstpointer   data)
{
  CtDatabase *db = fixture->db;
  g_autofree char *staff = records_id_text (fixture->staff_id);
  g_autofree char *child = records_id_text (fixture->child_id);
  g_autofree char *other_child = records_id_text (records_insert_child_b (db));
  gint64 referral = records_insert_referral (fixture, "2025-01-10");
  gint64 goal = records_insert_goal (db, referral, "1");
  const char *kinds[] = { "child", "referral", "goal", "goal_rating", "consultation",
                          "sdq_score", NULL };
  CtAuditFilter about_child = { .child_id = fixture->child_id };
  CtAuditFilter views = { .action = "view", .child_id = fixture->child_id };
  CtAuditFilter opened_by = { .action = "view" };
  g_autoptr(GListModel) about = NULL;
  g_autoptr(GListModel) viewed = NULL;
  g_autoptr(GListModel) opened = NULL;
  g_autoptr(CtAuditEntry) newest = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  records_rate (db, goal, "2025-01-11", "baseline", "3");
  records_insert (db, "consultation", "date", "2025-01-12", "clinician", staff, "child", child,
                  "requested_by", "social_worker", "mode", "phone", "duration_minutes", "30",
                  "attendees", "2", "outcome", "advice_given", "topics", "risk", NULL);
  records_insert (db, "consultation", "date", "2025-01-12", "clinician", staff,
                  "child", other_child, "requested_by", "social_worker", "mode", "phone",
                  "duration_minutes", "30", "attendees", "2", "outcome", "advice_given",
                  "topics", "risk", NULL);
  records_insert (db, "sdq_score", "child", child, "date", "2025-01-12", "informant", "carer",
                  "total", "12", NULL);

  /* Opening records changes none: no "changed". */
  g_signal_connect_swapped (db, "changed", G_CALLBACK (count_signal), &changed);
  ct_database_set_actor (db, "Test Reviewer C");
  view (db, "goal", goal);
  view (db, "child", fixture->child_id);
  g_assert_cmpuint (changed, ==, 0);

  /* The child's own entries and those of their records, no one else's. */
  about = list_filtered (db, &about_child);
  g_assert_cmpuint (g_list_model_get_n_items (about), ==, 8);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (about); j++)
        {
          g_autoptr(CtAuditEntry) entry = g_list_model_get_item (about, j);

          g_assert_cmpint (ct_audit_entry_get_child_id (entry), ==, fixture->child_id);
          found |= g_strcmp0 (ct_audit_entry_get_record_kind (entry), kinds[i]) == 0;
        }
      g_assert_true (found);
    }

  /* Who has looked at this child's records, and when. */
  viewed = list_filtered (db, &views);
  g_assert_cmpuint (g_list_model_get_n_items (viewed), ==, 2);
  newest = g_list_model_get_item (viewed, 0);
  g_assert_cmpstr (ct_audit_entry_get_action (newest), ==, "view");
  g_assert_cmpstr (ct_audit_entry_get_who (newest), ==, ct_database_get_actor (db));
  g_assert_cmpstr (ct_audit_entry_get_record_kind (newest), ==, "child");
  g_assert_cmpint (ct_audit_entry_get_record_id (newest), ==, fixture->child_id);
  g_assert_nonnull (ct_audit_entry_get_when (newest));

  /* What this person has opened. */
  opened_by.staff = ct_database_get_actor (db);
  opened = list_filtered (db, &opened_by);
  g_assert_cmpuint (g_list_model_get_n_items (opened), ==, 2);

  /* On the file, view entries join the chain, which still holds. */
  g_assert_true (ct_audit_chain_verify (db, &error));
  g_assert_no_error (error);
}

/* A broken child in an entry breaks the chain (the file's trail). */
static void
test_child_is_chained (RecordsFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  view (fixture->db, "child", fixture->child_id);
  g_assert_true (ct_audit_chain_verify (fixture->db, &error));
  g_assert_true (ct_database_exec (fixture->db,
                                   "DROP TRIGGER audit_log_never_updated;"
                                   "UPDATE audit_log SET child_id = child_id + 1"
                                   " WHERE action = 'view'", &error));
  g_assert_no_error (error);
  g_assert_false (ct_audit_chain_verify (fixture->db, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CORRUPT);
}

/* A file from before versions and view entries: upgrading keeps every
 * entry, its id and the chain, and the trail still cannot be changed. */
static void
test_upgrade_keeps_trail (TestFixture   *fixture,
                          gconstpointer  data)
{
  const CtKind *kind = ct_kind_lookup ("staff");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_create_at_version (fixture->path, TEST_PASSPHRASE,
                                                            CT_AUDIT_CHILD_SCHEMA_VERSION - 1,
                                                            &error);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(CtAuditEntry) exported = NULL;
  g_autoptr(CtAuditEntry) created = NULL;
  g_autoptr(CtRecord) staff = NULL;
  gint64 n_before;

  g_assert_no_error (error);
  ct_database_set_actor (db, STAFF_A);
  g_assert_true (ct_database_exec (db, "INSERT INTO staff (id, name, role)"
                                       " VALUES (1, 'Test Clinician A', 'trainee')", &error));
  g_assert_true (ct_database_audit (db, "create", "staff", 1, "Staff member", &error));
  g_assert_true (ct_database_audit (db, "export", "staff", 0, "Exported staff", &error));
  g_assert_no_error (error);
  n_before = last_id (db);
  g_clear_object (&db);

  db = ct_database_open (fixture->path, TEST_PASSPHRASE, STAFF_B, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_database_get_schema_version (db), ==, CT_SCHEMA_VERSION);
  /* The same entries, and after them those of the upgrade (the backup
   * first made, the unlock). */
  after = list_filtered (db, &(CtAuditFilter) { .action = "export" });
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  exported = g_list_model_get_item (after, 0);
  g_assert_cmpint (ct_audit_entry_get_id (exported), ==, n_before);
  g_assert_cmpstr (ct_audit_entry_get_description (exported), ==, "Exported staff");
  g_clear_object (&after);
  after = list_filtered (db, &(CtAuditFilter) { .action = "create" });
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  created = g_list_model_get_item (after, 0);
  g_assert_cmpint (ct_audit_entry_get_id (created), ==, n_before - 1);
  g_assert_cmpstr (ct_audit_entry_get_description (created), ==, "Staff member");
  g_assert_cmpint (last_id (db), >, n_before);

  /* Records read at version 1; a save names the one who created it. */
  staff = ct_store_get (db, kind, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_record_get_version (staff), ==, 1);
  g_assert_true (ct_store_audit_view (db, staff, &error));
  g_assert_true (ct_database_exec (db, "UPDATE staff SET version = 2", &error));
  g_assert_false (ct_store_update (db, staff, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, STAFF_A));
  g_clear_error (&error);

  g_assert_true (ct_audit_chain_verify (db, &error));
  g_assert_no_error (error);
  g_assert_false (ct_database_exec (db, "UPDATE audit_log SET who = 'Someone'", &error));
  g_clear_error (&error);
  g_assert_false (ct_database_exec (db, "DELETE FROM audit_log", &error));
}

static void
test_action_labels (void)
{
  g_assert_cmpstr (ct_audit_action_get_label ("create"), ==, "Created");
  g_assert_cmpstr (ct_audit_action_get_label ("passphrase_change"), ==, "Changed passphrase");
  g_assert_cmpstr (ct_audit_action_get_label ("backup"), ==, "Backed up");
  g_assert_cmpstr (ct_audit_action_get_label ("view"), ==, "Opened");
  g_assert_cmpstr (ct_audit_action_get_label ("not_an_action"), ==, "not_an_action");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/audit-log/newest-first", test_newest_first);
  ADD ("/audit-log/entry-fields", test_entry_fields);
  ADD ("/audit-log/date-range", test_date_range);
  ADD ("/audit-log/kind-and-staff", test_kind_and_staff);
  ADD ("/audit-log/bad-date", test_bad_date);
  ADD ("/audit-log/filter-choices", test_filter_choices);
  ADD ("/audit-log/lists-core-entries", test_lists_core_entries);
  ADD ("/audit-log/pages", test_pages);
#undef ADD
  g_test_add ("/audit-log/child-and-view", RecordsFixture, NULL, records_fixture_setup,
              test_child_and_view, records_fixture_teardown);
  if (!test_store_is_server ())
    {
      g_test_add ("/audit-log/child-is-chained", RecordsFixture, NULL, records_fixture_setup,
                  test_child_is_chained, records_fixture_teardown);
      g_test_add ("/audit-log/upgrade-keeps-trail", TestFixture, NULL, test_fixture_setup,
                  test_upgrade_keeps_trail, test_fixture_teardown);
    }
  g_test_add_func ("/audit-log/action-labels", test_action_labels);

  return g_test_run ();
}
