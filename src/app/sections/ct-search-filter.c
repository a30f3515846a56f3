/* ct-search-filter.c: keeps the records whose visible text holds every
 * word typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-search-filter"

#include "config.h"

#include "ct-cell-text.h"
#include "ct-search-filter.h"

struct _CtSearchFilter
{
  GtkFilter       parent_instance;

  const CtField **fields;
  guint           n_fields;
  char           *text;
  GStrv           words;    /* normalised and case-folded; NULL: match all */

  GListModel     *pending;  /* records whose text is being built ahead */
  guint           pending_position;
  guint           prepare_id;
};

/* Records whose text is built per idle round: about a millisecond's work. */
#define PREPARE_CHUNK 1000

G_DEFINE_FINAL_TYPE (CtSearchFilter, ct_search_filter, GTK_TYPE_FILTER)

static GQuark haystack_quark;

static char *
build_haystack (CtSearchFilter *self,
                CtRecord       *record)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->n_fields; i++)
    {
      g_autofree char *cell = ct_cell_text_dup (record, self->fields[i]);

      g_string_append (text, cell);
      g_string_append_c (text, '\n');
    }
  return ct_cell_text_fold (text->str);
}

static const char *
get_haystack (CtSearchFilter *self,
              CtRecord       *record)
{
  char *haystack = g_object_get_qdata (G_OBJECT (record), haystack_quark);

  if (haystack == NULL)
    {
      haystack = build_haystack (self, record);
      g_object_set_qdata_full (G_OBJECT (record), haystack_quark, haystack, g_free);
    }
  return haystack;
}

static gboolean
ct_search_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  CtSearchFilter *self = CT_SEARCH_FILTER (filter);
  const char *haystack;

  if (self->words == NULL)
    return TRUE;

  haystack = get_haystack (self, item);
  for (guint i = 0; self->words[i] != NULL; i++)
    if (strstr (haystack, self->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static GtkFilterMatch
ct_search_filter_get_strictness (GtkFilter *filter)
{
  CtSearchFilter *self = CT_SEARCH_FILTER (filter);

  return self->words == NULL ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
stop_preparing (CtSearchFilter *self)
{
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  g_clear_object (&self->pending);
}

static gboolean
prepare_some (gpointer data)
{
  CtSearchFilter *self = data;
  guint end = self->pending_position + PREPARE_CHUNK;

  for (; self->pending_position < end; self->pending_position++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (self->pending, self->pending_position);

      if (record == NULL)
        {
          self->prepare_id = 0;
          stop_preparing (self);
          return G_SOURCE_REMOVE;
        }
      get_haystack (self, record);
    }
  return G_SOURCE_CONTINUE;
}

static void
ct_search_filter_dispose (GObject *object)
{
  stop_preparing (CT_SEARCH_FILTER (object));

  G_OBJECT_CLASS (ct_search_filter_parent_class)->dispose (object);
}

static void
ct_search_filter_finalize (GObject *object)
{
  CtSearchFilter *self = CT_SEARCH_FILTER (object);

  g_free (self->fields);
  g_free (self->text);
  g_strfreev (self->words);

  G_OBJECT_CLASS (ct_search_filter_parent_class)->finalize (object);
}

static void
ct_search_filter_class_init (CtSearchFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = ct_search_filter_dispose;
  object_class->finalize = ct_search_filter_finalize;
  filter_class->match = ct_search_filter_match;
  filter_class->get_strictness = ct_search_filter_get_strictness;

  haystack_quark = g_quark_from_static_string ("ct-search-filter-haystack");
}

static void
ct_search_filter_init (CtSearchFilter *self)
{
  self->text = g_strdup ("");
}

CtSearchFilter *
ct_search_filter_new (const CtField * const *fields,
                      guint                  n_fields)
{
  CtSearchFilter *self = g_object_new (CT_TYPE_SEARCH_FILTER, NULL);

  self->fields = g_memdup2 (fields, n_fields * sizeof *fields);
  self->n_fields = n_fields;
  return self;
}

const char *
ct_search_filter_get_text (CtSearchFilter *self)
{
  g_return_val_if_fail (CT_IS_SEARCH_FILTER (self), NULL);

  return self->text;
}

static GStrv
split_words (const char *text)
{
  g_autofree char *folded = ct_cell_text_fold (text);
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  guint n_words = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      {
        g_strv_builder_add (words, parts[i]);
        n_words++;
      }
  return n_words > 0 ? g_strv_builder_end (words) : NULL;
}

/* Typing more can only drop rows; deleting from the end can only add rows:
 * the filter model then looks at the rows shown (or hidden) only. */
static GtkFilterChange
change_between (const char *old_text,
                const char *new_text)
{
  if (g_str_has_prefix (new_text, old_text))
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (g_str_has_prefix (old_text, new_text))
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

void
ct_search_filter_set_text (CtSearchFilter *self,
                           const char     *text)
{
  g_autofree char *old_text = NULL;

  g_return_if_fail (CT_IS_SEARCH_FILTER (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (text, self->text))
    return;

  old_text = g_steal_pointer (&self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->words, g_strfreev);
  self->words = split_words (text);
  gtk_filter_changed (GTK_FILTER (self), change_between (old_text, self->text));
}

void
ct_search_filter_prepare (CtSearchFilter *self,
                          GListModel     *records)
{
  g_return_if_fail (CT_IS_SEARCH_FILTER (self));
  g_return_if_fail (records == NULL || G_IS_LIST_MODEL (records));

  stop_preparing (self);
  if (records == NULL)
    return;

  self->pending = g_object_ref (records);
  self->pending_position = 0;
  self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_some, self, NULL);
}
