/* test-database.c: the encrypted records file
 *
 * Every refusal is checked for its error code, a message, and a file left
 * byte for byte as it was. All data is invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-database"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ct-file-check.h"
#include "ct-file-database-private.h"
#include "ct-outcomes-private.h"
#include "ct-secret.h"
#include "ct-store-private.h"
#include "test-database-util.h"

static const char *const side_suffixes[] = { "-wal", "-shm", "-journal" };

/* Helpers */

static CtDatabase *
create_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  CtDatabase *db = ct_database_create (path, TEST_PASSPHRASE, "Test Runner", &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static CtDatabase *
open_database (const char *path,
               const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  CtDatabase *db = ct_database_open (path, passphrase, "Test Runner", &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
insert_staff (CtDatabase *db,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  CtStatement *stmt = ct_database_prepare (db, "INSERT INTO staff (name, role) VALUES (?1, 'other')",
                                            &error);

  g_assert_no_error (error);
  ct_statement_bind_text (stmt, 1, name);
  g_assert_false (test_step (stmt));
  ct_statement_reset (stmt);
}

static void
insert_numbered_staff (CtDatabase *db,
                       int         count,
                       int         padding)
{
  for (int i = 1; i <= count; i++)
    {
      g_autofree char *name = g_strdup_printf ("Invented Person %04d %0*d", i, padding, 0);
      insert_staff (db, name);
    }
}

static gint64
query_int (CtDatabase *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  CtStatement *stmt = ct_database_prepare (db, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_true (test_step (stmt));
  value = ct_statement_column_int64 (stmt, 0);
  ct_statement_reset (stmt);
  return value;
}

static char *
query_text (CtDatabase *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  CtStatement *stmt = ct_database_prepare (db, sql, &error);
  char *value;

  g_assert_no_error (error);
  g_assert_true (test_step (stmt));
  value = g_strdup (ct_statement_column_text (stmt, 0));
  ct_statement_reset (stmt);
  return value;
}

static void
close_database (CtDatabase **db)
{
  ct_database_close (*db);
  g_assert_false (ct_database_is_open (*db));
  g_clear_object (db);
}

/* A records file with @rows staff rows, closed again. */
static void
make_records_file (const char *path,
                   int         rows)
{
  g_autoptr(CtDatabase) db = create_database (path);

  insert_numbered_staff (db, rows, 1);
  close_database (&db);
}

static gboolean
file_exists (const char *path,
             const char *suffix)
{
  g_autofree char *name = g_strconcat (path, suffix, NULL);

  return g_file_test (name, G_FILE_TEST_EXISTS);
}

static void
assert_no_side_files (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    if (file_exists (path, side_suffixes[i]))
      g_error ("%s%s was left behind", path, side_suffixes[i]);
}

static void
assert_error (GError *error,
              int     code)
{
  g_assert_error (error, CT_DATABASE_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

/* Opening @path with @passphrase is refused with @code, and the file (and
 * its absent side files) are exactly as they were. */
static void
assert_open_refused (const char *path,
                     const char *passphrase,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CtDatabase) db = NULL;

  g_assert_nonnull (before);
  assert_no_side_files (path);

  db = ct_database_open (path, passphrase, "Test Runner", &error);
  g_assert_null (db);
  assert_error (error, code);

  after = test_read_bytes (path);
  g_assert_nonnull (after);
  g_assert_true (g_bytes_equal (before, after));
  assert_no_side_files (path);
}

/* Opens through the sqlite3 API directly; @key NULL makes a plain file. */
static sqlite3 *
raw_open (const char *path,
          const char *key)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (key != NULL)
    g_assert_cmpint (sqlite3_key_v2 (raw, "main", key, strlen (key)), ==, SQLITE_OK);
  return raw;
}

static void
raw_exec (sqlite3    *raw,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (raw, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A: creating */

static void
test_create_refuses_existing (TestFixture   *fixture,
                              gconstpointer  data)
{
  static const char keep[] = "an existing file that must survive";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(GBytes) after = NULL;

  test_write_bytes (fixture->path, keep, sizeof keep);
  db = ct_database_create (fixture->path, TEST_PASSPHRASE, NULL, &error);
  g_assert_null (db);
  assert_error (error, CT_DATABASE_ERROR_EXISTS);

  after = test_read_bytes (fixture->path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), keep, sizeof keep);
  assert_no_side_files (fixture->path);
}

static void
test_create_refuses_short_passphrase (TestFixture   *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = NULL;

  db = ct_database_create (fixture->path, "too short", NULL, &error);
  g_assert_null (db);
  assert_error (error, CT_DATABASE_ERROR_INVALID);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = ct_database_create (fixture->path, "", NULL, &error);
  g_assert_null (db);
  assert_error (error, CT_DATABASE_ERROR_INVALID);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* A: the connection */

static void
test_open_cipher_defaults (TestFixture   *fixture,
                           gconstpointer  data)
{
  g_autoptr(CtDatabase) db = NULL;
  g_autofree char *version = NULL;
  g_autofree char *kdf = NULL;
  g_autofree char *hmac = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *kdf_iter = NULL;

  make_records_file (fixture->path, 1);
  db = open_database (fixture->path, TEST_PASSPHRASE);

  version = query_text (db, "PRAGMA cipher_version");
  g_assert_true (g_str_has_prefix (version, "4."));
  kdf_iter = query_text (db, "PRAGMA kdf_iter");
  g_assert_cmpstr (kdf_iter, ==, "256000");
  kdf = query_text (db, "PRAGMA cipher_kdf_algorithm");
  g_assert_cmpstr (kdf, ==, "PBKDF2_HMAC_SHA512");
  hmac = query_text (db, "PRAGMA cipher_hmac_algorithm");
  g_assert_cmpstr (hmac, ==, "HMAC_SHA512");
  journal = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA temp_store"), ==, 2);
  g_assert_cmpint (query_int (db, "PRAGMA cipher_memory_security"), ==, 1);
  g_assert_cmpint (ct_database_get_schema_version (db), ==, CT_SCHEMA_VERSION);
  g_assert_cmpstr (ct_database_get_path (db), ==, fixture->path);
  g_assert_cmpstr (ct_database_get_actor (db), ==, "Test Runner");
}

static void
test_closed_database (TestFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;

  ct_database_close (db);
  g_assert_false (ct_database_exec (db, "SELECT 1", &error));
  assert_error (error, CT_DATABASE_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (ct_database_check_integrity (db, &error));
  assert_error (error, CT_DATABASE_ERROR_CLOSED);
  g_assert_cmpint (ct_database_get_schema_version (db), ==, -1);
}

/* A: refusals */

static void
test_refuse_missing (TestFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_open (fixture->path, TEST_PASSPHRASE, NULL, &error);

  g_assert_null (db);
  assert_error (error, CT_DATABASE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  assert_no_side_files (fixture->path);
}

static void
test_refuse_wrong_passphrase (TestFixture   *fixture,
                              gconstpointer  data)
{
  make_records_file (fixture->path, 3);
  assert_open_refused (fixture->path, TEST_OTHER_PASSPHRASE, CT_DATABASE_ERROR_WRONG_PASSPHRASE);
  /* An empty key would mean "no encryption" to SQLCipher. */
  assert_open_refused (fixture->path, "", CT_DATABASE_ERROR_WRONG_PASSPHRASE);
}

/* SQLCipher's own log lines must not reach stderr: the CLI promises one
 * line, and a log must never hint at a file's contents. The child's first
 * use of SQLCipher must be the refused open: activating SQLCipher resets
 * its log settings, which hid a leak when the child made the file itself.
 * The child finds the file through an environment variable (a path only). */
#define SILENT_PATH_VARIABLE "CT_TEST_SILENT_PATH"

static void
test_refuse_silently (TestFixture   *fixture,
                      gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CtDatabase) db = NULL;

      db = ct_database_open (g_getenv (SILENT_PATH_VARIABLE), TEST_OTHER_PASSPHRASE, NULL, &error);
      g_assert_null (db);
      assert_error (error, CT_DATABASE_ERROR_WRONG_PASSPHRASE);
      return;
    }

  make_records_file (fixture->path, 1);
  g_setenv (SILENT_PATH_VARIABLE, fixture->path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv (SILENT_PATH_VARIABLE);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

static void
test_refuse_empty_file (TestFixture   *fixture,
                        gconstpointer  data)
{
  test_write_bytes (fixture->path, "", 0);
  assert_open_refused (fixture->path, TEST_PASSPHRASE, CT_DATABASE_ERROR_NOT_A_DATABASE);
}

/* Random bytes whose size is not a multiple of 512 cannot be SQLCipher
 * pages, so they are told apart from an encrypted file. A page multiple of
 * random bytes is indistinguishable from a records file opened with the
 * wrong passphrase: both are a salt and pages whose HMAC does not verify,
 * and that is the refusal it gets (WRONG_PASSPHRASE). */
static void
test_refuse_random_bytes (TestFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240229);
  guint8 noise[3 * 1024 + 100];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);

  test_write_bytes (fixture->path, noise, sizeof noise);
  assert_open_refused (fixture->path, TEST_PASSPHRASE, CT_DATABASE_ERROR_NOT_A_DATABASE);

  test_write_bytes (fixture->path, noise, 2048);
  assert_open_refused (fixture->path, TEST_PASSPHRASE, CT_DATABASE_ERROR_WRONG_PASSPHRASE);
}

static void
test_refuse_plain_sqlite (TestFixture   *fixture,
                          gconstpointer  data)
{
  sqlite3 *raw = raw_open (fixture->path, NULL);

  raw_exec (raw, "CREATE TABLE staff (name TEXT); INSERT INTO staff VALUES ('Invented Plain');");
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);

  assert_open_refused (fixture->path, TEST_PASSPHRASE, CT_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_newer_schema (TestFixture   *fixture,
                          gconstpointer  data)
{
  sqlite3 *raw;

  make_records_file (fixture->path, 2);
  raw = raw_open (fixture->path, TEST_PASSPHRASE);
  raw_exec (raw, "PRAGMA user_version = 99");
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);

  assert_open_refused (fixture->path, TEST_PASSPHRASE, CT_DATABASE_ERROR_NEWER_SCHEMA);
}

/* The integrity check of @db after unlock, run to its end. */
static CtFileCheck *
run_check (CtDatabase *db)
{
  CtFileCheck *check;

  ct_file_check_start (db, TEST_PASSPHRASE);
  check = ct_file_check_get (db);
  g_assert_nonnull (check);
  g_assert_cmpint (ct_file_check_get_state (check), ==, CT_FILE_CHECK_RUNNING);
  while (ct_file_check_get_state (check) == CT_FILE_CHECK_RUNNING)
    g_main_context_iteration (NULL, TRUE);
  return check;
}

/* Unlocking reads the schema, not every page: a damaged page deep in the
 * file is found by the check that runs after unlock, on its own
 * connection, and its result goes to the audit trail. */
static void
test_check_after_unlock (TestFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  CtFileCheck *check;

  insert_numbered_staff (db, 300, 120);
  close_database (&db);
  assert_no_side_files (fixture->path);

  /* Undamaged, it passes. */
  db = open_database (fixture->path, TEST_PASSPHRASE);
  check = run_check (db);
  g_assert_cmpint (ct_file_check_get_state (check), ==, CT_FILE_CHECK_PASSED);
  g_assert_null (ct_file_check_get_message (check));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'unlock'"
                                  " AND description = 'Integrity check after unlock passed'"),
                   ==, 1);
  close_database (&db);

  test_damage_deep_page (fixture->path);
  db = open_database (fixture->path, TEST_PASSPHRASE);
  check = run_check (db);
  g_assert_cmpint (ct_file_check_get_state (check), ==, CT_FILE_CHECK_FAILED);
  g_assert_cmpstr (ct_file_check_get_message (check), ==,
                   "The records file fails its integrity check. Restore it from a backup.");
  close_database (&db);
}

/* The page cache is a quarter of the file, from 32 to 256 MiB. */
static void
test_cache_sized_to_file (TestFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);

  g_assert_cmpint (query_int (db, "PRAGMA cache_size"), ==, -32 * 1024);
  g_assert_cmpint (ct_file_database_cache_kib (0), ==, 32 * 1024);
  g_assert_cmpint (ct_file_database_cache_kib ((goffset) 488 << 20), ==, 122 * 1024);
  g_assert_cmpint (ct_file_database_cache_kib ((goffset) 4 << 30), ==, 256 * 1024);
}

/* The plan of @sql, its steps' words on one line each. */
static char *
dup_plan (CtDatabase *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  CtStatement *stmt = ct_database_prepare (db, explain, &error);
  GString *plan = g_string_new (NULL);

  g_assert_no_error (error);
  while (test_step (stmt))
    g_string_append_printf (plan, "%s\n", ct_statement_column_text (stmt, 3));
  ct_statement_reset (stmt);
  return g_string_free (plan, FALSE);
}

/* The lists of consultations and SDQ scores, newest first, read their ids
 * in order from an index (ct_store_list_ids()): no sort. */
static void
test_list_order_from_an_index (TestFixture   *fixture,
                               gconstpointer  data)
{
  static const char *const tables[] = { "consultation", "sdq_score" };
  g_autoptr(CtDatabase) db = create_database (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT t.id FROM %s t WHERE TRUE"
                                              " ORDER BY t.date DESC, t.id DESC", tables[i]);
      g_autofree char *plan = dup_plan (db, sql);

      g_test_message ("%s", plan);
      g_assert_nonnull (strstr (plan, "COVERING INDEX"));
      g_assert_null (strstr (plan, "TEMP B-TREE"));
    }
}

/* The Outcomes read each goal's latest rating from an index
 * (ct_outcomes_list()), and sort nothing in SQL, whose sorter under
 * memory security allocated every row it sorted. */
static void
test_outcomes_order_from_indexes (TestFixture   *fixture,
                                  gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  g_autofree char *sql = ct_outcomes_dup_sql (db);
  g_autofree char *plan = dup_plan (db, sql);

  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "goal_rating_last"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));
}

/* The SDQ prompts find each child's last consultation from an index
 * alone (ct_sdq_prompt_list()): no aggregate per child, which under
 * memory security allocated each time it ran. */
static void
test_sdq_prompt_contact_from_index (TestFixture   *fixture,
                                    gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  g_autofree char *plan = dup_plan (db, ct_sdq_prompt_get_sql ());

  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "COVERING INDEX consultation_child_date (child_id=? AND date<?)"));
  g_assert_null (strstr (plan, "CO-ROUTINE"));
}

/* A list sorted by a word list reads the words kept with each record: no
 * subquery per row (an aggregate each, 30 µs under memory security). */
static void
test_words_sorted_from_the_record (TestFixture   *fixture,
                                   gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  const CtKind *kind = ct_kind_lookup ("consultation");
  CtFilter filter = { .sort_field = ct_kind_find_field (kind, "topics") };
  g_autoptr(GString) sql = g_string_new ("SELECT t.id FROM consultation t");
  g_autofree char *plan = NULL;

  ct_store_append_order (sql, ct_database_get_dialect (db), kind, &filter, FALSE);
  plan = dup_plan (db, sql->str);
  g_test_message ("%s", plan);
  g_assert_null (strstr (plan, "consultation_topic"));
  g_assert_null (strstr (plan, "SUBQUERY"));
}

/* A: migrations */

static void
test_migrate_from (TestFixture *fixture,
                   int          version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = NULL;
  g_autofree char *name = NULL;

  g_test_message ("Migrating from schema version %d", version);
  g_unlink (fixture->path);
  db = ct_database_create_at_version (fixture->path, TEST_PASSPHRASE, version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_database_get_schema_version (db), ==, version);
  insert_staff (db, "Invented Migrant");
  close_database (&db);

  db = open_database (fixture->path, TEST_PASSPHRASE);
  g_assert_cmpint (ct_database_get_schema_version (db), ==, CT_SCHEMA_VERSION);
  name = query_text (db, "SELECT name FROM staff");
  g_assert_cmpstr (name, ==, "Invented Migrant");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM staff"), ==, 1);

  /* The tables of the newest version are there and take rows. */
  test_exec (db, "INSERT INTO child (reference, name, date_of_birth, legal_status,"
               " placement_type, placement_area) VALUES ('TST-001', 'Invented Child',"
               " '2015-03-01', 'looked_after', 'kinship', 'in_area')");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM child"), ==, 1);
  close_database (&db);
}

static void
test_migrations (TestFixture   *fixture,
                 gconstpointer  data)
{
  for (int version = 1; version < CT_SCHEMA_VERSION; version++)
    test_migrate_from (fixture, version);
}

/* Version 15 fills the words kept with each record from the rows of its
 * word lists, in byte order; its triggers keep them after. */
static void
test_migration_keeps_words (TestFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *audience = NULL;
  g_autofree char *fewer = NULL;
  gint64 changes;

  db = ct_database_create_at_version (fixture->path, TEST_PASSPHRASE, 14, &error);
  g_assert_no_error (error);
  insert_staff (db, "Invented Clinician");
  test_exec (db, "INSERT INTO consultation (id, date, clinician_id, requested_by, mode,"
                 " duration_minutes, attendees, outcome) VALUES (1, '2025-01-03',"
                 " (SELECT id FROM staff), 'iro', 'video', 30, 2, 'advice_given'),"
                 " (2, '2025-01-04', (SELECT id FROM staff), 'iro', 'phone', 45, 3, 'other');"
                 "INSERT INTO consultation_topic VALUES (1, 'transitions'), (1, 'risk');"
                 "INSERT INTO training_event (id, code, title, topic, date, duration_minutes)"
                 " VALUES (1, 'TST-T1', 'Invented Training', 'nvr', '2025-02-01', 60);"
                 "INSERT INTO training_event_audience VALUES (1, 'social_workers'),"
                 " (1, 'foster_carers')");
  close_database (&db);

  db = open_database (fixture->path, TEST_PASSPHRASE);
  topics = query_text (db, "SELECT topics FROM consultation WHERE id = 1");
  g_assert_cmpstr (topics, ==, "risk;transitions");
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM consultation WHERE topics IS NULL"),
                   ==, 1);
  audience = query_text (db, "SELECT audience FROM training_event");
  g_assert_cmpstr (audience, ==, "foster_carers;social_workers");
  test_exec (db, "DELETE FROM consultation_topic WHERE topic = 'risk'");
  fewer = query_text (db, "SELECT topics FROM consultation WHERE id = 1");
  g_assert_cmpstr (fewer, ==, "transitions");

  /* The words kept move no sums of the summary's: its triggers fire on a
   * change of the columns a save writes, the date among them. */
  changes = query_int (db, "SELECT total_changes ()");
  test_exec (db, "UPDATE consultation SET topics = topics");
  g_assert_cmpint (query_int (db, "SELECT total_changes ()"), ==, changes + 2);
  test_exec (db, "UPDATE consultation SET date = date");
  g_assert_cmpint (query_int (db, "SELECT total_changes ()"), >, changes + 4);
}

/* A: passphrase, backup, integrity */

static void
test_change_passphrase (TestFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) main_file = NULL;
  g_autofree char *copy = NULL;

  insert_numbered_staff (db, 5, 1);
  g_assert_false (ct_database_change_passphrase (db, "short", &error));
  assert_error (error, CT_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ct_database_change_passphrase (db, TEST_OTHER_PASSPHRASE, &error));
  g_assert_no_error (error);
  /* The intent, committed before the rekey, then the outcome. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log"
                                  " WHERE action = 'passphrase_change' AND who = 'Test Runner'"),
                   ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'passphrase_change'"
                                  " AND description = 'Passphrase change begun'"), ==, 1);

  /* Even before closing, the main file alone (say, copied away without its
   * -wal) no longer opens with the old passphrase. */
  main_file = test_read_bytes (fixture->path);
  copy = test_fixture_file (fixture, "copy.ctdb");
  test_write_bytes (copy, g_bytes_get_data (main_file, NULL), g_bytes_get_size (main_file));
  assert_open_refused (copy, TEST_PASSPHRASE, CT_DATABASE_ERROR_WRONG_PASSPHRASE);
  close_database (&db);

  assert_open_refused (fixture->path, TEST_PASSPHRASE, CT_DATABASE_ERROR_WRONG_PASSPHRASE);
  db = open_database (fixture->path, TEST_OTHER_PASSPHRASE);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM staff"), ==, 5);
  g_assert_true (ct_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

static void
test_backup (TestFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  g_autoptr(CtDatabase) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = test_fixture_file (fixture, "backup.ctdb");

  insert_numbered_staff (db, 40, 1);
  g_assert_true (ct_database_backup (db, dest, TEST_PASSPHRASE, &error));
  g_assert_no_error (error);
  /* The intent, then the outcome; the copy holds the intent. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'backup'"), ==, 2);

  assert_open_refused (dest, TEST_OTHER_PASSPHRASE, CT_DATABASE_ERROR_WRONG_PASSPHRASE);
  copy = open_database (dest, TEST_PASSPHRASE);
  g_assert_cmpint (ct_database_get_schema_version (copy), ==, CT_SCHEMA_VERSION);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM staff"), ==, 40);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM audit_log WHERE action = 'backup'"
                                    " AND description LIKE 'Encrypted backup to % begun'"), ==, 1);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM staff WHERE name = 'Invented Person 0040 0'"),
                   ==, 1);
  g_assert_true (ct_database_check_integrity (copy, &error));
  g_assert_no_error (error);
  /* The audit triggers came along. */
  g_assert_false (ct_database_exec (copy, "DELETE FROM audit_log", &error));
  assert_error (error, CT_DATABASE_ERROR_INVALID);
}

static void
test_backup_refuses_existing (TestFixture   *fixture,
                              gconstpointer  data)
{
  static const char keep[] = "an earlier backup";
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = test_fixture_file (fixture, "backup.ctdb");
  g_autoptr(GBytes) after = NULL;

  test_write_bytes (dest, keep, sizeof keep);
  g_assert_false (ct_database_backup (db, dest, TEST_PASSPHRASE, &error));
  assert_error (error, CT_DATABASE_ERROR_EXISTS);
  after = test_read_bytes (dest);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), keep, sizeof keep);
}

static void
test_integrity_good (TestFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;

  insert_numbered_staff (db, 50, 40);
  g_assert_true (ct_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* A: transactions nest */

static void
test_savepoints (TestFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_database_begin (db, &error));
  insert_staff (db, "Invented Outer");
  g_assert_true (ct_database_begin (db, &error));
  insert_staff (db, "Invented Inner");
  ct_database_rollback (db);
  g_assert_true (ct_database_commit (db, &error));
  g_assert_no_error (error);

  g_assert_true (ct_database_begin (db, &error));
  insert_staff (db, "Invented Discarded");
  ct_database_rollback (db);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM staff"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM staff WHERE name = 'Invented Outer'"), ==, 1);
}

/* A: no record text on disk */

#define MARKER "Zqx-Invented-Marker-7f3a9c"

static void
assert_marker_absent (const char *path,
                      const char *when)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_test_message ("Searching for the marker %s", when);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (test_file_contains (path, MARKER));
  g_assert_false (test_file_contains (wal, MARKER));
  g_assert_false (test_file_contains (shm, MARKER));
  g_assert_false (test_file_contains (journal, MARKER));
}

static void
test_marker_never_on_disk (TestFixture   *fixture,
                           gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  g_autofree char *control = test_fixture_file (fixture, "control.sqlite");
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  sqlite3 *raw;

  /* The search itself works: an unencrypted control file shows the marker. */
  raw = raw_open (control, NULL);
  raw_exec (raw, "CREATE TABLE staff (name TEXT); INSERT INTO staff VALUES ('" MARKER "');");
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
  g_assert_true (test_file_contains (control, MARKER));

  insert_staff (db, MARKER);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_marker_absent (fixture->path, "after the insert");

  g_assert_cmpint (query_int (db, "PRAGMA wal_checkpoint(TRUNCATE)"), ==, 0);
  assert_marker_absent (fixture->path, "after a checkpoint");

  close_database (&db);
  assert_marker_absent (fixture->path, "after closing");

  db = open_database (fixture->path, TEST_PASSPHRASE);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM staff WHERE name = '" MARKER "'"), ==, 1);
}

/* A: Debian's sqlcipher shell reads our files */

static gboolean
run_sqlcipher (const char  *path,
               const char  *script,
               char       **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *err = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                           G_SUBPROCESS_FLAGS_STDERR_PIPE,
                           &error, CT_SQLCIPHER_PROGRAM, "-batch", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, script, NULL, out, &err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_if_exited (proc) && g_subprocess_get_exit_status (proc) == 0 &&
         (err == NULL || *err == '\0');
}

static void
test_sqlcipher_shell (TestFixture   *fixture,
                      gconstpointer  data)
{
  g_autofree char *with_key = NULL;
  g_autofree char *without_key = NULL;

  if (*CT_SQLCIPHER_PROGRAM == '\0')
    {
      g_test_skip ("The sqlcipher shell was not found at configure time");
      return;
    }

  make_records_file (fixture->path, 7);

  g_assert_true (run_sqlcipher (fixture->path,
                                "PRAGMA key = '" TEST_PASSPHRASE "';\n"
                                "SELECT count(*) FROM staff;\n",
                                &with_key));
  g_assert_cmpstr (g_strstrip (with_key), ==, "ok\n7");

  g_assert_false (run_sqlcipher (fixture->path, "SELECT count(*) FROM staff;\n", &without_key));
  g_assert_false (strstr (without_key, "7"));
}

/* A: a killed writer loses nothing it reported as committed */

#define CRASH_MIN_COMMITS 50

static int
read_commits (GSubprocess *proc,
              int          wanted)
{
  g_autoptr(GDataInputStream) lines =
    g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  int last = 0;

  while (last < wanted)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("The writer stopped after %d commits", last);
      g_assert_cmpint (atoi (line), ==, last + 1);
      last++;
    }
  return last;
}

static void
test_crash_keeps_commits (TestFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(CtDatabase) db = NULL;
  GOutputStream *in;
  int reported;

  make_records_file (fixture->path, 1);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                           &error, CT_TEST_WRITER, fixture->path, NULL);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (proc);
  g_output_stream_write_all (in, TEST_PASSPHRASE "\n", strlen (TEST_PASSPHRASE) + 1,
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (in, NULL, &error);
  g_assert_no_error (error);

  reported = read_commits (proc, CRASH_MIN_COMMITS + g_test_rand_int_range (0, 30));
  g_subprocess_force_exit (proc);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (proc));

  db = open_database (fixture->path, TEST_PASSPHRASE);
  g_assert_true (ct_database_check_integrity (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM setting WHERE key LIKE 'crash-%'"),
                   >=, reported);
  for (int i = 1; i <= reported; i++)
    {
      CtStatement *stmt = ct_database_prepare (db, "SELECT count(*) FROM setting WHERE key = ?1",
                                                &error);
      g_autofree char *key = g_strdup_printf ("crash-%06d", i);

      g_assert_no_error (error);
      ct_statement_bind_text (stmt, 1, key);
      g_assert_true (test_step (stmt));
      g_assert_cmpint (ct_statement_column_int (stmt, 0), ==, 1);
      ct_statement_reset (stmt);
    }
}

/* A: the audit trail */

static void
test_audit_log (TestFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(CtDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *action = NULL;
  gint64 rows;

  g_assert_true (ct_database_audit (db, "create", "child", 7, "Invented child added", &error));
  g_assert_no_error (error);
  ct_database_set_actor (db, NULL);
  g_assert_nonnull (ct_database_get_actor (db));
  g_assert_cmpstr (ct_database_get_actor (db), !=, "");
  ct_database_set_actor (db, "Second Runner");
  g_assert_true (ct_database_audit (db, "export", NULL, 0, "Invented export", &error));
  g_assert_no_error (error);

  who = query_text (db, "SELECT who FROM audit_log WHERE record_kind = 'child' AND record_id = 7");
  g_assert_cmpstr (who, ==, "Test Runner");
  action = query_text (db, "SELECT group_concat(action || ':' || who, ',') FROM audit_log");
  g_assert_cmpstr (action, ==, "create:Test Runner,export:Second Runner");

  /* An action outside the list is refused by the schema. */
  g_assert_false (ct_database_audit (db, "shred", NULL, 0, "Invented", &error));
  assert_error (error, CT_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  rows = query_int (db, "SELECT count(*) FROM audit_log");
  g_assert_false (ct_database_exec (db, "UPDATE audit_log SET who = 'Someone Else'", &error));
  assert_error (error, CT_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ct_database_exec (db, "DELETE FROM audit_log", &error));
  assert_error (error, CT_DATABASE_ERROR_INVALID);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log"), ==, rows);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE who = 'Someone Else'"), ==, 0);
}

static void
add (const char *name,
     void      (*func) (TestFixture *, gconstpointer))
{
  g_test_add (name, TestFixture, NULL, test_fixture_setup, func, test_fixture_teardown);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add ("/database/create/refuses-existing", test_create_refuses_existing);
  add ("/database/create/refuses-short-passphrase", test_create_refuses_short_passphrase);
  add ("/database/open/cipher-defaults", test_open_cipher_defaults);
  add ("/database/open/closed", test_closed_database);
  add ("/database/refuse/missing", test_refuse_missing);
  add ("/database/refuse/wrong-passphrase", test_refuse_wrong_passphrase);
  add ("/database/refuse/silently", test_refuse_silently);
  add ("/database/refuse/empty-file", test_refuse_empty_file);
  add ("/database/refuse/random-bytes", test_refuse_random_bytes);
  add ("/database/refuse/plain-sqlite", test_refuse_plain_sqlite);
  add ("/database/refuse/newer-schema", test_refuse_newer_schema);
  add ("/database/check/after-unlock", test_check_after_unlock);
  add ("/database/open/cache-sized-to-file", test_cache_sized_to_file);
  add ("/database/migrations", test_migrations);
  add ("/database/list-order-from-an-index", test_list_order_from_an_index);
  add ("/database/outcomes-order-from-indexes", test_outcomes_order_from_indexes);
  add ("/database/sdq-prompt-contact-from-index", test_sdq_prompt_contact_from_index);
  add ("/database/words-sorted-from-the-record", test_words_sorted_from_the_record);
  add ("/database/migration-keeps-words", test_migration_keeps_words);
  add ("/database/passphrase/change", test_change_passphrase);
  add ("/database/backup/verified", test_backup);
  add ("/database/backup/refuses-existing", test_backup_refuses_existing);
  add ("/database/integrity/good", test_integrity_good);
  add ("/database/transactions/savepoints", test_savepoints);
  add ("/database/security/marker-never-on-disk", test_marker_never_on_disk);
  add ("/database/security/sqlcipher-shell", test_sqlcipher_shell);
  add ("/database/crash/keeps-commits", test_crash_keeps_commits);
  add ("/database/audit/append-only", test_audit_log);

  return g_test_run ();
}
