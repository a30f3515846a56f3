/* ct-summary.c: runs the summary's SQL and keeps the figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-database-private.h"
#include "ct-preferences.h"
#include "ct-summary-private.h"

struct _CtSummary
{
  CtPeriod         *period;
  char             *service;
  CtFigure         *figures;
  guint             n_figures;
  gint64            threshold;  /* hundredths, whole: exact comparisons in SQL */
  CtDisclosureRule  rule;
};

gint64
ct_summary_round_tenths (gint64 numerator,
                         gint64 denominator)
{
  gint64 magnitude = ABS (numerator) * 10;
  gint64 tenths;

  g_return_val_if_fail (denominator > 0, 0);

  /* floor (magnitude / denominator + 1/2), in whole numbers */
  tenths = (2 * magnitude + denominator) / (2 * denominator);
  return numerator < 0 ? -tenths : tenths;
}

void
ct_summary_set_value (CtFigure *figure,
                      gint64    numerator,
                      gint64    denominator)
{
  figure->has_value = denominator > 0;
  if (figure->has_value)
    figure->value = ct_summary_round_tenths (numerator, denominator) / 10.0;
}

static void
bind_parameters (CtStatement    *stmt,
                 const CtPeriod *period)
{
  ct_statement_bind_text (stmt, ct_statement_parameter_index (stmt, ":from"),
                          ct_period_get_from (period));
  ct_statement_bind_text (stmt, ct_statement_parameter_index (stmt, ":to"),
                          ct_period_get_to (period));
}

#define WHAT _("compute the committee summary")

/* Columns of the summary's statement */
enum { COL_FIGURE, COL_WORD, COL_FIRST, COL_SECOND, COL_THIRD };

/* A figure as its spec says, with every word of a breakdown at 0. */
static void
init_figure (const CtFigureSpec *spec,
             CtFigure           *figure)
{
  figure->section = spec->section;
  figure->key = spec->key;
  figure->kind = spec->kind;

  if (spec->kind == CT_FIGURE_BREAKDOWN)
    {
      const char * const *words = ct_summary_spec_get_words (spec);
      CtCell *cells;

      figure->n_cells = g_strv_length ((char **) words);
      cells = g_new0 (CtCell, figure->n_cells);
      for (guint i = 0; i < figure->n_cells; i++)
        cells[i].word = words[i];
      figure->cells = cells;
    }
}

/* A word / count row of a breakdown. */
static void
read_cell (CtStatement        *stmt,
           const CtFigureSpec *spec,
           CtFigure           *figure)
{
  const char *word = ct_statement_column_text (stmt, COL_WORD);
  CtCell *cells = (CtCell *) figure->cells;
  guint i = 0;

  while (i < figure->n_cells && g_strcmp0 (cells[i].word, word) != 0)
    i++;
  if (i < figure->n_cells)
    cells[i].count = ct_statement_column_int64 (stmt, COL_FIRST);
  else
    g_warning ("A value of %s.%s is none of its words; it is left out",
               spec->section, spec->key);
}

/* The one row of a count, hours or a mean. */
static void
read_numbers (CtStatement *stmt,
              CtFigure    *figure)
{
  switch (figure->kind)
    {
    case CT_FIGURE_COUNT:
      figure->count = ct_statement_column_int64 (stmt, COL_FIRST);
      break;
    case CT_FIGURE_HOURS:
      ct_summary_set_value (figure, ct_statement_column_int64 (stmt, COL_FIRST), 60);
      break;
    case CT_FIGURE_MEAN:
      ct_summary_set_value (figure, ct_statement_column_int64 (stmt, COL_FIRST),
                            ct_statement_column_int64 (stmt, COL_SECOND));
      figure->items = ct_statement_column_int64 (stmt, COL_THIRD);
      break;
    case CT_FIGURE_CONSTANT:
    case CT_FIGURE_BREAKDOWN:
    default:
      g_assert_not_reached ();
    }
}

static void
free_figures (CtFigure *figures,
              guint     n_figures)
{
  for (guint i = 0; figures != NULL && i < n_figures; i++)
    g_free ((gpointer) figures[i].cells);
  g_free (figures);
}

/* What the summary's statement gives: the figures, the paired goals that
 * the outcomes are made of, and the preferences. */
typedef struct
{
  CtFigure         *figures;
  guint             n_figures;
  GArray           *goals;
  char             *service;
  CtDisclosureRule  rule;
  gint64            threshold;
} Results;

static void
results_clear (Results *results)
{
  free_figures (results->figures, results->n_figures);
  g_clear_pointer (&results->goals, g_array_unref);
  g_free (results->service);
}

static void
read_result_row (CtStatement *stmt,
                 Results     *results)
{
  guint n_specs = 0;
  const CtFigureSpec *specs = ct_summary_get_specs (&n_specs);
  gint64 figure = ct_statement_column_int64 (stmt, COL_FIGURE);
  const char *word = ct_statement_column_text (stmt, COL_WORD);

  if (figure == CT_SUMMARY_ROW_SERVICE)
    {
      g_free (results->service);
      results->service = g_strdup (word);
    }
  else if (figure == CT_SUMMARY_ROW_RULE)
    results->rule = ct_preferences_parse_rule (word);
  else if (figure == CT_SUMMARY_ROW_THRESHOLD)
    results->threshold = ct_preferences_parse_threshold (word);
  else if (figure == CT_SUMMARY_ROW_GOAL)
    {
      CtPairedGoal goal = { ct_statement_column_int64 (stmt, COL_FIRST),
                            ct_statement_column_int64 (stmt, COL_SECOND),
                            ct_statement_column_int64 (stmt, COL_THIRD) };

      g_array_append_val (results->goals, goal);
    }
  else if (figure < 0 || figure >= n_specs)
    g_warning ("The summary's statement gave a row of no figure (%" G_GINT64_FORMAT ")", figure);
  else if (specs[figure].kind == CT_FIGURE_BREAKDOWN)
    read_cell (stmt, &specs[figure], &results->figures[figure]);
  else
    read_numbers (stmt, &results->figures[figure]);
}

/* The figures that depend on the threshold, and the threshold itself. */
static void
apply_threshold (Results *results)
{
  const CtFigureSpec *specs = ct_summary_get_specs (&results->n_figures);

  ct_summary_goals_apply (results->goals, results->threshold, specs,
                          results->figures, results->n_figures);
  for (guint i = 0; i < results->n_figures; i++)
    if (results->figures[i].kind == CT_FIGURE_CONSTANT)
      {
        results->figures[i].has_value = TRUE;
        results->figures[i].value = results->threshold / 100.0;
      }
}

/* Runs the summary's one statement: one view of the records and the
 * preferences, and one round trip on a team server. */
static gboolean
compute_results (CtDatabase      *db,
                 const CtPeriod  *period,
                 Results         *results,
                 GError         **error)
{
  const CtFigureSpec *specs = ct_summary_get_specs (&results->n_figures);
  CtStatement *stmt;
  gboolean has_row;
  gboolean ok;

  results->figures = g_new0 (CtFigure, results->n_figures);
  results->goals = g_array_new (FALSE, FALSE, sizeof (CtPairedGoal));
  results->service = g_strdup ("");
  results->rule = ct_preferences_parse_rule (NULL);
  results->threshold = ct_preferences_parse_threshold (NULL);
  for (guint i = 0; i < results->n_figures; i++)
    init_figure (&specs[i], &results->figures[i]);

  stmt = ct_database_prepare (db, ct_summary_get_sql (ct_database_get_dialect (db)), error);
  if (stmt == NULL)
    return FALSE;
  bind_parameters (stmt, period);
  while ((ok = ct_statement_step (stmt, &has_row, WHAT, error)) && has_row)
    read_result_row (stmt, results);
  ct_statement_reset (stmt);
  if (ok)
    apply_threshold (results);
  return ok;
}

CtSummary *
ct_summary_compute (CtDatabase      *db,
                    const CtPeriod  *period,
                    GError         **error)
{
  Results results = { 0 };
  CtSummary *summary;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!compute_results (db, period, &results, error))
    {
      results_clear (&results);
      return NULL;
    }

  g_debug ("Computed the committee summary for %s", ct_period_get_label (period));
  summary = ct_summary_new (period, results.service, g_steal_pointer (&results.figures),
                            results.n_figures);
  ct_summary_set_choices (summary, results.threshold, results.rule);
  results_clear (&results);
  return summary;
}

void
ct_summary_set_choices (CtSummary *summary,
                        gint64     threshold,
                        int        rule)
{
  summary->threshold = threshold;
  summary->rule = rule;
}

gint64
ct_summary_get_threshold (const CtSummary *summary)
{
  g_return_val_if_fail (summary != NULL, CT_RELIABLE_CHANGE_DEFAULT);
  return summary->threshold;
}

CtDisclosureRule
ct_summary_get_rule (const CtSummary *summary)
{
  g_return_val_if_fail (summary != NULL, CT_DISCLOSURE_SUPPRESS_1_4);
  return summary->rule;
}

CtSummary *
ct_summary_new (const CtPeriod *period,
                const char     *service,
                CtFigure       *figures,
                guint           n_figures)
{
  CtSummary *summary = g_new0 (CtSummary, 1);

  summary->period = ct_period_copy (period);
  summary->service = g_strdup (service);
  summary->figures = figures;
  summary->n_figures = n_figures;
  summary->threshold = CT_RELIABLE_CHANGE_DEFAULT;
  summary->rule = CT_DISCLOSURE_SUPPRESS_1_4;
  return summary;
}

void
ct_summary_free (CtSummary *summary)
{
  if (summary == NULL)
    return;

  free_figures (summary->figures, summary->n_figures);
  g_free (summary->service);
  ct_period_free (summary->period);
  g_free (summary);
}

const CtPeriod *
ct_summary_get_period (const CtSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);
  return summary->period;
}

const char *
ct_summary_get_service (const CtSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);
  return summary->service;
}

const CtFigure *
ct_summary_get_figures (const CtSummary *summary,
                        guint           *n_figures)
{
  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (n_figures != NULL, NULL);

  *n_figures = summary->n_figures;
  return summary->figures;
}

/* The figure that @path ("section.key" or "section.key.word") starts with;
 * *rest points after it: at "" or at ".word". */
static const CtFigure *
find_figure (const CtSummary  *summary,
             const char       *path,
             const char      **rest)
{
  for (guint i = 0; i < summary->n_figures; i++)
    {
      const CtFigure *figure = &summary->figures[i];
      gsize section = strlen (figure->section);
      gsize key = strlen (figure->key);

      if (strncmp (path, figure->section, section) == 0 && path[section] == '.' &&
          strncmp (path + section + 1, figure->key, key) == 0)
        {
          *rest = path + section + 1 + key;
          if (**rest == '\0' || **rest == '.')
            return figure;
        }
    }
  return NULL;
}

const CtFigure *
ct_summary_lookup (const CtSummary *summary,
                   const char      *path)
{
  const char *rest = NULL;
  const CtFigure *figure;

  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  figure = find_figure (summary, path, &rest);
  return figure != NULL && *rest == '\0' ? figure : NULL;
}

gboolean
ct_summary_get_count (const CtSummary *summary,
                      const char      *path,
                      gint64          *count)
{
  const char *rest = NULL;
  const CtFigure *figure;

  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (path != NULL && count != NULL, FALSE);

  figure = find_figure (summary, path, &rest);
  if (figure == NULL)
    return FALSE;

  if (figure->kind == CT_FIGURE_COUNT && *rest == '\0')
    {
      *count = figure->count;
      return TRUE;
    }

  for (guint i = 0; figure->kind == CT_FIGURE_BREAKDOWN && *rest == '.' && i < figure->n_cells; i++)
    if (g_str_equal (figure->cells[i].word, rest + 1))
      {
        *count = figure->cells[i].count;
        return TRUE;
      }
  return FALSE;
}
