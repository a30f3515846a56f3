/* ct-search-rows.c: one kind's rows as a list shows them, for its search
 *
 * Each field searched keeps its distinct texts once, a column: the texts
 * folded one after the other, each ended by FIELD_END (which no word typed
 * holds, so that no match spans two texts), and a hash from the text shown
 * to its number. Each row is a number per field. At ten times county the
 * 400,000 consultations show 52,591 distinct texts in all (dates, names,
 * labels, numbers), 585 kB, where the rows' text one after the other was
 * 52 MB: a keystroke went from 39 to 13 ms. A search marks in each column the texts
 * that hold each word (a bit per word), then keeps the rows whose fields'
 * marks together cover every word. The rows are read in the order of
 * their ids, so a binary search finds a record's row (a map from 400,000
 * ids to their rows took 16 MB). A record read again is let go (its row
 * keeps its place, its id negated) and added at the end, in a small map;
 * once many rows are let go, the rest are copied out in the order of their
 * ids. Texts no row shows any more stay until the kind is read whole
 * again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem() */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-search-rows.h"
#include "ct-store-private.h"

#define FIELD_END '\x1f'
/* A search's words: at most a bit each in a guint64 (ct_search_rows_find_words()). */
#define MAX_WORDS 64
/* Rows let go are copied out once there are this many, and a quarter of all. */
#define LET_GO_KEPT 1024

/* The distinct texts of a field. */
typedef struct
{
  GString    *text;     /* each folded, ended by FIELD_END */
  GArray     *ends;     /* gsize: where each ends */
  GHashTable *numbers;  /* the text shown (owned) → its number + 1 */
} Column;

struct _CtSearchRows
{
  const CtKind *kind;
  GPtrArray    *fields;   /* const CtField *: the fields searched */
  Column       *columns;  /* one per field */
  GArray       *cells;    /* guint32: each row's text number, field after field */
  /* gint64: each row's record, negative once let go. The first n_sorted
   * rows are in the order of their ids (read so, or copied out so), which
   * a binary search finds; rows added after them are in @later. */
  GArray       *ids;
  guint         n_sorted;
  GHashTable   *later;    /* record id → its row + 1 (ids fit a pointer) */
  guint         n_let_go;
};

void
ct_search_rows_free (CtSearchRows *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      g_string_free (self->columns[i].text, TRUE);
      g_array_unref (self->columns[i].ends);
      g_hash_table_unref (self->columns[i].numbers);
    }
  g_free (self->columns);
  g_ptr_array_unref (self->fields);
  g_array_unref (self->cells);
  g_array_unref (self->ids);
  g_hash_table_unref (self->later);
  g_free (self);
}

static CtSearchRows *
search_rows_new (const CtKind *kind,
                 GPtrArray    *fields)
{
  CtSearchRows *self = g_new0 (CtSearchRows, 1);

  self->kind = kind;
  self->fields = g_ptr_array_ref (fields);
  self->columns = g_new0 (Column, fields->len);
  for (guint i = 0; i < fields->len; i++)
    {
      self->columns[i].text = g_string_new (NULL);
      self->columns[i].ends = g_array_new (FALSE, FALSE, sizeof (gsize));
      self->columns[i].numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  self->cells = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->later = g_hash_table_new (g_direct_hash, g_direct_equal);
  return self;
}

guint
ct_search_rows_find_row (CtSearchRows *self,
                         gint64        id)
{
  const gint64 *ids = (const gint64 *) (gpointer) self->ids->data;
  guint row = GPOINTER_TO_UINT (g_hash_table_lookup (self->later, (gpointer) (gintptr) id));
  guint low = 0, high = self->n_sorted;

  if (row != 0)
    return row;
  /* A row let go keeps its place in the order, its id negated. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      gint64 found = ABS (ids[middle]);

      if (found == id)
        return ids[middle] > 0 ? middle + 1 : 0;
      if (found < id)
        low = middle + 1;
      else
        high = middle;
    }
  return 0;
}

/* Ends the row whose cells were just appended: record @id's. */
static void
end_row (CtSearchRows *self,
         gint64        id)
{
  g_array_append_val (self->ids, id);
}

/* The number of @shown in @column, added (folded) when it is new. */
static guint32
text_number (Column *column,
             char   *shown)
{
  static const char field_end[] = { FIELD_END, '\0' };
  guint32 number = GPOINTER_TO_UINT (g_hash_table_lookup (column->numbers, shown));
  g_autofree char *folded = NULL;

  if (number != 0)
    {
      g_free (shown);
      return number - 1;
    }
  folded = ct_cell_text_fold (shown);
  g_string_append (column->text, g_strdelimit (folded, field_end, ' '));
  g_string_append_c (column->text, FIELD_END);
  g_array_append_val (column->ends, column->text->len);
  g_hash_table_insert (column->numbers, shown, GUINT_TO_POINTER (column->ends->len));
  return column->ends->len - 1;
}

/* Appends the row of record @id, whose fields @record holds: each field's
 * text as its list shows it. */
static void
append_text (CtSearchRows *self,
             CtRecord     *record,
             gint64        id)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      guint32 number = text_number (&self->columns[i],
                                    ct_cell_text_dup (record, self->fields->pdata[i]));

      g_array_append_val (self->cells, number);
    }
  end_row (self, id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      ids)
{
  gint64 id_a = g_array_index ((GArray *) ids, gint64, *(const guint *) a);
  gint64 id_b = g_array_index ((GArray *) ids, gint64, *(const guint *) b);

  return id_a < id_b ? -1 : id_a > id_b;
}

/* Copies the rows kept, in the order of their ids, into new arrays once
 * many were let go. */
static void
compact (CtSearchRows *self)
{
  guint n_fields = self->fields->len;
  g_autoptr(GArray) cells = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) kept = NULL;

  if (self->n_let_go < LET_GO_KEPT || self->n_let_go < self->ids->len / 4)
    return;

  cells = g_steal_pointer (&self->cells);
  ids = g_steal_pointer (&self->ids);
  kept = g_array_sized_new (FALSE, FALSE, sizeof (guint), ids->len - self->n_let_go);
  for (guint row = 0; row < ids->len; row++)
    if (g_array_index (ids, gint64, row) > 0)
      g_array_append_val (kept, row);
  g_array_sort_with_data (kept, compare_ids, ids);

  self->cells = g_array_sized_new (FALSE, FALSE, sizeof (guint32), kept->len * n_fields);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), kept->len);
  for (guint i = 0; i < kept->len; i++)
    {
      guint row = g_array_index (kept, guint, i);

      g_array_append_vals (self->cells, &g_array_index (cells, guint32, row * n_fields), n_fields);
      end_row (self, g_array_index (ids, gint64, row));
    }
  self->n_sorted = self->ids->len;
  g_hash_table_remove_all (self->later);
  self->n_let_go = 0;
}

static void
let_go (CtSearchRows *self,
        gint64        id)
{
  guint row = ct_search_rows_find_row (self, id);

  if (row == 0)
    return;
  g_array_index (self->ids, gint64, row - 1) = -id;
  g_hash_table_remove (self->later, (gpointer) (gintptr) id);
  self->n_let_go++;
}

gboolean
ct_search_rows_read_again (CtSearchRows  *self,
                           CtDatabase    *db,
                           const gint64  *ids,
                           guint          n,
                           GError       **error)
{
  for (guint first = 0; first < n; first += CT_STORE_PAGE_SIZE)
    {
      guint n_page = MIN (n - first, CT_STORE_PAGE_SIZE);
      g_autoptr(GPtrArray) page = ct_store_get_page (db, self->kind, ids + first, n_page, error);

      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < n_page; i++)
        let_go (self, ids[first + i]);
      for (guint i = 0; i < page->len; i++)
        {
          gint64 id = ct_record_get_id (page->pdata[i]);

          append_text (self, page->pdata[i], id);
          g_hash_table_insert (self->later, (gpointer) (gintptr) id,
                               GUINT_TO_POINTER (self->ids->len));
        }
    }
  compact (self);
  return TRUE;
}

/* "SELECT t.id, <each field searched> FROM <table> t <joins> ORDER BY
 * t.id": no more than the text needs. */
static char *
every_row_sql (CtDatabase   *db,
               const CtKind *kind,
               GPtrArray    *fields)
{
  const CtSqlDialect *dialect = ct_database_get_dialect (db);
  GString *sql = g_string_new ("SELECT t.id");

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *column = ct_field_dup_select_sql (fields->pdata[i],
                                                         dialect->hides_clinical_text);

      g_string_append_printf (sql, ", %s", column);
    }
  g_string_append_printf (sql, " FROM %s t", kind->name);
  if (*dialect->scan_hint != '\0')
    g_string_append_printf (sql, " %s", dialect->scan_hint);
  if (kind->joins != NULL)
    g_string_append_printf (sql, " %s", kind->joins);
  g_string_append (sql, " ORDER BY t.id");
  return g_string_free (sql, FALSE);
}

/* Reads the row's values into @row, the fields searched. */
static void
read_row (CtStatement   *stmt,
          const CtKind  *kind,
          GPtrArray     *fields,
          CtRecord      *row)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const CtField *field = fields->pdata[i];

      ct_store_read_value (stmt, 1 + i, field, ct_record_peek_value (row, field - kind->fields));
    }
}

CtSearchRows *
ct_search_rows_read (CtDatabase    *db,
                     const CtKind  *kind,
                     GPtrArray     *fields,
                     GError       **error)
{
  g_autofree char *sql = every_row_sql (db, kind, fields);
  g_autoptr(CtRecord) row = ct_record_new (kind);
  CtStatement *stmt = ct_database_prepare (db, sql, error);
  gboolean ok = stmt != NULL;
  gboolean has_row = TRUE;
  CtSearchRows *self = NULL;

  if (ok)
    self = search_rows_new (kind, fields);
  while (ok && has_row)
    {
      ok = ct_statement_step (stmt, &has_row, _("read the records file"), error);
      if (ok && has_row)
        {
          read_row (stmt, kind, fields, row);
          append_text (self, row, ct_statement_column_int64 (stmt, 0));
        }
    }
  if (!ok)
    g_clear_pointer (&self, ct_search_rows_free);
  else
    self->n_sorted = self->ids->len;  /* read in the order of their ids */
  if (stmt != NULL)
    ct_statement_reset (stmt);
  return self;
}

/* Sets in @marks (one per text of @column) the bit of each word of
 * @words (@lengths) that the text holds; returns the bits set anywhere. */
static guint64
mark_texts (Column      *column,
            const GStrv  words,
            guint64     *marks)
{
  const char *text = column->text->str;
  const char *text_end = text + column->text->len;
  guint64 anywhere = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      gsize length = strlen (words[w]);
      const char *from = text;
      const char *hit;
      guint number = 0;

      while ((hit = memmem (from, text_end - from, words[w], length)) != NULL)
        {
          while (g_array_index (column->ends, gsize, number) <= (gsize) (hit - text))
            number++;
          marks[number] |= G_GUINT64_CONSTANT (1) << w;
          anywhere |= G_GUINT64_CONSTANT (1) << w;
          from = text + g_array_index (column->ends, gsize, number);
        }
    }
  return anywhere;
}

void
ct_search_rows_find_words (CtSearchRows *self,
                           const GStrv   words,
                           guint8       *found)
{
  guint n_fields = self->fields->len;
  guint n_words = g_strv_length (words);
  guint64 every = n_words >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << n_words) - 1;
  g_autofree guint64 **marks = g_new0 (guint64 *, n_fields);
  const guint32 *cells = (const guint32 *) (gpointer) self->cells->data;
  const gint64 *ids = (const gint64 *) (gpointer) self->ids->data;
  guint64 anywhere = 0;

  g_return_if_fail (n_words <= MAX_WORDS);

  for (guint f = 0; f < n_fields; f++)
    {
      marks[f] = g_new0 (guint64, self->columns[f].ends->len);
      anywhere |= mark_texts (&self->columns[f], words, marks[f]);
    }
  /* Every word must be somewhere before any row can hold them all. */
  for (guint row = 0; anywhere == every && row < self->ids->len; row++)
    {
      guint64 held = 0;

      for (guint f = 0; f < n_fields; f++)
        held |= marks[f][cells[row * n_fields + f]];
      if (held == every && ids[row] > 0)
        found[row] = TRUE;
    }
  for (guint f = 0; f < n_fields; f++)
    g_free (marks[f]);
}

GStrv
ct_search_rows_fold_words (const char *search)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  guint n = 0;

  g_return_val_if_fail (search != NULL, NULL);

  parts = g_strsplit_set (search, " \t", -1);
  for (guint i = 0; parts[i] != NULL && n < MAX_WORDS; i++)
    {
      g_autofree char *folded = NULL;

      if (parts[i][0] == '\0')
        continue;
      folded = ct_cell_text_fold (parts[i]);
      if (strchr (folded, FIELD_END) != NULL)
        return NULL;
      g_strv_builder_add (words, folded);
      n++;
    }
  return g_strv_builder_end (words);
}

const CtKind *
ct_search_rows_get_kind (CtSearchRows *rows)
{
  return rows->kind;
}

GPtrArray *
ct_search_rows_get_fields (CtSearchRows *rows)
{
  return rows->fields;
}

guint
ct_search_rows_get_n_rows (CtSearchRows *rows)
{
  return rows->ids->len;
}
