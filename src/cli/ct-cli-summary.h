/* ct-cli-summary.h: clinical-team-cli summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-cli.h"

G_BEGIN_DECLS

extern const GOptionEntry ct_cli_summary_options[];

gboolean ct_cli_summary (CtCli *cli, GError **error);

G_END_DECLS
