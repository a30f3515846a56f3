/* test-check-banner.c: the window says so when the records file fails the
 * integrity check that runs after unlock, and says nothing when it passes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-check-banner"

#include "config.h"

#include "ct-check-banner.h"
#include "ct-database-private.h"
#include "ct-file-check.h"
#include "test-database-util.h"
#include "widget-test-util.h"

/* A file of some pages (300 staff with long names), closed. */
static void
create_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_create (path, TEST_PASSPHRASE, "Test Runner", &error);

  g_assert_no_error (error);
  g_assert_true (ct_database_exec (db,
                                   "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1"
                                   " FROM n WHERE i < 300) INSERT INTO staff (name, role)"
                                   " SELECT 'Invented Person ' || i || ' ' || hex (zeroblob (60)),"
                                   " 'other' FROM n", &error));
  g_assert_no_error (error);
  ct_database_close (db);
}

/* Opens @path, starts its check and shows a banner for it until the check
 * ends; returns whether the banner shows. */
static gboolean
banner_shown_after_check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_database_open (path, TEST_PASSPHRASE, "Test Runner", &error);
  CtCheckBanner *banner;
  GtkWindow *window;
  gboolean shown;

  g_assert_no_error (error);
  ct_file_check_start (db, TEST_PASSPHRASE);
  banner = g_object_new (CT_TYPE_CHECK_BANNER, "database", db, NULL);
  window = test_present_in_window (GTK_WIDGET (banner), 600, 200);
  g_assert_false (ct_check_banner_is_shown (banner));
  while (ct_file_check_get_state (ct_file_check_get (db)) == CT_FILE_CHECK_RUNNING)
    g_main_context_iteration (NULL, TRUE);
  shown = ct_check_banner_is_shown (banner);
  test_destroy_window (window);
  ct_database_close (db);
  return shown;
}

static void
test_silent_when_passed (TestFixture   *fixture,
                         gconstpointer  data)
{
  create_file (fixture->path);
  g_assert_false (banner_shown_after_check (fixture->path));
}

static void
test_shown_when_failed (TestFixture   *fixture,
                        gconstpointer  data)
{
  create_file (fixture->path);
  test_damage_deep_page (fixture->path);
  g_assert_true (banner_shown_after_check (fixture->path));
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add ("/check-banner/silent-when-passed", TestFixture, NULL,
              test_fixture_setup, test_silent_when_passed, test_fixture_teardown);
  g_test_add ("/check-banner/shown-when-failed", TestFixture, NULL,
              test_fixture_setup, test_shown_when_failed, test_fixture_teardown);
  return g_test_run ();
}
