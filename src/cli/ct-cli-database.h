/* ct-cli-database.h: the records file commands of clinical-team-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-cli.h"

G_BEGIN_DECLS

gboolean ct_cli_init   (CtCli *cli, GError **error);
gboolean ct_cli_check  (CtCli *cli, GError **error);
gboolean ct_cli_backup (CtCli *cli, GError **error);
gboolean ct_cli_passwd (CtCli *cli, GError **error);
gboolean ct_cli_upgrade (CtCli *cli, GError **error);

G_END_DECLS
