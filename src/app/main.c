/* main.c: clinical-team, the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ct-application.h"
#include "ct-process-guard.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CtApplication) application = NULL;

  ct_process_restart_to_wipe_freed_memory (argv);
  ct_process_guard ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = ct_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
