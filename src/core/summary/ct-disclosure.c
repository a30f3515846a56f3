/* ct-disclosure.c: small-number suppression of the public summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-disclosure"

#include "config.h"

#include <string.h>

#include "ct-disclosure.h"

static const char *const audience_words[] = {
  [CT_AUDIENCE_PUBLIC] = "public",
  [CT_AUDIENCE_INTERNAL] = "internal",
};

const char *
ct_audience_to_string (CtAudience audience)
{
  g_return_val_if_fail (audience < G_N_ELEMENTS (audience_words), NULL);
  return audience_words[audience];
}

gboolean
ct_audience_parse (const char *word,
                   CtAudience *audience)
{
  for (guint i = 0; i < G_N_ELEMENTS (audience_words); i++)
    if (g_strcmp0 (word, audience_words[i]) == 0)
      {
        *audience = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_small (gint64 count)
{
  return count >= 1 && count < CT_DISCLOSURE_MIN_CELL;
}

static void
withhold (GPtrArray      *paths,
          const CtFigure *figure,
          const char     *word)
{
  if (word != NULL)
    g_ptr_array_add (paths, g_strdup_printf ("%s.%s.%s", figure->section, figure->key, word));
  else
    g_ptr_array_add (paths, g_strdup_printf ("%s.%s", figure->section, figure->key));
}

/* The smallest cell not yet withheld; the first word wins a tie. */
static guint
smallest_shown (const CtFigure *figure)
{
  guint smallest = figure->n_cells;

  for (guint i = 0; i < figure->n_cells; i++)
    if (!is_small (figure->cells[i].count) &&
        (smallest == figure->n_cells || figure->cells[i].count < figure->cells[smallest].count))
      smallest = i;
  return smallest;
}

static void
withhold_cells (GPtrArray      *paths,
                const CtFigure *figure)
{
  guint n_small = 0;
  guint other;

  for (guint i = 0; i < figure->n_cells; i++)
    if (is_small (figure->cells[i].count))
      {
        withhold (paths, figure, figure->cells[i].word);
        n_small++;
      }

  /* One withheld cell could be recovered from the total: hide another. */
  if (n_small == 1 && (other = smallest_shown (figure)) < figure->n_cells)
    withhold (paths, figure, figure->cells[other].word);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
ct_disclosure_withheld (const CtSummary *summary,
                        CtAudience       audience)
{
  GPtrArray *paths = g_ptr_array_new ();
  const CtFigure *figures;
  guint n_figures;

  g_return_val_if_fail (summary != NULL, NULL);

  figures = ct_summary_get_figures (summary, &n_figures);
  for (guint i = 0; audience == CT_AUDIENCE_PUBLIC && i < n_figures; i++)
    {
      const CtFigure *figure = &figures[i];

      if (figure->kind == CT_FIGURE_BREAKDOWN)
        withhold_cells (paths, figure);
      else if (figure->kind == CT_FIGURE_MEAN && figure->has_value && is_small (figure->items))
        withhold (paths, figure, NULL);
    }

  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return (GStrv) g_ptr_array_free (paths, FALSE);
}
