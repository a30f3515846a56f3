/* ct-cli-team.h: team init, add-user, set-role, disable-user and move:
 * the team server's set-up and its people, for IT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-cli.h"

G_BEGIN_DECLS

extern const GOptionEntry ct_cli_team_add_user_options[];
extern const GOptionEntry ct_cli_team_move_options[];

gboolean ct_cli_team_init          (CtCli   *cli,
                                    GError **error);
gboolean ct_cli_team_add_user      (CtCli   *cli,
                                    GError **error);
gboolean ct_cli_team_set_role      (CtCli   *cli,
                                    GError **error);
gboolean ct_cli_team_disable_user  (CtCli   *cli,
                                    GError **error);
gboolean ct_cli_team_move          (CtCli   *cli,
                                    GError **error);

G_END_DECLS
