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
#include "ct-setting.h"
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

static void
set_value (CtFigure *figure,
           gint64    numerator,
           gint64    denominator)
{
  figure->has_value = denominator > 0;
  if (figure->has_value)
    figure->value = ct_summary_round_tenths (numerator, denominator) / 10.0;
}

static void
bind_parameters (CtStatement *stmt,
                 const CtPeriod *period,
                 gint64          threshold_hundredths)
{
  int from = ct_statement_parameter_index (stmt, ":from");
  int to = ct_statement_parameter_index (stmt, ":to");
  int threshold = ct_statement_parameter_index (stmt, ":threshold");

  if (from > 0)
    ct_statement_bind_text (stmt, from, ct_period_get_from (period));
  if (to > 0)
    ct_statement_bind_text (stmt, to, ct_period_get_to (period));
  if (threshold > 0)
    ct_statement_bind_int64 (stmt, threshold, threshold_hundredths);
}

#define WHAT _("compute the committee summary")

/* Reads the word / count rows of a breakdown; every word starts at 0. */
static gboolean
read_cells (CtStatement         *stmt,
            const CtFigureSpec  *spec,
            CtFigure            *figure,
            GError             **error)
{
  const char * const *words = ct_summary_spec_get_words (spec);
  CtCell *cells;
  gboolean has_row;
  gboolean ok;

  figure->n_cells = g_strv_length ((char **) words);
  cells = g_new0 (CtCell, figure->n_cells);
  for (guint i = 0; i < figure->n_cells; i++)
    cells[i].word = words[i];
  figure->cells = cells;

  while ((ok = ct_statement_step (stmt, &has_row, WHAT, error)) && has_row)
    {
      const char *word = ct_statement_column_text (stmt, 0);
      guint i = 0;

      while (i < figure->n_cells && g_strcmp0 (words[i], word) != 0)
        i++;
      if (i < figure->n_cells)
        cells[i].count = ct_statement_column_int64 (stmt, 1);
      else
        g_warning ("A value of %s.%s is none of its words; it is left out",
                   spec->section, spec->key);
    }
  return ok;
}

/* Reads the one row of a count, hours or a mean. */
static gboolean
read_row (CtStatement  *stmt,
          CtFigure     *figure,
          GError      **error)
{
  gboolean has_row;

  if (!ct_statement_step (stmt, &has_row, WHAT, error))
    return FALSE;
  if (!has_row)
    return TRUE;

  switch (figure->kind)
    {
    case CT_FIGURE_COUNT:
      figure->count = ct_statement_column_int64 (stmt, 0);
      break;
    case CT_FIGURE_HOURS:
      set_value (figure, ct_statement_column_int64 (stmt, 0), 60);
      break;
    case CT_FIGURE_MEAN:
      set_value (figure, ct_statement_column_int64 (stmt, 0), ct_statement_column_int64 (stmt, 1));
      figure->items = ct_statement_column_int64 (stmt, 2);
      break;
    case CT_FIGURE_CONSTANT:
    case CT_FIGURE_BREAKDOWN:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
compute_figure (CtDatabase          *db,
                const CtPeriod      *period,
                gint64               threshold,
                const CtFigureSpec  *spec,
                CtFigure            *figure,
                GError             **error)
{
  CtStatement *stmt;
  gboolean ok;

  figure->section = spec->section;
  figure->key = spec->key;
  figure->kind = spec->kind;

  if (spec->kind == CT_FIGURE_CONSTANT)
    {
      figure->has_value = TRUE;
      figure->value = threshold / 100.0;
      return TRUE;
    }

  stmt = ct_database_prepare (db, spec->sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_parameters (stmt, period, threshold);
  if (spec->kind == CT_FIGURE_BREAKDOWN)
    ok = read_cells (stmt, spec, figure, error);
  else
    ok = read_row (stmt, figure, error);
  ct_statement_reset (stmt);
  return ok;
}

static void
free_figures (CtFigure *figures,
              guint     n_figures)
{
  for (guint i = 0; figures != NULL && i < n_figures; i++)
    g_free ((gpointer) figures[i].cells);
  g_free (figures);
}

static CtFigure *
compute_figures (CtDatabase      *db,
                 const CtPeriod  *period,
                 gint64           threshold,
                 guint           *n_figures,
                 GError         **error)
{
  const CtFigureSpec *specs = ct_summary_get_specs (n_figures);
  CtFigure *figures = g_new0 (CtFigure, *n_figures);

  for (guint i = 0; i < *n_figures; i++)
    if (!compute_figure (db, period, threshold, &specs[i], &figures[i], error))
      {
        free_figures (figures, *n_figures);
        return NULL;
      }
  return figures;
}

/* The team's name; "" when it was never set. */
static char *
read_service (CtDatabase  *db,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *service = ct_setting_get (db, CT_SETTING_TEAM_NAME, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return service != NULL ? service : g_strdup ("");
}

CtSummary *
ct_summary_compute (CtDatabase      *db,
                    const CtPeriod  *period,
                    GError         **error)
{
  g_autofree char *service = NULL;
  g_autoptr(GError) local_error = NULL;
  CtFigure *figures = NULL;
  guint n_figures = 0;
  gint64 threshold;
  CtDisclosureRule rule;
  CtSummary *summary;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  /* One transaction: every figure sees the same records and preferences. */
  if (!ct_database_begin (db, error))
    return NULL;
  threshold = ct_preferences_get_threshold (db, &local_error);
  rule = local_error == NULL ? ct_preferences_get_rule (db, &local_error) : 0;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ct_database_rollback (db);
      return NULL;
    }
  if ((service = read_service (db, error)) == NULL ||
      (figures = compute_figures (db, period, threshold, &n_figures, error)) == NULL)
    {
      ct_database_rollback (db);
      return NULL;
    }
  if (!ct_database_commit (db, error))
    {
      free_figures (figures, n_figures);
      return NULL;
    }

  g_debug ("Computed the committee summary for %s", ct_period_get_label (period));
  summary = ct_summary_new (period, service, figures, n_figures);
  ct_summary_set_choices (summary, threshold, rule);
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
