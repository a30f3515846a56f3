/* ct-cli-server.c: clinical-team-cli on a team server (--server)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-cli-server"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "ct-cli-server.h"
#include "ct-secret.h"
#include "ct-server-database.h"
#include "ct-server-team.h"

static char *
read_password (CtCli   *cli,
               GError **error)
{
  if (cli->passphrase_file != NULL)
    return ct_passphrase_read_file (cli->passphrase_file, error);
  return ct_passphrase_read (STDIN_FILENO, _("Password: "), error);
}

CtDatabase *
ct_cli_connect (CtCli     *cli,
                gboolean   set_up,
                GError   **error)
{
  g_autoptr(CtPassphrase) password = NULL;

  if (!cli->pgpass && (password = read_password (cli, error)) == NULL)
    return NULL;

  if (set_up)
    return ct_server_team_init (cli->server, password, error);
  return ct_server_database_connect (cli->server, password, cli->staff, error);
}

gboolean
ct_cli_refuse_on_server (CtCli       *cli,
                         const char  *command,
                         GError     **error)
{
  if (cli->server == NULL)
    return TRUE;

  if (g_str_equal (command, "backup"))
    g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_SUPPORTED,
                         _("A team server is backed up by its administrators, with pg_dump "
                           "or pgBackRest; there is no file to copy. Ask your IT department."));
  else
    g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_SUPPORTED,
                         _("A team server has no passphrase: each person signs in with their "
                           "own password, which your IT department sets and changes."));
  return FALSE;
}
