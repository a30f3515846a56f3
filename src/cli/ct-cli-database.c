/* ct-cli-database.c: init, check, backup and passwd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-cli-database"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ct-audit-chain.h"
#include "ct-cli-database.h"
#include "ct-cli-server.h"
#include "ct-cli-team.h"
#include "ct-secret.h"

gboolean
ct_cli_init (CtCli   *cli,
             GError **error)
{
  g_autoptr(CtPassphrase) passphrase = NULL;
  g_autoptr(CtDatabase) db = NULL;

  if (cli->server != NULL)
    return ct_cli_team_init (cli, error);

  if (g_file_test (cli->database, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_EXISTS,
                   _("“%s” already exists; an existing file is never overwritten."),
                   cli->database);
      return FALSE;
    }

  passphrase = ct_cli_read_new_passphrase (cli, TRUE, error);
  if (passphrase == NULL)
    return FALSE;

  db = ct_database_create (cli->database, passphrase, cli->staff, error);
  if (db == NULL)
    return FALSE;

  g_print (_("Created the encrypted records file “%s”.\n"), cli->database);
  return TRUE;
}

gboolean
ct_cli_check (CtCli   *cli,
              GError **error)
{
  g_autoptr(CtDatabase) db = ct_cli_open_database (cli, CT_DATABASE_OPEN_READ_ONLY, NULL, error);

  if (db == NULL || !ct_database_check_integrity (db, error) ||
      !ct_audit_chain_verify (db, error))
    return FALSE;

  if (cli->server != NULL)
    g_print (_("ok: the team server accepts this sign-in and holds Clinical Team's records "
               "(schema version %d).\n"),
             ct_database_get_schema_version (db));
  else
    g_print (_("ok: “%s” opens with this passphrase and passes its integrity check "
               "(schema version %d).\n"),
             cli->database, ct_database_get_schema_version (db));
  return TRUE;
}

gboolean
ct_cli_backup (CtCli   *cli,
               GError **error)
{
  const char *dest = cli->args[0];
  g_autoptr(CtPassphrase) passphrase = NULL;
  g_autoptr(CtDatabase) db = NULL;

  if (!ct_cli_refuse_on_server (cli, "backup", error))
    return FALSE;
  db = ct_cli_open_database (cli, CT_DATABASE_OPEN_NO_UPGRADE, &passphrase, error);
  if (db == NULL || !ct_database_backup (db, dest, passphrase, error))
    return FALSE;

  g_print (_("Wrote an encrypted backup to “%s” and verified it. "
             "It opens with the same passphrase.\n"),
           dest);
  return TRUE;
}

gboolean
ct_cli_upgrade (CtCli   *cli,
                GError **error)
{
  g_autoptr(CtPassphrase) passphrase = NULL;
  g_autoptr(CtDatabase) db = NULL;
  int before;

  /* Read the version first, without changing anything. */
  db = ct_cli_open_database (cli, CT_DATABASE_OPEN_READ_ONLY, &passphrase, error);
  if (db == NULL)
    return FALSE;
  before = ct_database_get_schema_version (db);
  g_clear_object (&db);

  if (before >= CT_SCHEMA_VERSION)
    {
      g_print (_("“%s” is already at schema version %d; nothing to do.\n"),
               cli->database, before);
      return TRUE;
    }

  db = ct_database_open_with_mode (cli->database, passphrase, cli->staff,
                                   CT_DATABASE_OPEN_UPGRADE, error);
  if (db == NULL)
    return FALSE;
  g_print (_("Upgraded “%s” from schema version %d to %d, after writing a verified backup "
             "of the old file beside it.\n"),
           cli->database, before, ct_database_get_schema_version (db));
  return TRUE;
}

gboolean
ct_cli_passwd (CtCli   *cli,
               GError **error)
{
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(CtPassphrase) passphrase = NULL;

  if (!ct_cli_refuse_on_server (cli, "passwd", error))
    return FALSE;
  db = ct_cli_open_database (cli, CT_DATABASE_OPEN_NO_UPGRADE, NULL, error);
  if (db == NULL)
    return FALSE;

  passphrase = ct_cli_read_new_passphrase (cli, FALSE, error);
  if (passphrase == NULL || !ct_database_change_passphrase (db, passphrase, error))
    return FALSE;

  g_print (_("Changed the passphrase of “%s”. The old passphrase no longer opens it.\n"),
           cli->database);
  return TRUE;
}
