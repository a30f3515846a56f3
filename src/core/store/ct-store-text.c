/* ct-store-text.c: the SQL text of each kind's reads and writes, built once
 *
 * The texts follow from the kind tables, which never change, and from the
 * store's few words of its own (CtSqlDialect), so they are built for every
 * kind the first time any is needed on a store (thread-safe) and kept for
 * the life of the program. Writing a record then costs no text
 * building; the statements themselves are cached by text on the
 * connection (ct_database_prepare()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include "ct-store-private.h"

/* "SELECT t.id, t.created_at, t.updated_at, t.version, <every field> FROM <table> t"
 * and then @hint (the store's scan hint, or "") and the kind's joins. */
static char *
select_sql (const CtSqlDialect *dialect,
            const CtKind       *kind,
            const char         *hint)
{
  GString *sql = g_string_new ("SELECT t.id, t.created_at, t.updated_at, t.version");

  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *column = ct_field_dup_select_sql (&kind->fields[i],
                                                          dialect->hides_clinical_text);
      g_string_append_printf (sql, ", %s", column);
    }
  g_string_append_printf (sql, " FROM %s t%s%s", kind->name, *hint != '\0' ? " " : "", hint);
  if (kind->joins != NULL)
    g_string_append_printf (sql, " %s", kind->joins);
  return g_string_free (sql, FALSE);
}

char *
ct_store_page_sql (const char *select)
{
  GString *sql = g_string_new (select);

  g_string_append (sql, " WHERE t.id IN (");
  for (guint i = 1; i <= CT_STORE_PAGE_SIZE; i++)
    g_string_append_printf (sql, "%s?%u", i > 1 ? ", " : "", i);
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

/* "INSERT INTO t (a, b) VALUES (?1, ?2) RETURNING id" or
 * "UPDATE t SET a = ?1, b = ?2, updated_at = <now>, version = version + 1
 *  WHERE id = ?3 AND version = ?4 RETURNING id": no row when the record was
 * deleted or saved by someone else since it was read */
static char *
write_sql (const CtSqlDialect *dialect,
           const CtKind       *kind,
           gboolean            insert)
{
  GString *sql = g_string_new (NULL);
  GString *values = g_string_new (NULL);
  guint n = 0;

  g_string_printf (sql, insert ? "INSERT INTO %s (" : "UPDATE %s SET ", kind->name);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (!ct_field_is_stored_column (&kind->fields[i]))
        continue;
      n++;
      if (insert)
        {
          g_string_append_printf (sql, "%s%s", n > 1 ? ", " : "", ct_field_column (&kind->fields[i]));
          g_string_append_printf (values, "%s?%u", n > 1 ? ", " : "", n);
        }
      else
        g_string_append_printf (sql, "%s = ?%u, ", ct_field_column (&kind->fields[i]), n);
    }
  if (insert)
    g_string_append_printf (sql, ") VALUES (%s) RETURNING id", values->str);
  else
    g_string_append_printf (sql, "updated_at = %s, version = version + 1"
                            " WHERE id = ?%u AND version = ?%u RETURNING id",
                            dialect->now, n + 1, n + 2);
  g_string_free (values, TRUE);
  return g_string_free (sql, FALSE);
}

/* "SELECT 1 FROM t WHERE id <> ?1 AND a = ?2 AND b = ?3 [AND condition] LIMIT 1" */
static char *
unique_sql (const CtKind   *kind,
            const CtUnique *unique)
{
  GString *sql = g_string_new ("SELECT 1 FROM ");

  g_string_append_printf (sql, "%s WHERE id <> ?1", kind->name);
  /* Text is unique regardless of case: "ab-1" and "AB-1" are one reference. */
  for (guint i = 0; i < G_N_ELEMENTS (unique->fields) && unique->fields[i] != NULL; i++)
    {
      const CtField *field = ct_kind_find_field (kind, unique->fields[i]);

      g_string_append_printf (sql, " AND %s = ?%u%s", ct_field_column (field), i + 2,
                              field->type == CT_FIELD_TEXT ? " COLLATE NOCASE" : "");
    }
  if (unique->condition != NULL)
    g_string_append_printf (sql, " AND %s", unique->condition);
  g_string_append (sql, " LIMIT 1");
  return g_string_free (sql, FALSE);
}

/* The per-field texts: word lists and references. */
static void
build_field_texts (CtStoreText   *text,
                   const CtField *field,
                   guint          i)
{
  if (field->flags & CT_FIELD_DISPLAY)
    return;
  if (field->type == CT_FIELD_ENUM_LIST)
    {
      text->words_delete[i] = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1",
                                               field->side_table, field->side_key);
      text->words_insert[i] = g_strdup_printf ("INSERT INTO %s (%s, %s) VALUES (?1, ?2)",
                                               field->side_table, field->side_key,
                                               field->side_column);
    }
  else if (field->type == CT_FIELD_REFERENCE)
    text->reference_check[i] = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1",
                                                field->reference);
}

static void
build_texts (CtStoreText        *text,
             const CtSqlDialect *dialect,
             const CtKind       *kind)
{
  guint n_unique = 0;

  text->select = select_sql (dialect, kind, "");
  text->select_scan = select_sql (dialect, kind, dialect->scan_hint);
  text->get = g_strconcat (text->select, " WHERE t.id = ?1", NULL);
  text->get_page = ct_store_page_sql (text->select);
  text->insert = write_sql (dialect, kind, TRUE);
  text->update = write_sql (dialect, kind, FALSE);

  text->words_delete = g_new0 (char *, kind->n_fields);
  text->words_insert = g_new0 (char *, kind->n_fields);
  text->reference_check = g_new0 (char *, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    build_field_texts (text, &kind->fields[i], i);

  while (kind->unique != NULL && kind->unique[n_unique].fields[0] != NULL)
    n_unique++;
  text->unique_check = g_new0 (char *, n_unique + 1);
  for (guint i = 0; i < n_unique; i++)
    text->unique_check[i] = unique_sql (kind, &kind->unique[i]);
}

static gpointer
build_every_kind (gpointer dialect)
{
  guint n_kinds = ct_kind_get_n_kinds ();
  CtStoreText *texts = g_new0 (CtStoreText, n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    build_texts (&texts[i], dialect, ct_kind_get_nth (i));
  return texts;
}

const CtStoreText *
ct_store_text_get (CtDatabase   *db,
                   const CtKind *kind)
{
  static GOnce once[CT_N_DIALECTS] = { G_ONCE_INIT, G_ONCE_INIT, G_ONCE_INIT };
  const CtSqlDialect *dialect = ct_database_get_dialect (db);
  const CtStoreText *texts = g_once (&once[dialect->id], build_every_kind, (gpointer) dialect);

  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    if (ct_kind_get_nth (i) == kind)
      return &texts[i];
  g_return_val_if_reached (NULL);
}
