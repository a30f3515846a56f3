/* ct-safe-file.h: a new file, written whole or not at all, readable by its
 * owner only
 *
 * Every export and every backup goes through here: the data is written to
 * a temporary file (mode 0600) beside the target, flushed to the disk, and
 * then renamed into place, so that a kill, a full disk or a crash leaves
 * either nothing or the complete file, never half of one. Unless asked to
 * replace it (a file chooser asked the person), an existing target is never
 * replaced: the commit fails and the temporary file goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CtSafeFile CtSafeFile;

/* Fails with G_IO_ERROR_EXISTS when @path exists: a check before the
 * work, so that a refusal comes before anything is done or audited. */
gboolean       ct_safe_file_check_new      (const char   *path,
                                            GError      **error);

/* Starts a file that will become @path. Without @replace, fails with
 * G_IO_ERROR_EXISTS when @path exists already. */
CtSafeFile    *ct_safe_file_new            (const char   *path,
                                            gboolean      replace,
                                            GError      **error);
/* Where the data goes until the commit: a file of mode 0600 in the same
 * folder, whose name starts with a dot. Another program (SQLite, a PDF
 * writer) may write it, truncating it but not replacing it. */
const char    *ct_safe_file_get_temp_path  (CtSafeFile   *file);
/* A stream that writes the temporary file; closing it does not commit. */
GOutputStream *ct_safe_file_get_stream     (CtSafeFile   *file);
/* Flushes the temporary file to the disk and renames it to the target
 * (over an existing file only if @replace was given), then flushes the
 * folder. On failure the
 * temporary file is removed. */
gboolean       ct_safe_file_commit         (CtSafeFile   *file,
                                            GError      **error);
/* Removes the temporary file unless it was committed. */
void           ct_safe_file_free           (CtSafeFile   *file);

/* Writes @data to a new file @path through a CtSafeFile. */
gboolean       ct_safe_file_write          (const char   *path,
                                            const char   *data,
                                            gsize         length,
                                            GError      **error);

/* Flushes the file or folder at @path to the disk. */
gboolean       ct_safe_file_sync_path      (const char   *path,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtSafeFile, ct_safe_file_free)

G_END_DECLS
