/* test-database-util.c: temporary directories and file bytes for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-database-util"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ct-database-private.h"
#include "test-database-util.h"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
test_fixture_setup (TestFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ct-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "records.ctdb", NULL);
}

void
test_fixture_teardown (TestFixture   *fixture,
                       gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

char *
test_fixture_file (TestFixture *fixture,
                   const char  *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

GBytes *
test_read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_bytes_new_take (contents, len);
}

void
test_write_bytes (const char *path,
                  const void *data,
                  gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* memmem() without _GNU_SOURCE: database files are full of NUL bytes. */
static gboolean
bytes_contain (const char *data,
               gsize       len,
               const char *needle,
               gsize       needle_len)
{
  for (gsize i = 0; needle_len <= len && i <= len - needle_len; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

gboolean
test_file_contains (const char *path,
                    const char *needle)
{
  g_autoptr(GBytes) bytes = test_read_bytes (path);
  gsize len = 0;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  return bytes_contain (data, len, needle, strlen (needle));
}

void
test_exec (CtDatabase *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

gboolean
test_step (CtStatement *stmt)
{
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  ct_statement_step (stmt, &has_row, "run a test statement", &error);
  g_assert_no_error (error);
  return has_row;
}

/* Flips bytes in the middle of a page that is neither the first nor the last. */
void
test_damage_deep_page (const char *path)
{
  g_autoptr(GBytes) bytes = test_read_bytes (path);
  gsize len = g_bytes_get_size (bytes);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
  gsize page_size = 4096;
  gsize pages = len / page_size;
  gsize offset = (pages / 3) * page_size + page_size / 2;

  g_assert_cmpuint (pages, >=, 5);
  for (gsize i = 0; i < 16; i++)
    data[offset + i] ^= 0xa5;
  test_write_bytes (path, data, len);
}
