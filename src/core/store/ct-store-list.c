/* ct-store-list.c: reading records, one at a time or as a filtered list
 *
 * A list is one query: the kind's joins fill the display fields and a word
 * list is a column of the record's own (kept by the store's triggers), so
 * no row costs another query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-search-text.h"
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
  column = ct_field_dup_select_sql (ct_kind_find_field (kind, field_name),
                                    dialect->hides_clinical_text);
  g_string_append_printf (sql, " AND %s %s ?%d", column, operator, param);
}

/* A copy and what it owns: the filter comes first, so that one is the other. */
typedef struct
{
  CtFilter filter;
  char    *strings[4];
} FilterCopy;

CtFilter *
ct_filter_copy (const CtFilter *filter)
{
  FilterCopy *copy = g_new0 (FilterCopy, 1);
  guint n_fields = 0;

  g_return_val_if_fail (filter != NULL, NULL);

  copy->filter = *filter;
  copy->filter.from = copy->strings[0] = g_strdup (filter->from);
  copy->filter.to = copy->strings[1] = g_strdup (filter->to);
  copy->filter.status = copy->strings[2] = g_strdup (filter->status);
  copy->filter.search = copy->strings[3] = g_strdup (filter->search);
  while (filter->search_fields != NULL && filter->search_fields[n_fields] != NULL)
    n_fields++;
  if (filter->search_fields != NULL)
    copy->filter.search_fields = g_memdup2 (filter->search_fields,
                                            (n_fields + 1) * sizeof (CtField *));
  return &copy->filter;
}

void
ct_filter_free (CtFilter *filter)
{
  FilterCopy *copy = (FilterCopy *) filter;

  if (filter == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (copy->strings); i++)
    g_free (copy->strings[i]);
  g_free ((gpointer) filter->search_fields);
  g_free (copy);
}

/* TRUE when no criterion but the search applies: every row is read. */
static gboolean
reads_every_row (const CtFilter *filter)
{
  return filter->from == NULL && filter->to == NULL && filter->staff_id == 0 &&
         filter->child_id == 0 && filter->referral_id == 0 && filter->goal_id == 0 &&
         filter->event_id == 0 && filter->status == NULL;
}

/* " WHERE TRUE AND ..." for every criterion of @filter but its search,
 * which ct_search_text_find() applies. */
static void
append_where (GString        *sql,
              CtDatabase     *db,
              const CtKind   *kind,
              const CtFilter *filter)
{
  const CtSqlDialect *dialect = ct_database_get_dialect (db);

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
}

static char *
filter_sql (CtDatabase     *db,
            const CtKind   *kind,
            const CtFilter *filter)
{
  const CtStoreText *text = ct_store_text_get (db, kind);
  GString *sql = g_string_new (reads_every_row (filter) ? text->select_scan : text->select);

  append_where (sql, db, kind, filter);
  ct_store_append_order (sql, ct_database_get_dialect (db), kind, filter, FALSE);
  return g_string_free (sql, FALSE);
}

/* Whether @sql names no table but the kind's own ("t."), outside quotes. */
static gboolean
names_only_own_table (const char *sql)
{
  gboolean quoted = FALSE;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'')
        quoted = !quoted;
      else if (!quoted && *p == '.' && p > sql && g_ascii_isalpha (p[-1]) &&
               !(p[-1] == 't' && (p - 1 == sql || !(g_ascii_isalnum (p[-2]) || p[-2] == '_'))))
        return FALSE;
    }
  return TRUE;
}

/* What ids_sql() reads. */
typedef enum
{
  IDS_ALL,
  IDS_FIRST_PAGE,   /* the first CT_STORE_PAGE_SIZE, each with how many there are */
  IDS_COUNT,        /* how many, as the one row */
} IdsShape;

/* "SELECT t.id FROM table t ... ORDER BY ...": the kind's joins only when
 * the conditions or the order need them; in the kind's own order and
 * within dates at most, the date index gives the ids in order. The first
 * page's count is a subquery that does not depend on the row, which both
 * stores run once: one statement, one round trip to a team server. */
static char *
ids_sql (CtDatabase     *db,
         const CtKind   *kind,
         const CtFilter *filter,
         IdsShape        shape)
{
  const CtSqlDialect *dialect = ct_database_get_dialect (db);
  gboolean by_index = filter->sort_field == NULL &&
                      filter->staff_id == 0 && filter->child_id == 0 &&
                      filter->referral_id == 0 && filter->goal_id == 0 &&
                      filter->event_id == 0 && filter->status == NULL;
  g_autoptr(GString) rest = g_string_new (NULL);
  GString *sql = g_string_new (shape == IDS_COUNT ? "SELECT count(*)" : "SELECT t.id");

  if (shape == IDS_FIRST_PAGE)
    {
      g_autofree char *count = ids_sql (db, kind, filter, IDS_COUNT);

      g_string_append_printf (sql, ", (%s)", count);
    }
  g_string_append (sql, " FROM ");
  append_where (rest, db, kind, filter);
  if (shape != IDS_COUNT)
    ct_store_append_order (rest, dialect, kind, filter, by_index);
  g_string_append_printf (sql, "%s t", kind->name);
  if (shape == IDS_ALL && !by_index && reads_every_row (filter) && *dialect->scan_hint != '\0')
    g_string_append_printf (sql, " %s", dialect->scan_hint);
  if (kind->joins != NULL && !names_only_own_table (rest->str))
    g_string_append_printf (sql, " %s", kind->joins);
  g_string_append (sql, rest->str);
  if (shape == IDS_FIRST_PAGE)
    g_string_append_printf (sql, " LIMIT %u", CT_STORE_PAGE_SIZE);
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
bind_filter (CtStatement    *stmt,
             const CtKind   *kind,
             const CtFilter *filter)
{
  bind_text_if (stmt, PARAM_FROM, filter->from);
  bind_text_if (stmt, PARAM_TO, filter->to);
  bind_id_if (stmt, PARAM_STAFF, filter->staff_id);
  bind_id_if (stmt, PARAM_CHILD, filter->child_id);
  bind_id_if (stmt, PARAM_REFERRAL, filter->referral_id);
  bind_id_if (stmt, PARAM_GOAL, filter->goal_id);
  bind_id_if (stmt, PARAM_EVENT, filter->event_id);
  bind_status (stmt, kind, filter->status);
}

static const CtFilter everything = { 0 };

/* Keeps in @records those whose ids ct_store_list_ids() finds. */
static gboolean
keep_found_records (CtDatabase     *db,
                    const CtKind   *kind,
                    const CtFilter *filter,
                    GPtrArray      *records,
                    GError        **error)
{
  g_autoptr(GArray) ids = ct_store_list_ids (db, kind, filter, error);
  g_autoptr(GHashTable) found = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint kept = 0;

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (found, &g_array_index (ids, gint64, i));
  for (guint i = 0; i < records->len; i++)
    {
      gpointer record = records->pdata[i];
      gint64 id = ct_record_get_id (record);

      if (g_hash_table_contains (found, &id))
        {
          records->pdata[i] = records->pdata[kept];
          records->pdata[kept++] = record;
        }
    }
  g_ptr_array_set_size (records, kept);
  return TRUE;
}

GListModel *
ct_store_list (CtDatabase      *db,
               const CtKind    *kind,
               const CtFilter  *filter,
               GError         **error)
{
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
  if (filter->search != NULL && !keep_found_records (db, kind, filter, records, error))
    return NULL;
  store = g_list_store_new (kind->get_type ());
  g_list_store_splice (store, 0, 0, records->pdata, records->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The ids @filter's criteria select, in order (not its search), shaped;
 * @count, if not NULL, the number of the first row's second column (0
 * when there is no row). */
static GArray *
read_shaped (CtDatabase      *db,
             const CtKind    *kind,
             const CtFilter  *filter,
             IdsShape         shape,
             gint64          *count,
             GError         **error)
{
  g_autofree char *sql = ids_sql (db, kind, filter, shape);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CtStatement *stmt = ct_database_prepare (db, sql, error);
  gboolean has_row = TRUE;

  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, kind, filter);
  while (TRUE)
    {
      gint64 id;

      if (!ct_statement_step (stmt, &has_row, _("read the records file"), error))
        return NULL;
      if (!has_row)
        break;
      id = ct_statement_column_int64 (stmt, 0);
      if (count != NULL && ids->len == 0)
        *count = ct_statement_column_int64 (stmt, 1);
      g_array_append_val (ids, id);
    }
  ct_statement_reset (stmt);
  return g_steal_pointer (&ids);
}

static GArray *
read_ids (CtDatabase      *db,
          const CtKind    *kind,
          const CtFilter  *filter,
          GError         **error)
{
  return read_shaped (db, kind, filter, IDS_ALL, NULL, error);
}

GArray *
ct_store_list_ids (CtDatabase      *db,
                   const CtKind    *kind,
                   const CtFilter  *filter,
                   GError         **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (filter == NULL)
    filter = &everything;
  if (filter->search != NULL)
    return ct_search_text_find (db, kind, filter, read_ids, error);
  return read_ids (db, kind, filter, error);
}

GArray *
ct_store_list_first_ids (CtDatabase      *db,
                         const CtKind    *kind,
                         const CtFilter  *filter,
                         guint           *n_ids,
                         GError         **error)
{
  gint64 count = 0;
  GArray *ids;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (filter == NULL || filter->search == NULL, NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  if (filter == NULL)
    filter = &everything;
  ids = read_shaped (db, kind, filter, IDS_FIRST_PAGE, &count, error);
  *n_ids = count;
  return ids;
}

GPtrArray *
ct_store_get_page (CtDatabase    *db,
                   const CtKind  *kind,
                   const gint64  *ids,
                   guint          n_ids,
                   GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *page;
  CtStatement *stmt;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (n_ids <= CT_STORE_PAGE_SIZE, NULL);

  stmt = ct_database_prepare (db, ct_store_text_get (db, kind)->get_page, error);
  if (stmt == NULL)
    return NULL;
  /* No record has id 0: the parameters left over match nothing. */
  for (guint i = 0; i < CT_STORE_PAGE_SIZE; i++)
    ct_statement_bind_int64 (stmt, i + 1, i < n_ids ? ids[i] : 0);
  records = read_rows (db, kind, stmt, error);
  if (records == NULL)
    return NULL;

  /* In the order asked: a page is a hundred rows at most. */
  page = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    for (guint j = 0; j < records->len; j++)
      if (ct_record_get_id (records->pdata[j]) == ids[i])
        {
          g_ptr_array_add (page, g_object_ref (records->pdata[j]));
          break;
        }
  return page;
}
