/* ct-export.c: records to a CSV file
 *
 * The text is built in memory (the records are read into one list anyway);
 * its audit entry is committed before it is written to the stream, and a
 * failed write adds a second entry (ct-audited-write.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-audited-write.h"
#include "ct-csv.h"
#include "ct-csv-columns.h"
#include "ct-csv-guard.h"
#include "ct-export.h"
#include "ct-records.h"

static void
append_header (GString      *out,
               const CtKind *kind)
{
  guint n_columns = ct_csv_columns_get_n (kind);
  g_autofree const char **cells = g_new (const char *, n_columns);

  for (guint i = 0; i < n_columns; i++)
    cells[i] = ct_csv_column_get_name (ct_csv_columns_get_nth (kind, i));
  ct_csv_append_row (out, cells, n_columns);
}

static void
append_record (GString      *out,
               const CtKind *kind,
               CtRecord     *record)
{
  guint n_columns = ct_csv_columns_get_n (kind);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_full (n_columns, g_free);

  /* Empty cells are NULL, so this is no GStrv. A cell that a spreadsheet
   * would run as a formula is written as text (ct-csv-guard.h). */
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *cell = ct_csv_column_dup_cell (ct_csv_columns_get_nth (kind, i), record);

      g_ptr_array_add (cells, ct_csv_guard_dup (cell));
    }
  ct_csv_append_row (out, (const char * const *) cells->pdata, cells->len);
}

/* The CSV text of every record of @kind. The store lists dated records
 * newest first; a spreadsheet is kept oldest first, so those are reversed. */
static GString *
dup_csv_text (CtDatabase    *db,
              const CtKind  *kind,
              guint         *n_records,
              GError       **error)
{
  g_autoptr(GListModel) records = ct_store_list (db, kind, NULL, error);
  gboolean reverse = ct_kind_get_date_field (kind) != NULL;
  GString *out;

  if (records == NULL)
    return NULL;

  out = g_string_new (NULL);
  append_header (out, kind);
  *n_records = g_list_model_get_n_items (records);
  for (guint i = 0; i < *n_records; i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (records,
                                                          reverse ? *n_records - 1 - i : i);
      append_record (out, kind, record);
    }
  return out;
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
} StreamWrite;

static gboolean
write_stream (const char  *text,
              gsize        length,
              gpointer     user_data,
              GError     **error)
{
  StreamWrite *write = user_data;

  return g_output_stream_write_all (write->stream, text, length, NULL, write->cancellable,
                                    error) &&
         g_output_stream_flush (write->stream, write->cancellable, error);
}

gboolean
ct_export (CtDatabase     *db,
           const CtKind   *kind,
           GOutputStream  *stream,
           const char     *destination,
           guint          *n_exported,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *description = NULL;
  StreamWrite write = { stream, cancellable };
  guint n = 0;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  text = dup_csv_text (db, kind, &n, error);
  if (text == NULL)
    return FALSE;
  description = ct_export_describe (kind, n, destination);
  if (!ct_audited_write (db, ct_kind_get_name (kind), description, text->str, text->len,
                         write_stream, &write, error))
    return FALSE;

  if (n_exported != NULL)
    *n_exported = n;
  return TRUE;
}

char *
ct_export_describe (const CtKind *kind,
                    guint         n_exported,
                    const char   *destination)
{
  g_autofree char *count = ct_csv_dup_count_text (kind, n_exported);

  /* TRANSLATORS: "Exported 120 consultations to consultations.csv" */
  return g_strdup_printf (_("Exported %s to %s"), count, destination);
}
