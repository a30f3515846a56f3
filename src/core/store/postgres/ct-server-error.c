/* ct-server-error.c: the team server's refusals, as a person can act on them
 *
 * A failed statement carries an SQLSTATE, which says what went wrong in
 * any language. A failed connection carries only libpq's message, so the
 * connection errors are told apart by the state libpq reached and, last,
 * by its (English) wording.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-server-database"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-server-database-private.h"

static gboolean
sqlstate_is (const char *sqlstate,
             const char *prefix)
{
  return sqlstate != NULL && g_str_has_prefix (sqlstate, prefix);
}

/* The first line of the server's message, without libpq's "ERROR:  ". */
static char *
first_line (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message != NULL ? message : "", "\n", 2);
  const char *line = lines[0] != NULL ? lines[0] : "";

  if (g_str_has_prefix (line, "ERROR:  "))
    line += strlen ("ERROR:  ");
  return g_strdup (line);
}

void
ct_server_set_error (PGconn          *conn,
                     const PGresult  *result,
                     const char      *what,
                     gboolean         writing,
                     GError         **error)
{
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *detail = first_line (result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                                       : PQerrorMessage (conn));
  int code = CT_DATABASE_ERROR_FAILED;

  if (PQstatus (conn) != CONNECTION_OK || sqlstate_is (sqlstate, "08") ||
      sqlstate_is (sqlstate, "57P"))
    {
      if (writing)
        /* TRANSLATORS: %s says what was being done, e.g. "save the child" */
        g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_DISCONNECTED,
                     _("Could not %s: the connection to the team server was lost, so nothing "
                       "was saved. Check the network and try again."), what);
      else
        /* TRANSLATORS: %s says what was being done, e.g. "read the team server's records" */
        g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_DISCONNECTED,
                     _("Could not %s: the connection to the team server was lost. Check the "
                       "network and try again."), what);
      return;
    }

  if (sqlstate_is (sqlstate, "23505"))
    code = CT_DATABASE_ERROR_CONFLICT;
  else if (sqlstate_is (sqlstate, "23503"))
    code = CT_DATABASE_ERROR_IN_USE;
  else if (sqlstate_is (sqlstate, "23") || sqlstate_is (sqlstate, "22") ||
           sqlstate_is (sqlstate, "P0001"))
    code = CT_DATABASE_ERROR_INVALID;
  else if (sqlstate_is (sqlstate, "42501"))
    {
      /* The server's words name its tables and policies. */
      code = CT_DATABASE_ERROR_NOT_ALLOWED;
      g_free (detail);
      detail = g_strdup (_("your role on the team server does not allow it; ask the clinical "
                           "lead if it should"));
    }
  else if (sqlstate_is (sqlstate, "40"))
    {
      g_free (detail);
      detail = g_strdup (_("someone else was changing the same records; try again"));
    }

  /* TRANSLATORS: the first %s says what was being done, e.g. "save the child" */
  g_set_error (error, CT_DATABASE_ERROR, code, _("Could not %s: %s."), what, detail);
}

static gboolean
says (const char *message,
      const char *words)
{
  return strstr (message, words) != NULL;
}

void
ct_server_set_connect_error (PGconn  *conn,
                             GError **error)
{
  const char *message = conn != NULL ? PQerrorMessage (conn) : "";

  if (says (message, "not permitted to log in"))
    g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_ALLOWED,
                         _("This login may no longer sign in to the team server. If you "
                           "should, ask your IT department."));
  else if (says (message, "password authentication failed") ||
      says (message, "no password supplied") ||
      (conn != NULL && PQconnectionNeedsPassword (conn)))
    g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_WRONG_PASSWORD,
                         _("The team server did not accept this user name and password. "
                           "Check them and try again."));
  else if (says (message, "no encryption"))
    g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_TRUSTED,
                         _("The team server accepts only encrypted connections, and this one "
                           "was not encrypted. Remove “sslmode=disable” (or “allow”, "
                           "“prefer”) from the server address."));
  else if (says (message, "certificate") || says (message, "SSL"))
    g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_TRUSTED,
                         _("The team server's certificate is not trusted, so the connection "
                           "would not be secure. Check the CA certificate your IT department "
                           "gave you."));
  else if (says (message, "does not exist") && says (message, "database"))
    g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_SET_UP,
                         _("The team server has no such database. Check the database name "
                           "with your IT department."));
  else
    g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_UNREACHABLE,
                         _("The team server cannot be reached. Check the server address and "
                           "your network connection, then try again."));
}
