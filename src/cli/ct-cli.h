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
  char               *passphrase_file;  /* --passphrase-file, or NULL */
  char               *staff;            /* --staff, or NULL */
  const CtCliCommand *command;
  char              **args;             /* the command's own arguments */
  guint               n_args;
} CtCli;

/* A handler prints its confirmation on stdout and returns TRUE, or sets
 * @error and returns FALSE (the caller prints it as one line). */
typedef gboolean (*CtCliHandler) (CtCli   *cli,
                                  GError **error);

struct _CtCliCommand
{
  const char   *name;
  const char   *summary;   /* N_(): one line for --help */
  const char   *usage;     /* N_(): the arguments after the name, "" for none */
  guint         min_args;
  guint         max_args;
  CtCliHandler  handler;
};

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
/* Reads the passphrase and opens --database as the --staff profile. The
 * passphrase is wiped unless @passphrase_out takes it. */
CtDatabase *ct_cli_open_database        (CtCli       *cli,
                                         char       **passphrase_out,
                                         GError     **error);

G_END_DECLS
