/* test-draft.c: an unsaved editor draft kept inside the records file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-draft"

#include "config.h"

#include "ct-database-private.h"
#include "ct-draft.h"
#include "test-store.h"
#include "records-fixture.h"

/* Invented, and unlike anything else in the file, so that finding it in
 * the file's bytes would mean it was written in plain text. */
#define NOTES_MARKER "Zebra-quartz plaintext marker 7731"

typedef struct
{
  TestFixture  files;
  CtDatabase  *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_fixture_setup (&fixture->files, data);
  fixture->db = test_store_create (fixture->files.path, "Test Clinician A");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->db);
  test_fixture_teardown (&fixture->files, data);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(CtDatabase) old = g_steal_pointer (&fixture->db);

  fixture->db = test_store_open_again (old, "Test Clinician A");
}

/* What an editor might save: the kind, the record id and the typed values. */
static GVariant *
new_draft (const char *notes)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "kind", "s", "consultation");
  g_variant_dict_insert (&dict, "id", "x", (gint64) 0);
  g_variant_dict_insert (&dict, "attendees", "i", 3);
  g_variant_dict_insert (&dict, "notes", "s", notes);
  return g_variant_dict_end (&dict);
}

static gboolean
exists (CtDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) draft = ct_draft_peek (db, &error);

  g_assert_no_error (error);
  return draft != NULL;
}

static void
store (CtDatabase *db,
       GVariant   *draft)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_draft_store (db, draft, &error));
  g_assert_no_error (error);
}

static GVariant *
take (CtDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GVariant *draft = ct_draft_take (db, &error);

  g_assert_no_error (error);
  return draft;
}

static void
test_store_and_take (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GVariant) draft = g_variant_ref_sink (new_draft ("Invented “notes”\nwith 'quotes'"));
  g_autoptr(GVariant) taken = NULL;
  g_autoptr(GVariant) again = NULL;
  g_autoptr(GVariant) peeked = NULL;
  guint n_audit = records_count_rows (fixture->db, "audit_log");

  g_assert_false (exists (fixture->db));
  store (fixture->db, draft);
  peeked = ct_draft_peek (fixture->db, NULL);
  g_assert_true (g_variant_equal (peeked, draft));
  /* A draft is not a record: no audit entry. */
  g_assert_cmpuint (records_count_rows (fixture->db, "audit_log"), ==, n_audit);

  taken = take (fixture->db);
  g_assert_nonnull (taken);
  g_assert_true (g_variant_equal (taken, draft));

  /* Taking removes it. */
  g_assert_false (exists (fixture->db));
  again = take (fixture->db);
  g_assert_null (again);
}

static void
test_store_replaces (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GVariant) taken = NULL;
  const char *notes;

  store (fixture->db, new_draft ("first"));
  store (fixture->db, new_draft ("second"));
  taken = take (fixture->db);
  g_assert_true (g_variant_lookup (taken, "notes", "&s", &notes));
  g_assert_cmpstr (notes, ==, "second");
  g_assert_false (exists (fixture->db));
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to discard is not an error. */
  g_assert_true (ct_draft_discard (fixture->db, &error));
  g_assert_no_error (error);

  store (fixture->db, new_draft ("to be discarded"));
  g_assert_true (ct_draft_discard (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_false (exists (fixture->db));
}

static void
test_survives_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GVariant) draft = g_variant_ref_sink (new_draft ("kept across a lock"));
  g_autoptr(GVariant) taken = NULL;

  store (fixture->db, draft);
  reopen (fixture);
  g_assert_true (exists (fixture->db));
  taken = take (fixture->db);
  g_assert_true (g_variant_equal (taken, draft));

  reopen (fixture);
  g_assert_false (exists (fixture->db));
}

static void
assert_not_in_files (const char *path,
                     const char *needle)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_false (test_file_contains (path, needle));
  g_assert_false (test_file_contains (wal, needle));
}

static void
test_encrypted (Fixture       *fixture,
                gconstpointer  data)
{
  store (fixture->db, new_draft (NOTES_MARKER));

  /* Written, and still in the write-ahead log. */
  assert_not_in_files (fixture->files.path, NOTES_MARKER);
  ct_database_close (fixture->db);
  assert_not_in_files (fixture->files.path, NOTES_MARKER);

  /* Yet it is there for the right passphrase: the check above can fail. */
  reopen (fixture);
  g_assert_true (exists (fixture->db));
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) taken = NULL;

  g_assert_true (ct_database_exec (fixture->db,
                                   "INSERT INTO setting (key, value) VALUES ('draft', '{ not a variant')",
                                   &error));
  g_assert_no_error (error);

  taken = ct_draft_take (fixture->db, &error);
  g_assert_null (taken);
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Left in place, and it can be discarded. */
  g_assert_null (ct_draft_peek (fixture->db, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (ct_draft_discard (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_false (exists (fixture->db));
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  ct_database_close (fixture->db);
  g_assert_false (ct_draft_store (fixture->db, new_draft ("too late"), &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_null (ct_draft_take (fixture->db, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CLOSED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/draft/store-and-take", test_store_and_take);
  ADD ("/draft/store-replaces", test_store_replaces);
  ADD ("/draft/discard", test_discard);
  ADD ("/draft/survives-reopen", test_survives_reopen);
  ADD ("/draft/encrypted", test_encrypted);
  ADD ("/draft/damaged", test_damaged);
  ADD ("/draft/locked", test_locked);
#undef ADD

  return g_test_run ();
}
