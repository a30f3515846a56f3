/* pg-test-server.c: a throwaway PostgreSQL server for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything lives in one temporary folder:
 *
 *   ct-test-pg-XXXXXX/
 *     ca.crt                the CA (its key is deleted once it has signed)
 *     server.crt server.key the server's certificate for IP 127.0.0.1
 *     server.log            the server's log (warnings and worse)
 *     .s.PGSQL.PORT         the Unix socket (pg_hba.conf lets nobody in by it)
 *     data/                 the cluster
 *
 * The paths of initdb, pg_ctl, postgres, openssl, runuser, cp and rm come
 * from meson, so nothing is looked up in PATH at run time.
 */
#define G_LOG_DOMAIN "pg-test-server"
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pg-test-server.h"

/* PostgreSQL refuses to run as root; Debian's postgresql package makes
 * this system user for it. */
#define SERVER_USER "postgres"
/* Synthetic, and not the OS user's name, so that nothing maps one to the
 * other by accident. */
#define SUPERUSER "ct_test_admin"
#define FOLDER_PREFIX "ct-test-pg-"
#define START_ATTEMPTS 3
/* A folder this old without a live postmaster is left over from a run that
 * nothing could clean up after (see remove_stale_folders()). Younger ones
 * may belong to a test that is still running initdb. */
#define STALE_AFTER_SECONDS (10 * 60)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

struct _PgTestServer
{
  char     *folder;
  char     *data_dir;
  char     *ca_file;
  char     *log_file;
  char     *password;
  int       port;
  guint     n_databases;

  /* Set when we are root: the server's own processes run as SERVER_USER. */
  gboolean  as_server_user;
  uid_t     server_uid;
  gid_t     server_gid;

  /* Built before anything can go wrong, so that a signal handler and the
   * watchdog only have to fork, exec and wait. */
  char    **stop_argv;
  char    **remove_argv;
  pid_t     owner_pid;
  pid_t     watchdog_pid;
  int       watchdog_fd;
  gboolean  cleanup_pending;   /* the folder may exist */
  gboolean  started;           /* pg_ctl start succeeded */
};

/* The server that the exit and signal handlers clean up after. */
static PgTestServer *volatile running_server;
static int devnull_fd = -1;

/* The signals after which a test process is gone or about to be: a failed
 * g_assert (SIGABRT, or SIGTRAP for a fatal log under a debugger), a crash,
 * Ctrl-C, meson's timeout (SIGTERM), a closed terminal. */
static const int fatal_signals[] = {
  SIGABRT, SIGBUS, SIGFPE, SIGHUP, SIGILL, SIGINT, SIGQUIT, SIGSEGV, SIGTERM, SIGTRAP,
};
static struct sigaction previous_actions[G_N_ELEMENTS (fatal_signals)];

/* ---- Cleanup that is safe in a signal handler and a forked child ---- */

/* Runs a prebuilt command with its output thrown away; only fork, dup2,
 * execv, waitpid and _exit, all async-signal-safe. Returns its wait status. */
static int
run_prebuilt (char **argv)
{
  int status = -1;
  pid_t pid = fork ();

  if (pid == 0)
    {
      dup2 (devnull_fd, STDIN_FILENO);
      dup2 (devnull_fd, STDOUT_FILENO);
      dup2 (devnull_fd, STDERR_FILENO);
      execv (argv[0], argv);
      _exit (127);
    }
  if (pid < 0)
    return -1;
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  return status;
}

/* pg_ctl stop, then rm -rf; both harmless when there is nothing to do. */
static int
remove_server_files (PgTestServer *self)
{
  int status = run_prebuilt (self->stop_argv);

  run_prebuilt (self->remove_argv);
  return status;
}

static void
on_fatal_signal (int sig)
{
  PgTestServer *server = running_server;
  int saved_errno = errno;

  /* A child forked by the test without exec must not stop its parent's
   * server. */
  if (server != NULL && getpid () == server->owner_pid)
    {
      running_server = NULL;
      remove_server_files (server);
    }

  /* Let the signal do what it would have done without us: usually end the
   * process, with a core dump where that is the default. */
  for (gsize i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    if (fatal_signals[i] == sig)
      sigaction (sig, &previous_actions[i], NULL);
  errno = saved_errno;
  raise (sig);
}

static void
stop_at_exit (void)
{
  PgTestServer *server = running_server;

  if (server != NULL && getpid () == server->owner_pid)
    pg_test_server_stop (server);
}

static void
install_handlers_once (void)
{
  static gboolean installed;
  struct sigaction action = { .sa_handler = on_fatal_signal };

  if (installed)
    return;
  installed = TRUE;

  devnull_fd = open ("/dev/null", O_RDWR | O_CLOEXEC);
  sigemptyset (&action.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    {
      /* An ignored signal (SIGINT in a shell's background job) stays
       * ignored: it ends nothing, so there is nothing to clean up. */
      sigaction (fatal_signals[i], NULL, &previous_actions[i]);
      if (previous_actions[i].sa_handler != SIG_IGN)
        sigaction (fatal_signals[i], &action, NULL);
    }
  atexit (stop_at_exit);
}

/* The watchdog is a child in its own session that waits for the test
 * process to close its end of a socket pair. No handler runs on SIGKILL or
 * on _exit() (what a failed g_assert does in a g_test_trap_subprocess()
 * child); the watchdog sees the close in every case, and cleans up unless
 * the test process said it already has (one byte before the close). */
static void G_GNUC_NORETURN
watch_owner (PgTestServer *self,
             int           read_fd)
{
  struct sigaction default_action = { .sa_handler = SIG_DFL };
  char byte;
  ssize_t n;

  for (gsize i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    sigaction (fatal_signals[i], &default_action, NULL);
  setsid ();

  /* Hold nothing of the parent's open: not meson's or g_test_trap's
   * output pipes, whose readers wait for them to close. */
  dup2 (devnull_fd, STDIN_FILENO);
  dup2 (devnull_fd, STDOUT_FILENO);
  dup2 (devnull_fd, STDERR_FILENO);
  dup2 (read_fd, 3);
  closefrom (4);

  do
    n = read (3, &byte, 1);
  while (n < 0 && errno == EINTR);
  if (n != 1)
    {
      devnull_fd = STDIN_FILENO;
      remove_server_files (self);
    }
  _exit (0);
}

static gboolean
start_watchdog (PgTestServer  *self,
                GError       **error)
{
  int fds[2];
  pid_t pid;

  /* A socket pair rather than a pipe: send() with MSG_NOSIGNAL cannot kill
   * us with SIGPIPE if the watchdog has gone. Close-on-exec, so that no
   * server process keeps our end open. */
  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not make the watchdog's socket: %s", g_strerror (saved_errno));
      return FALSE;
    }

  pid = fork ();
  if (pid == 0)
    {
      close (fds[1]);
      watch_owner (self, fds[0]);
    }
  close (fds[0]);
  if (pid < 0)
    {
      int saved_errno = errno;

      close (fds[1]);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not start the watchdog: %s", g_strerror (saved_errno));
      return FALSE;
    }
  self->watchdog_pid = pid;
  self->watchdog_fd = fds[1];
  return TRUE;
}

static void
dismiss_watchdog (PgTestServer *self)
{
  if (self->watchdog_fd < 0)
    return;

  if (send (self->watchdog_fd, "", 1, MSG_NOSIGNAL) != 1)
    g_message ("Could not tell the watchdog that the server is gone: %s", g_strerror (errno));
  close (self->watchdog_fd);
  self->watchdog_fd = -1;
  while (waitpid (self->watchdog_pid, NULL, 0) < 0 && errno == EINTR)
    ;
  self->watchdog_pid = 0;
}

/* ---- Running the PostgreSQL tools ---- */

/* @argv as the server's own user: through runuser when we are root. */
static char **
server_command (PgTestServer      *self,
                const char *const *argv)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (self->as_server_user)
    {
      const char *const prefix[] = { PG_TEST_RUNUSER, "-u", SERVER_USER, "--", NULL };

      g_strv_builder_addv (builder, (const char **) prefix);
    }
  g_strv_builder_addv (builder, (const char **) argv);
  return g_strv_builder_end (builder);
}

/* Runs @argv (a full path first) in the server's folder and waits; on
 * failure the error carries what the tool wrote to stderr. */
static gboolean
run_tool (PgTestServer       *self,
          const char *const  *argv,
          gboolean            as_server_user,
          GError            **error)
{
  g_auto(GStrv) command = as_server_user ? server_command (self, argv)
                                         : g_strdupv ((char **) argv);
  g_autofree char *errors = NULL;
  g_autofree char *name = g_path_get_basename (argv[0]);
  g_autoptr(GError) local_error = NULL;
  int status;

  if (!g_spawn_sync (self->folder, command, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &errors, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed (%s): %s",
                   name, local_error->message, g_strstrip (errors));
      return FALSE;
    }
  return TRUE;
}

static gboolean
give_to_server_user (PgTestServer  *self,
                     const char    *path,
                     GError       **error)
{
  if (!self->as_server_user || chown (path, self->server_uid, self->server_gid) == 0)
    return TRUE;

  {
    int saved_errno = errno;

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "Could not give %s to the user %s: %s", path, SERVER_USER,
                 g_strerror (saved_errno));
    return FALSE;
  }
}

/* Written private from the start (0600), then owned by the server. */
static gboolean
write_server_file (PgTestServer  *self,
                   const char    *path,
                   const char    *contents,
                   GError       **error)
{
  return g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error) &&
         give_to_server_user (self, path, error);
}

/* ---- Start-up steps ---- */

static gboolean
find_server_user (PgTestServer  *self,
                  GError       **error)
{
  struct passwd *user;

  if (geteuid () != 0)
    return TRUE;

  user = getpwnam (SERVER_USER);
  if (user == NULL || strlen (PG_TEST_RUNUSER) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "PostgreSQL does not run as root, and there is no user %s or no runuser "
                   "to run it as (install postgresql-15)", SERVER_USER);
      return FALSE;
    }
  self->as_server_user = TRUE;
  self->server_uid = user->pw_uid;
  self->server_gid = user->pw_gid;
  return TRUE;
}

/* Prepares everything the signal handlers and the watchdog need, then
 * installs them: from here on the folder goes away however we end. */
static gboolean
arm_cleanup (PgTestServer  *self,
             GError       **error)
{
  const char *const stop[] = {
    PG_TEST_PG_CTL, "-D", self->data_dir, "-m", "immediate", "-s", "-w", "stop", NULL
  };
  const char *const remove[] = { PG_TEST_RM, "-rf", "--", self->folder, NULL };

  self->stop_argv = server_command (self, stop);
  self->remove_argv = g_strdupv ((char **) remove);
  self->owner_pid = getpid ();
  self->cleanup_pending = TRUE;

  install_handlers_once ();
  running_server = self;
  return start_watchdog (self, error);
}

static char *
make_password (GError **error)
{
  guint8 bytes[24];
  GString *password = g_string_sized_new (2 * sizeof bytes);

  if (getrandom (bytes, sizeof bytes, 0) != sizeof bytes)
    {
      int saved_errno = errno;

      g_string_free (password, TRUE);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not make a random password: %s", g_strerror (saved_errno));
      return NULL;
    }
  for (gsize i = 0; i < sizeof bytes; i++)
    g_string_append_printf (password, "%02x", bytes[i]);
  explicit_bzero (bytes, sizeof bytes);
  return g_string_free (password, FALSE);
}

/* initdb reads the password from a file, not argv (which anyone can see in
 * ps); the file lives only as long as initdb runs. */
static gboolean
run_initdb (PgTestServer  *self,
            GError       **error)
{
  g_autofree char *password_file = g_build_filename (self->folder, "superuser.pw", NULL);
  g_autofree char *password_option = g_strconcat ("--pwfile=", password_file, NULL);
  const char *const argv[] = {
    PG_TEST_INITDB, "-D", self->data_dir, "-U", SUPERUSER, password_option,
    "--auth-host=scram-sha-256", "--auth-local=scram-sha-256",
    "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions", NULL
  };
  gboolean ok;

  if (!write_server_file (self, password_file, self->password, error))
    return FALSE;
  ok = run_tool (self, argv, TRUE, error);
  g_unlink (password_file);
  return ok;
}

/* initdb takes one to several seconds, most of a start; copying a cluster
 * it made before takes a fraction of that. The copy, in the build folder,
 * is made once per initdb and user, before any of our settings; each start
 * copies it and gives the superuser a new password. */
static char *
template_path (void)
{
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, PG_TEST_INITDB, -1);

  return g_strdup_printf ("%s/pg-cluster-template-%u-%.12s", PG_TEST_CACHE_DIR,
                          (unsigned) geteuid (), key);
}

/* Best effort: copied beside the template's place, then renamed into it,
 * so that no start ever sees half a copy. When tests race to save it, one
 * rename wins and the others' copies are removed. */
static void
save_template (PgTestServer *self,
               const char   *template)
{
  g_autofree char *staging = g_strdup_printf ("%s.%d", template, (int) getpid ());
  const char *const copy[] = { PG_TEST_CP, "-a", "--", self->data_dir, staging, NULL };
  const char *const remove[] = { PG_TEST_RM, "-rf", "--", staging, NULL };
  g_autoptr(GError) error = NULL;

  if (run_tool (self, copy, FALSE, &error) && g_rename (staging, template) == 0)
    return;
  g_debug ("Not saving the cluster as a template: %s",
           error != NULL ? error->message : g_strerror (errno));
  run_tool (self, remove, FALSE, NULL);
}

/* A single-user backend reads the statement from stdin, so the password is
 * in no argv, file or environment; with log_min_error_statement=panic it
 * never echoes the statement, and its output is not kept. */
static gboolean
set_superuser_password (PgTestServer  *self,
                        GError       **error)
{
  const char *const single[] = {
    PG_TEST_POSTGRES, "--single", "-D", self->data_dir, "-F",
    "-c", "password_encryption=scram-sha-256", "-c", "log_min_error_statement=panic",
    "-c", "exit_on_error=on", "postgres", NULL
  };
  g_auto(GStrv) argv = server_command (self, single);
  g_autofree char *sql = g_strdup_printf ("ALTER ROLE " SUPERUSER " PASSWORD '%s'\n",
                                          self->password);
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) backend = NULL;
  gboolean ok;

  g_subprocess_launcher_set_cwd (launcher, self->folder);
  backend = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv, error);
  ok = backend != NULL &&
       g_subprocess_communicate_utf8 (backend, sql, NULL, NULL, NULL, error) &&
       g_subprocess_get_successful (backend);
  explicit_bzero (sql, strlen (sql));
  if (ok || (error != NULL && *error != NULL))
    return ok;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "postgres --single could not set the password");
  return FALSE;
}

static gboolean
copy_template (PgTestServer  *self,
               const char    *template,
               GError       **error)
{
  const char *const copy[] = { PG_TEST_CP, "-a", "--", template, self->data_dir, NULL };

  return run_tool (self, copy, FALSE, error) && set_superuser_password (self, error);
}

/* The cluster, from the template when there is a good one. */
static gboolean
init_cluster (PgTestServer  *self,
              GError       **error)
{
  g_autofree char *template = template_path ();
  g_autoptr(GError) template_error = NULL;

  if (g_file_test (template, G_FILE_TEST_IS_DIR))
    {
      const char *const remove[] = { PG_TEST_RM, "-rf", "--", self->data_dir, NULL };
      /* so that the cluster initdb makes now takes its place */
      const char *const forget[] = { PG_TEST_RM, "-rf", "--", template, NULL };

      if (copy_template (self, template, &template_error))
        return TRUE;
      g_debug ("Running initdb: the template %s did not work: %s", template,
               template_error->message);
      run_tool (self, remove, FALSE, NULL);
      run_tool (self, forget, FALSE, NULL);
    }

  if (!run_initdb (self, error))
    return FALSE;
  save_template (self, template);
  return TRUE;
}

/* A self-signed certificate (the CA) or, with @ca_file, one signed by the
 * CA. Elliptic-curve keys: made in milliseconds where RSA takes a while.
 * "req -x509 -CA" needs OpenSSL 3 (Debian 12 has 3.0). */
static gboolean
make_certificate (PgTestServer       *self,
                  const char         *key_file,
                  const char         *cert_file,
                  const char         *subject,
                  const char         *ca_file,
                  const char         *ca_key_file,
                  const char *const  *extensions,
                  GError            **error)
{
  const char *const command[] = {
    PG_TEST_OPENSSL, "req", "-x509", "-new", "-newkey", "ec",
    "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
    "-keyout", key_file, "-out", cert_file, "-subj", subject, NULL
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_addv (builder, (const char **) command);
  if (ca_file != NULL)
    {
      const char *const signer[] = { "-CA", ca_file, "-CAkey", ca_key_file, NULL };

      g_strv_builder_addv (builder, (const char **) signer);
    }
  for (gsize i = 0; extensions[i] != NULL; i++)
    {
      g_strv_builder_add (builder, "-addext");
      g_strv_builder_add (builder, extensions[i]);
    }
  argv = g_strv_builder_end (builder);
  return run_tool (self, (const char *const *) argv, FALSE, error);
}

/* The server's certificate names 127.0.0.1 as its subjectAltName, so that
 * sslmode=verify-full with host=127.0.0.1 checks the name as well as the
 * signature. The CA's key is deleted once it has signed: nothing else can
 * ever be signed by it. */
static gboolean
make_certificates (PgTestServer  *self,
                   GError       **error)
{
  const char *const ca_extensions[] = {
    "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign", NULL
  };
  const char *const server_extensions[] = {
    "subjectAltName=IP:" PG_TEST_SERVER_HOST, "basicConstraints=critical,CA:FALSE",
    "keyUsage=critical,digitalSignature", "extendedKeyUsage=serverAuth", NULL
  };
  g_autofree char *ca_key = g_build_filename (self->folder, "ca.key", NULL);
  g_autofree char *server_key = g_build_filename (self->folder, "server.key", NULL);
  g_autofree char *server_cert = g_build_filename (self->folder, "server.crt", NULL);
  gboolean ok;

  ok = make_certificate (self, ca_key, self->ca_file, "/CN=Clinical Team test CA",
                         NULL, NULL, ca_extensions, error) &&
       make_certificate (self, server_key, server_cert, "/CN=" PG_TEST_SERVER_HOST,
                         self->ca_file, ca_key, server_extensions, error);
  g_unlink (ca_key);

  /* The server refuses a key that another user owns or others can read. */
  return ok &&
         give_to_server_user (self, server_key, error) &&
         give_to_server_user (self, server_cert, error);
}

/* A string for postgresql.conf, in single quotes. */
static char *
conf_quote (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, "'", -1);
  g_autofree char *escaped = g_strjoinv ("''", parts);

  return g_strdup_printf ("'%s'", escaped);
}

/* TLS with scram-sha-256 on 127.0.0.1 and nothing else: one hostssl line,
 * no "host" line (plain TCP) and no "local" line (the socket). */
static const char pg_hba[] =
  "# Written by tests/pg-test-server.c: TLS and scram-sha-256 on 127.0.0.1 only.\n"
  "hostssl all all " PG_TEST_SERVER_HOST "/32 scram-sha-256\n";

static gboolean
configure_cluster (PgTestServer  *self,
                   GError       **error)
{
  g_autofree char *conf_file = g_build_filename (self->data_dir, "postgresql.conf", NULL);
  g_autofree char *hba_file = g_build_filename (self->data_dir, "pg_hba.conf", NULL);
  g_autofree char *folder = conf_quote (self->folder);
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *settings = NULL;

  {
    g_autofree char *cert_path = g_build_filename (self->folder, "server.crt", NULL);
    g_autofree char *key_path = g_build_filename (self->folder, "server.key", NULL);

    cert = conf_quote (cert_path);
    key = conf_quote (key_path);
  }

  if (!g_file_get_contents (conf_file, &conf, NULL, error))
    return FALSE;

  settings = g_strdup_printf (
    "%s\n"
    "# Added by tests/pg-test-server.c\n"
    "listen_addresses = '" PG_TEST_SERVER_HOST "'\n"
    "unix_socket_directories = %s\n"
    "unix_socket_permissions = 0700\n"
    "password_encryption = 'scram-sha-256'\n"
    "ssl = on\n"
    "ssl_cert_file = %s\n"
    "ssl_key_file = %s\n"
    "max_connections = 50\n"
    "log_min_messages = warning\n"
    "# A throwaway server: nothing in it needs to survive a crash.\n"
    "fsync = off\n"
    "synchronous_commit = off\n"
    "full_page_writes = off\n",
    conf, folder, cert, key);

  return write_server_file (self, conf_file, settings, error) &&
         write_server_file (self, hba_file, pg_hba, error);
}

/* The kernel's choice of a free port. Another process may take it before
 * the server binds it; start_postmaster() then tries another. */
static int
pick_free_port (GError **error)
{
  struct sockaddr_in address = {
    .sin_family = AF_INET,
    .sin_port = 0,
    .sin_addr.s_addr = htonl (INADDR_LOOPBACK),
  };
  socklen_t length = sizeof address;
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  if (fd < 0 ||
      bind (fd, (struct sockaddr *) &address, sizeof address) != 0 ||
      getsockname (fd, (struct sockaddr *) &address, &length) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not find a free port on " PG_TEST_SERVER_HOST ": %s",
                   g_strerror (saved_errno));
      return -1;
    }
  close (fd);
  return ntohs (address.sin_port);
}

static gboolean
log_says_port_taken (PgTestServer *self)
{
  g_autofree char *log = NULL;

  return g_file_get_contents (self->log_file, &log, NULL, NULL) &&
         strstr (log, "Address already in use") != NULL;
}

static gboolean
start_postmaster (PgTestServer  *self,
                  GError       **error)
{
  for (int attempt = 1; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *port_option = NULL;
      g_autofree char *log = NULL;

      self->port = pick_free_port (error);
      if (self->port < 0)
        return FALSE;
      port_option = g_strdup_printf ("-p %d", self->port);
      {
        const char *const argv[] = {
          PG_TEST_PG_CTL, "-w", "-s", "-t", "60", "-D", self->data_dir,
          "-l", self->log_file, "-o", port_option, "start", NULL
        };

        if (run_tool (self, argv, TRUE, &local_error))
          return TRUE;
      }
      if (attempt < START_ATTEMPTS && log_says_port_taken (self))
        continue;

      g_file_get_contents (self->log_file, &log, NULL, NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s\nThe server's log:\n%s",
                   local_error->message, log != NULL ? log : "(none)");
      return FALSE;
    }
}

/* A folder is stale when it is old and no postmaster runs in it: its test
 * process and watchdog were both killed (say, by the OOM killer) and its
 * server has stopped since. With the server still running we leave it:
 * stopping someone else's server is not ours to decide. */
static gboolean
folder_is_stale (const char *path)
{
  g_autofree char *pid_file = g_build_filename (path, "data", "postmaster.pid", NULL);
  g_autofree char *contents = NULL;
  GStatBuf info;
  gint64 pid;

  if (g_lstat (path, &info) != 0 || !S_ISDIR (info.st_mode) ||
      (geteuid () != 0 && info.st_uid != geteuid ()) ||
      time (NULL) - info.st_mtime < STALE_AFTER_SECONDS)
    return FALSE;
  if (!g_file_get_contents (pid_file, &contents, NULL, NULL))
    return TRUE;
  pid = g_ascii_strtoll (contents, NULL, 10);
  return pid > 0 && kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

static void
remove_stale_folders (void)
{
  const char *tmp = g_get_tmp_dir ();
  g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, FOLDER_PREFIX))
        continue;
      path = g_build_filename (tmp, name, NULL);
      if (folder_is_stale (path))
        {
          const char *const argv[] = { PG_TEST_RM, "-rf", "--", path, NULL };

          g_debug ("Removing the stale test server folder %s", path);
          g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT,
                        NULL, NULL, NULL, NULL, NULL, NULL);
        }
    }
}

static gboolean
make_folder (PgTestServer  *self,
             GError       **error)
{
  self->folder = g_dir_make_tmp (FOLDER_PREFIX "XXXXXX", error);
  if (self->folder == NULL)
    return FALSE;
  self->data_dir = g_build_filename (self->folder, "data", NULL);
  self->ca_file = g_build_filename (self->folder, "ca.crt", NULL);
  self->log_file = g_build_filename (self->folder, "server.log", NULL);
  return TRUE;
}

/* ---- Public API ---- */

/* Where start-up spends its time, with G_MESSAGES_DEBUG=pg-test-server. */
static void
log_step (const char *step,
          gint64     *since)
{
  gint64 now = g_get_monotonic_time ();

  g_debug ("%s: %.2f s", step, (now - *since) / (double) G_USEC_PER_SEC);
  *since = now;
}

PgTestServer *
pg_test_server_start (GError **error)
{
  g_autoptr(PgTestServer) self = NULL;
  gint64 first = g_get_monotonic_time ();
  gint64 begin = first;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (running_server == NULL, NULL);

  remove_stale_folders ();
  self = g_new0 (PgTestServer, 1);
  self->watchdog_fd = -1;

  if (!find_server_user (self, error) || !make_folder (self, error))
    return NULL;
  if (!arm_cleanup (self, error) ||
      !give_to_server_user (self, self->folder, error) ||
      (self->password = make_password (error)) == NULL)
    return NULL;
  if (!init_cluster (self, error))
    return NULL;
  log_step ("cluster (initdb or its template)", &begin);
  if (!make_certificates (self, error) || !configure_cluster (self, error))
    return NULL;
  log_step ("certificates", &begin);
  if (!start_postmaster (self, error))
    return NULL;
  log_step ("pg_ctl start", &begin);
  self->started = TRUE;

  g_debug ("Test server on port %d started in %.2f s", self->port,
           (g_get_monotonic_time () - first) / (double) G_USEC_PER_SEC);
  return g_steal_pointer (&self);
}

void
pg_test_server_stop (PgTestServer *self)
{
  int status;

  g_return_if_fail (self != NULL);

  if (!self->cleanup_pending)
    return;

  status = remove_server_files (self);
  if (self->started && !(WIFEXITED (status) && WEXITSTATUS (status) == 0))
    g_message ("pg_ctl stop failed (status %d); the folder is removed anyway", status);
  self->cleanup_pending = FALSE;
  self->started = FALSE;
  if (running_server == self)
    running_server = NULL;
  dismiss_watchdog (self);
}

gboolean
pg_test_server_pause (PgTestServer  *self,
                      GError       **error)
{
  const char *const argv[] = {
    PG_TEST_PG_CTL, "-D", self->data_dir, "-m", "fast", "-s", "-w", "stop", NULL
  };

  g_return_val_if_fail (self != NULL && self->started, FALSE);

  return run_tool (self, argv, TRUE, error);
}

gboolean
pg_test_server_resume (PgTestServer  *self,
                       GError       **error)
{
  g_autofree char *port_option = NULL;

  g_return_val_if_fail (self != NULL && self->started, FALSE);

  port_option = g_strdup_printf ("-p %d", self->port);
  {
    const char *const argv[] = {
      PG_TEST_PG_CTL, "-w", "-s", "-t", "60", "-D", self->data_dir,
      "-l", self->log_file, "-o", port_option, "start", NULL
    };

    return run_tool (self, argv, TRUE, error);
  }
}

void
pg_test_server_free (PgTestServer *self)
{
  if (self == NULL)
    return;

  pg_test_server_stop (self);
  if (self->password != NULL)
    explicit_bzero (self->password, strlen (self->password));
  g_free (self->password);
  g_free (self->folder);
  g_free (self->data_dir);
  g_free (self->ca_file);
  g_free (self->log_file);
  g_strfreev (self->stop_argv);
  g_strfreev (self->remove_argv);
  g_free (self);
}

const char *
pg_test_server_get_ca_file (PgTestServer *self)
{
  return self->ca_file;
}

int
pg_test_server_get_port (PgTestServer *self)
{
  return self->port;
}

const char *
pg_test_server_get_superuser (PgTestServer *self)
{
  return SUPERUSER;
}

const char *
pg_test_server_get_superuser_password (PgTestServer *self)
{
  return self->password;
}

const char *
pg_test_server_get_folder (PgTestServer *self)
{
  return self->folder;
}

/* keyword=value, quoted only when the value needs it. */
static void
append_conninfo (GString    *conninfo,
                 const char *keyword,
                 const char *value)
{
  gboolean quote = *value == '\0' || strpbrk (value, " '\\\t\n") != NULL;

  if (conninfo->len > 0)
    g_string_append_c (conninfo, ' ');
  g_string_append_printf (conninfo, "%s=", keyword);
  if (quote)
    g_string_append_c (conninfo, '\'');
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *c);
    }
  if (quote)
    g_string_append_c (conninfo, '\'');
}

char *
pg_test_server_conninfo (PgTestServer *self,
                         const char   *dbname,
                         const char   *user)
{
  GString *conninfo = g_string_new (NULL);
  g_autofree char *port = g_strdup_printf ("%d", self->port);

  append_conninfo (conninfo, "host", PG_TEST_SERVER_HOST);
  append_conninfo (conninfo, "port", port);
  append_conninfo (conninfo, "dbname", dbname);
  append_conninfo (conninfo, "user", user);
  append_conninfo (conninfo, "sslmode", "verify-full");
  append_conninfo (conninfo, "sslrootcert", self->ca_file);
  return g_string_free (conninfo, FALSE);
}

/* The password goes as a parameter of its own: never in a connection
 * string, the environment or argv. */
static PGconn *
connect_as_superuser (PgTestServer  *self,
                      const char    *dbname,
                      GError       **error)
{
  g_autofree char *port = g_strdup_printf ("%d", self->port);
  const char *const keywords[] = {
    "host", "port", "dbname", "user", "password", "sslmode", "sslrootcert",
    "connect_timeout", NULL
  };
  const char *const values[] = {
    PG_TEST_SERVER_HOST, port, dbname, SUPERUSER, self->password, "verify-full",
    self->ca_file, "10", NULL
  };
  g_autoptr(PGconn) conn = PQconnectdbParams (keywords, values, FALSE);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not connect to the test server: %s", PQerrorMessage (conn));
      return NULL;
    }
  return g_steal_pointer (&conn);
}

static gboolean
exec_sql (PGconn      *conn,
          const char  *sql,
          GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      g_autofree char *message = g_strdup (result != NULL ? PQresultErrorMessage (result)
                                                          : PQerrorMessage (conn));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", g_strstrip (message));
      return FALSE;
    }
  return TRUE;
}

gboolean
pg_test_server_exec (PgTestServer  *self,
                     const char    *dbname,
                     const char    *sql,
                     GError       **error)
{
  g_autoptr(PGconn) conn = NULL;

  g_return_val_if_fail (self != NULL && self->started, FALSE);

  conn = connect_as_superuser (self, dbname, error);
  return conn != NULL && exec_sql (conn, sql, error);
}

char *
pg_test_server_create_database (PgTestServer  *self,
                                const char    *template_name,
                                GError       **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  char *template_quoted = NULL;

  g_return_val_if_fail (self != NULL && self->started, NULL);

  conn = connect_as_superuser (self, "postgres", error);
  if (conn == NULL)
    return NULL;

  /* Unique within the cluster, and each server is a fresh cluster. */
  name = g_strdup_printf ("ct_test_%u", ++self->n_databases);
  if (template_name != NULL)
    {
      template_quoted = PQescapeIdentifier (conn, template_name, strlen (template_name));
      sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name, template_quoted);
      PQfreemem (template_quoted);
    }
  else
    sql = g_strdup_printf ("CREATE DATABASE %s", name);

  if (!exec_sql (conn, sql, error))
    return NULL;
  return g_steal_pointer (&name);
}
