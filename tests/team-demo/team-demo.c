/* team-demo.c: ./build-aux/dev run --team-demo, the team server on one
 * computer
 *
 * Starts the tests' throwaway PostgreSQL (tests/pg-test-server.c: TLS with
 * its own CA, SCRAM, 127.0.0.1 on a free port, in a temporary folder),
 * sets Clinical Team up on a database of it as IT's owner role would
 * (`team init`), fills it with the demo records (the same invented team as
 * --demo), and adds three invented logins, one per role, each linked to a
 * staff member of the demo and given a generated password. It prints the
 * connection and the logins, then runs APP with "--server CONNECTION" (the
 * clinician's, or --as another role's) appended and libpq's password file
 * (PGPASSFILE, in the server's folder) holding the three passwords, so that
 * the app signs in without asking. When APP ends, or on Ctrl+C (passed on
 * to APP, which closes), the server is stopped and its folder removed;
 * pg-test-server does the same however this program ends.
 *
 *   team-demo [--as ROLE] -- APP [APP OPTIONS]
 *   team-demo --check      each login signs in and sees every record; stop
 *
 * A developer's tool, not installed: its output is not translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "team-demo"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "ct-demo-data.h"
#include "ct-records.h"
#include "ct-server-database.h"
#include "ct-server-team.h"
#include "ct-setting.h"
#include "pg-test-server.h"

#define DATABASE   "clinical_team"
#define TEAM_NAME  "Demo Clinical Team"
/* Any seed gives a plausible team; a fixed one makes every demo the same. */
#define DEMO_SEED  2024

/* A login per role, linked to the first demo staff member of a fitting job
 * (the demo's first staff members cover every job). */
static const struct
{
  CtTeamRole  role;
  const char *job;
} team[CT_TEAM_N_ROLES] = {
  { CT_TEAM_ROLE_CLINICIAN, "family_therapist" },
  { CT_TEAM_ROLE_ADMINISTRATOR, "administrator" },
  { CT_TEAM_ROLE_LEAD, "clinical_psychologist" },
};

typedef struct
{
  char *login;
  char *staff_name;
  char *password;
} DemoLogin;

typedef struct
{
  PgTestServer *server;
  DemoLogin     logins[CT_TEAM_N_ROLES];
  char         *password_file;
  guint         n_children;   /* what every login must see */
} TeamDemo;

static void
team_demo_clear (TeamDemo *demo)
{
  for (guint i = 0; i < CT_TEAM_N_ROLES; i++)
    {
      g_free (demo->logins[i].login);
      g_free (demo->logins[i].staff_name);
      g_free (demo->logins[i].password);
    }
  g_free (demo->password_file);
  g_clear_pointer (&demo->server, pg_test_server_free);
}

/* Twelve characters in three groups ("k7mq-x2pt-9hrw"), none that look
 * alike; about 59 random bits. */
static char *
make_password (GError **error)
{
  static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
  const guint n_symbols = sizeof alphabet - 1;
  GString *password = g_string_new (NULL);

  while (password->len < 14)
    {
      guint8 byte;

      if (getrandom (&byte, 1, 0) != 1)
        {
          int saved_errno = errno;

          g_string_free (password, TRUE);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Could not make a random password: %s", g_strerror (saved_errno));
          return NULL;
        }
      /* Only whole runs of the alphabet: every symbol equally likely. */
      if (byte >= 256 - 256 % n_symbols)
        continue;
      if (password->len == 4 || password->len == 9)
        g_string_append_c (password, '-');
      g_string_append_c (password, alphabet[byte % n_symbols]);
    }
  return g_string_free (password, FALSE);
}

/* The name of the first demo staff member whose job is @job. */
static char *
find_staff_member (CtDatabase  *db,
                   const char  *job,
                   GError     **error)
{
  g_autoptr(GListModel) staff = ct_store_list (db, ct_kind_lookup ("staff"), NULL, error);

  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(CtRecord) member = g_list_model_get_item (staff, i);
      g_autofree char *role = ct_record_get_string_by_name (member, "role");

      if (g_strcmp0 (role, job) == 0)
        return ct_record_get_string_by_name (member, "name");
    }
  if (staff != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 "The demo records have no staff member whose role is %s", job);
  return NULL;
}

static gboolean
count_children (CtDatabase  *db,
                guint       *n_children,
                GError     **error)
{
  g_autoptr(GListModel) children = ct_store_list (db, ct_kind_lookup ("child"), NULL, error);

  if (children == NULL)
    return FALSE;
  *n_children = g_list_model_get_n_items (children);
  return TRUE;
}

static gboolean
add_logins (TeamDemo    *demo,
            CtDatabase  *db,
            GError     **error)
{
  for (guint i = 0; i < CT_TEAM_N_ROLES; i++)
    {
      DemoLogin *login = &demo->logins[i];
      gboolean changed;

      login->login = g_strconcat ("demo.", ct_team_role_get_word (team[i].role), NULL);
      if ((login->staff_name = find_staff_member (db, team[i].job, error)) == NULL ||
          (login->password = make_password (error)) == NULL ||
          !ct_server_team_add_user (db, login->login, team[i].role, login->staff_name,
                                    login->password, &changed, error))
        return FALSE;
    }
  return TRUE;
}

/* libpq's password file, private to us (libpq ignores it otherwise), in
 * the server's folder so that it goes with it. */
static gboolean
write_password_file (TeamDemo  *demo,
                     GError   **error)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < CT_TEAM_N_ROLES; i++)
    g_string_append_printf (lines, "%s:%d:%s:%s:%s\n", PG_TEST_SERVER_HOST,
                            pg_test_server_get_port (demo->server), DATABASE,
                            demo->logins[i].login, demo->logins[i].password);
  demo->password_file = g_build_filename (pg_test_server_get_folder (demo->server), "pgpass",
                                          NULL);
  return g_file_set_contents_full (demo->password_file, lines->str, lines->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Schema, demo records and logins, as IT's owner role: the superuser. */
static gboolean
set_up (TeamDemo  *demo,
        GError   **error)
{
  g_autofree char *connection = NULL;
  g_autoptr(CtDatabase) db = NULL;
  CtDemoSize size = ct_demo_size_team ();

  if ((demo->server = pg_test_server_start (error)) == NULL ||
      !pg_test_server_exec (demo->server, "postgres", "CREATE DATABASE " DATABASE, error))
    return FALSE;
  connection = pg_test_server_conninfo (demo->server, DATABASE,
                                        pg_test_server_get_superuser (demo->server));
  db = ct_server_team_init (connection, pg_test_server_get_superuser_password (demo->server),
                            error);
  return db != NULL &&
         ct_setting_set (db, CT_SETTING_TEAM_NAME, TEAM_NAME, error) &&
         ct_demo_data_fill (db, &size, DEMO_SEED, NULL, error) &&
         count_children (db, &demo->n_children, error) &&
         add_logins (demo, db, error) &&
         write_password_file (demo, error);
}

/* @as: the login whose connection is shown. */
static void
print_details (TeamDemo *demo,
               guint     as)
{
  g_autofree char *example = pg_test_server_conninfo (demo->server, DATABASE,
                                                      demo->logins[as].login);

  g_print ("A throwaway team server with the demo records is running; it is removed when\n"
           "the app closes (or on Ctrl+C).\n\n"
           "  Host:     %s\n"
           "  Port:     %d\n"
           "  Database: %s\n"
           "  CA file:  %s\n"
           "  Folder:   %s\n\n"
           "Invented logins, each linked to a staff member of the demo records:\n\n",
           PG_TEST_SERVER_HOST, pg_test_server_get_port (demo->server), DATABASE,
           pg_test_server_get_ca_file (demo->server), pg_test_server_get_folder (demo->server));
  g_print ("  %-14s %-20s %-16s %s\n", "Role", "Login", "Password", "Staff member");
  for (guint i = 0; i < CT_TEAM_N_ROLES; i++)
    g_print ("  %-14s %-20s %-16s %s\n", ct_team_role_get_word (team[i].role),
             demo->logins[i].login, demo->logins[i].password, demo->logins[i].staff_name);
  g_print ("\nA connection, for clinical-team-cli --server:\n  %s\n\n", example);
}

/* --check: each login signs in through the password file, as the app does,
 * is its own actor, and sees every child. */
static gboolean
check_logins (TeamDemo  *demo,
              GError   **error)
{
  g_setenv ("PGPASSFILE", demo->password_file, TRUE);
  for (guint i = 0; i < CT_TEAM_N_ROLES; i++)
    {
      const char *login = demo->logins[i].login;
      g_autofree char *connection = pg_test_server_conninfo (demo->server, DATABASE, login);
      g_autoptr(CtDatabase) db = ct_server_database_connect (connection, NULL, NULL, error);
      guint n_children;

      if (db == NULL || !count_children (db, &n_children, error))
        return FALSE;
      if (n_children == 0 ||
          g_strcmp0 (ct_database_get_actor (db), login) != 0 || n_children != demo->n_children)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "%s signed in as %s and sees %u of the %u children", login,
                       ct_database_get_actor (db), n_children, demo->n_children);
          return FALSE;
        }
      g_print ("%s signs in and sees all %u children.\n", login, n_children);
    }
  return TRUE;
}

/* Running the app */

typedef struct
{
  GMainLoop *loop;
  GPid       pid;
  gboolean   running;
} AppRun;

static void
on_app_exited (GPid     pid,
               int      status,
               gpointer user_data)
{
  AppRun *run = user_data;

  run->running = FALSE;
  g_spawn_close_pid (pid);
  g_main_loop_quit (run->loop);
}

/* Ctrl+C reaches the app too (the same process group); a SIGTERM or a
 * hang-up sent to us alone is passed on. Either way we wait for the app
 * to close, then stop the server. */
static gboolean
on_signal (gpointer user_data)
{
  AppRun *run = user_data;

  if (run->running)
    kill (run->pid, SIGTERM);
  return G_SOURCE_CONTINUE;
}

static gboolean
run_app (TeamDemo    *demo,
         char       **app_argv,
         guint        as,
         GError     **error)
{
  const char *login = demo->logins[as].login;
  g_autofree char *app_name = g_path_get_basename (app_argv[0]);
  g_autofree char *connection = pg_test_server_conninfo (demo->server, DATABASE, login);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  AppRun run = { g_main_loop_new (NULL, FALSE), 0, TRUE };
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  guint sources[G_N_ELEMENTS (signals)];
  gboolean ok;

  g_strv_builder_addv (builder, (const char **) app_argv);
  g_strv_builder_add_many (builder, "--server", connection, NULL);
  argv = g_strv_builder_end (builder);
  envp = g_environ_setenv (envp, "PGPASSFILE", demo->password_file, TRUE);
  /* A demo changes none of the person's real preferences. */
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sources[i] = g_unix_signal_add (signals[i], on_signal, &run);
  g_print ("Opening %s as %s (%s)…\n", app_name, login, ct_team_role_get_word (team[as].role));
  /* Before the app writes to the same output. */
  fflush (stdout);
  ok = g_spawn_async (NULL, argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                      NULL, NULL, &run.pid, error);
  if (ok)
    {
      g_child_watch_add (run.pid, on_app_exited, &run);
      g_main_loop_run (run.loop);
    }
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_source_remove (sources[i]);
  g_main_loop_unref (run.loop);
  return ok;
}

static gboolean
role_index (const char  *word,
            guint       *index,
            GError     **error)
{
  CtTeamRole role = CT_TEAM_ROLE_CLINICIAN;

  if (word != NULL && !ct_team_role_from_word (word, &role, error))
    return FALSE;
  for (*index = 0; team[*index].role != role; (*index)++)
    ;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean check = FALSE;
  g_autofree char *as_word = NULL;
  g_auto(GStrv) app_argv = NULL;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      "Check that each login signs in and sees the records, then stop", NULL },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as_word,
      "The role to open the app as: clinician (default), administrator or lead", "ROLE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &app_argv, NULL, "-- APP [OPTIONS]" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the team server on one computer");
  g_autoptr(GError) error = NULL;
  TeamDemo demo = { NULL };
  guint as = 0;
  gboolean ok;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !role_index (as_word, &as, &error))
    {
      g_printerr ("team-demo: %s\n", error->message);
      return 2;
    }
  if (check == (app_argv != NULL))
    {
      g_printerr ("team-demo: give --check, or the app to run after --\n");
      return 2;
    }

  g_print ("Starting a throwaway team server on " PG_TEST_SERVER_HOST "…\n");
  ok = set_up (&demo, &error);
  if (ok)
    {
      print_details (&demo, as);
      ok = check ? check_logins (&demo, &error) : run_app (&demo, app_argv, as, &error);
    }
  if (demo.server != NULL)
    {
      g_autofree char *folder = g_strdup (pg_test_server_get_folder (demo.server));

      pg_test_server_stop (demo.server);
      g_print ("Stopped the team server and removed %s.\n", folder);
    }
  team_demo_clear (&demo);
  if (!ok)
    {
      g_printerr ("team-demo: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
