/* ct-cli-summary.c: the committee summary of a period, as JSON
 *
 *   clinical-team-cli summary --period 2024/25 [--audience internal] [--output FILE]
 *   clinical-team-cli summary --from 2024-04-01 --to 2024-06-15
 *
 * The audience is public unless asked otherwise: the safe default for a
 * document that is published. --output never replaces an existing file.
 * Every summary written is an audit entry (export, kind summary), written
 * with it by ct_summary_export().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-cli-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-summary.h"
#include "ct-period.h"
#include "ct-safe-file.h"
#include "ct-summary-export.h"

const GOptionEntry ct_cli_summary_options[] = {
  { "period", 'p', 0, G_OPTION_ARG_STRING, NULL,
    N_("A financial year (2024/25), a quarter (2024/25 Q2) or a month (2025-03)"),
    N_("PERIOD") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The first day of a period of your own (with --to)"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The last day of a period of your own (with --from)"), N_("YYYY-MM-DD") },
  { "audience", 'a', 0, G_OPTION_ARG_STRING, NULL,
    N_("public (the default: small numbers withheld) or internal"), N_("AUDIENCE") },
  CT_CLI_OPTION_OUTPUT,
  G_OPTION_ENTRY_NULL
};

static void
usage (GError     **error,
       const char  *message)
{
  g_set_error_literal (error, CT_CLI_ERROR, CT_CLI_ERROR_USAGE, message);
}

/* --period, or --from and --to. A period that does not parse is a usage
 * error too: the command line is what needs fixing. */
static CtPeriod *
read_period (CtCli   *cli,
             GError **error)
{
  const char *label = ct_cli_get_option (cli, "period");
  const char *from = ct_cli_get_option (cli, "from");
  const char *to = ct_cli_get_option (cli, "to");
  g_autoptr(GError) local_error = NULL;
  CtPeriod *period = NULL;

  if (label != NULL && (from != NULL || to != NULL))
    usage (error, _("Give either --period or --from and --to, not both."));
  else if (label == NULL && (from == NULL || to == NULL))
    usage (error, _("Say which period to summarise: --period 2024/25, "
                    "--period \"2024/25 Q2\", --period 2025-03, "
                    "or --from YYYY-MM-DD --to YYYY-MM-DD."));
  else if ((period = label != NULL ? ct_period_parse (label, &local_error)
                                   : ct_period_new_custom (from, to, &local_error)) == NULL)
    usage (error, local_error->message);
  return period;
}

static gboolean
read_audience (CtCli       *cli,
               CtAudience  *audience,
               GError     **error)
{
  const char *word = ct_cli_get_option (cli, "audience");
  g_autofree char *message = NULL;

  *audience = CT_AUDIENCE_PUBLIC;
  if (word == NULL || ct_audience_parse (word, audience))
    return TRUE;

  message = g_strdup_printf (_("--audience is public or internal, not “%s”."), word);
  usage (error, message);
  return FALSE;
}

/* The document goes to --output or stdout (ct_cli_write_output()). */
static gboolean
write_output (const char  *text,
              gsize        length,
              gpointer     user_data,
              GError     **error)
{
  return ct_cli_write_output (user_data, text, length, error);
}

gboolean
ct_cli_summary (CtCli   *cli,
                GError **error)
{
  g_autoptr(CtPeriod) period = read_period (cli, error);
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(CtSummary) summary = NULL;
  const char *output = ct_cli_get_option (cli, "output");
  CtAudience audience;

  if (period == NULL || !read_audience (cli, &audience, error) ||
      (output != NULL && !ct_safe_file_check_new (output, error)))
    return FALSE;

  /* The summary's audit entry is its only write, committed at once. */
  db = ct_cli_open_database (cli, CT_DATABASE_OPEN_NO_UPGRADE, NULL, error);
  if (db == NULL || !ct_cli_require_current_schema (cli, db, error) ||
      (summary = ct_summary_compute (db, period, error)) == NULL ||
      !ct_summary_export (db, summary, audience, NULL, write_output, cli, error))
    return FALSE;

  /* On stdout, the document is the output: no confirmation after it. */
  if (output != NULL)
    g_print (_("Wrote the %s committee summary for %s to “%s”.\n"),
             ct_audience_to_string (audience), ct_period_get_label (period), output);
  return TRUE;
}
