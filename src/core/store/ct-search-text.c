/* ct-search-text.c: a store's search texts, following its changes
 *
 * Per kind, the rows as the list shows them (ct-search-rows.c) and the ids
 * the last search's criteria selected. Changes are marked in the thread
 * that emits "changed" (marks_lock, held briefly) and followed by the next
 * search in the thread that reads (search_lock), so that the window never
 * waits for a search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ct-search-rows.h"
#include "ct-search-text.h"
#include "ct-store-private.h"

#define SEARCH_TEXT_KEY "ct-search-text"

/* A kind's rows, and the ids the last search's criteria selected, in
 * order, with their rows: typing in a search changes the words only. */
typedef struct
{
  CtSearchRows *rows;
  char         *order_key;
  char         *order_version; /* CtSqlDialect.data_version when read */
  GArray       *order_ids;     /* gint64 */
  GArray       *order_rows;    /* guint: each id's row + 1, 0 for none */
} KindText;

struct _CtSearchText
{
  GMutex      marks_lock;
  GHashTable *marks;    /* kind name → GArray of the ids written since */
  gboolean    unknown;  /* changes were not known one by one since */
  GMutex      search_lock;
  GHashTable *kinds;    /* kind name → KindText; under search_lock */
};

static void
forget_order (KindText *kt)
{
  g_clear_pointer (&kt->order_key, g_free);
  g_clear_pointer (&kt->order_version, g_free);
  g_clear_pointer (&kt->order_ids, g_array_unref);
  g_clear_pointer (&kt->order_rows, g_array_unref);
}

static void
kind_text_free (KindText *kt)
{
  forget_order (kt);
  ct_search_rows_free (kt->rows);
  g_free (kt);
}

/* Reads records @ids (@n of them) again; the ids in order are read again
 * too, as rows move. */
static gboolean
read_again (KindText      *kt,
            CtDatabase    *db,
            const gint64  *ids,
            guint          n,
            GError       **error)
{
  forget_order (kt);
  return ct_search_rows_read_again (kt->rows, db, ids, n, error);
}

/* Changes */

static void
on_changed (CtDatabase   *db,
            GArray       *changes,
            CtSearchText *texts)
{
  g_mutex_lock (&texts->marks_lock);
  if (changes == NULL)
    texts->unknown = TRUE;
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const CtRecordChange *change = &g_array_index (changes, CtRecordChange, i);
      GArray *ids = g_hash_table_lookup (texts->marks, change->kind);

      if (ids == NULL)
        {
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (texts->marks, g_strdup (change->kind), ids);
        }
      g_array_append_val (ids, change->id);
    }
  g_mutex_unlock (&texts->marks_lock);
}

/* Whether @kind's rows show fields of the kind named @name (its joins). */
static gboolean
shows_kind (const CtKind *kind,
            const char   *name)
{
  g_autofree char *join = g_strdup_printf ("JOIN %s ", name);

  return kind->joins != NULL && strstr (kind->joins, join) != NULL;
}

/* Brings the texts up to date with the changes marked since the last
 * search; under search_lock. A text that cannot be is forgotten. */
static void
follow_changes (CtSearchText *texts,
                CtDatabase   *db)
{
  g_autoptr(GHashTable) marks = NULL;
  GHashTableIter kinds, written;
  gboolean unknown;
  const char *written_kind;
  KindText *kt;
  GArray *ids;

  g_mutex_lock (&texts->marks_lock);
  marks = g_steal_pointer (&texts->marks);
  texts->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  unknown = texts->unknown;
  texts->unknown = FALSE;
  g_mutex_unlock (&texts->marks_lock);

  if (unknown)
    {
      g_hash_table_remove_all (texts->kinds);
      return;
    }
  g_hash_table_iter_init (&kinds, texts->kinds);
  while (g_hash_table_iter_next (&kinds, NULL, (gpointer *) &kt))
    {
      const CtKind *kind = ct_search_rows_get_kind (kt->rows);
      g_autoptr(GError) error = NULL;
      gboolean forget = FALSE;

      g_hash_table_iter_init (&written, marks);
      while (!forget && g_hash_table_iter_next (&written, (gpointer *) &written_kind, NULL))
        forget = shows_kind (kind, written_kind);
      ids = g_hash_table_lookup (marks, kind->name);
      if (!forget && ids != NULL &&
          !read_again (kt, db, (gint64 *) (gpointer) ids->data, ids->len, &error))
        {
          g_debug ("The search reads every %s again: %s", kind->name, error->message);
          forget = TRUE;
        }
      if (forget)
        g_hash_table_iter_remove (&kinds);
    }
}

/* Searching */

/* The fields searched: @filter's, or the kind's text fields. */
static GPtrArray *
searched_fields (const CtKind   *kind,
                 const CtFilter *filter)
{
  GPtrArray *fields = g_ptr_array_new ();

  if (filter->search_fields != NULL)
    for (guint i = 0; filter->search_fields[i] != NULL; i++)
      g_ptr_array_add (fields, (gpointer) filter->search_fields[i]);
  else
    for (guint i = 0; i < kind->n_fields; i++)
      if (kind->fields[i].type == CT_FIELD_TEXT)
        g_ptr_array_add (fields, (gpointer) &kind->fields[i]);
  return fields;
}

static gboolean
same_fields (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

/* @kind's text in @fields, read whole when there is none yet. */
static KindText *
get_kind_text (CtSearchText  *texts,
               CtDatabase    *db,
               const CtKind  *kind,
               GPtrArray     *fields,
               GError       **error)
{
  KindText *kt = g_hash_table_lookup (texts->kinds, kind->name);
  CtSearchRows *rows;

  if (kt != NULL && same_fields (ct_search_rows_get_fields (kt->rows), fields))
    return kt;
  rows = ct_search_rows_read (db, kind, fields, error);
  if (rows == NULL)
    return NULL;
  kt = g_new0 (KindText, 1);
  kt->rows = rows;
  g_hash_table_insert (texts->kinds, (gpointer) kind->name, kt);
  return kt;
}

/* The rows @ids asks for that the text lacks (written since, unnoticed). */
static GArray *
find_missing (KindText *kt,
              GArray   *ids)
{
  GArray *missing = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ids->len; i++)
    if (ct_search_rows_find_row (kt->rows, g_array_index (ids, gint64, i)) == 0)
      g_array_append_val (missing, g_array_index (ids, gint64, i));
  return missing;
}

/* Every criterion of @filter but its search and the fields searched. */
static char *
dup_order_key (const CtFilter *filter)
{
  return g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                          "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%s|%p|%d",
                          filter->from ? filter->from : "", filter->to ? filter->to : "",
                          filter->staff_id, filter->child_id, filter->referral_id,
                          filter->goal_id, filter->event_id, filter->status ? filter->status : "",
                          (gpointer) filter->sort_field, filter->sort_descending);
}

/* CtSqlDialect.data_version's value now. */
static char *
dup_data_version (CtDatabase  *db,
                  GError     **error)
{
  CtStatement *stmt = ct_database_prepare (db, ct_database_get_dialect (db)->data_version, error);
  gboolean has_row = FALSE;
  char *version;

  if (stmt == NULL || !ct_statement_step (stmt, &has_row, _("read the records file"), error))
    return NULL;
  version = g_strdup (has_row ? ct_statement_column_text (stmt, 0) : "");
  ct_statement_reset (stmt);
  return version;
}

/* Reads the ids @filter's criteria select, unless the last search's were
 * the same and no connection but @db's has written since (@db is the
 * reader's, or the store's whose own writes are marked), and the rows of
 * their text. */
static gboolean
read_order (KindText        *kt,
            CtDatabase      *db,
            const CtFilter  *filter,
            CtReadIds        read_ids,
            GError         **error)
{
  g_autofree char *key = dup_order_key (filter);
  g_autofree char *version = dup_data_version (db, error);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) missing = NULL;
  GArray *rows;

  if (version == NULL)
    return FALSE;
  if (g_strcmp0 (kt->order_key, key) == 0 && g_strcmp0 (kt->order_version, version) == 0)
    return TRUE;
  ids = read_ids (db, ct_search_rows_get_kind (kt->rows), filter, error);
  if (ids == NULL)
    return FALSE;
  missing = find_missing (kt, ids);
  if (missing->len > 0 &&
      !read_again (kt, db, (gint64 *) (gpointer) missing->data, missing->len, error))
    return FALSE;

  /* A row still missing was deleted meanwhile: 0, never found. */
  rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      guint row = ct_search_rows_find_row (kt->rows, g_array_index (ids, gint64, i));

      g_array_append_val (rows, row);
    }
  kt->order_key = g_steal_pointer (&key);
  kt->order_version = g_steal_pointer (&version);
  kt->order_ids = g_steal_pointer (&ids);
  kt->order_rows = rows;
  return TRUE;
}

static GArray *
find (CtSearchText    *texts,
      CtDatabase      *db,
      const CtKind    *kind,
      const CtFilter  *filter,
      CtReadIds        read_ids,
      GError         **error)
{
  g_auto(GStrv) words = ct_search_rows_fold_words (filter->search);
  g_autoptr(GPtrArray) fields = searched_fields (kind, filter);
  g_autofree guint8 *found = NULL;
  GArray *ids;
  KindText *kt;

  if (words == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  if (words[0] == NULL)
    return read_ids (db, kind, filter, error);

  follow_changes (texts, db);
  kt = get_kind_text (texts, db, kind, fields, error);
  if (kt == NULL || !read_order (kt, db, filter, read_ids, error))
    return NULL;

  found = g_new0 (guint8, ct_search_rows_get_n_rows (kt->rows) + 1);
  ct_search_rows_find_words (kt->rows, words, found + 1);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < kt->order_rows->len; i++)
    if (found[g_array_index (kt->order_rows, guint, i)])
      g_array_append_val (ids, g_array_index (kt->order_ids, gint64, i));
  return ids;
}

/* The store's */

static void
search_text_clear (CtSearchText *texts)
{
  g_mutex_clear (&texts->marks_lock);
  g_mutex_clear (&texts->search_lock);
  g_hash_table_unref (texts->marks);
  g_hash_table_unref (texts->kinds);
}

void
ct_search_text_unref (CtSearchText *text)
{
  g_atomic_rc_box_release_full (text, (GDestroyNotify) search_text_clear);
}

/* @db's own or the one lent to it, made on first use. */
static CtSearchText *
search_text_of (CtDatabase *db)
{
  CtSearchText *texts = g_object_get_data (G_OBJECT (db), SEARCH_TEXT_KEY);

  if (texts != NULL)
    return texts;
  texts = g_atomic_rc_box_new0 (CtSearchText);
  g_mutex_init (&texts->marks_lock);
  g_mutex_init (&texts->search_lock);
  texts->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  texts->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) kind_text_free);
  g_object_set_data_full (G_OBJECT (db), SEARCH_TEXT_KEY, texts,
                          (GDestroyNotify) ct_search_text_unref);
  g_signal_connect (db, "changed", G_CALLBACK (on_changed), texts);
  return texts;
}

CtSearchText *
ct_search_text_ref_for (CtDatabase *store)
{
  g_return_val_if_fail (CT_IS_DATABASE (store), NULL);

  return g_atomic_rc_box_acquire (search_text_of (store));
}

void
ct_search_text_lend (CtDatabase   *connection,
                     CtSearchText *text)
{
  g_return_if_fail (CT_IS_DATABASE (connection));
  g_return_if_fail (text != NULL);

  g_object_set_data_full (G_OBJECT (connection), SEARCH_TEXT_KEY, text,
                          (GDestroyNotify) ct_search_text_unref);
}

void
ct_search_text_forget (CtDatabase *store)
{
  CtSearchText *texts;

  g_return_if_fail (CT_IS_DATABASE (store));

  texts = search_text_of (store);
  g_mutex_lock (&texts->marks_lock);
  texts->unknown = TRUE;
  g_mutex_unlock (&texts->marks_lock);
}

GArray *
ct_search_text_find (CtDatabase      *db,
                     const CtKind    *kind,
                     const CtFilter  *filter,
                     CtReadIds        read_ids,
                     GError         **error)
{
  CtSearchText *texts;
  GArray *ids;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (read_ids != NULL, NULL);

  texts = search_text_of (db);
  g_mutex_lock (&texts->search_lock);
  ids = find (texts, db, kind, filter, read_ids, error);
  g_mutex_unlock (&texts->search_lock);
  return ids;
}
