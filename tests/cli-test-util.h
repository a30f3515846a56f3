/* cli-test-util.h: clinical-team-cli run as a real process, for its tests
 *
 * The program is CT_CLI_PROGRAM, which each test's meson stanza defines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "test-database-util.h"

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

void  cli_result_clear     (CliResult          *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

/* Runs clinical-team-cli with @head and then @args (both NULL-terminated;
 * @head may be NULL), feeding @input (NULL: nothing) on stdin. It runs in
 * the fixture's folder, which is also its HOME and holds its XDG_DATA_HOME,
 * so the default records file is never the user's. */
/* The same, started but not waited for. */
GSubprocess *cli_spawn_argv (TestFixture        *fixture,
                             const char         *input,
                             const char * const *head,
                             const char * const *args);
void  cli_run_argv         (TestFixture        *fixture,
                            const char         *input,
                            const char * const *head,
                            const char * const *args,
                            CliResult          *result);
#define cli_run(fixture, input, result, ...) \
  cli_run_argv ((fixture), (input), NULL, (const char * const []) { __VA_ARGS__, NULL }, (result))

/* Exit status 0 and nothing on stderr. */
void  cli_assert_succeeded (CliResult          *result);
/* Exit @status, nothing on stdout, and stderr starting "clinical-team-cli: ";
 * for status 1 (refused) that is one line: "clinical-team-cli: @message"
 * when @message is not NULL. */
void  cli_assert_failed    (CliResult          *result,
                            int                 status,
                            const char         *message);

G_END_DECLS
