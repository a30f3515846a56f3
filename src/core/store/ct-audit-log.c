/* ct-audit-log.c: reading the audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-audit-log"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-audit-log.h"
#include "ct-database-private.h"
#include "ct-period.h"
#include "ct-store-private.h"

struct _CtAuditEntry
{
  GObject  parent_instance;

  gint64   id;
  char    *when;
  char    *who;
  char    *action;
  char    *record_kind;
  gint64   record_id;
  gint64   child_id;
  char    *description;
};

G_DEFINE_FINAL_TYPE (CtAuditEntry, ct_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WHEN,
  PROP_WHO,
  PROP_ACTION,
  PROP_RECORD_KIND,
  PROP_RECORD_ID,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ct_audit_entry_finalize (GObject *object)
{
  CtAuditEntry *self = CT_AUDIT_ENTRY (object);

  g_free (self->when);
  g_free (self->who);
  g_free (self->action);
  g_free (self->record_kind);
  g_free (self->description);

  G_OBJECT_CLASS (ct_audit_entry_parent_class)->finalize (object);
}

static void
ct_audit_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CtAuditEntry *self = CT_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_WHEN:
      g_value_set_string (value, self->when);
      break;
    case PROP_WHO:
      g_value_set_string (value, self->who);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_RECORD_KIND:
      g_value_set_string (value, self->record_kind);
      break;
    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
ct_audit_entry_class_init (CtAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ct_audit_entry_finalize;
  object_class->get_property = ct_audit_entry_get_property;

  properties[PROP_WHEN] = string_property ("when");
  properties[PROP_WHO] = string_property ("who");
  properties[PROP_ACTION] = string_property ("action");
  properties[PROP_RECORD_KIND] = string_property ("record-kind");
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = string_property ("description");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ct_audit_entry_init (CtAuditEntry *self)
{
}

gint64
ct_audit_entry_get_id (CtAuditEntry *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_ENTRY (self), 0);

  return self->id;
}

const char *
ct_audit_entry_get_when (CtAuditEntry *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_ENTRY (self), NULL);

  return self->when;
}

const char *
ct_audit_entry_get_who (CtAuditEntry *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_ENTRY (self), NULL);

  return self->who;
}

const char *
ct_audit_entry_get_action (CtAuditEntry *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_ENTRY (self), NULL);

  return self->action;
}

const char *
ct_audit_entry_get_record_kind (CtAuditEntry *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_ENTRY (self), NULL);

  return self->record_kind;
}

gint64
ct_audit_entry_get_record_id (CtAuditEntry *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_ENTRY (self), 0);

  return self->record_id;
}

gint64
ct_audit_entry_get_child_id (CtAuditEntry *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_ENTRY (self), 0);

  return self->child_id;
}

const char *
ct_audit_entry_get_description (CtAuditEntry *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_ENTRY (self), NULL);

  return self->description;
}

const char *
ct_audit_action_get_label (const char *action)
{
  static const struct {
    const char *word;
    const char *label;
  } labels[] = {
    /* TRANSLATORS: what an audit entry records; a column of the audit log */
    { "create", N_("Created") },
    { "update", N_("Changed") },
    { "delete", N_("Deleted") },
    { "export", N_("Exported") },
    { "import", N_("Imported") },
    { "unlock", N_("Unlocked") },
    { "passphrase_change", N_("Changed passphrase") },
    { "backup", N_("Backed up") },
    { "view", N_("Opened") },
  };

  g_return_val_if_fail (action != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].word, action))
      return _(labels[i].label);
  return action;
}

/* Reading */

static char *
dup_column (CtStatement *stmt,
            int           column)
{
  return g_strdup (ct_statement_column_text (stmt, column));
}

static CtAuditEntry *
entry_from_row (CtStatement *stmt)
{
  CtAuditEntry *entry = g_object_new (CT_TYPE_AUDIT_ENTRY, NULL);

  entry->id = ct_statement_column_int64 (stmt, 0);
  entry->when = dup_column (stmt, 1);
  entry->who = dup_column (stmt, 2);
  entry->action = dup_column (stmt, 3);
  entry->record_kind = dup_column (stmt, 4);
  entry->record_id = ct_statement_column_int64 (stmt, 5);
  entry->description = dup_column (stmt, 6);
  entry->child_id = ct_statement_column_int64 (stmt, 7);
  return entry;
}

/* Sets @bound to the UTC timestamp at which the local day @date (plus
 * @days) begins, in the form of the audit_log.at column; to NULL for a NULL
 * @date. */
static gboolean
day_start_utc (const char  *date,
               int          days,
               char       **bound,
               GError     **error)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GDate day;

  *bound = NULL;
  if (date == NULL)
    return TRUE;
  if (!ct_period_parse_date (date, &day, error))
    return FALSE;

  g_date_add_days (&day, days);
  local = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                 g_date_get_day (&day), 0, 0, 0);
  utc = g_date_time_to_utc (local);
  *bound = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return TRUE;
}

/* @sql (what to select, then FILTERED) prepared and bound to @filter's
 * criteria (NULL: none). */
static CtStatement *
prepare_filtered (CtDatabase           *db,
                  const char           *sql,
                  const CtAuditFilter  *filter,
                  GError              **error)
{
  static const CtAuditFilter everything = { 0 };
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  CtStatement *stmt;

  if (filter == NULL)
    filter = &everything;
  if (!day_start_utc (filter->from, 0, &start, error) ||
      !day_start_utc (filter->to, 1, &end, error))
    return NULL;

  stmt = ct_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  ct_statement_bind_text (stmt, 1, start);
  ct_statement_bind_text (stmt, 2, end);
  ct_statement_bind_text (stmt, 3, filter->kind);
  ct_statement_bind_text (stmt, 4, filter->staff);
  ct_statement_bind_text (stmt, 5, filter->action);
  if (filter->child_id != 0)
    ct_statement_bind_int64 (stmt, 6, filter->child_id);
  return stmt;
}

#define ENTRY_COLUMNS "id, at, who, action, record_kind, record_id, description, child_id"

/* The filter's criteria and order; newest first is the order of the index
 * audit_log_order (schema 13), read backwards:
 *   SCAN audit_log USING INDEX audit_log_order */
#define FILTERED \
  " FROM audit_log" \
  " WHERE (at >= ?1 OR ?1 IS NULL) AND (at < ?2 OR ?2 IS NULL)" \
  "   AND (record_kind = ?3 OR ?3 IS NULL)" \
  "   AND (who = ?4 OR ?4 IS NULL)" \
  "   AND (action = ?5 OR ?5 IS NULL)" \
  "   AND (child_id = ?6 OR ?6 IS NULL)" \
  " ORDER BY at DESC, id DESC"

GListModel *
ct_audit_log_list_filtered (CtDatabase           *db,
                            const CtAuditFilter  *filter,
                            GError              **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CT_TYPE_AUDIT_ENTRY);
  CtStatement *stmt;
  gboolean has_row;
  gboolean ok;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);

  stmt = prepare_filtered (db, "SELECT " ENTRY_COLUMNS FILTERED, filter, error);
  if (stmt == NULL)
    return NULL;
  while ((ok = ct_statement_step (stmt, &has_row, _("read the audit trail"), error)) && has_row)
    {
      g_autoptr(CtAuditEntry) entry = entry_from_row (stmt);

      g_list_store_append (store, entry);
    }
  ct_statement_reset (stmt);

  return ok ? G_LIST_MODEL (g_steal_pointer (&store)) : NULL;
}

GArray *
ct_audit_log_list_ids (CtDatabase           *db,
                       const CtAuditFilter  *filter,
                       GError              **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CtStatement *stmt;
  gboolean has_row;
  gboolean ok;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);

  stmt = prepare_filtered (db, "SELECT id" FILTERED, filter, error);
  if (stmt == NULL)
    return NULL;
  while ((ok = ct_statement_step (stmt, &has_row, _("read the audit trail"), error)) && has_row)
    {
      gint64 id = ct_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  ct_statement_reset (stmt);

  return ok ? g_steal_pointer (&ids) : NULL;
}

GPtrArray *
ct_audit_log_get_page (CtDatabase    *db,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  static char *sql;
  g_autoptr(GHashTable) read = NULL;
  GPtrArray *page;
  CtStatement *stmt;
  gboolean has_row;
  gboolean ok;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (n_ids <= CT_STORE_PAGE_SIZE, NULL);

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, ct_store_page_sql ("SELECT " ENTRY_COLUMNS " FROM audit_log t"));
  stmt = ct_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  /* No entry has id 0: the parameters left over match nothing. */
  for (guint i = 0; i < CT_STORE_PAGE_SIZE; i++)
    ct_statement_bind_int64 (stmt, i + 1, i < n_ids ? ids[i] : 0);
  read = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  while ((ok = ct_statement_step (stmt, &has_row, _("read the audit trail"), error)) && has_row)
    {
      CtAuditEntry *entry = entry_from_row (stmt);

      g_hash_table_insert (read, &entry->id, entry);
    }
  ct_statement_reset (stmt);
  if (!ok)
    return NULL;

  /* In the order asked. */
  page = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      CtAuditEntry *entry = g_hash_table_lookup (read, &ids[i]);

      if (entry != NULL)
        g_ptr_array_add (page, g_object_ref (entry));
    }
  return page;
}

CtAuditEntry *
ct_audit_entry_new_unread (gint64 id)
{
  CtAuditEntry *entry = g_object_new (CT_TYPE_AUDIT_ENTRY, NULL);

  entry->id = id;
  return entry;
}

gboolean
ct_audit_entry_is_read (CtAuditEntry *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_ENTRY (self), FALSE);

  return self->when != NULL;
}

GListModel *
ct_audit_log_list (CtDatabase  *db,
                   const char  *from,
                   const char  *to,
                   const char  *kind,
                   const char  *staff,
                   GError     **error)
{
  const CtAuditFilter filter = { .from = from, .to = to, .kind = kind, .staff = staff };

  return ct_audit_log_list_filtered (db, &filter, error);
}

static GStrv
list_strings (CtDatabase  *db,
              const char  *sql,
              GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  CtStatement *stmt = ct_database_prepare (db, sql, error);
  gboolean has_row;
  gboolean ok;

  if (stmt == NULL)
    return NULL;

  while ((ok = ct_statement_step (stmt, &has_row, _("read the audit trail"), error)) && has_row)
    g_strv_builder_add (builder, ct_statement_column_text (stmt, 0));
  ct_statement_reset (stmt);

  return ok ? g_strv_builder_end (builder) : NULL;
}

GStrv
ct_audit_log_list_people (CtDatabase  *db,
                          GError     **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);

  return list_strings (db, "SELECT DISTINCT who FROM audit_log ORDER BY who", error);
}

GStrv
ct_audit_log_list_kinds (CtDatabase  *db,
                         GError     **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);

  return list_strings (db,
                       "SELECT DISTINCT record_kind FROM audit_log"
                       " WHERE record_kind IS NOT NULL ORDER BY record_kind",
                       error);
}
