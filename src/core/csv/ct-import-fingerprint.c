/* ct-import-fingerprint.c: has this very file been imported before?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-import"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-csv-columns.h"
#include "ct-database-private.h"
#include "ct-import.h"
#include "ct-import-fingerprint.h"
#include "ct-text-clean.h"

gboolean
ct_import_fingerprint_check (CtDatabase  *db,
                             const char  *fingerprint,
                             const char  *file_name,
                             GError     **error)
{
  CtStatement *stmt;
  gboolean has_row = FALSE;
  g_autoptr(GError) local_error = NULL;

  stmt = ct_database_prepare (db,
                              "SELECT file_name, kind, records, imported_at"
                              " FROM imported_file WHERE fingerprint = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  ct_statement_bind_text (stmt, 1, fingerprint);
  if (ct_statement_step (stmt, &has_row, _("look for earlier imports"), &local_error) &&
      has_row)
    {
      const CtKind *kind = ct_kind_lookup (ct_statement_column_text (stmt, 1));
      g_autofree char *earlier = ct_text_dup_printable (ct_statement_column_text (stmt, 0), 0);
      g_autofree char *count = NULL;
      g_autofree char *day = g_strndup (ct_statement_column_text (stmt, 3), 10);

      count = kind != NULL ? ct_csv_dup_count_text (kind, ct_statement_column_int (stmt, 2))
                           : g_strdup_printf ("%d", ct_statement_column_int (stmt, 2));
      g_set_error (&local_error, CT_IMPORT_ERROR, CT_IMPORT_ERROR_ALREADY_IMPORTED,
                   /* TRANSLATORS: "consultations.csv has exactly the content of
                    * a file imported on 2026-12-03 (autumn.csv, 120
                    * consultations): importing it again would add each of
                    * its records a second time." */
                   _("%s has exactly the content of a file imported on %s (%s, %s): "
                     "importing it again would add each of its records a second time."),
                   file_name, day, earlier, count);
    }
  ct_statement_reset (stmt);

  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
ct_import_fingerprint_record (CtDatabase    *db,
                              const char    *fingerprint,
                              const CtKind  *kind,
                              const char    *file_name,
                              guint          n_records,
                              GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  CtStatement *stmt;

  stmt = ct_database_prepare (db,
                              "INSERT INTO imported_file"
                              " (fingerprint, kind, file_name, records, imported_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)"
                              " ON CONFLICT (fingerprint) DO NOTHING",
                              error);
  if (stmt == NULL)
    return FALSE;

  ct_statement_bind_text (stmt, 1, fingerprint);
  ct_statement_bind_text (stmt, 2, ct_kind_get_name (kind));
  ct_statement_bind_text (stmt, 3, file_name);
  ct_statement_bind_int64 (stmt, 4, n_records);
  ct_statement_bind_text (stmt, 5, when);
  return ct_statement_run (stmt, _("remember the imported file"), error);
}
