/* ct-csv-columns.c: the CSV columns of each record kind
 *
 * Every plain column is a field of the kind's descriptor table, read and
 * written with ct_record_set_string() / ct_record_get_string(). The one
 * thing the descriptors do not say is how a person names another record;
 * the table references[] says it for every reference field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-csv-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-csv-columns.h"
#include "ct-kind-private.h"
#include "ct-store.h"
#include "ct-text-clean.h"

#define MAX_KEY_PARTS 3

/* Finds the record that a key of one column names: its id, or 0 with an
 * error. */
typedef gint64 (*CtKeyFinder) (CtDatabase  *db,
                               const char  *text,
                               GError     **error);

/* The same for a key of several columns, with in *part the column at fault. */
typedef gint64 (*CtKeyResolver) (CtDatabase          *db,
                                 const char * const  *key,
                                 guint               *part,
                                 GError             **error);

typedef struct
{
  const char    *kind;                    /* the kind name */
  const char    *field;                   /* its reference field */
  const char    *columns[MAX_KEY_PARTS];  /* the key's CSV columns */
  const char    *display[MAX_KEY_PARTS];  /* the display fields that hold it */
  CtKeyFinder    find;                    /* a key of one column */
  CtKeyResolver  resolve;                 /* a key of several */
} CtCsvReference;

struct _CtCsvColumn
{
  const char           *name;
  const CtField        *field;      /* for a key column: the reference field */
  const CtCsvReference *reference;  /* NULL for a plain field */
  guint                 part;       /* which part of the reference's key */
  guint                 index;
};

/* A referral: child_reference, referral_date. */
static gint64
resolve_referral (CtDatabase          *db,
                  const char * const  *key,
                  guint               *part,
                  GError             **error)
{
  *part = 0;
  if (ct_store_find_child (db, key[0], error) == 0)
    return 0;
  *part = 1;
  return ct_store_find_referral (db, key[0], key[1], error);
}

/* A goal: its referral's key, then its number. */
static gint64
resolve_goal (CtDatabase          *db,
              const char * const  *key,
              guint               *part,
              GError             **error)
{
  gint64 referral_id = resolve_referral (db, key, part, error);
  g_autofree char *quoted = NULL;
  guint64 number;

  if (referral_id == 0)
    return 0;
  *part = 2;
  if (!g_ascii_string_to_unsigned (key[2], 10, 1, G_MAXINT, &number, NULL))
    {
      quoted = ct_text_dup_quote (key[2]);
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
                   _("“%s” is not a goal number; enter a whole number such as 1."), quoted);
      return 0;
    }
  return ct_store_find_goal (db, referral_id, (gint) number, error);
}

/* How a person names the record that each reference field points to. The
 * key columns of a reference follow each other in DOMAIN.md's order. Staff
 * members are created when new. */
static const CtCsvReference references[] = {
  { "referral", "child", { "child_reference" }, { "child_reference" }, ct_store_find_child },
  { "referral", "clinician", { "clinician" }, { "clinician_name" }, ct_store_ensure_staff },
  { "consultation", "clinician", { "clinician" }, { "clinician_name" }, ct_store_ensure_staff },
  { "consultation", "child", { "child_reference" }, { "child_reference" }, ct_store_find_child },
  { "reflective_practice", "facilitator", { "facilitator" }, { "facilitator_name" },
    ct_store_ensure_staff },
  { "goal", "referral", { "child_reference", "referral_date" },
    { "child_reference", "referral_date" }, NULL, resolve_referral },
  { "goal_rating", "goal", { "child_reference", "referral_date", "number" },
    { "child_reference", "referral_date", "goal_number" }, NULL, resolve_goal },
  { "training_attendance", "event", { "event_code" }, { "event_code" },
    ct_store_find_training_event },
  { "sdq_score", "child", { "child_reference" }, { "child_reference" }, ct_store_find_child },
};

static gint64
resolve (const CtCsvReference *reference,
         CtDatabase           *db,
         const char * const   *key,
         guint                *part,
         GError              **error)
{
  *part = 0;
  if (reference->find != NULL)
    return reference->find (db, key[0], error);
  return reference->resolve (db, key, part, error);
}

static const CtCsvReference *
find_reference (const CtKind  *kind,
                const CtField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (g_str_equal (references[i].kind, ct_kind_get_name (kind)) &&
        g_str_equal (references[i].field, ct_field_get_name (field)))
      return &references[i];

  g_error ("No CSV columns for the %s of a %s", ct_field_get_name (field), ct_kind_get_name (kind));
}

static guint
count_parts (const CtCsvReference *reference)
{
  guint n = 0;

  while (n < MAX_KEY_PARTS && reference->columns[n] != NULL)
    n++;
  return n;
}

/* The column tables, built once */

static void
add_column (GArray               *columns,
            const char           *name,
            const CtField        *field,
            const CtCsvReference *reference,
            guint                 part)
{
  CtCsvColumn column = { name, field, reference, part, columns->len };

  g_array_append_val (columns, column);
}

static GArray *
build_columns (const CtKind *kind)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (CtCsvColumn));

  for (guint i = 0; i < ct_kind_get_n_fields (kind); i++)
    {
      const CtField *field = ct_kind_get_field (kind, i);
      const CtCsvReference *reference;

      if (ct_field_is_display (field))
        continue;
      if (ct_field_get_value_type (field) != CT_FIELD_REFERENCE)
        {
          add_column (columns, ct_field_get_name (field), field, NULL, 0);
          continue;
        }
      reference = find_reference (kind, field);
      for (guint part = 0; part < count_parts (reference); part++)
        add_column (columns, reference->columns[part], field, reference, part);
    }
  return columns;
}

/* One GArray of CtCsvColumn per kind, by kind index; never freed. */
static GArray **
get_tables (void)
{
  static GArray **tables;

  if (g_once_init_enter (&tables))
    {
      GArray **built = g_new0 (GArray *, ct_kind_get_n_kinds ());

      for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
        built[i] = build_columns (ct_kind_get_nth (i));
      g_once_init_leave (&tables, built);
    }
  return tables;
}

static GArray *
columns_of (const CtKind *kind)
{
  GArray **tables = get_tables ();

  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    if (ct_kind_get_nth (i) == kind)
      return tables[i];
  g_return_val_if_reached (NULL);
}

/* Public API */

guint
ct_csv_columns_get_n (const CtKind *kind)
{
  return columns_of (kind)->len;
}

const CtCsvColumn *
ct_csv_columns_get_nth (const CtKind *kind,
                        guint         index)
{
  GArray *columns = columns_of (kind);

  g_return_val_if_fail (index < columns->len, NULL);

  return &g_array_index (columns, CtCsvColumn, index);
}

const CtCsvColumn *
ct_csv_columns_find (const CtKind *kind,
                     const char   *name)
{
  GArray *columns = columns_of (kind);

  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_array_index (columns, CtCsvColumn, i).name, name))
      return &g_array_index (columns, CtCsvColumn, i);
  return NULL;
}

const CtCsvColumn *
ct_csv_columns_for_field (const CtKind  *kind,
                          const CtField *field)
{
  GArray *columns = columns_of (kind);

  for (guint i = 0; i < columns->len; i++)
    if (g_array_index (columns, CtCsvColumn, i).field == field)
      return &g_array_index (columns, CtCsvColumn, i);
  return NULL;
}

char *
ct_csv_columns_dup_summary (const CtKind *kind)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ct_csv_columns_get_n (kind); i++)
    {
      const CtCsvColumn *column = ct_csv_columns_get_nth (kind, i);

      g_string_append_printf (text, "%s%s%s", i > 0 ? ", " : "", column->name,
                              ct_csv_column_is_required (column) ? "" : "?");
    }
  return g_string_free (text, FALSE);
}

const char *
ct_csv_column_get_name (const CtCsvColumn *column)
{
  return column->name;
}

const CtField *
ct_csv_column_get_field (const CtCsvColumn *column)
{
  return column->field;
}

guint
ct_csv_column_get_index (const CtCsvColumn *column)
{
  return column->index;
}

/* A yes/no field is never empty, so a file must say which. */
gboolean
ct_csv_column_is_required (const CtCsvColumn *column)
{
  return ct_field_is_required (column->field) ||
         ct_field_get_value_type (column->field) == CT_FIELD_BOOLEAN;
}

char *
ct_csv_column_dup_cell (const CtCsvColumn *column,
                        CtRecord          *record)
{
  if (column->reference == NULL)
    return ct_record_get_string (record, column->field);
  return ct_record_get_string_by_name (record, column->reference->display[column->part]);
}

/* Reading a row */

static gboolean
is_blank (const char *cell)
{
  return cell == NULL || *cell == '\0';
}

/* The trimmed key cells of the reference whose first column is @first;
 * *n_blank says how many are blank. */
static GStrv
dup_key (const CtCsvColumn  *first,
         const char * const *cells,
         guint              *n_blank)
{
  guint n_parts = count_parts (first->reference);
  GStrv key = g_new0 (char *, n_parts + 1);

  *n_blank = 0;
  for (guint i = 0; i < n_parts; i++)
    {
      const char *cell = cells[first->index + i];

      key[i] = g_strstrip (g_strdup (cell != NULL ? cell : ""));
      *n_blank += is_blank (key[i]);
    }
  return key;
}

/* Looks up the record that the key cells starting at @first name, and sets
 * the reference. A key left wholly blank leaves the reference empty (the
 * record's rules say whether it may be); a key in part blank is refused. */
static gboolean
read_reference (CtRecord           *record,
                CtDatabase         *db,
                const CtCsvColumn  *first,
                const char * const *cells,
                const CtCsvColumn **blamed,
                GError            **error)
{
  guint n_blank;
  g_auto(GStrv) key = dup_key (first, cells, &n_blank);
  guint n_parts = g_strv_length (key);
  guint part = 0;
  gint64 id = 0;

  if (n_blank > 0 && n_blank < n_parts)
    {
      while (!is_blank (key[part]))
        part++;
      *blamed = first + part;
      g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
                           _("this is required; fill it in."));
      return FALSE;
    }
  if (n_blank == 0 &&
      (id = resolve (first->reference, db, (const char * const *) key, &part, error)) == 0)
    {
      *blamed = first + part;
      return FALSE;
    }
  ct_record_set_reference (record, ct_field_get_name (first->field), id);
  return TRUE;
}

/* A yes/no cell may not be blank: there is no "unknown" to store. */
static gboolean
read_plain (CtRecord       *record,
            const char     *cell,
            const CtField  *field,
            GError        **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (cell));

  if (ct_field_get_value_type (field) != CT_FIELD_BOOLEAN || !is_blank (stripped))
    return ct_record_set_string (record, field, stripped, error);

  /* TRANSLATORS: the same message as for a yes/no field in the app */
  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
               _("%s: %s"), ct_field_get_label (field), _("enter “yes” or “no”."));
  return FALSE;
}

gboolean
ct_csv_columns_read_row (CtRecord           *record,
                         CtDatabase         *db,
                         const char * const *cells,
                         const CtCsvColumn **blamed,
                         GError            **error)
{
  const CtKind *kind = ct_record_get_kind (record);
  GArray *columns = columns_of (kind);

  *blamed = NULL;
  for (guint i = 0; i < columns->len; i++)
    {
      const CtCsvColumn *column = &g_array_index (columns, CtCsvColumn, i);
      gboolean ok = TRUE;

      if (column->reference != NULL && column->part == 0)
        ok = read_reference (record, db, column, cells, blamed, error);
      else if (column->reference == NULL && cells[i] != NULL)
        ok = read_plain (record, cells[i], column->field, error);

      if (!ok)
        {
          if (*blamed == NULL)
            *blamed = column;
          return FALSE;
        }
    }
  return TRUE;
}

char *
ct_csv_dup_count_text (const CtKind *kind,
                       guint         count)
{
  /* The plural forms are N_() strings of the kind tables, each with one %u. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, kind->plural_one, kind->plural_many, count),
                          count);
#pragma GCC diagnostic pop
}
