/* bench-data.c: the benchmark's data sets, generated once and cached
 *
 * Generating ten times county takes minutes, so each file is kept in the
 * build dir under a name made of what it depends on: the seed, the size and
 * the schema version. Measurements never touch the cached file (opening one
 * writes an audit entry): they work on a copy in a temporary folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bench.h"
#include "ct-file-database-private.h"
#include "ct-demo-data.h"

static char *
cached_name (guint factor)
{
  return g_strdup_printf ("bench-county-x%u-seed%u-schema%d.ctdb",
                          factor, BENCH_SEED, CT_SCHEMA_VERSION);
}

void
bench_data_remove (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/* Writes the demo data into a partial file, renamed only when complete. */
static gboolean
generate (const char  *path,
          guint        factor,
          GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  CtDemoSize size = ct_demo_size_county (factor);
  g_autoptr(CtDatabase) db = NULL;
  double start = bench_now_ms ();

  g_printerr ("Generating the data set at %u× county into %s (once; cached)…\n", factor, path);
  bench_data_remove (partial);
  db = ct_database_create (partial, BENCH_PASSPHRASE, "Benchmark", error);
  if (db == NULL || !ct_demo_data_fill (db, &size, BENCH_SEED, BENCH_TODAY, error))
    return FALSE;
  ct_database_close (db);
  g_printerr ("Generated in %.0f s\n", (bench_now_ms () - start) / 1000);

  if (g_rename (partial, path) == 0)
    return TRUE;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
               "Could not rename %s: %s", partial, g_strerror (errno));
  return FALSE;
}

gboolean
bench_copy_file (const char  *source,
                 const char  *dest,
                 GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = g_file_new_for_path (dest);

  return g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

gboolean
bench_data_prepare (BenchData   *data,
                    const char  *cache_dir,
                    guint        factor,
                    GError     **error)
{
  g_autofree char *name = cached_name (factor);

  data->cached_path = g_build_filename (cache_dir, name, NULL);
  if (!g_file_test (data->cached_path, G_FILE_TEST_EXISTS) &&
      !generate (data->cached_path, factor, error))
    return FALSE;

  data->work_dir = g_dir_make_tmp ("ct-bench-XXXXXX", error);
  if (data->work_dir == NULL)
    return FALSE;
  data->work_path = bench_data_file (data, "records.ctdb");
  return bench_copy_file (data->cached_path, data->work_path, error);
}

char *
bench_data_file (BenchData  *data,
                 const char *name)
{
  return g_build_filename (data->work_dir, name, NULL);
}

void
bench_data_clear (BenchData *data)
{
  if (data->work_dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (data->work_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (data->work_dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (data->work_dir);
    }
  g_clear_pointer (&data->cached_path, g_free);
  g_clear_pointer (&data->work_dir, g_free);
  g_clear_pointer (&data->work_path, g_free);
}

CtDatabase *
bench_data_open (const char  *path,
                 GError     **error)
{
  return ct_database_open (path, BENCH_PASSPHRASE, "Benchmark", error);
}

gboolean
bench_data_export_plain (CtDatabase  *db,
                         const char  *plain_path,
                         GError     **error)
{
  sqlite3 *handle = ct_database_get_handle (db, error);
  sqlite3_stmt *attach = NULL;
  int rc;

  /* The connection may not create files: an empty file is an empty database. */
  if (handle == NULL || !g_file_set_contents (plain_path, "", 0, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (handle, "ATTACH DATABASE ?1 AS plain KEY ''", -1, &attach, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (attach, 1, plain_path, -1, SQLITE_STATIC);
      rc = sqlite3_step (attach) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (handle);
    }
  sqlite3_finalize (attach);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (handle, "SELECT sqlcipher_export ('plain')", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
                 "Could not make the plain copy: %s", sqlite3_errmsg (handle));
  sqlite3_exec (handle, "DETACH DATABASE plain", NULL, NULL, NULL);
  return rc == SQLITE_OK;
}
