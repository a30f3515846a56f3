/* ct-cli-records.c: import, export and columns: records as CSV files
 *
 * KIND is a CLI word of DOMAIN.md (children, consultations, ...). An import
 * is one transaction; an export is audited, and --output never replaces a
 * file. `columns` prints the CSV format of each kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-cli-records"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "ct-audited-write.h"
#include "ct-cli-records.h"
#include "ct-csv-columns.h"
#include "ct-export.h"
#include "ct-import.h"
#include "ct-safe-file.h"
#include "ct-records.h"
#include "ct-text-clean.h"

const GOptionEntry ct_cli_export_options[] = {
  CT_CLI_OPTION_OUTPUT,
  G_OPTION_ENTRY_NULL
};

const GOptionEntry ct_cli_import_options[] = {
  { "again", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Import even a file whose exact content was imported before"), NULL },
  G_OPTION_ENTRY_NULL
};

/* The kinds */

static char *
dup_kind_words (void)
{
  GString *words = g_string_new (NULL);

  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    g_string_append_printf (words, "%s%s", i > 0 ? ", " : "",
                            ct_kind_get_cli_word (ct_kind_get_nth (i)));
  return g_string_free (words, FALSE);
}

/* The kind of a CLI word; anything else is a usage error. */
static const CtKind *
lookup_kind (const char  *word,
             GError     **error)
{
  const CtKind *kind = ct_kind_lookup (word);
  g_autofree char *words = NULL;
  g_autofree char *quoted = NULL;

  if (kind != NULL && g_str_equal (ct_kind_get_cli_word (kind), word))
    return kind;

  words = dup_kind_words ();
  quoted = ct_text_dup_quote (word);
  g_set_error (error, CT_CLI_ERROR, CT_CLI_ERROR_USAGE,
               _("Unknown kind of record “%s”; the kinds are %s."), quoted, words);
  return NULL;
}

/* import KIND FILE */

gboolean
ct_cli_import (CtCli   *cli,
               GError **error)
{
  const CtKind *kind = lookup_kind (cli->args[0], error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(CtDatabase) db = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) local_error = NULL;
  CtImportFlags flags = CT_IMPORT_DEFAULT;
  guint n = 0;

  if (kind == NULL)
    return FALSE;

  if (ct_cli_get_option (cli, "again") != NULL)
    flags |= CT_IMPORT_AGAIN;
  file = g_file_new_for_commandline_arg (cli->args[1]);
  db = ct_cli_open_database (cli, CT_DATABASE_OPEN_NO_UPGRADE, NULL, error);
  if (db == NULL || !ct_cli_require_current_schema (cli, db, error))
    return FALSE;
  if (!ct_import_file (db, kind, file, flags, &n, &local_error))
    {
      if (g_error_matches (local_error, CT_IMPORT_ERROR, CT_IMPORT_ERROR_ALREADY_IMPORTED))
        {
          char *message = g_strconcat (local_error->message, " ",
                                       _("To import it anyway, add --again."), NULL);

          g_free (local_error->message);
          local_error->message = message;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  done = ct_import_describe (kind, n, cli->args[1]);
  g_print ("%s\n", done);
  return TRUE;
}

/* export KIND [--output FILE] */

/* Where the export goes, for the audit trail. */
static char *
dup_destination (const char *output)
{
  g_autofree char *path = NULL;

  if (output == NULL)
    return g_strdup (_("standard output"));
  path = g_canonicalize_filename (output, NULL);
  return g_filename_display_name (path);
}

gboolean
ct_cli_export (CtCli   *cli,
               GError **error)
{
  const CtKind *kind = lookup_kind (cli->args[0], error);
  const char *output = ct_cli_get_option (cli, "output");
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(CtSafeFile) file = NULL;
  g_autoptr(GOutputStream) stdout_stream = NULL;
  g_autofree char *destination = NULL;
  g_autofree char *done = NULL;
  GError *local_error = NULL;
  guint n = 0;

  if (kind == NULL)
    return FALSE;

  /* Read-write only for the audit entries, which are committed at once: no
   * lock is held while the records are written out. */
  db = ct_cli_open_database (cli, CT_DATABASE_OPEN_NO_UPGRADE, NULL, error);
  if (db == NULL || !ct_cli_require_current_schema (cli, db, error))
    return FALSE;

  /* The export is audited before it is written; a file is written beside
   * its name and renamed into place once complete. */
  if (output != NULL && (file = ct_safe_file_new (output, FALSE, error)) == NULL)
    return FALSE;
  if (file == NULL)
    stdout_stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  destination = dup_destination (output);
  if (!ct_export (db, kind, file != NULL ? ct_safe_file_get_stream (file) : stdout_stream,
                  destination, &n, NULL, error))
    return FALSE;
  if (file == NULL)
    return TRUE;
  if (!ct_safe_file_commit (file, &local_error))
    {
      g_autofree char *description = ct_export_describe (kind, n, destination);

      ct_audited_write_failed (db, ct_kind_get_name (kind), description, local_error);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  done = ct_export_describe (kind, n, output);
  g_print ("%s\n", done);
  return TRUE;
}

/* columns [KIND] */

static void
print_words (const CtCsvColumn *column)
{
  const CtField *field = ct_csv_column_get_field (column);
  const char * const *words = ct_enum_words (field);
  g_autofree char *joined = NULL;

  if (ct_field_get_value_type (field) == CT_FIELD_BOOLEAN)
    joined = g_strdup (_("yes or no"));
  else if (words != NULL)
    joined = g_strjoinv (", ", (char **) words);
  else
    return;

  if (ct_field_get_value_type (field) == CT_FIELD_ENUM_LIST)
    /* TRANSLATORS: a column that holds several words, such as topics */
    g_print (_("  %s (one or more, separated by ;): %s\n"), ct_csv_column_get_name (column), joined);
  else
    g_print ("  %s: %s\n", ct_csv_column_get_name (column), joined);
}

static void
print_kind (const CtKind *kind,
            gboolean      with_words)
{
  g_autofree char *columns = ct_csv_columns_dup_summary (kind);

  g_print ("%s: %s\n", ct_kind_get_cli_word (kind), columns);
  for (guint i = 0; with_words && i < ct_csv_columns_get_n (kind); i++)
    print_words (ct_csv_columns_get_nth (kind, i));
}

gboolean
ct_cli_columns (CtCli   *cli,
                GError **error)
{
  const CtKind *kind = NULL;

  if (cli->n_args == 1 && (kind = lookup_kind (cli->args[0], error)) == NULL)
    return FALSE;

  if (kind != NULL)
    print_kind (kind, TRUE);
  for (guint i = 0; kind == NULL && i < ct_kind_get_n_kinds (); i++)
    print_kind (ct_kind_get_nth (i), FALSE);

  g_print ("%s\n", _("A CSV file has a header row naming its columns, in any order; ? marks "
                     "an optional column. Dates are YYYY-MM-DD; several words in one cell are "
                     "separated by ;. Staff are named in full and created when new."));
  return TRUE;
}
