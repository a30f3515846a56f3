/* ct-secret.c: passphrases in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-secret"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "ct-database.h"
#include "ct-secret.h"

#define PASSPHRASE_MAX 1024

void
ct_secret_wipe (gpointer mem,
                gsize    len)
{
  if (mem != NULL && len > 0)
    explicit_bzero (mem, len);
}

void
ct_passphrase_free (char *passphrase)
{
  if (passphrase == NULL)
    return;
  ct_secret_wipe (passphrase, strlen (passphrase));
  g_free (passphrase);
}

static char *
read_line (int      fd,
           GError **error)
{
  char *buf = g_malloc0 (PASSPHRASE_MAX + 1);
  gsize len = 0;

  for (;;)
    {
      char c;
      ssize_t n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          ct_passphrase_free (buf);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not read the passphrase: %s"), g_strerror (saved));
          return NULL;
        }
      if (n == 0 || c == '\n')
        break;
      if (len == PASSPHRASE_MAX)
        {
          ct_passphrase_free (buf);
          g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
                       _("The passphrase is longer than %d characters."), PASSPHRASE_MAX);
          return NULL;
        }
      buf[len++] = c;
    }

  if (len > 0 && buf[len - 1] == '\r')
    buf[--len] = '\0';

  return buf;
}

char *
ct_passphrase_read (int          fd,
                    const char  *prompt,
                    GError     **error)
{
  struct termios saved, quiet;
  gboolean tty = isatty (fd) && tcgetattr (fd, &saved) == 0;
  char *line;

  if (!tty)
    return read_line (fd, error);

  if (prompt != NULL)
    g_printerr ("%s", prompt);

  quiet = saved;
  quiet.c_lflag &= ~(ECHO);
  quiet.c_lflag |= ECHONL;
  tcsetattr (fd, TCSAFLUSH, &quiet);
  line = read_line (fd, error);
  tcsetattr (fd, TCSAFLUSH, &saved);

  return line;
}

char *
ct_passphrase_read_file (const char  *path,
                         GError     **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  char *line;

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open the passphrase file “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }

  /* A passphrase that others can read is no secret: refuse it before
   * reading it, so that the owner fixes the file. */
  if (fstat (fd, &st) != 0 || (st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The passphrase file “%s” can be read by other people. Make it readable "
                     "by you alone (chmod 600) and change the passphrase."), path);
      return NULL;
    }

  line = read_line (fd, error);
  close (fd);
  return line;
}
