/* ct-test-writer.c: a process for the crash test of the records file
 *
 * Reads the passphrase as the first line of stdin (never argv or the
 * environment), opens the file named by argv[1] and commits numbered rows,
 * one transaction each, forever (or until a generous cap). After each COMMIT
 * has returned it prints the row's number on stdout, so that everything
 * printed must survive a SIGKILL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-test-writer"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "ct-database-private.h"
#include "ct-secret.h"

#define MAX_ROWS 200000

static gboolean
commit_row (CtDatabase  *db,
            int          number,
            GError     **error)
{
  g_autofree char *key = g_strdup_printf ("crash-%06d", number);
  g_autofree char *value = g_strdup_printf ("%d", number);
  CtStatement *stmt;

  if (!ct_database_begin (db, error))
    return FALSE;

  stmt = ct_database_prepare (db, "INSERT INTO setting (key, value) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    {
      ct_database_rollback (db);
      return FALSE;
    }
  ct_statement_bind_text (stmt, 1, key);
  ct_statement_bind_text (stmt, 2, value);
  if (!ct_statement_run (stmt, "insert a numbered row", error))
    {
      ct_database_rollback (db);
      return FALSE;
    }

  return ct_database_commit (db, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = NULL;
  g_autoptr(CtPassphrase) passphrase = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE  (passphrase on stdin)\n", argv[0]);
      return 2;
    }

  passphrase = ct_passphrase_read (STDIN_FILENO, NULL, &error);
  if (passphrase != NULL)
    db = ct_database_open (argv[1], passphrase, "Crash test", &error);
  g_clear_pointer (&passphrase, ct_passphrase_free);

  for (int i = 1; db != NULL && i <= MAX_ROWS; i++)
    {
      if (!commit_row (db, i, &error))
        break;
      printf ("%d\n", i);
      fflush (stdout);
    }

  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
