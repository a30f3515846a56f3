/* ct-cli-records.h: clinical-team-cli import, export and columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-cli.h"

G_BEGIN_DECLS

extern const GOptionEntry ct_cli_export_options[];
extern const GOptionEntry ct_cli_import_options[];

gboolean ct_cli_import  (CtCli *cli, GError **error);
gboolean ct_cli_export  (CtCli *cli, GError **error);
gboolean ct_cli_columns (CtCli *cli, GError **error);

G_END_DECLS
