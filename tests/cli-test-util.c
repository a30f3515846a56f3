/* cli-test-util.c: clinical-team-cli run as a real process, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cli-test-util"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cli-test-util.h"

#define PROGRAM_PREFIX "clinical-team-cli: "

void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

static void
add_all (GPtrArray          *argv,
         const char * const *args)
{
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
}

GSubprocess *
cli_spawn_argv (TestFixture        *fixture,
                const char         *input,
                const char * const *head,
                const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *data_home = test_fixture_file (fixture, "data");
  g_autofree char *stdin_path = test_fixture_file (fixture, "stdin");
  const char *stdin_text = input != NULL ? input : "";

  g_ptr_array_add (argv, (gpointer) CT_CLI_PROGRAM);
  add_all (argv, head);
  add_all (argv, args);
  g_ptr_array_add (argv, NULL);

  /* stdin comes from a file, not a pipe: a command refused before it reads
   * stdin would otherwise break the pipe under the writer. */
  test_write_bytes (stdin_path, stdin_text, strlen (stdin_text));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  g_subprocess_launcher_setenv (launcher, "HOME", fixture->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return proc;
}

void
cli_run_argv (TestFixture        *fixture,
              const char         *input,
              const char * const *head,
              const char * const *args,
              CliResult          *result)
{
  g_autoptr(GSubprocess) proc = cli_spawn_argv (fixture, input, head, args);
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (proc, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  result->status = g_subprocess_get_exit_status (proc);
}

void
cli_assert_succeeded (CliResult *result)
{
  if (result->status != 0)
    g_error ("clinical-team-cli exited with %d: %s", result->status, result->err);
  g_assert_cmpstr (result->err, ==, "");
}

void
cli_assert_failed (CliResult  *result,
                   int         status,
                   const char *message)
{
  const char *newline;

  g_assert_cmpint (result->status, ==, status);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, PROGRAM_PREFIX));
  newline = strchr (result->err, '\n');
  g_assert_nonnull (newline);
  if (status == 1)
    g_assert_cmpstr (newline, ==, "\n");
  if (message != NULL)
    {
      g_autofree char *line = g_strconcat (PROGRAM_PREFIX, message, "\n", NULL);

      g_assert_cmpstr (result->err, ==, line);
    }
}
