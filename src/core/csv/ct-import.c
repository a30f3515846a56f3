/* ct-import.c: records from a CSV file
 *
 * The header row maps the file's columns onto the kind's columns
 * (ct-csv-columns.h); each later row becomes one record, validated exactly
 * as the app validates it. All rows and the import's audit entry share one
 * transaction.
 *
 * The rows are first read and checked in a batch (ct_database_begin_batch():
 * a team server looks each child and staff member up once), then written
 * all at once (ct_store_insert_all(): a few statements, not several per
 * row). A bad row found while reading is reported at once when the rows
 * before it can be written. Any other failure starts the import again,
 * saving one row after the other as the app saves a record, so that the
 * error names the row at fault even when the database finds it (a row that
 * clashes with another of the same file, say).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-csv.h"
#include "ct-database-private.h"
#include "ct-csv-columns.h"
#include "ct-csv-guard.h"
#include "ct-import.h"
#include "ct-import-fingerprint.h"
#include "ct-records.h"
#include "ct-store-batch.h"
#include "ct-text-clean.h"

typedef struct
{
  CtDatabase    *db;
  const CtKind  *kind;
  const char    *file_name;
  const char    *data;
  gsize          length;
  const char    *fingerprint;   /* the SHA-256 of data */
  CtImportFlags  flags;
  CtCsvReader   *reader;
  guint          line;          /* where the current row starts */
  guint          n_file_cells;  /* the header's cells */
  int           *positions;     /* per column of the kind: its cell in a row, or -1 */
  const char   **cells;         /* per column of the kind: the current row's cell */
  GPtrArray     *records;       /* the rows read, to write all at once; NULL: each as read */
  gboolean       error_is_final; /* a row by row import would fail the same way */
} CtImport;

/* Errors */

/* The detail of a record's message "<label>: <detail>", which the column
 * name replaces. */
static const char *
skip_label (const CtField *field,
            const char    *message)
{
  /* TRANSLATORS: the same format as a field's message in the app: a field's
   * label, then what is wrong with it */
  g_autofree char *prefix = g_strdup_printf (_("%s: %s"), ct_field_get_label (field), "");

  return g_str_has_prefix (message, prefix) ? message + strlen (prefix) : message;
}

/* Rewrites @error's message to say where in the file it is: the line of
 * the current row (0: the whole file) and @column_name (may be NULL). */
static void
locate_error (CtImport       *import,
              const char     *column_name,
              const CtField  *field,
              GError         *error)
{
  const char *detail = field != NULL ? skip_label (field, error->message) : error->message;
  g_autofree char *column = column_name != NULL ? ct_text_dup_quote (column_name) : NULL;
  char *message;

  if (column != NULL)
    /* TRANSLATORS: file name, line number, CSV column name, what is wrong */
    message = g_strdup_printf (_("%s, line %u, column “%s”: %s"),
                               import->file_name, import->line, column, detail);
  else if (import->line > 0)
    /* TRANSLATORS: file name, line number, what is wrong */
    message = g_strdup_printf (_("%s, line %u: %s"), import->file_name, import->line, detail);
  else
    /* TRANSLATORS: file name, what is wrong */
    message = g_strdup_printf (_("%s: %s"), import->file_name, detail);

  g_free (error->message);
  error->message = message;
}

static gboolean
fail_at (CtImport    *import,
         const char  *column_name,
         GError     **error,
         const char  *detail)
{
  GError *local_error = g_error_new_literal (CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
                                             detail);

  locate_error (import, column_name, NULL, local_error);
  g_propagate_error (error, local_error);
  return FALSE;
}

/* A malformed file: the reader's message names the line ("line 3: ..."). */
static gboolean
fail_in_csv (CtImport  *import,
             GError    *csv_error,
             GError   **error)
{
  /* TRANSLATORS: the file name, before a message such as "line 3: ..." */
  g_prefix_error (&csv_error, _("%s, "), import->file_name);
  g_propagate_error (error, csv_error);
  return FALSE;
}

/* The header row */

static char *
dup_columns_hint (CtImport *import)
{
  g_autofree char *summary = ct_csv_columns_dup_summary (import->kind);

  /* TRANSLATORS: the first %s is a CSV file kind such as “children”, the
   * second the list of its columns */
  return g_strdup_printf (_("a file of %s has the columns %s (? marks an optional column)."),
                          ct_kind_get_cli_word (import->kind), summary);
}

static gboolean
place_column (CtImport    *import,
              const char  *name,
              guint        position,
              GError     **error)
{
  const CtCsvColumn *column = ct_csv_columns_find (import->kind, name);
  g_autofree char *hint = NULL;
  g_autofree char *detail = NULL;

  if (column == NULL)
    {
      hint = dup_columns_hint (import);
      detail = g_strdup_printf (_("this is not a column of this file; %s"), hint);
      return fail_at (import, name, error, detail);
    }
  if (import->positions[ct_csv_column_get_index (column)] >= 0)
    return fail_at (import, name, error, _("this column appears twice; keep one."));

  import->positions[ct_csv_column_get_index (column)] = position;
  return TRUE;
}

static gboolean
check_required_columns (CtImport  *import,
                        GError   **error)
{
  for (guint i = 0; i < ct_csv_columns_get_n (import->kind); i++)
    {
      const CtCsvColumn *column = ct_csv_columns_get_nth (import->kind, i);
      g_autofree char *hint = NULL;
      g_autofree char *detail = NULL;

      if (import->positions[i] >= 0 || !ct_csv_column_is_required (column))
        continue;
      hint = dup_columns_hint (import);
      detail = g_strdup_printf (_("the column “%s” is missing; %s"),
                                ct_csv_column_get_name (column), hint);
      return fail_at (import, NULL, error, detail);
    }
  return TRUE;
}

static gboolean
read_header (CtImport  *import,
             GError   **error)
{
  GError *local_error = NULL;
  g_auto(GStrv) header = ct_csv_reader_next_row (import->reader, &import->line, &local_error);
  g_autofree char *hint = NULL;

  if (local_error != NULL)
    return fail_in_csv (import, local_error, error);
  if (header == NULL)
    {
      hint = dup_columns_hint (import);
      return fail_at (import, NULL, error, hint);
    }

  import->n_file_cells = g_strv_length (header);
  for (guint i = 0; i < import->n_file_cells; i++)
    if (!place_column (import, g_strstrip (header[i]), i, error))
      return FALSE;
  return check_required_columns (import, error);
}

/* The rows */

static gboolean
is_blank_row (const char * const *row)
{
  for (guint i = 0; row[i] != NULL; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (row[i]));

      if (*cell != '\0')
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_row_length (CtImport  *import,
                  GStrv      row,
                  GError   **error)
{
  g_autofree char *detail = NULL;
  guint n_cells = g_strv_length (row);

  if (n_cells == import->n_file_cells)
    return TRUE;
  detail = g_strdup_printf (_("this row has %u cells, but the header row has %u; "
                              "check for a missing or extra comma."),
                            n_cells, import->n_file_cells);
  return fail_at (import, NULL, error, detail);
}

/* Inserts @record now, or keeps it, checked, for ct_store_insert_all(). */
static gboolean
save_row (CtImport  *import,
          CtRecord  *record,
          GError   **error)
{
  if (import->records == NULL)
    return ct_store_insert (import->db, record, error);
  if (!ct_record_validate (record, import->db, error))
    return FALSE;
  g_ptr_array_add (import->records, g_object_ref (record));
  return TRUE;
}

static gboolean
import_row (CtImport  *import,
            GStrv      row,
            GError   **error)
{
  g_autoptr(CtRecord) record = ct_record_new (import->kind);
  const CtCsvColumn *blamed = NULL;
  const CtField *invalid;

  if (!check_row_length (import, row, error))
    return FALSE;

  /* An export's formula guard comes off again (ct-csv-guard.h), and every
   * cell is trimmed and in NFC, so look-alikes compare equal. */
  for (guint i = 0; row[i] != NULL; i++)
    {
      g_autofree char *cell = row[i];

      ct_csv_guard_restore (cell);
      row[i] = ct_text_dup_normalized (cell);
    }
  for (guint i = 0; i < ct_csv_columns_get_n (import->kind); i++)
    import->cells[i] = import->positions[i] >= 0 ? row[import->positions[i]] : NULL;

  if (ct_csv_columns_read_row (record, import->db, import->cells, &blamed, error) &&
      save_row (import, record, error))
    return TRUE;

  invalid = ct_record_get_invalid_field (record);
  if (blamed == NULL && invalid != NULL)
    blamed = ct_csv_columns_for_field (import->kind, invalid);
  if (blamed != NULL)
    locate_error (import, ct_csv_column_get_name (blamed), ct_csv_column_get_field (blamed),
                  *error);
  else
    locate_error (import, NULL, NULL, *error);
  return FALSE;
}

static gboolean
import_rows (CtImport  *import,
             guint     *n_imported,
             GError   **error)
{
  GError *local_error = NULL;
  GStrv row;

  *n_imported = 0;
  while ((row = ct_csv_reader_next_row (import->reader, &import->line, &local_error)) != NULL)
    {
      gboolean blank = is_blank_row ((const char * const *) row);
      gboolean ok = blank || import_row (import, row, &local_error);

      g_strfreev (row);
      if (!ok)
        break;
      if (!blank)
        (*n_imported)++;
    }
  if (local_error == NULL)
    return TRUE;

  if (local_error->domain == CT_CSV_ERROR)
    return fail_in_csv (import, local_error, error);
  g_propagate_error (error, local_error);
  return FALSE;
}

/* The rows read in a batch, then written all at once; or each as read. */
static gboolean
write_rows (CtImport  *import,
            guint     *n_imported,
            GError   **error)
{
  gboolean ok;

  if (import->records == NULL)
    return import_rows (import, n_imported, error);

  ct_database_begin_batch (import->db);
  ok = import_rows (import, n_imported, error);
  ct_database_end_batch (import->db);
  if (ok)
    return ct_store_insert_all (import->db, import->records, error);

  /* Row by row, the rows before the bad one would have been saved, and
   * then this row would fail the same way. */
  import->error_is_final = ct_store_insert_all (import->db, import->records, NULL);
  return FALSE;
}

static gboolean
import_once (CtImport  *import,
             guint     *n_imported,
             GError   **error)
{
  g_autofree char *description = NULL;

  if (!read_header (import, error) || !ct_database_begin (import->db, error))
    return FALSE;

  if ((import->flags & CT_IMPORT_AGAIN) == 0 &&
      !ct_import_fingerprint_check (import->db, import->fingerprint, import->file_name, error))
    {
      /* Row by row, it would be refused the same way. */
      import->error_is_final = TRUE;
      ct_database_rollback (import->db);
      return FALSE;
    }
  if (!write_rows (import, n_imported, error))
    {
      ct_database_rollback (import->db);
      return FALSE;
    }

  description = ct_import_describe (import->kind, *n_imported, import->file_name);
  if ((*n_imported > 0 &&
       !ct_import_fingerprint_record (import->db, import->fingerprint, import->kind,
                                      import->file_name, *n_imported, error)) ||
      !ct_database_audit (import->db, "import", ct_kind_get_name (import->kind), 0,
                          description, error))
    {
      ct_database_rollback (import->db);
      return FALSE;
    }
  ct_database_note_changes (import->db);
  /* A failed commit has rolled back already. */
  return ct_database_commit (import->db, error);
}

/* Reads the file from its start: all rows at once (@all_at_once) or each
 * saved as read. */
static gboolean
import_from_start (CtImport  *import,
                   gboolean   all_at_once,
                   guint     *n_imported,
                   GError   **error)
{
  gboolean ok;

  for (guint i = 0; i < ct_csv_columns_get_n (import->kind); i++)
    import->positions[i] = -1;
  import->line = 0;
  import->reader = ct_csv_reader_new (import->data, import->length);
  import->records = all_at_once ? g_ptr_array_new_with_free_func (g_object_unref) : NULL;
  import->error_is_final = FALSE;

  ok = import_once (import, n_imported, error);

  g_clear_pointer (&import->reader, ct_csv_reader_free);
  g_clear_pointer (&import->records, g_ptr_array_unref);
  return ok;
}

static gboolean
run_import (CtImport  *import,
            guint     *n_imported,
            GError   **error)
{
  GError *first_error = NULL;

  if (import_from_start (import, TRUE, n_imported, &first_error))
    return TRUE;
  if (import->error_is_final)
    {
      g_propagate_error (error, first_error);
      return FALSE;
    }
  g_clear_error (&first_error);
  return import_from_start (import, FALSE, n_imported, error);
}

/* Public API */

G_DEFINE_QUARK (ct-import-error-quark, ct_import_error)

gboolean
ct_import_data (CtDatabase    *db,
                const CtKind  *kind,
                const char    *file_name,
                const char    *data,
                gsize          length,
                CtImportFlags  flags,
                guint         *n_imported,
                GError       **error)
{
  g_autofree char *fingerprint = NULL;
  guint n_columns;
  guint n = 0;
  gboolean ok;
  CtImport import = { 0 };

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kind != NULL && file_name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  n_columns = ct_csv_columns_get_n (kind);
  import.db = db;
  import.kind = kind;
  import.file_name = file_name;
  import.data = data;
  import.length = length;
  import.positions = g_new (int, n_columns);
  import.cells = g_new0 (const char *, n_columns);

  fingerprint = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  import.flags = flags;
  import.fingerprint = fingerprint;
  ok = run_import (&import, &n, error);
  if (n_imported != NULL)
    *n_imported = ok ? n : 0;

  g_free (import.positions);
  g_free (import.cells);
  return ok;
}

gboolean
ct_import_file (CtDatabase    *db,
                const CtKind  *kind,
                GFile         *file,
                CtImportFlags  flags,
                guint         *n_imported,
                GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *file_name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;

  basename = g_file_get_basename (file);
  file_name = g_filename_display_name (basename);
  return ct_import_data (db, kind, file_name, contents, length, flags, n_imported, error);
}

char *
ct_import_describe (const CtKind *kind,
                    guint         n_imported,
                    const char   *file_name)
{
  g_autofree char *count = ct_csv_dup_count_text (kind, n_imported);

  /* TRANSLATORS: "Imported 120 consultations from consultations.csv" */
  return g_strdup_printf (_("Imported %s from %s"), count, file_name);
}
