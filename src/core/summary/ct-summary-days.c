/* ct-summary-days.c: the day by day sums that most summary figures read
 *
 * Most figures of the committee summary are sums over the days of the
 * period: referrals received, consultations by mode, hours of training.
 * The table summary_day keeps each of those sums for each day, and
 * triggers keep it in the same transaction as every write that changes
 * one, so that a summary adds up a row per day of its period (3,650 for
 * ten years) instead of reading every record of it. What cannot be summed
 * day by day (children counted once, each child's latest SDQ, the goals of
 * each episode) the summary still reads from the records.
 *
 * Each figure read from here names, in ct-summary-sql.c, the rows it sums
 * (a CtDaySource below: which table, which day, which rows) and what it
 * sums of each; its columns are named after it. A row's sums may read the
 * record it belongs to (a consultation's topic counts on the
 * consultation's date, a referral under its child's legal status): a
 * change to that record moves the sums of its rows.
 *
 * The triggers keep one rule: summary_day holds the sums of the rows as
 * they are. A row written adds its sums and takes away those it had; a
 * changed record takes away its rows' sums as they were and adds them as
 * they are; a record deleted takes its rows' sums away first, since the
 * rows deleted with it (ON DELETE CASCADE) no longer find it. The same
 * statements serve both stores: SQLite's triggers and PostgreSQL's
 * trigger functions differ only in how they are declared.
 *
 * summary_day is derived data: a later schema change to it drops it and
 * builds it again (ct_summary_days_sql() begins by dropping it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-summary"

#include "config.h"

#include "ct-store-private.h"
#include "ct-summary-private.h"

/* The rows a figure sums, and the day each counts on. In @day and @rows,
 * $R is the row and $P the record it belongs to (@parent, whose id is the
 * row's @parent_key). */
typedef struct
{
  const char *table;
  const char *parent;
  const char *parent_key;
  const char *day;
  const char *rows;
} Source;

static const Source sources[CT_N_DAY_SOURCES] = {
  [CT_DAYS_RECEIVED] = { "referral", "child", "child_id", "$R.referral_date", "true" },
  [CT_DAYS_STARTED] = { "referral", NULL, NULL, "$R.start_date", "$R.decision = 'accepted'" },
  /* An episode stops being open after its end date, or never opened when
   * it ended before it started: ct-summary-sql.c's OPEN_ON. */
  [CT_DAYS_CLOSED] = { "referral", NULL, NULL,
                       "CASE WHEN $R.end_date >= $R.start_date THEN $R.end_date"
                       " ELSE $R.start_date END",
                       "$R.decision = 'accepted' AND $R.start_date IS NOT NULL"
                       " AND $R.end_date IS NOT NULL" },
  [CT_DAYS_ENDED] = { "referral", NULL, NULL, "$R.end_date", "true" },
  [CT_DAYS_CONSULTATIONS] = { "consultation", NULL, NULL, "$R.date", "true" },
  [CT_DAYS_TOPICS] = { "consultation_topic", "consultation", "consultation_id", "$P.date", "true" },
  [CT_DAYS_SESSIONS] = { "reflective_practice", NULL, NULL, "$R.date", "true" },
  [CT_DAYS_EVENTS] = { "training_event", NULL, NULL, "$R.date", "true" },
  [CT_DAYS_PLACES] = { "training_attendance", "training_event", "event_id", "$P.date",
                       "$R.status <> 'cancelled'" },
  [CT_DAYS_SDQ] = { "sdq_score", NULL, NULL, "$R.date", "true" },
};

/* Sums that are no figure of their own: the episodes that stop being open
 * on a day (read by caseload.open_at_*). */
static const struct
{
  CtDaySource  source;
  const char  *name;
  const char  *value;
} extra_columns[] = {
  { CT_DAYS_CLOSED, CT_SUMMARY_DAYS_CLOSED_AFTER,
    "CASE WHEN $R.end_date >= $R.start_date THEN 1 ELSE 0 END" },
  { CT_DAYS_CLOSED, CT_SUMMARY_DAYS_NEVER_OPEN,
    "CASE WHEN $R.end_date < $R.start_date THEN 1 ELSE 0 END" },
};

char *
ct_summary_days_column (const CtFigureSpec *spec,
                        const char         *part)
{
  char *name = g_strdup_printf ("%s_%s%s%s", spec->section, spec->key,
                                part != NULL ? "_" : "", part != NULL ? part : "");

  for (char *c = name; *c != '\0'; c++)
    *c = g_ascii_isalnum (*c) ? g_ascii_tolower (*c) : '_';
  return name;
}

/* A column: its name and the SQL summed for it, of rows of @source. */
typedef struct
{
  CtDaySource  source;
  char        *name;
  char        *value;
} Column;

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_free (column->value);
}

static void
add_column (GArray      *columns,
            CtDaySource  source,
            char        *name,
            char        *value)
{
  Column column = { source, name, value };

  g_array_append_val (columns, column);
}

/* Every column, in the order of the figures. */
static GArray *
list_columns (void)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (Column));
  guint n_specs;
  const CtFigureSpec *specs = ct_summary_get_specs (&n_specs);

  g_array_set_clear_func (columns, column_clear);
  for (guint i = 0; i < n_specs; i++)
    {
      const CtFigureSpec *spec = &specs[i];

      if (spec->days == CT_DAYS_NONE)
        continue;
      if (spec->kind == CT_FIGURE_BREAKDOWN)
        for (const char * const *word = ct_summary_spec_get_words (spec); *word != NULL; word++)
          add_column (columns, spec->days, ct_summary_days_column (spec, *word),
                      g_strdup_printf ("CASE WHEN %s = '%s' THEN 1 ELSE 0 END",
                                       spec->value, *word));
      else if (spec->kind == CT_FIGURE_MEAN)
        {
          add_column (columns, spec->days, ct_summary_days_column (spec, "sum"),
                      g_strdup (spec->value));
          add_column (columns, spec->days, ct_summary_days_column (spec, "n"),
                      g_strdup (spec->denominator));
        }
      else
        add_column (columns, spec->days, ct_summary_days_column (spec, NULL),
                    g_strdup (spec->value));
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra_columns); i++)
    add_column (columns, extra_columns[i].source, g_strdup (extra_columns[i].name),
                g_strdup (extra_columns[i].value));
  return columns;
}

/* @sql with $R and $P naming the row and its record. */
static char *
with_names (const char *sql,
            const char *row,
            const char *record)
{
  GString *text = g_string_new (sql);

  g_string_replace (text, "$R", row, 0);
  g_string_replace (text, "$P", record, 0);
  return g_string_free (text, FALSE);
}

/* Which rows' sums a statement adds or takes away. */
typedef enum
{
  EVERY_ROW,     /* the rows of the table as they are (the first fill) */
  THIS_ROW,      /* the trigger's row, as NEW or OLD */
  ITS_ROWS,      /* the rows of the trigger's record, with it as NEW or OLD */
} Rows;

/* One statement: the sums of @which rows of @source, added or (@sign "-")
 * taken away, day by day. @as is NEW or OLD. */
static void
append_sums (GString      *sql,
             const GArray *columns,
             CtDaySource   source,
             Rows          which,
             const char   *sign,
             const char   *as)
{
  const Source *from = &sources[source];
  const char *row = which == THIS_ROW ? as : "r";
  const char *record = which == ITS_ROWS ? as : "p";
  g_autofree char *day = with_names (from->day, row, record);
  g_autofree char *rows = with_names (from->rows, row, record);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) sums = g_string_new (NULL);
  g_autoptr(GString) updates = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);
      g_autofree char *value = NULL;

      if (column->source != source)
        continue;
      value = with_names (column->value, row, record);
      g_string_append_printf (names, ", %s", column->name);
      g_string_append_printf (sums, ", %ssum (%s)", sign, value);
      g_string_append_printf (updates, "%s %s = summary_day.%s + excluded.%s",
                              updates->len > 0 ? "," : "", column->name, column->name,
                              column->name);
    }

  g_string_append_printf (sql, " INSERT INTO summary_day (day%s) SELECT %s%s",
                          names->str, day, sums->str);
  if (which == EVERY_ROW)
    {
      g_string_append_printf (sql, " FROM %s r", from->table);
      if (from->parent != NULL)
        g_string_append_printf (sql, " JOIN %s p ON p.id = r.%s", from->parent,
                                from->parent_key);
      g_string_append (sql, " WHERE");
    }
  else if (which == THIS_ROW && from->parent != NULL)
    g_string_append_printf (sql, " FROM %s p WHERE p.id = %s.%s AND", from->parent, as,
                            from->parent_key);
  else if (which == ITS_ROWS)
    g_string_append_printf (sql, " FROM %s r WHERE r.%s = %s.id AND", from->table,
                            from->parent_key, as);
  else
    g_string_append (sql, " WHERE");
  g_string_append_printf (sql, " (%s) IS NOT NULL AND (%s) GROUP BY 1"
                          " ON CONFLICT (day) DO UPDATE SET%s;", day, rows, updates->str);
}

/* The statements for the sources of @table's own rows (@own) or of the
 * rows that belong to its records. */
static void
append_all (GString      *sql,
            const GArray *columns,
            const char   *table,
            gboolean      own,
            const char   *sign,
            const char   *as)
{
  for (guint s = CT_DAYS_NONE + 1; s < CT_N_DAY_SOURCES; s++)
    if (g_strcmp0 (own ? sources[s].table : sources[s].parent, table) == 0)
      append_sums (sql, columns, s, own ? THIS_ROW : ITS_ROWS, sign, as);
}

static gboolean
has_rows_of_records (const char *table)
{
  for (guint s = CT_DAYS_NONE + 1; s < CT_N_DAY_SOURCES; s++)
    if (g_strcmp0 (sources[s].parent, table) == 0)
      return TRUE;
  return FALSE;
}

/* The tables whose writes change the sums, each once. */
static GPtrArray *
list_tables (void)
{
  GPtrArray *tables = g_ptr_array_new ();

  for (guint s = CT_DAYS_NONE + 1; s < CT_N_DAY_SOURCES; s++)
    {
      const char *both[] = { sources[s].table, sources[s].parent };

      for (guint i = 0; i < G_N_ELEMENTS (both); i++)
        if (both[i] != NULL &&
            !g_ptr_array_find_with_equal_func (tables, both[i], g_str_equal, NULL))
          g_ptr_array_add (tables, (gpointer) both[i]);
    }
  return tables;
}

/* " OF a, b, c": the columns a save of a record of @table writes, for the
 * trigger after a change; "" for a table of no kind of record (a word
 * list's). Its word list's column, which the store's triggers keep from
 * the list's rows, is not among them: a change of the rows moves their
 * sums, the column's change would only take them away and add them again
 * (375 µs a consultation under the file's memory security). */
static char *
dup_columns_written (const char *table)
{
  const CtKind *kind = ct_kind_lookup (table);
  GString *columns = g_string_new (NULL);

  for (guint i = 0; kind != NULL && i < kind->n_fields; i++)
    if (ct_field_is_stored_column (&kind->fields[i]))
      g_string_append_printf (columns, "%s %s", columns->len == 0 ? " OF" : ",",
                              ct_field_column (&kind->fields[i]));
  return g_string_free (columns, FALSE);
}

/* SQLite: a trigger per table and event, if it has statements. */
static void
append_file_trigger (GString    *sql,
                     const char *table,
                     const char *name,
                     const char *when,
                     const char *body)
{
  if (*body != '\0')
    g_string_append_printf (sql, " CREATE TRIGGER summary_day_%s_%s %s ON %s BEGIN%s END;",
                            table, name, when, table, body);
}

static void
append_file_triggers (GString      *sql,
                      const GArray *columns,
                      const char   *table)
{
  g_autoptr(GString) added = g_string_new (NULL);
  g_autoptr(GString) removed = g_string_new (NULL);
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autoptr(GString) records_deleted = g_string_new (NULL);
  g_autofree char *written = dup_columns_written (table);
  g_autofree char *after_update = g_strconcat ("AFTER UPDATE", written, NULL);

  append_all (added, columns, table, TRUE, "", "NEW");
  append_all (removed, columns, table, TRUE, "-", "OLD");
  g_string_append (changed, removed->str);
  g_string_append (changed, added->str);
  append_all (changed, columns, table, FALSE, "-", "OLD");
  append_all (changed, columns, table, FALSE, "", "NEW");
  append_all (records_deleted, columns, table, FALSE, "-", "OLD");

  append_file_trigger (sql, table, "insert", "AFTER INSERT", added->str);
  append_file_trigger (sql, table, "update", after_update, changed->str);
  append_file_trigger (sql, table, "delete", "AFTER DELETE", removed->str);
  append_file_trigger (sql, table, "rows", "BEFORE DELETE", records_deleted->str);
}

/* PostgreSQL: a trigger function per table, run as its owner (the
 * people's logins may not write summary_day), after every change of a
 * row, and before a record is deleted when rows belong to it. */
static void
append_server_triggers (GString      *sql,
                        const GArray *columns,
                        const char   *table,
                        const char   *schema)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *written = dup_columns_written (table);

  if (has_rows_of_records (table))
    {
      g_string_append (body, " IF TG_WHEN = 'BEFORE' THEN");
      append_all (body, columns, table, FALSE, "-", "OLD");
      g_string_append (body, " RETURN OLD; END IF;");
    }
  g_string_append (body, " IF TG_OP IN ('UPDATE', 'DELETE') THEN NULL;");
  append_all (body, columns, table, TRUE, "-", "OLD");
  g_string_append (body, " END IF; IF TG_OP IN ('INSERT', 'UPDATE') THEN NULL;");
  append_all (body, columns, table, TRUE, "", "NEW");
  g_string_append (body, " END IF; IF TG_OP = 'UPDATE' THEN NULL;");
  append_all (body, columns, table, FALSE, "-", "OLD");
  append_all (body, columns, table, FALSE, "", "NEW");
  g_string_append (body, " END IF; RETURN NULL;");

  g_string_append_printf (sql, " CREATE FUNCTION summary_day_%s () RETURNS trigger"
                          " LANGUAGE plpgsql SECURITY DEFINER SET search_path = %s"
                          " AS $$ BEGIN%s END $$;", table, schema, body->str);
  g_string_append_printf (sql, " CREATE TRIGGER summary_day AFTER INSERT OR UPDATE%s OR DELETE"
                          " ON %s FOR EACH ROW EXECUTE FUNCTION summary_day_%s ();",
                          written, table, table);
  if (has_rows_of_records (table))
    g_string_append_printf (sql, " CREATE TRIGGER summary_day_rows BEFORE DELETE ON %s"
                            " FOR EACH ROW EXECUTE FUNCTION summary_day_%s ();", table, table);
}

char *
ct_summary_days_sql (const char *server_schema)
{
  g_autoptr(GArray) columns = list_columns ();
  g_autoptr(GPtrArray) tables = list_tables ();
  GString *sql = g_string_new (NULL);

  /* Dropping the table drops its triggers' targets, not the triggers:
   * they go first, then the table; the first time, none is there, which
   * PostgreSQL would tell the person running the set-up. */
  if (server_schema != NULL)
    g_string_append (sql, " SET LOCAL client_min_messages = warning;");
  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = tables->pdata[t];

      if (server_schema != NULL)
        g_string_append_printf (sql, " DROP FUNCTION IF EXISTS summary_day_%s () CASCADE;", table);
      else
        g_string_append_printf (sql, " DROP TRIGGER IF EXISTS summary_day_%s_insert;"
                                " DROP TRIGGER IF EXISTS summary_day_%s_update;"
                                " DROP TRIGGER IF EXISTS summary_day_%s_delete;"
                                " DROP TRIGGER IF EXISTS summary_day_%s_rows;",
                                table, table, table, table);
    }
  g_string_append_printf (sql, " DROP TABLE IF EXISTS summary_day; CREATE TABLE summary_day"
                          " (day %s PRIMARY KEY", server_schema != NULL ? "date" : "TEXT");
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, ", %s %s NOT NULL DEFAULT 0",
                            g_array_index (columns, Column, i).name,
                            server_schema != NULL ? "bigint" : "INTEGER");
  /* Every write updates its day's row, and PostgreSQL keeps each old
   * version of a row until a vacuum: a burst of writes (an import, a team
   * move) left 98,000 dead versions of 3,650 days, which a summary read
   * past (one year's took 2.3 s). Room in each page keeps an update in its
   * page, where the next one prunes the old, and a vacuum follows every
   * thousand dead rows. */
  g_string_append (sql, server_schema != NULL
                        ? ") WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0,"
                          " autovacuum_vacuum_threshold = 1000);"
                        : ") STRICT;");

  for (guint s = CT_DAYS_NONE + 1; s < CT_N_DAY_SOURCES; s++)
    append_sums (sql, columns, s, EVERY_ROW, "", NULL);

  for (guint t = 0; t < tables->len; t++)
    if (server_schema != NULL)
      append_server_triggers (sql, columns, tables->pdata[t], server_schema);
    else
      append_file_triggers (sql, columns, tables->pdata[t]);
  return g_string_free (sql, FALSE);
}
