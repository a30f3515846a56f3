/* ct-cli-server.h: clinical-team-cli on a team server (--server)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-cli.h"

G_BEGIN_DECLS

/* Connects to --server with the password read as a passphrase is (or,
 * with --pgpass, from libpq's password file); with @set_up, creates or
 * upgrades Clinical Team's schema there first, audited (team init). */
CtDatabase *ct_cli_connect            (CtCli       *cli,
                                       gboolean     set_up,
                                       GError     **error);

/* FALSE with a message saying what to use instead, when --server was given
 * to a command that only a records file has (@command: "backup", "passwd"). */
gboolean    ct_cli_refuse_on_server   (CtCli       *cli,
                                       const char  *command,
                                       GError     **error);

G_END_DECLS
