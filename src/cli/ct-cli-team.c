/* ct-cli-team.c: team init, add-user, set-role, disable-user and move
 *
 * Each runs on --server, signed in as IT's owner role, and is idempotent:
 * run again, it changes nothing and says so. Secrets are read in turn: the
 * server password first (as for every --server command), then the new
 * login's first password or the records file's passphrase, from the
 * terminal without echo or the next line of stdin (or, with --pgpass, from
 * --passphrase-file). Never from the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-cli-team"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "ct-cli-server.h"
#include "ct-cli-team.h"
#include "ct-move.h"
#include "ct-secret.h"
#include "ct-server-team.h"
#include "ct-text-clean.h"

const GOptionEntry ct_cli_team_add_user_options[] = {
  { "role", 'r', 0, G_OPTION_ARG_STRING, NULL,
    N_("The login's role: clinician, administrator or lead (required)"), N_("ROLE") },
  { "name", 'n', 0, G_OPTION_ARG_STRING, NULL,
    N_("The staff member's name, linked or created (default: the login)"), N_("NAME") },
  G_OPTION_ENTRY_NULL
};

const GOptionEntry ct_cli_team_move_options[] = {
  { "merge", 'm', 0, G_OPTION_ARG_NONE, NULL,
    N_("Copy into a server that holds records already, skipping those it holds"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
require_server (CtCli   *cli,
                GError **error)
{
  if (cli->server != NULL)
    return TRUE;

  g_set_error_literal (error, CT_CLI_ERROR, CT_CLI_ERROR_USAGE,
                       _("The team commands work on a team server: give --server CONNECTION."));
  return FALSE;
}

static CtDatabase *
connect_to_server (CtCli   *cli,
                   GError **error)
{
  return require_server (cli, error) ? ct_cli_connect (cli, FALSE, error) : NULL;
}

/* A usage error for a word that is not a role. */
static gboolean
read_role (const char  *word,
           CtTeamRole  *role,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (word == NULL)
    {
      g_set_error_literal (error, CT_CLI_ERROR, CT_CLI_ERROR_USAGE,
                           _("Give the login's role with --role clinician, administrator or "
                             "lead."));
      return FALSE;
    }
  if (ct_team_role_from_word (word, role, &local_error))
    return TRUE;
  g_set_error_literal (error, CT_CLI_ERROR, CT_CLI_ERROR_USAGE, local_error->message);
  return FALSE;
}

gboolean
ct_cli_team_init (CtCli   *cli,
                  GError **error)
{
  g_autoptr(CtDatabase) db = NULL;

  if (!require_server (cli, error) || (db = ct_cli_connect (cli, TRUE, error)) == NULL)
    return FALSE;

  g_print (_("The team server is set up for Clinical Team (schema version %d).\n"),
           ct_database_get_schema_version (db));
  return TRUE;
}

gboolean
ct_cli_team_add_user (CtCli   *cli,
                      GError **error)
{
  const char *login = cli->args[0];
  const char *name = ct_cli_get_option (cli, "name");
  g_autofree char *quoted = ct_text_dup_quote (login);
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(CtPassphrase) password = NULL;
  CtTeamLogin state;
  CtTeamRole role;
  gboolean changed = FALSE;

  if (!read_role (ct_cli_get_option (cli, "role"), &role, error) ||
      (db = connect_to_server (cli, error)) == NULL ||
      !ct_server_team_get_login (db, login, &state, error))
    return FALSE;
  /* The first password: with --pgpass, --passphrase-file is free for it. */
  if (state == CT_TEAM_LOGIN_NONE &&
      (password = ct_cli_read_new_passphrase (cli, cli->pgpass, error)) == NULL)
    return FALSE;
  if (!ct_server_team_add_user (db, login, role, name != NULL ? name : login, password, &changed,
                                error))
    return FALSE;

  if (changed)
    /* TRANSLATORS: "Added the login “jo.bloggs” as clinician." */
    g_print (_("Added the login “%s” as %s, linked to its staff member.\n"), quoted,
             ct_team_role_get_word (role));
  else
    g_print (_("The login “%s” exists already as %s; nothing was changed.\n"), quoted,
             ct_team_role_get_word (role));
  return TRUE;
}

gboolean
ct_cli_team_set_role (CtCli   *cli,
                      GError **error)
{
  g_autofree char *quoted = ct_text_dup_quote (cli->args[0]);
  g_autoptr(CtDatabase) db = NULL;
  CtTeamRole role;
  gboolean changed = FALSE;

  if (!read_role (cli->args[1], &role, error) ||
      (db = connect_to_server (cli, error)) == NULL ||
      !ct_server_team_set_role (db, cli->args[0], role, &changed, error))
    return FALSE;

  if (changed)
    g_print (_("The login “%s” now has the role %s.\n"), quoted, ct_team_role_get_word (role));
  else
    g_print (_("The login “%s” has the role %s already; nothing was changed.\n"), quoted,
             ct_team_role_get_word (role));
  return TRUE;
}

gboolean
ct_cli_team_disable_user (CtCli   *cli,
                          GError **error)
{
  g_autofree char *quoted = ct_text_dup_quote (cli->args[0]);
  g_autoptr(CtDatabase) db = NULL;
  gboolean changed = FALSE;

  if ((db = connect_to_server (cli, error)) == NULL ||
      !ct_server_team_disable_user (db, cli->args[0], &changed, error))
    return FALSE;

  if (changed)
    g_print (_("The login “%s” may no longer sign in; its records and audit entries stay.\n"),
             quoted);
  else
    g_print (_("The login “%s” is disabled already; nothing was changed.\n"), quoted);
  return TRUE;
}

/* The records file to move, opened read-only with its passphrase. */
static CtDatabase *
open_file (CtCli       *cli,
           const char  *path,
           GError     **error)
{
  g_autoptr(CtPassphrase) passphrase = cli->pgpass
    ? ct_cli_read_passphrase (cli, error)
    : ct_passphrase_read (STDIN_FILENO, _("Passphrase of the records file: "), error);
  g_autoptr(CtDatabase) db = NULL;

  if (passphrase == NULL)
    return NULL;
  db = ct_database_open_with_mode (path, passphrase, NULL, CT_DATABASE_OPEN_READ_ONLY, error);
  if (db == NULL || ct_database_get_schema_version (db) >= CT_SCHEMA_VERSION)
    return g_steal_pointer (&db);

  g_set_error (error, CT_CLI_ERROR, CT_CLI_ERROR_FAILED,
               _("“%s” has an older format. Upgrade it first with “clinical-team-cli "
                 "--database FILE upgrade”, then move it."), path);
  return NULL;
}

gboolean
ct_cli_team_move (CtCli   *cli,
                  GError **error)
{
  const char *path = cli->args[0];
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *source = g_filename_display_name (basename);
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(CtDatabase) file = NULL;
  guint n_copied = 0;
  guint n_matched = 0;

  if ((db = connect_to_server (cli, error)) == NULL ||
      (file = open_file (cli, path, error)) == NULL)
    return FALSE;
  if (!ct_move_records (file, db, source, ct_cli_get_flag (cli, "merge"), &n_copied, &n_matched,
                        error))
    {
      if (g_error_matches (*error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_EXISTS))
        {
          char *message = g_strdup_printf ("%s %s", (*error)->message,
                                           _("To copy only the records it does not hold yet, "
                                             "add --merge."));
          g_free ((*error)->message);
          (*error)->message = message;
        }
      return FALSE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Copied %u record from “%s” to the team server.\n",
                        "Copied %u records from “%s” to the team server.\n", n_copied),
           n_copied, source);
  if (n_matched > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u record was on the server already and was not copied again.\n",
                          "%u records were on the server already and were not copied again.\n",
                          n_matched),
             n_matched);
  return TRUE;
}
