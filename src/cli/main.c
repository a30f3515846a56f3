/* main.c: clinical-team-cli, the records file from a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "clinical-team-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ct-cli.h"
#include "ct-process-guard.h"

int
main (int    argc,
      char **argv)
{
  ct_process_guard ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return ct_cli_run (argc, argv);
}
