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

static const char *const rule_words[] = {
  [CT_DISCLOSURE_SUPPRESS_1_4] = "suppress-1-4",
  [CT_DISCLOSURE_NHS_DIGITAL] = "nhs-digital",
};

const char *
ct_disclosure_rule_to_string (CtDisclosureRule rule)
{
  g_return_val_if_fail (rule < G_N_ELEMENTS (rule_words), NULL);
  return rule_words[rule];
}

gboolean
ct_disclosure_rule_parse (const char       *word,
                          CtDisclosureRule *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_words); i++)
    if (g_strcmp0 (word, rule_words[i]) == 0)
      {
        *rule = i;
        return TRUE;
      }
  return FALSE;
}

int
ct_disclosure_rule_min_cell (CtDisclosureRule rule)
{
  return rule == CT_DISCLOSURE_NHS_DIGITAL ? 8 : CT_DISCLOSURE_MIN_CELL;
}

int
ct_disclosure_rule_rounding (CtDisclosureRule rule)
{
  return rule == CT_DISCLOSURE_NHS_DIGITAL ? 5 : 1;
}

gint64
ct_disclosure_shown_count (CtDisclosureRule rule,
                           CtAudience       audience,
                           gint64           count)
{
  gint64 step = ct_disclosure_rule_rounding (rule);

  if (audience != CT_AUDIENCE_PUBLIC || step == 1)
    return count;
  /* floor (count / step + 1/2) × step, in whole numbers */
  return (2 * count + step) / (2 * step) * step;
}

static gboolean
is_small (gint64           count,
          CtDisclosureRule rule)
{
  return count >= 1 && count < ct_disclosure_rule_min_cell (rule);
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
smallest_shown (const CtFigure   *figure,
                CtDisclosureRule  rule)
{
  guint smallest = figure->n_cells;

  for (guint i = 0; i < figure->n_cells; i++)
    if (!is_small (figure->cells[i].count, rule) &&
        (smallest == figure->n_cells || figure->cells[i].count < figure->cells[smallest].count))
      smallest = i;
  return smallest;
}

static void
withhold_cells (GPtrArray        *paths,
                const CtFigure   *figure,
                CtDisclosureRule  rule)
{
  guint n_small = 0;
  guint other;

  for (guint i = 0; i < figure->n_cells; i++)
    if (is_small (figure->cells[i].count, rule))
      {
        withhold (paths, figure, figure->cells[i].word);
        n_small++;
      }

  /* One withheld cell could be recovered from the total: hide another.
   * NHS Digital's rule rounds instead. */
  if (rule == CT_DISCLOSURE_SUPPRESS_1_4 && n_small == 1 &&
      (other = smallest_shown (figure, rule)) < figure->n_cells)
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
  CtDisclosureRule rule;
  const CtFigure *figures;
  guint n_figures;

  g_return_val_if_fail (summary != NULL, NULL);

  rule = ct_summary_get_rule (summary);
  figures = ct_summary_get_figures (summary, &n_figures);
  for (guint i = 0; audience == CT_AUDIENCE_PUBLIC && i < n_figures; i++)
    {
      const CtFigure *figure = &figures[i];

      if (figure->kind == CT_FIGURE_BREAKDOWN)
        withhold_cells (paths, figure, rule);
      else if (figure->kind == CT_FIGURE_MEAN && figure->has_value && is_small (figure->items, rule))
        withhold (paths, figure, NULL);
    }

  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return (GStrv) g_ptr_array_free (paths, FALSE);
}
