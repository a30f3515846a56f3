/* ct-store-list.c: reading records, one at a time or as a filtered list
 *
 * A list is one query: the kind's joins fill the display fields and a
 * subquery per word-list field gathers its words, so no row costs another
 * query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-store-private.h"
#include "ct-store.h"

/* Filter parameters have fixed numbers, so that a statement binds only the
 * criteria it uses. */
enum {
  PARAM_FROM = 1,
  PARAM_TO,
  PARAM_STAFF,
  PARAM_CHILD,
  PARAM_REFERRAL,
  PARAM_GOAL,
  PARAM_EVENT,
  PARAM_STATUS,
  PARAM_SEARCH,
};

/* Reads every row of @stmt into a new array of records. */
static GPtrArray *
read_rows (CtDatabase    *db,
           const CtKind  *kind,
           CtStatement *stmt,
           GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row = TRUE;

  while (TRUE)
    {
      if (!ct_statement_step (stmt, &has_row, _("read the records file"), error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (records, ct_store_read_record (kind, stmt));
    }
  ct_statement_reset (stmt);
  return g_steal_pointer (&records);
}

CtRecord *
ct_store_get (CtDatabase    *db,
              const CtKind  *kind,
              gint64         id,
              GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  CtStatement *stmt;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  stmt = ct_database_prepare (db, ct_store_text_get (db, kind)->get, error);
  if (stmt == NULL)
    return NULL;
  ct_statement_bind_int64 (stmt, 1, id);

  records = read_rows (db, kind, stmt, error);
  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND,
                   _("This record no longer exists; it may have been deleted."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (records, 0));
}

CtRecord *
ct_store_get_at_version (CtDatabase    *db,
                         const CtKind  *kind,
                         gint64         id,
                         gint64         version,
                         GError       **error)
{
  CtRecord *record = ct_store_get (db, kind, id, error);

  if (record != NULL)
    ct_record_set_saved (record, id, version, ct_record_get_created_at (record),
                         ct_record_get_updated_at (record));
  return record;
}

/* Filters */

static const char *
criterion_field (const CtKind *kind,
                 const char   *field_name,
                 gboolean      wanted)
{
  if (!wanted)
    return NULL;
  if (field_name == NULL)
    {
      g_critical ("A list of %s records cannot be filtered that way", kind->name);
      return NULL;
    }
  return field_name;
}

static void
add_condition (GString            *sql,
               const CtSqlDialect *dialect,
               const CtKind       *kind,
               const char   *field_name,
               const char   *operator,
               int           param)
{
  g_autofree char *column = NULL;

  if (field_name == NULL)
    return;
  column = ct_field_dup_select_sql (ct_kind_find_field (kind, field_name), dialect->word_list,
                                    dialect->hides_clinical_text);
  g_string_append_printf (sql, " AND %s %s ?%d", column, operator, param);
}

static void
add_search (GString            *sql,
            const CtSqlDialect *dialect,
            const CtKind       *kind)
{
  gboolean first = TRUE;

  g_string_append (sql, " AND (");
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *column = NULL;

      if (kind->fields[i].type != CT_FIELD_TEXT ||
          (dialect->hides_clinical_text && (kind->fields[i].flags & CT_FIELD_CLINICAL_TEXT)))
        continue;
      column = ct_field_dup_select_sql (&kind->fields[i], dialect->word_list, FALSE);
      g_string_append_printf (sql, "%s%s %s ?%d ESCAPE '\\'", first ? "" : " OR ",
                              column, dialect->like, PARAM_SEARCH);
      first = FALSE;
    }
  g_string_append (sql, first ? "FALSE)" : ")");
}

/* TRUE when no criterion but the search applies: every row is read. */
static gboolean
reads_every_row (const CtFilter *filter)
{
  return filter->from == NULL && filter->to == NULL && filter->staff_id == 0 &&
         filter->child_id == 0 && filter->referral_id == 0 && filter->goal_id == 0 &&
         filter->event_id == 0 && filter->status == NULL;
}

static char *
filter_sql (CtDatabase     *db,
            const CtKind   *kind,
            const CtFilter *filter)
{
  const CtSqlDialect *dialect = ct_database_get_dialect (db);
  const CtStoreText *text = ct_store_text_get (db, kind);
  GString *sql = g_string_new (reads_every_row (filter) ? text->select_scan : text->select);

  g_string_append (sql, " WHERE TRUE");
  add_condition (sql, dialect, kind, criterion_field (kind, kind->date_field, filter->from != NULL),
                 ">=", PARAM_FROM);
  add_condition (sql, dialect, kind, criterion_field (kind, kind->date_field, filter->to != NULL),
                 "<=", PARAM_TO);
  add_condition (sql, dialect, kind, criterion_field (kind, kind->staff_field, filter->staff_id != 0),
                 "=", PARAM_STAFF);
  add_condition (sql, dialect, kind, criterion_field (kind, kind->child_field, filter->child_id != 0),
                 "=", PARAM_CHILD);
  add_condition (sql, dialect, kind, criterion_field (kind, kind->referral_field, filter->referral_id != 0),
                 "=", PARAM_REFERRAL);
  add_condition (sql, dialect, kind, criterion_field (kind, kind->goal_field, filter->goal_id != 0),
                 "=", PARAM_GOAL);
  add_condition (sql, dialect, kind, criterion_field (kind, kind->event_field, filter->event_id != 0),
                 "=", PARAM_EVENT);
  add_condition (sql, dialect, kind, criterion_field (kind, kind->status_field, filter->status != NULL),
                 "=", PARAM_STATUS);
  if (filter->search != NULL)
    add_search (sql, dialect, kind);
  g_string_append_printf (sql, " ORDER BY %s", kind->order_by);
  return g_string_free (sql, FALSE);
}

char *
ct_store_like_pattern (const char *text)
{
  GString *pattern;

  g_return_val_if_fail (text != NULL, NULL);

  pattern = g_string_new ("%");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static void
bind_text_if (CtStatement *stmt,
              int           index,
              const char   *text)
{
  if (text != NULL)
    ct_statement_bind_text (stmt, index, text);
}

static void
bind_id_if (CtStatement *stmt,
            int           index,
            gint64        id)
{
  if (id != 0)
    ct_statement_bind_int64 (stmt, index, id);
}

/* A boolean status field (staff: active) takes "yes" or "no". */
static void
bind_status (CtStatement *stmt,
             const CtKind *kind,
             const char   *status)
{
  if (status == NULL || kind->status_field == NULL)
    return;
  if (ct_kind_find_field (kind, kind->status_field)->type == CT_FIELD_BOOLEAN)
    ct_statement_bind_int64 (stmt, PARAM_STATUS, g_str_equal (status, "yes"));
  else
    ct_statement_bind_text (stmt, PARAM_STATUS, status);
}

static void
bind_filter (CtStatement *stmt,
             const CtKind   *kind,
             const CtFilter *filter)
{
  g_autofree char *pattern = filter->search != NULL ? ct_store_like_pattern (filter->search) : NULL;

  bind_text_if (stmt, PARAM_FROM, filter->from);
  bind_text_if (stmt, PARAM_TO, filter->to);
  bind_id_if (stmt, PARAM_STAFF, filter->staff_id);
  bind_id_if (stmt, PARAM_CHILD, filter->child_id);
  bind_id_if (stmt, PARAM_REFERRAL, filter->referral_id);
  bind_id_if (stmt, PARAM_GOAL, filter->goal_id);
  bind_id_if (stmt, PARAM_EVENT, filter->event_id);
  bind_status (stmt, kind, filter->status);
  bind_text_if (stmt, PARAM_SEARCH, pattern);
}

GListModel *
ct_store_list (CtDatabase      *db,
               const CtKind    *kind,
               const CtFilter  *filter,
               GError         **error)
{
  static const CtFilter everything = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  CtStatement *stmt;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (filter == NULL)
    filter = &everything;

  sql = filter_sql (db, kind, filter);
  stmt = ct_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, kind, filter);

  records = read_rows (db, kind, stmt, error);
  if (records == NULL)
    return NULL;
  store = g_list_store_new (kind->get_type ());
  g_list_store_splice (store, 0, 0, records->pdata, records->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}
