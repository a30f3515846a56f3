/* test-team-demo.c: ./build-aux/dev run --team-demo, without a display
 *
 * The real team-demo program (tests/team-demo/) against its own throwaway
 * PostgreSQL: with --check, each of its three logins signs in through the
 * password file it writes and sees every demo record; given an app, the
 * app is run with a --server connection that signs in (the real
 * clinical-team-cli stands in for the window), and a Ctrl+C while the app
 * runs ends both. Each time the printed folder is gone afterwards and
 * nothing listens on the printed port any more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-team-demo"

#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <gio/gio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pg-test-server.h"

static const char *const logins[] = { "demo.clinician", "demo.administrator", "demo.lead" };

/* The value printed after "  LABEL: " in @output. */
static char *
printed_value (const char *output,
               const char *label)
{
  g_autofree char *pattern = g_strdup_printf ("(?m)^  %s: +(.+)$", label);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);

  if (!g_regex_match (regex, output, 0, &match))
    g_error ("team-demo printed no %s:\n%s", label, output);
  return g_match_info_fetch (match, 1);
}

static gboolean
port_is_open (int port)
{
  struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons (port) };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  gboolean open;

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inet_pton (AF_INET, PG_TEST_SERVER_HOST, &address.sin_addr), ==, 1);
  open = connect (fd, (struct sockaddr *) &address, sizeof address) == 0;
  if (!open)
    g_assert_cmpint (errno, ==, ECONNREFUSED);
  close (fd);
  return open;
}

/* What team-demo printed holds the connection and every login with a
 * password, and nothing of it is left. */
static void
assert_printed_and_gone (const char *output)
{
  g_autofree char *folder = printed_value (output, "Folder");
  g_autofree char *port = printed_value (output, "Port");
  g_autofree char *ca_file = printed_value (output, "CA file");

  g_assert_true (g_str_has_prefix (ca_file, folder));
  g_assert_nonnull (strstr (output, "Host:     " PG_TEST_SERVER_HOST));
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("(?m)^  \\w+ +%s +[a-z2-9]{4}-[a-z2-9]{4}-"
                                                  "[a-z2-9]{4} +\\S", logins[i]);

      g_assert_true (g_regex_match_simple (pattern, output, 0, 0));
    }
  g_assert_nonnull (strstr (output, "Stopped the team server and removed"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_false (port_is_open (atoi (port)));
}

static GSubprocess *
start_team_demo (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  GSubprocess *process;

  g_ptr_array_add (args, (gpointer) CT_TEAM_DEMO_PROGRAM);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  process = g_subprocess_newv ((const char *const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  return process;
}

/* Runs team-demo to its end; returns what it printed. */
static char *
run_team_demo (const char *const *argv)
{
  g_autoptr(GSubprocess) process = start_team_demo (argv);
  g_autoptr(GError) error = NULL;
  char *output = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("team-demo failed:\n%s", output);
  return output;
}

static void
test_check (void)
{
  const char *const argv[] = { "--check", NULL };
  g_autofree char *output = run_team_demo (argv);

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s signs in and sees all ", logins[i]);

      g_assert_nonnull (strstr (output, line));
    }
  assert_printed_and_gone (output);
}

/* The connection appended to the app's options, with the password file in
 * its environment, signs the app in as the login --as names. */
static void
test_app_signs_in (void)
{
  const char *const argv[] = {
    "--as", "lead", "--", CT_CLI_PROGRAM, "--pgpass", "check", NULL
  };
  g_autofree char *output = run_team_demo (argv);

  g_assert_nonnull (strstr (output, "Opening clinical-team-cli as demo.lead (lead)"));
  assert_printed_and_gone (output);
}

/* Ctrl+C while the app runs: the app (here a shell waiting) is told to
 * end, and then the server goes. */
static void
test_interrupted (void)
{
  const char *const argv[] = {
    "--", "/bin/sh", "-c", "echo app-started; exec sleep 600", "sh", NULL
  };
  g_autoptr(GSubprocess) process = start_team_demo (argv);
  g_autoptr(GDataInputStream) lines =
    g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_autoptr(GString) output = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *line;

  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      g_string_append_printf (output, "%s\n", line);
      if (g_str_equal (line, "app-started"))
        g_subprocess_send_signal (process, SIGINT);
      g_free (line);
    }
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (output->str, "app-started"));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  assert_printed_and_gone (output->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team-demo/check", test_check);
  g_test_add_func ("/team-demo/app-signs-in", test_app_signs_in);
  g_test_add_func ("/team-demo/interrupted", test_interrupted);

  return g_test_run ();
}
