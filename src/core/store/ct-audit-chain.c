/* ct-audit-chain.c: a tamper-evident audit trail
 *
 * The serialisation is each field's length in bytes, a colon, the field
 * and a newline, in the order at, who, action, record kind, record id,
 * description (an absent kind or id is empty), after the previous hash and
 * a newline, and then the child, only when there is one (so that entries
 * written before there was a child column keep their hash); so no two
 * different entries serialise alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-audit-chain"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-audit-chain.h"
#include "ct-database-private.h"

static void
append_field (GString    *text,
              const char *field)
{
  const char *value = field != NULL ? field : "";

  g_string_append_printf (text, "%" G_GSIZE_FORMAT ":%s\n", strlen (value), value);
}

char *
ct_audit_chain_hash (const char *previous,
                     const char *at,
                     const char *who,
                     const char *action,
                     const char *record_kind,
                     gint64      record_id,
                     gint64      child_id,
                     const char *description)
{
  g_autoptr(GString) text = g_string_new (previous != NULL ? previous : "");
  g_autofree char *id = record_kind != NULL
                        ? g_strdup_printf ("%" G_GINT64_FORMAT, record_id) : NULL;

  g_string_append_c (text, '\n');
  append_field (text, at);
  append_field (text, who);
  append_field (text, action);
  append_field (text, record_kind);
  append_field (text, id);
  append_field (text, description);
  if (child_id != 0)
    {
      g_autofree char *child = g_strdup_printf ("%" G_GINT64_FORMAT, child_id);

      append_field (text, child);
    }
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
}

char *
ct_audit_chain_dup_head (CtDatabase  *db,
                         GError     **error)
{
  CtStatement *stmt = ct_database_prepare (db, "SELECT hash FROM audit_log"
                                                " ORDER BY id DESC LIMIT 1", error);
  char *head = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  if (ct_statement_step (stmt, &has_row, _("read the audit trail"), error))
    head = g_strdup (has_row && ct_statement_column_text (stmt, 0) != NULL
                     ? ct_statement_column_text (stmt, 0) : "");
  ct_statement_reset (stmt);
  return head;
}

static const char *
column_text (CtStatement *stmt,
             int           column)
{
  return ct_statement_column_text (stmt, column);
}

/* The entry in @stmt's row, checked against @previous (NULL: the chain has
 * not begun). Returns its hash, or NULL when it breaks the chain. */
static char *
check_entry (CtStatement *stmt,
             const char   *previous)
{
  const char *stored = column_text (stmt, 7);
  g_autofree char *expected = NULL;

  if (stored == NULL)
    return previous == NULL ? g_strdup ("") : NULL;
  expected = ct_audit_chain_hash (previous != NULL ? previous : "", column_text (stmt, 1),
                                  column_text (stmt, 2), column_text (stmt, 3),
                                  column_text (stmt, 4), ct_statement_column_int64 (stmt, 5),
                                  ct_statement_column_int64 (stmt, 8), column_text (stmt, 6));
  return g_strcmp0 (expected, stored) == 0 ? g_strdup (stored) : NULL;
}

gboolean
ct_audit_chain_verify (CtDatabase  *db,
                       GError     **error)
{
  g_autofree char *previous = NULL;   /* NULL until the first hashed entry */
  CtStatement *stmt;
  gboolean has_row;
  gboolean ok;

  /* A store whose trail is not chained (a team server's, an older file
   * left at its version) has no chain to check. */
  if (!ct_database_has_audit_chain (db))
    return TRUE;
  stmt = ct_database_prepare (db,
                              ct_database_get_schema_version (db) >= CT_AUDIT_CHILD_SCHEMA_VERSION
                              ? "SELECT id, at, who, action, record_kind, record_id,"
                                " description, hash, child_id FROM audit_log ORDER BY id"
                              : "SELECT id, at, who, action, record_kind, record_id,"
                                " description, hash, NULL FROM audit_log ORDER BY id",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((ok = ct_statement_step (stmt, &has_row, _("read the audit trail"), error)) && has_row)
    {
      char *hash = check_entry (stmt, previous);

      if (hash == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 (gint64) ct_statement_column_int64 (stmt, 0));

          /* TRANSLATORS: the entry's number, then its time */
          g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CORRUPT,
                       _("The audit trail has been tampered with: entry %s (%s) does not follow "
                         "the entry before it. Entries were deleted, changed or added outside "
                         "Clinical Team."),
                       id, column_text (stmt, 1));
          ct_statement_reset (stmt);
          return FALSE;
        }
      g_clear_pointer (&previous, g_free);
      if (*hash != '\0')
        previous = hash;
      else
        g_free (hash);
    }
  ct_statement_reset (stmt);
  return ok;
}
