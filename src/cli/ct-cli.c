/* ct-cli.c: the command table, option parsing and passphrases of
 * clinical-team-cli
 *
 * To add a command (import, export, summary, ...):
 *   1. write ct-cli-<topic>.c with a CtCliHandler per command, declared in
 *      ct-cli-<topic>.h, and add the .c file to src/cli/meson.build;
 *   2. include the header below and add one line to commands[]: the name
 *      (one word, or two for a group of commands such as "team init"),
 *      an N_() summary for --help, an N_() usage of its arguments, the
 *      least and most number of arguments, the handler, and its own
 *      options (a GOptionEntry table, or nothing; see CtCliCommand).
 * The global options may come anywhere; a command's own options come after
 * its name. Option parsing, the argument count, passphrase reading, opening
 * the file and the exit status are done here; a handler does its work,
 * prints its confirmation on stdout and returns TRUE, or sets a GError and
 * returns FALSE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-cli"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ct-cli.h"
#include "ct-cli-database.h"
#include "ct-cli-records.h"
#include "ct-cli-server.h"
#include "ct-cli-summary.h"
#include "ct-cli-team.h"
#include "ct-passphrase-quality.h"
#include "ct-safe-file.h"
#include "ct-secret.h"
#include "ct-store.h"
#include "ct-text-clean.h"

#define PROGRAM "clinical-team-cli"

static const CtCliCommand commands[] = {
  { "init",   N_("Create a new encrypted records file"),        "",        0, 0, ct_cli_init },
  { "check",  N_("Check that the records file opens and is intact"), "",   0, 0, ct_cli_check },
  { "backup", N_("Write an encrypted, verified copy to DEST"),  N_("DEST"), 1, 1, ct_cli_backup },
  { "passwd", N_("Change the passphrase of the records file"),  "",        0, 0, ct_cli_passwd },
  { "upgrade", N_("Back up an older records file, then upgrade it to this version"), "", 0, 0,
    ct_cli_upgrade },
  { "summary", N_("Write the committee summary (JSON) of a period"), N_("OPTIONS"), 0, 0,
    ct_cli_summary, ct_cli_summary_options },
  { "import", N_("Import a CSV file of records of one KIND (all rows or none)"),
    N_("KIND FILE"), 2, 2, ct_cli_import, ct_cli_import_options },
  { "export", N_("Export every record of one KIND as CSV (unencrypted)"), N_("KIND"), 1, 1,
    ct_cli_export, ct_cli_export_options },
  { "columns", N_("Show the CSV columns of each KIND, or the words of one"), N_("[KIND]"), 0, 1,
    ct_cli_columns },
  { "team init", N_("Set up the team server (--server): schema, roles, policies"), "", 0, 0,
    ct_cli_team_init },
  { "team add-user", N_("Create a login with its first password, linked to its staff member"),
    N_("LOGIN --role ROLE"), 1, 1, ct_cli_team_add_user, ct_cli_team_add_user_options },
  { "team set-role", N_("Give a login another role"), N_("LOGIN ROLE"), 2, 2,
    ct_cli_team_set_role },
  { "team disable-user", N_("Stop a login signing in (a leaver); their records stay"),
    N_("LOGIN"), 1, 1, ct_cli_team_disable_user },
  { "team move", N_("Copy every record of a records FILE into the team server"), N_("FILE"), 1, 1,
    ct_cli_team_move, ct_cli_team_move_options },
};

G_DEFINE_QUARK (ct-cli-error-quark, ct_cli_error)

/* A command is named by one word ("check") or two ("team init"): the
 * command of @args, and in *n_words how many of them name it. */
static const CtCliCommand *
find_command (char  **args,
              guint  *n_words)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) words = g_strsplit (commands[i].name, " ", 2);

      if (g_strcmp0 (words[0], args[0]) != 0)
        continue;
      *n_words = words[1] != NULL ? 2 : 1;
      if (words[1] == NULL || g_strcmp0 (words[1], args[1]) == 0)
        return &commands[i];
    }
  return NULL;
}

/* Messages and help */

/* Prints @message as one line on stderr, without any control character
 * that input quoted in it might carry. */
static void
print_error (const char *message)
{
  g_autofree char *line = g_strdup (message);
  g_autofree char *printable = NULL;

  g_strdelimit (line, "\r\n", ' ');
  printable = ct_text_dup_printable (line, 0);
  g_printerr ("%s: %s\n", PROGRAM, printable);
}

static int
usage_error (const char *message)
{
  print_error (message);
  /* TRANSLATORS: %s is the program name, clinical-team-cli */
  g_printerr (_("Try “%s --help” for the commands and options.\n"), PROGRAM);
  return CT_CLI_EXIT_USAGE;
}

/* A command's own options, indented under it. */
static void
append_options_help (GString            *text,
                     const GOptionEntry *options)
{
  for (const GOptionEntry *entry = options; entry != NULL && entry->long_name != NULL; entry++)
    {
      g_autofree char *call = entry->arg_description != NULL
        ? g_strdup_printf ("--%s %s", entry->long_name, _(entry->arg_description))
        : g_strdup_printf ("--%s", entry->long_name);
      char short_name[] = { '-', entry->short_name, ',', '\0' };

      g_string_append_printf (text, "\n    %3s %-20s %s",
                              entry->short_name != '\0' ? short_name : "",
                              call, _(entry->description));
    }
}

static char *
commands_help (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *usage = *commands[i].usage != '\0' ? _(commands[i].usage) : "";
      g_autofree char *call = g_strdup_printf ("%s %s", commands[i].name, usage);

      g_string_append_printf (text, "\n  %-25s %s", call, _(commands[i].summary));
      append_options_help (text, commands[i].options);
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
  /* The command's own options are left for parse_command_options(). */
  g_option_context_set_ignore_unknown_options (context, TRUE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context,
    _("The passphrase is never taken from the command line or the environment. It is read "
      "from the terminal without echo; or, when stdin is not a terminal, as the first line "
      "of stdin; or as the first line of the --passphrase-file. A new passphrase (init, "
      "passwd) is typed twice on a terminal, or is the next line of stdin. For passwd "
      "from stdin, line 1 is the current passphrase and line 2 the new one. A team "
      "server's password is read the same way, or from libpq's password file with "
      "--pgpass. The team commands then read the new login's first password (typed twice "
      "on a terminal) or the records file's passphrase (team move) in turn: the next line "
      "of stdin, or with --pgpass the --passphrase-file. ROLE is clinician, administrator "
      "or lead."));
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

/* Takes the command's own options out of cli->args. A command without
 * options is parsed too, so that an unknown option is a usage error rather
 * than an argument. */
static gboolean
parse_command_options (CtCli   *cli,
                       GError **error)
{
  const GOptionEntry *options = cli->command->options;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autofree char **values = NULL;
  g_autofree gboolean *flags = NULL;
  g_auto(GStrv) argv = NULL;
  guint n_options = 0;

  while (options != NULL && options[n_options].long_name != NULL)
    n_options++;

  /* Each value lands in its own slot of @values, each flag in @flags. */
  entries = g_new0 (GOptionEntry, n_options + 1);
  values = g_new0 (char *, n_options + 1);
  flags = g_new0 (gboolean, n_options + 1);
  for (guint i = 0; i < n_options; i++)
    {
      entries[i] = options[i];
      entries[i].arg_data = options[i].arg == G_OPTION_ARG_NONE
                            ? (gpointer) &flags[i] : (gpointer) &values[i];
    }

  argv = g_new0 (char *, g_strv_length (cli->args) + 2);
  argv[0] = g_strdup (cli->command->name);
  for (guint i = 0; cli->args[i] != NULL; i++)
    argv[i + 1] = g_strdup (cli->args[i]);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &argv, &local_error))
    {
      g_set_error_literal (error, CT_CLI_ERROR, CT_CLI_ERROR_USAGE, local_error->message);
      return FALSE;
    }

  cli->options = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < n_options; i++)
    if (values[i] != NULL || flags[i])
      g_hash_table_insert (cli->options, (gpointer) entries[i].long_name,
                           flags[i] ? g_strdup ("") : values[i]);

  g_strfreev (cli->args);
  cli->args = g_strdupv (argv + 1);
  cli->n_args = g_strv_length (cli->args);
  return TRUE;
}

static int
run_command (CtCli *cli)
{
  g_autoptr(GError) error = NULL;

  if (parse_command_options (cli, &error) &&
      check_arguments (cli, &error) &&
      cli->command->handler (cli, &error))
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
  g_clear_pointer (&cli->server, g_free);
  g_clear_pointer (&cli->passphrase_file, g_free);
  g_clear_pointer (&cli->staff, g_free);
  g_clear_pointer (&cli->args, g_strfreev);
  g_clear_pointer (&cli->options, g_hash_table_unref);
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
  guint n_words = 1;
  int status;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &cli.database,
      N_("The records file (default: the same file as the app)"), N_("FILE") },
    { "server", 's', 0, G_OPTION_ARG_STRING, &cli.server,
      N_("The team server instead of a file: a libpq connection string or service=NAME"),
      N_("CONNECTION") },
    { "pgpass", 0, 0, G_OPTION_ARG_NONE, &cli.pgpass,
      N_("Take the team server password from libpq's password file"), NULL },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &cli.passphrase_file,
      N_("Read the passphrase from the first line of FILE"), N_("FILE") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &cli.staff,
      N_("Which of the file's staff the audit trail records (this proves no identity)"),
      N_("NAME") },
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
  else if ((cli.command = find_command (args + 1, &n_words)) == NULL)
    {
      g_autofree char *name = n_words > 1 && args[2] != NULL
        ? g_strdup_printf ("%s %s", args[1], args[2]) : g_strdup (args[1]);
      g_autofree char *quoted = ct_text_dup_quote (name);
      g_autofree char *message = args[1][0] == '-'
        ? g_strdup_printf (_("Unknown option “%s”."), quoted)
        : g_strdup_printf (_("Unknown command “%s”."), quoted);
      status = usage_error (message);
    }
  else if (cli.database != NULL && cli.server != NULL)
    status = usage_error (_("Give either --database or --server, not both."));
  else
    {
      if (cli.database == NULL && cli.server == NULL)
        cli.database = ct_database_get_default_path ();
      cli.args = g_strdupv (args + 1 + n_words);
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
    first = ct_passphrase_read_file (cli->passphrase_file, error);
  else
    first = read_from_stdin (_("New passphrase: "), error);
  if (first == NULL || !ct_passphrase_check_quality (first, NULL, error))
    return NULL;
  if ((from_file && cli->passphrase_file != NULL) || !isatty (STDIN_FILENO))
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
ct_cli_open_database (CtCli               *cli,
                      CtDatabaseOpenMode   mode,
                      char               **passphrase_out,
                      GError             **error)
{
  g_autoptr(CtPassphrase) passphrase = NULL;
  CtDatabase *db;

  if (cli->server != NULL)
    return ct_cli_connect (cli, FALSE, error);
  passphrase = ct_cli_read_passphrase (cli, error);
  if (passphrase == NULL)
    return NULL;

  /* --staff only chooses among the file's staff (the file mode proves no
   * one's identity), so the unlock entry names no one yet. */
  db = ct_database_open_with_mode (cli->database, passphrase, NULL, mode, error);
  if (db != NULL && cli->staff != NULL)
    {
      if (ct_store_find_staff (db, cli->staff, error) != 0)
        ct_database_set_actor (db, cli->staff);
      else
        {
          g_prefix_error (error, "%s ", _("--staff names a staff member of the records file."));
          g_clear_object (&db);
        }
    }
  if (db != NULL && passphrase_out != NULL)
    *passphrase_out = g_steal_pointer (&passphrase);
  return db;
}

gboolean
ct_cli_require_current_schema (CtCli       *cli,
                               CtDatabase  *db,
                               GError     **error)
{
  /* A team server's schema is its administrators' to upgrade, and is
   * checked on connecting. */
  if (cli->server != NULL || ct_database_get_schema_version (db) >= CT_SCHEMA_VERSION)
    return TRUE;

  g_set_error (error, CT_CLI_ERROR, CT_CLI_ERROR_FAILED,
               /* TRANSLATORS: %s is the program name, clinical-team-cli */
               _("This records file has an older format, which this command does not change. "
                 "Run “%s upgrade” first: it makes a verified backup, then upgrades the file."),
               PROGRAM);
  return FALSE;
}

/* Options and output */

const char *
ct_cli_get_option (CtCli      *cli,
                   const char *long_name)
{
  return cli->options != NULL ? g_hash_table_lookup (cli->options, long_name) : NULL;
}

gboolean
ct_cli_get_flag (CtCli      *cli,
                 const char *long_name)
{
  return ct_cli_get_option (cli, long_name) != NULL;
}

static gboolean
write_stdout (const char  *data,
              gsize        length,
              GError     **error)
{
  if (fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0)
    return TRUE;

  g_set_error (error, CT_CLI_ERROR, CT_CLI_ERROR_FAILED,
               _("Could not write to standard output: %s"), g_strerror (errno));
  return FALSE;
}

gboolean
ct_cli_write_output (CtCli       *cli,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  const char *path = ct_cli_get_option (cli, "output");

  if (path == NULL)
    return write_stdout (data, length, error);
  return ct_safe_file_write (path, data, length, error);
}
