/* ct-cli.c: the command table, option parsing and passphrases of
 * clinical-team-cli
 *
 * To add a command (import, export, summary, ...):
 *   1. write ct-cli-<topic>.c with a CtCliHandler per command, declared in
 *      ct-cli-<topic>.h, and add the .c file to src/cli/meson.build;
 *   2. include the header below and add one line to commands[]: the name,
 *      an N_() summary for --help, an N_() usage of its arguments, the
 *      least and most number of arguments, and the handler.
 * Option parsing, the argument count, passphrase reading, opening the file
 * and the exit status are done here; a handler does its work, prints its
 * confirmation on stdout and returns TRUE, or sets a GError and returns FALSE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <unistd.h>

#include "ct-cli.h"
#include "ct-cli-database.h"
#include "ct-secret.h"

#define PROGRAM "clinical-team-cli"

static const CtCliCommand commands[] = {
  { "init",   N_("Create a new encrypted records file"),        "",        0, 0, ct_cli_init },
  { "check",  N_("Check that the records file opens and is intact"), "",   0, 0, ct_cli_check },
  { "backup", N_("Write an encrypted, verified copy to DEST"),  N_("DEST"), 1, 1, ct_cli_backup },
  { "passwd", N_("Change the passphrase of the records file"),  "",        0, 0, ct_cli_passwd },
};

G_DEFINE_QUARK (ct-cli-error-quark, ct_cli_error)

static const CtCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* Messages and help */

/* Prints @message as one line on stderr. */
static void
print_error (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("%s: %s\n", PROGRAM, line);
}

static int
usage_error (const char *message)
{
  print_error (message);
  /* TRANSLATORS: %s is the program name, clinical-team-cli */
  g_printerr (_("Try “%s --help” for the commands and options.\n"), PROGRAM);
  return CT_CLI_EXIT_USAGE;
}

static char *
commands_help (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *usage = *commands[i].usage != '\0' ? _(commands[i].usage) : "";
      g_autofree char *call = g_strdup_printf ("%s %s", commands[i].name, usage);

      g_string_append_printf (text, "\n  %-16s %s", call, _(commands[i].summary));
    }
  return g_string_free (text, FALSE);
}

static GOptionContext *
make_option_context (GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_autofree char *summary = commands_help ();

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context,
    _("The passphrase is never taken from the command line or the environment. It is read "
      "from the terminal without echo; or, when stdin is not a terminal, as the first line "
      "of stdin; or as the first line of the --passphrase-file. A new passphrase (init, "
      "passwd) is typed twice on a terminal, or is the next line of stdin. For passwd "
      "from stdin, line 1 is the current passphrase and line 2 the new one."));
  return context;
}

/* Running a command */

static gboolean
check_arguments (CtCli   *cli,
                 GError **error)
{
  const CtCliCommand *command = cli->command;

  if (cli->n_args >= command->min_args && cli->n_args <= command->max_args)
    return TRUE;

  g_set_error (error, CT_CLI_ERROR, CT_CLI_ERROR_USAGE,
               /* TRANSLATORS: "Usage: clinical-team-cli backup DEST" */
               _("Usage: %s %s %s"), PROGRAM, command->name,
               *command->usage != '\0' ? _(command->usage) : "");
  return FALSE;
}

static int
run_command (CtCli *cli)
{
  g_autoptr(GError) error = NULL;

  if (check_arguments (cli, &error) && cli->command->handler (cli, &error))
    return EXIT_SUCCESS;

  if (g_error_matches (error, CT_CLI_ERROR, CT_CLI_ERROR_USAGE))
    return usage_error (error->message);

  print_error (error->message);
  return CT_CLI_EXIT_FAILURE;
}

static void
ct_cli_clear (CtCli *cli)
{
  g_clear_pointer (&cli->database, g_free);
  g_clear_pointer (&cli->passphrase_file, g_free);
  g_clear_pointer (&cli->staff, g_free);
}

int
ct_cli_run (int    argc,
            char **argv)
{
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  CtCli cli = { 0 };
  gboolean help = FALSE;
  gboolean version = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &cli.database,
      N_("The records file (default: the same file as the app)"), N_("FILE") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &cli.passphrase_file,
      N_("Read the passphrase from the first line of FILE"), N_("FILE") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &cli.staff,
      N_("The staff profile recorded in the audit trail"), N_("NAME") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show the commands and options"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = make_option_context (entries);
  if (!g_option_context_parse_strv (context, &args, &error))
    status = usage_error (error->message);
  else if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);
      g_print ("%s", text);
      status = EXIT_SUCCESS;
    }
  else if (version)
    {
      g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
      status = EXIT_SUCCESS;
    }
  else if (g_strv_length (args) < 2)
    status = usage_error (_("No command given."));
  else if ((cli.command = find_command (args[1])) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), args[1]);
      status = usage_error (message);
    }
  else
    {
      if (cli.database == NULL)
        cli.database = ct_database_get_default_path ();
      cli.args = args + 2;
      cli.n_args = g_strv_length (cli.args);
      status = run_command (&cli);
    }

  ct_cli_clear (&cli);
  return status;
}

/* Passphrases */

static char *
read_from_stdin (const char  *prompt,
                 GError     **error)
{
  return ct_passphrase_read (STDIN_FILENO, prompt, error);
}

char *
ct_cli_read_passphrase (CtCli   *cli,
                        GError **error)
{
  if (cli->passphrase_file != NULL)
    return ct_passphrase_read_file (cli->passphrase_file, error);

  return read_from_stdin (_("Passphrase: "), error);
}

char *
ct_cli_read_new_passphrase (CtCli     *cli,
                            gboolean   from_file,
                            GError   **error)
{
  g_autoptr(CtPassphrase) first = NULL;
  g_autoptr(CtPassphrase) again = NULL;

  if (from_file && cli->passphrase_file != NULL)
    return ct_passphrase_read_file (cli->passphrase_file, error);

  first = read_from_stdin (_("New passphrase: "), error);
  if (first == NULL || !isatty (STDIN_FILENO))
    return g_steal_pointer (&first);

  again = read_from_stdin (_("Type the new passphrase again: "), error);
  if (again == NULL)
    return NULL;
  if (g_strcmp0 (first, again) != 0)
    {
      g_set_error_literal (error, CT_CLI_ERROR, CT_CLI_ERROR_MISMATCH,
                           _("The two passphrases differ. Nothing was changed."));
      return NULL;
    }
  return g_steal_pointer (&first);
}

CtDatabase *
ct_cli_open_database (CtCli   *cli,
                      char   **passphrase_out,
                      GError **error)
{
  g_autoptr(CtPassphrase) passphrase = ct_cli_read_passphrase (cli, error);
  CtDatabase *db;

  if (passphrase == NULL)
    return NULL;

  db = ct_database_open (cli->database, passphrase, cli->staff, error);
  if (db != NULL && passphrase_out != NULL)
    *passphrase_out = g_steal_pointer (&passphrase);
  return db;
}
