/* ct-database.c: what both stores share
 *
 * The statement cache, nested transactions, the audit entry and the
 * "changed" signal. Each store (store/sqlite, store/postgres) is a
 * subclass that opens its connection and prepares its statements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-database"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-audit-chain.h"
#include "ct-database-private.h"
#include "ct-store-reader.h"

typedef struct
{
  const CtSqlDialect *dialect;
  char       *actor;
  GHashTable *statements;
  guint       depth;
  gboolean    records_changed;  /* by the transaction under way */
  GArray     *changes;          /* of CtRecordChange: which records it changed */
  gboolean    changes_unknown;  /* it changed records not listed one by one */
  gint64      own_staff;        /* the actor's staff id once found, or 0 */
} CtDatabasePrivate;

/* More changes than this in one transaction are not listed one by one:
 * views read everything again. */
#define MAX_CHANGES_LISTED 64

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CtDatabase, ct_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (ct-database-error-quark, ct_database_error)

static void
ct_database_dispose (GObject *object)
{
  ct_database_close (CT_DATABASE (object));

  G_OBJECT_CLASS (ct_database_parent_class)->dispose (object);
}

static void
ct_database_finalize (GObject *object)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (CT_DATABASE (object));

  g_clear_pointer (&priv->actor, g_free);
  g_clear_pointer (&priv->statements, g_hash_table_unref);
  g_clear_pointer (&priv->changes, g_array_unref);

  G_OBJECT_CLASS (ct_database_parent_class)->finalize (object);
}

static void
ct_database_class_init (CtDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_database_dispose;
  object_class->finalize = ct_database_finalize;

  /**
   * CtDatabase::changed:
   * @changes: (nullable): a GArray of CtRecordChange, each record written,
   *   in the order written (a preference as the kind "setting", id 0);
   *   NULL when the records changed are not known one by one (an import,
   *   another connection's change)
   *
   * Records were created, changed, deleted or imported, and committed.
   * Views showing records read them again, or with @changes only the
   * records listed. The detail "elsewhere" marks a change another
   * connection made (ct-change-watch.h): a view that keeps its own writes
   * in place may listen to that alone.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

/* Who the actor is may have changed with the staff records, or with a
 * change made elsewhere. */
static void
forget_own_staff_on_change (CtDatabase *self,
                            GArray     *changes)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    if (g_str_equal (g_array_index (changes, CtRecordChange, i).kind, "staff"))
      changes = NULL;
  if (changes == NULL)
    priv->own_staff = 0;
}

static void
ct_database_init (CtDatabase *self)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  g_signal_connect (self, "changed", G_CALLBACK (forget_own_staff_on_change), NULL);
  priv->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) ct_statement_free);
  priv->changes = g_array_new (FALSE, FALSE, sizeof (CtRecordChange));
}

static void
forget_changes (CtDatabasePrivate *priv)
{
  priv->records_changed = FALSE;
  priv->changes_unknown = FALSE;
  g_array_set_size (priv->changes, 0);
}

/* Emits "changed" once the outermost transaction that changed records is
 * committed, or at once outside a transaction. */
static void
emit_changed_when_committed (CtDatabase *self)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  g_autoptr(GArray) changes = NULL;
  gboolean unknown = priv->changes_unknown;

  if (priv->depth > 0 || !priv->records_changed)
    return;
  /* A handler may write again. */
  changes = g_array_copy (priv->changes);
  forget_changes (priv);
  g_signal_emit (self, signals[CHANGED], 0, unknown ? NULL : changes);
}

void
ct_database_note_record_change (CtDatabase         *self,
                                const char         *kind,
                                gint64              id,
                                CtRecordChangeKind  change)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);
  CtRecordChange entry = { kind, id, change };

  g_return_if_fail (CT_IS_DATABASE (self));

  if (priv->changes->len < MAX_CHANGES_LISTED)
    g_array_append_val (priv->changes, entry);
  else
    priv->changes_unknown = TRUE;
  priv->records_changed = TRUE;
  emit_changed_when_committed (self);
}

void
ct_database_note_changes (CtDatabase *self)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  g_return_if_fail (CT_IS_DATABASE (self));

  priv->changes_unknown = TRUE;
  priv->records_changed = TRUE;
  emit_changed_when_committed (self);
}

void
ct_database_close (CtDatabase *self)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  g_return_if_fail (CT_IS_DATABASE (self));

  if (!ct_database_is_open (self))
    return;

  ct_store_reader_stop (self);
  g_hash_table_remove_all (priv->statements);
  CT_DATABASE_GET_CLASS (self)->close (self);
  priv->depth = 0;
}

gboolean
ct_database_is_open (CtDatabase *self)
{
  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);

  return CT_DATABASE_GET_CLASS (self)->is_open (self);
}

gboolean
ct_database_is_connected (CtDatabase *self)
{
  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);

  if (!ct_database_is_open (self))
    return FALSE;
  return CT_DATABASE_GET_CLASS (self)->is_connected == NULL ||
         CT_DATABASE_GET_CLASS (self)->is_connected (self);
}

gboolean
ct_database_reconnect (CtDatabase  *self,
                       GError     **error)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (priv->depth == 0, FALSE);

  if (!ct_database_check_open (self, error))
    return FALSE;
  if (ct_database_is_connected (self))
    return TRUE;
  /* The statements were prepared on the connection that is gone. */
  g_hash_table_remove_all (priv->statements);
  if (!CT_DATABASE_GET_CLASS (self)->reconnect (self, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string ("elsewhere"), NULL);
  return TRUE;
}

int
ct_database_get_schema_version (CtDatabase *self)
{
  g_return_val_if_fail (CT_IS_DATABASE (self), -1);

  return ct_database_is_open (self) ? CT_DATABASE_GET_CLASS (self)->get_schema_version (self) : -1;
}

gboolean
ct_database_check_integrity (CtDatabase  *self,
                             GError     **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);

  return ct_database_check_open (self, error) &&
         CT_DATABASE_GET_CLASS (self)->check_integrity (self, error);
}

gboolean
ct_database_get_role (CtDatabase *self,
                      CtTeamRole *role)
{
  CtDatabaseClass *klass;

  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  klass = CT_DATABASE_GET_CLASS (self);
  return klass->get_role != NULL && ct_database_is_open (self) && klass->get_role (self, role);
}

const char *
ct_database_get_actor (CtDatabase *self)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  g_return_val_if_fail (CT_IS_DATABASE (self), NULL);

  return priv->actor;
}

void
ct_database_set_actor (CtDatabase *self,
                       const char *actor)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  g_return_if_fail (CT_IS_DATABASE (self));

  if (priv->actor != NULL && CT_DATABASE_GET_CLASS (self)->actor_is_login)
    return;
  priv->own_staff = 0;
  g_free (priv->actor);
  priv->actor = g_strdup (actor != NULL && *actor != '\0' ? actor : _("(no staff profile)"));
}

gint64
ct_database_get_own_staff (CtDatabase *self)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  return priv->own_staff;
}

void
ct_database_set_own_staff (CtDatabase *self,
                           gint64      staff_id)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  priv->own_staff = staff_id;
}

const CtSqlDialect *
ct_database_get_dialect (CtDatabase *self)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  return priv->dialect != NULL ? priv->dialect : CT_DATABASE_GET_CLASS (self)->dialect;
}

void
ct_database_set_dialect (CtDatabase         *self,
                         const CtSqlDialect *dialect)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);

  priv->dialect = dialect;
}

/* Statements */

gboolean
ct_database_check_open (CtDatabase  *self,
                        GError     **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);

  if (ct_database_is_open (self))
    return TRUE;
  g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CLOSED,
                       _("The records are locked. Unlock them and try again."));
  return FALSE;
}

CtStatement *
ct_database_prepare (CtDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);
  CtStatement *stmt;

  if (!ct_database_check_open (self, error))
    return NULL;

  stmt = g_hash_table_lookup (priv->statements, sql);
  if (stmt != NULL)
    {
      ct_statement_reset (stmt);
      ct_statement_clear_bindings (stmt);
      return stmt;
    }

  stmt = CT_DATABASE_GET_CLASS (self)->prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (priv->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
ct_database_exec (CtDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  return ct_database_check_open (self, error) &&
         CT_DATABASE_GET_CLASS (self)->exec (self, sql, error);
}

/* Transactions */

gboolean
ct_database_begin (CtDatabase  *self,
                   GError     **error)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);

  sql = priv->depth == 0 ? g_strdup (ct_database_get_dialect (self)->begin)
                         : g_strdup_printf ("SAVEPOINT ct_%u", priv->depth);
  if (!ct_database_exec (self, sql, error))
    return FALSE;

  priv->depth++;
  return TRUE;
}

gboolean
ct_database_commit (CtDatabase  *self,
                    GError     **error)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (priv->depth > 0, FALSE);

  sql = priv->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE ct_%u", priv->depth - 1);
  if (!ct_database_exec (self, sql, error))
    {
      ct_database_rollback (self);
      return FALSE;
    }

  priv->depth--;
  emit_changed_when_committed (self);
  return TRUE;
}

void
ct_database_rollback (CtDatabase *self)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);
  g_autofree char *sql = NULL;

  g_return_if_fail (CT_IS_DATABASE (self));
  g_return_if_fail (priv->depth > 0);

  priv->depth--;
  if (priv->depth == 0)
    forget_changes (priv);
  if (!ct_database_is_open (self))
    return;

  sql = priv->depth == 0 ? g_strdup ("ROLLBACK")
                         : g_strdup_printf ("ROLLBACK TO ct_%u; RELEASE ct_%u",
                                            priv->depth, priv->depth);
  CT_DATABASE_GET_CLASS (self)->exec (self, sql, NULL);
}

/* Audit trail */

/* Entries that the store stamps with the time, outside any chain. */
#define AUDIT_INSERT \
  "INSERT INTO audit_log (who, action, record_kind, record_id, description, child_id)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"

/* What an entry holds besides who wrote it. */
typedef struct
{
  const char *action;
  const char *record_kind;
  gint64      record_id;
  gint64      child_id;
  const char *description;
} AuditEntry;

/* Inserts the entry; @at and @hash NULL let the store stamp the time and
 * leave the entry out of a chain. The child is written only when there is
 * one, so that a file of an older schema, without the column, takes the
 * other entries. */
static gboolean
insert_entry (CtDatabase        *self,
              const AuditEntry  *entry,
              const char        *at,
              const char        *hash,
              GError           **error)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);
  g_autofree char *sql = NULL;
  CtStatement *stmt;
  int next = 6;

  sql = g_strdup_printf ("INSERT INTO audit_log (who, action, record_kind, record_id,"
                         " description%s%s) VALUES (?1, ?2, ?3, ?4, ?5%s%s)",
                         hash != NULL ? ", at, hash" : "",
                         entry->child_id != 0 ? ", child_id" : "",
                         hash != NULL ? ", ?6, ?7" : "",
                         entry->child_id == 0 ? "" : hash != NULL ? ", ?8" : ", ?6");
  stmt = ct_database_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  ct_statement_bind_text (stmt, 1, priv->actor);
  ct_statement_bind_text (stmt, 2, entry->action);
  if (entry->record_kind != NULL)
    {
      ct_statement_bind_text (stmt, 3, entry->record_kind);
      ct_statement_bind_int64 (stmt, 4, entry->record_id);
    }
  ct_statement_bind_text (stmt, 5, entry->description);
  if (hash != NULL)
    {
      ct_statement_bind_text (stmt, next++, at);
      ct_statement_bind_text (stmt, next++, hash);
    }
  if (entry->child_id != 0)
    ct_statement_bind_int64 (stmt, next, entry->child_id);
  return ct_statement_run (stmt, _("write the audit trail"), error);
}

/* The entry chained to the newest one (ct-audit-chain.h), read and written
 * in one transaction so that no other writer comes between. */
static gboolean
insert_chained_entry (CtDatabase        *self,
                      const AuditEntry  *entry,
                      GError           **error)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *head = NULL;
  g_autofree char *hash = NULL;

  if (!ct_database_begin (self, error))
    return FALSE;
  head = ct_audit_chain_dup_head (self, error);
  if (head != NULL)
    hash = ct_audit_chain_hash (head, at, priv->actor, entry->action, entry->record_kind,
                                entry->record_id, entry->child_id, entry->description);
  if (head == NULL || !insert_entry (self, entry, at, hash, error))
    {
      ct_database_rollback (self);
      return FALSE;
    }
  return ct_database_commit (self, error);
}

gboolean
ct_database_has_audit_chain (CtDatabase *self)
{
  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);

  /* A file of an older schema, left at its version, has no chain. */
  return CT_DATABASE_GET_CLASS (self)->audit_is_chained &&
         ct_database_get_schema_version (self) >= CT_AUDIT_CHAIN_SCHEMA_VERSION;
}

gboolean
ct_database_audit_record (CtDatabase  *self,
                          const char  *action,
                          const char  *record_kind,
                          gint64       record_id,
                          gint64       child_id,
                          const char  *description,
                          GError     **error)
{
  const AuditEntry entry = { action, record_kind, record_id, child_id, description };

  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (action != NULL && description != NULL, FALSE);

  if (ct_database_has_audit_chain (self))
    return insert_chained_entry (self, &entry, error);
  return insert_entry (self, &entry, NULL, NULL, error);
}

gboolean
ct_database_audit (CtDatabase  *self,
                   const char  *action,
                   const char  *record_kind,
                   gint64       record_id,
                   const char  *description,
                   GError     **error)
{
  return ct_database_audit_record (self, action, record_kind, record_id, 0, description, error);
}

typedef struct
{
  const char          *actor;
  const char          *action;
  const char          *record_kind;
  const gint64        *record_ids;
  const gint64        *child_ids;
  const char * const  *descriptions;
} AuditRows;

static void
bind_audit_row (CtStatement *stmt,
                int          first_param,
                guint        row,
                gpointer     user_data)
{
  const AuditRows *rows = user_data;

  ct_statement_bind_text (stmt, first_param, rows->actor);
  ct_statement_bind_text (stmt, first_param + 1, rows->action);
  ct_statement_bind_text (stmt, first_param + 2, rows->record_kind);
  ct_statement_bind_int64 (stmt, first_param + 3, rows->record_ids[row]);
  ct_statement_bind_text (stmt, first_param + 4, rows->descriptions[row]);
  if (rows->child_ids[row] != 0)
    ct_statement_bind_int64 (stmt, first_param + 5, rows->child_ids[row]);
  else
    ct_statement_bind_null (stmt, first_param + 5);
}

gboolean
ct_database_audit_each (CtDatabase          *self,
                        const char          *action,
                        const char          *record_kind,
                        const gint64        *record_ids,
                        const gint64        *child_ids,
                        const char * const  *descriptions,
                        guint                n,
                        GError             **error)
{
  CtDatabasePrivate *priv = ct_database_get_instance_private (self);
  AuditRows rows = { priv->actor, action, record_kind, record_ids, child_ids, descriptions };

  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (action != NULL && record_kind != NULL, FALSE);

  /* A chain is written one entry after the other. */
  if (ct_database_has_audit_chain (self))
    {
      for (guint i = 0; i < n; i++)
        if (!ct_database_audit_record (self, action, record_kind, record_ids[i], child_ids[i],
                                       descriptions[i], error))
          return FALSE;
      return TRUE;
    }

  if (!ct_database_begin (self, error))
    return FALSE;
  if (!ct_database_insert_rows (self, AUDIT_INSERT, n, bind_audit_row, &rows, NULL,
                                _("write the audit trail"), error))
    {
      ct_database_rollback (self);
      return FALSE;
    }
  return ct_database_commit (self, error);
}

/* Changes made elsewhere */

gint64
ct_database_count_changes_elsewhere (CtDatabase *self)
{
  g_return_val_if_fail (CT_IS_DATABASE (self), -1);

  if (!ct_database_is_open (self) ||
      CT_DATABASE_GET_CLASS (self)->count_changes_elsewhere == NULL)
    return -1;
  return CT_DATABASE_GET_CLASS (self)->count_changes_elsewhere (self);
}

/* Batches */

void
ct_database_begin_batch (CtDatabase *self)
{
  g_return_if_fail (CT_IS_DATABASE (self));

  if (CT_DATABASE_GET_CLASS (self)->set_batch != NULL)
    CT_DATABASE_GET_CLASS (self)->set_batch (self, TRUE);
}

void
ct_database_end_batch (CtDatabase *self)
{
  g_return_if_fail (CT_IS_DATABASE (self));

  if (CT_DATABASE_GET_CLASS (self)->set_batch != NULL)
    CT_DATABASE_GET_CLASS (self)->set_batch (self, FALSE);
}
