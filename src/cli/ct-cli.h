/* ct-cli.h: what every clinical-team-cli command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_CLI_ERROR (ct_cli_error_quark ())

/* Exit statuses: 0 success, 1 failure, 2 usage error. */
#define CT_CLI_EXIT_FAILURE 1
#define CT_CLI_EXIT_USAGE   2

typedef enum
{
  CT_CLI_ERROR_USAGE,     /* exit status 2: wrong command line */
  CT_CLI_ERROR_MISMATCH,  /* the two new passphrases differ */
  CT_CLI_ERROR_FAILED,
} CtCliError;

typedef struct _CtCliCommand CtCliCommand;

/* The parsed command line, handed to a command's handler. */
typedef struct
{
  char               *database;         /* --database, or the default location */
  char               *server;           /* --server CONNECTION, or NULL */
  gboolean            pgpass;           /* --pgpass: the password from libpq's file */
  char               *passphrase_file;  /* --passphrase-file, or NULL */
  char               *staff;            /* --staff, or NULL */
  const CtCliCommand *command;
  char              **args;             /* the command's own arguments, options removed */
  guint               n_args;
  GHashTable         *options;          /* the command's options given: long name → value */
} CtCli;

/* A handler prints its confirmation on stdout and returns TRUE, or sets
 * @error and returns FALSE (the caller prints it as one line). */
typedef gboolean (*CtCliHandler) (CtCli   *cli,
                                  GError **error);

struct _CtCliCommand
{
  const char   *name;      /* "check", or two words: "team add-user" */
  const char   *summary;   /* N_(): one line for --help */
  const char   *usage;     /* N_(): the arguments after the name, "" for none */
  guint         min_args;
  guint         max_args;
  CtCliHandler  handler;
  /* The command's own options after its name, or NULL: entries that take a
   * value (G_OPTION_ARG_STRING or _FILENAME) or flags (G_OPTION_ARG_NONE,
   * arg_description NULL), ending with G_OPTION_ENTRY_NULL. Leave arg_data
   * NULL: read a value with ct_cli_get_option(), a flag with
   * ct_cli_get_flag(). An unknown option is a usage error. */
  const GOptionEntry *options;
};

/* --output FILE, for a command that writes a document or an export: put it
 * in the command's options and write with ct_cli_write_output(). */
#define CT_CLI_OPTION_OUTPUT \
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL, \
    N_("Write to FILE, which must not exist yet, instead of standard output"), N_("FILE") }

GQuark      ct_cli_error_quark          (void);

int         ct_cli_run                  (int          argc,
                                         char       **argv);

/* The passphrase of an existing file: from --passphrase-file, else the
 * terminal without echo, else the first line of stdin. Free it with
 * ct_passphrase_free(). */
char       *ct_cli_read_passphrase      (CtCli       *cli,
                                         GError     **error);
/* A new passphrase: typed twice on a terminal (both must match), else the
 * next line of stdin; from --passphrase-file only when @from_file. */
char       *ct_cli_read_new_passphrase  (CtCli       *cli,
                                         gboolean     from_file,
                                         GError     **error);
/* Reads the passphrase and opens --database as the --staff profile, in
 * @mode: reading commands READ_ONLY, writing ones NO_UPGRADE (only
 * `upgrade` migrates). The passphrase is wiped unless @passphrase_out
 * takes it. */
CtDatabase *ct_cli_open_database        (CtCli               *cli,
                                         CtDatabaseOpenMode   mode,
                                         char               **passphrase_out,
                                         GError             **error);
/* Fails, saying to run `upgrade`, when @db is of an older schema. */
gboolean    ct_cli_require_current_schema (CtCli             *cli,
                                           CtDatabase        *db,
                                           GError           **error);

/* The value given to the command's option --@long_name, or NULL. */
const char *ct_cli_get_option           (CtCli       *cli,
                                         const char  *long_name);
/* Whether the command's flag --@long_name was given. */
gboolean    ct_cli_get_flag             (CtCli       *cli,
                                         const char  *long_name);
/* Writes @data to the --output file, or to stdout without --output. An
 * existing file is never overwritten; a new one is readable by its owner
 * only, and written whole or not at all (ct-safe-file.h). */
gboolean    ct_cli_write_output         (CtCli       *cli,
                                         const char  *data,
                                         gsize        length,
                                         GError     **error);

G_END_DECLS
