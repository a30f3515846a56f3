#include "config.h"

#include "ct-database.h"
#include "ct-secret.h"

static void
test_create_and_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ct-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "records.ctdb", NULL);
  g_autoptr(CtDatabase) db = ct_database_create (path, "correct horse battery", "Test", &error);

  g_assert_no_error (error);
  ct_database_close (db);
  g_clear_object (&db);
  db = ct_database_open (path, "correct horse battery", "Test", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_database_get_schema_version (db), ==, CT_SCHEMA_VERSION);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/database/create-and-open", test_create_and_open);
  return g_test_run ();
}
