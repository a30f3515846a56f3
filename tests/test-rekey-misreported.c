/* test-rekey-misreported.c: a passphrase change that SQLCipher reports done
 * but never made (as on a full disk) is not reported as a success.
 *
 * This program's own sqlite3_rekey_v2() takes the place of SQLCipher's: it
 * changes nothing and says it worked. Without the check by reopening,
 * ct_database_change_passphrase() would report success and the person
 * would believe the new passphrase opens the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "ct-audit-log.h"
#include "ct-database.h"
#include "test-database-util.h"

int
sqlite3_rekey_v2 (sqlite3    *db,
                  const char *name,
                  const void *key,
                  int         length)
{
  return SQLITE_OK;
}

static guint
count_passphrase_entries (CtDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = ct_audit_log_list (db, NULL, NULL, NULL, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CtAuditEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (ct_audit_entry_get_action (entry), "passphrase_change") == 0)
        {
          g_assert_cmpstr (ct_audit_entry_get_description (entry), ==,
                           "Passphrase change begun");
          n++;
        }
    }
  return n;
}

static void
test_rekey_misreported (TestFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(CtDatabase) again = NULL;
  g_autoptr(GError) error = NULL;

  db = ct_database_create (fixture->path, TEST_PASSPHRASE, "Test Runner", &error);
  g_assert_no_error (error);

  g_assert_false (ct_database_change_passphrase (db, TEST_OTHER_PASSPHRASE, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The passphrase change could not be verified"));
  ct_database_close (db);
  g_clear_object (&db);
  g_clear_error (&error);

  /* The old passphrase still opens the file, the new one does not, and
   * the trail holds the attempt but no success. */
  g_assert_null (ct_database_open (fixture->path, TEST_OTHER_PASSPHRASE, "Test Runner",
                                   &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  again = ct_database_open (fixture->path, TEST_PASSPHRASE, "Test Runner", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_passphrase_entries (again), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/rekey/misreported", TestFixture, NULL, test_fixture_setup,
              test_rekey_misreported, test_fixture_teardown);
  return g_test_run ();
}
