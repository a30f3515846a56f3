/* ct-safe-file.c: a new file, written whole or not at all, readable by its
 * owner only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-safe-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "ct-safe-file.h"

struct _CtSafeFile
{
  char          *path;
  char          *temp_path;
  int            fd;
  GOutputStream *stream;
  gboolean       replace;
  gboolean       committed;
};

static gboolean
set_errno_error (GError     **error,
                 int          saved,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  if (saved == EEXIST)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("“%s” already exists; an existing file is never overwritten. "
                   "Choose another name."), name);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not write “%s”: %s"), name, g_strerror (saved));
  return FALSE;
}

gboolean
ct_safe_file_check_new (const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    return set_errno_error (error, EEXIST, path);
  return TRUE;
}

CtSafeFile *
ct_safe_file_new (const char  *path,
                  gboolean     replace,
                  GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  CtSafeFile *file;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (!replace && !ct_safe_file_check_new (path, error))
    return NULL;

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }

  file = g_new0 (CtSafeFile, 1);
  file->path = g_strdup (path);
  file->temp_path = g_steal_pointer (&template);
  file->fd = fd;
  file->replace = replace;
  return file;
}

const char *
ct_safe_file_get_temp_path (CtSafeFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->temp_path;
}

GOutputStream *
ct_safe_file_get_stream (CtSafeFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  if (file->stream == NULL)
    file->stream = g_unix_output_stream_new (file->fd, FALSE);
  return file->stream;
}

gboolean
ct_safe_file_sync_path (const char  *path,
                        GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  return set_errno_error (error, saved, path);
}

/* Renames without replacing: link() fails if the target exists; a file
 * system without hard links (FAT on a memory stick) gets a checked rename. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  if (link (from, to) == 0)
    return g_unlink (from);
  if (errno == EEXIST)
    return -1;
  if (g_file_test (to, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      errno = EEXIST;
      return -1;
    }
  return g_rename (from, to);
}

gboolean
ct_safe_file_commit (CtSafeFile  *file,
                     GError     **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (file != NULL && !file->committed, FALSE);

  if (file->stream != NULL && !g_output_stream_flush (file->stream, NULL, error))
    return FALSE;
  if (fsync (file->fd) != 0 ||
      (file->replace ? g_rename (file->temp_path, file->path)
                     : rename_no_replace (file->temp_path, file->path)) != 0)
    return set_errno_error (error, errno, file->path);

  file->committed = TRUE;
  folder = g_path_get_dirname (file->path);
  return ct_safe_file_sync_path (folder, error);
}

void
ct_safe_file_free (CtSafeFile *file)
{
  if (file == NULL)
    return;

  g_clear_object (&file->stream);
  close (file->fd);
  if (!file->committed)
    g_unlink (file->temp_path);
  g_free (file->temp_path);
  g_free (file->path);
  g_free (file);
}

gboolean
ct_safe_file_write (const char  *path,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(CtSafeFile) file = ct_safe_file_new (path, FALSE, error);

  return file != NULL &&
         g_output_stream_write_all (ct_safe_file_get_stream (file), data, length, NULL, NULL,
                                    error) &&
         ct_safe_file_commit (file, error);
}
