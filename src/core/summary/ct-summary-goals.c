/* ct-summary-goals.c: the outcomes' figures, made of the paired goals
 *
 * The summary's statement gives each goal of the episodes ended in the
 * period that has paired data (a baseline and an end score) as a row of
 * its own: its episode and its two scores in half points. Every outcomes
 * figure but the episodes ended is made of those rows here, in one pass
 * over them and one over their episodes, rather than by SQL aggregates:
 * an aggregate per episode (its goals' changes summed, its goals counted)
 * is an allocation per episode, which SQLCipher's memory security locks
 * and wipes, and that was a third of the summary of all history (tests/bench).
 * Whole numbers throughout, so that the comparisons with the threshold are
 * exact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-summary"

#include "config.h"

#include "ct-summary-private.h"

/* The cells of outcomes.by_change, in DOMAIN.md's order. */
enum { IMPROVED, NO_RELIABLE_CHANGE, DETERIORATED, N_CHANGES };

/* What the figures are made of. */
typedef struct
{
  gint64 goals;
  gint64 baselines;             /* summed, half points */
  gint64 ends;
  gint64 by_change[N_CHANGES];  /* goals */
  gint64 episodes;
  gint64 episodes_improved;
} Totals;

/* A change of @goals goals summed in half points, against the threshold in
 * hundredths (a half point is 50 of them): their mean change reaches it,
 * falls by as much, or neither. */
static guint
classify (gint64 change,
          gint64 goals,
          gint64 threshold)
{
  if (change * 50 >= threshold * goals)
    return IMPROVED;
  if (change * 50 <= -threshold * goals)
    return DETERIORATED;
  return NO_RELIABLE_CHANGE;
}

static int
by_episode (gconstpointer a,
            gconstpointer b)
{
  gint64 first = ((const CtPairedGoal *) a)->episode;
  gint64 second = ((const CtPairedGoal *) b)->episode;

  return (first > second) - (first < second);
}

static void
add_up (GArray *goals,
        gint64  threshold,
        Totals *totals)
{
  /* An episode's goals side by side, whatever order the server gave. */
  g_array_sort (goals, by_episode);

  for (guint i = 0; i < goals->len;)
    {
      gint64 episode = g_array_index (goals, CtPairedGoal, i).episode;
      gint64 change = 0;
      gint64 n = 0;

      for (; i < goals->len && g_array_index (goals, CtPairedGoal, i).episode == episode; i++, n++)
        {
          const CtPairedGoal *goal = &g_array_index (goals, CtPairedGoal, i);

          totals->baselines += goal->baseline;
          totals->ends += goal->end;
          totals->by_change[classify (goal->end - goal->baseline, 1, threshold)]++;
          change += goal->end - goal->baseline;
        }
      totals->goals += n;
      totals->episodes++;
      totals->episodes_improved += classify (change, n, threshold) == IMPROVED;
    }
}

/* A mean of half points over the goals. */
static void
set_mean (CtFigure     *figure,
          gint64        half_points,
          const Totals *totals)
{
  ct_summary_set_value (figure, half_points, 2 * totals->goals);
  figure->items = totals->goals;
}

static void
apply (const CtFigureSpec *spec,
       CtFigure           *figure,
       const Totals       *totals)
{
  switch (spec->goals)
    {
    case CT_GOALS_EPISODES:
      figure->count = totals->episodes;
      break;
    case CT_GOALS_COMPLETENESS:
      /* Its items, the episodes ended, come from its SQL. */
      ct_summary_set_value (figure, 100 * totals->episodes, figure->items);
      break;
    case CT_GOALS_PAIRED:
      figure->count = totals->goals;
      break;
    case CT_GOALS_MEAN_BASELINE:
      set_mean (figure, totals->baselines, totals);
      break;
    case CT_GOALS_MEAN_END:
      set_mean (figure, totals->ends, totals);
      break;
    case CT_GOALS_MEAN_CHANGE:
      set_mean (figure, totals->ends - totals->baselines, totals);
      break;
    case CT_GOALS_BY_CHANGE:
      g_return_if_fail (figure->n_cells == N_CHANGES);
      for (guint c = 0; c < N_CHANGES; c++)
        ((CtCell *) figure->cells)[c].count = totals->by_change[c];
      break;
    case CT_GOALS_PCT_IMPROVED:
      ct_summary_set_value (figure, 100 * totals->by_change[IMPROVED], totals->goals);
      figure->items = totals->goals;
      break;
    case CT_GOALS_EPISODES_IMPROVED:
      figure->count = totals->episodes_improved;
      break;
    case CT_GOALS_NONE:
    default:
      break;
    }
}

void
ct_summary_goals_apply (GArray             *goals,
                        gint64              threshold,
                        const CtFigureSpec *specs,
                        CtFigure           *figures,
                        guint               n_figures)
{
  Totals totals = { 0 };

  add_up (goals, threshold, &totals);
  for (guint i = 0; i < n_figures; i++)
    apply (&specs[i], &figures[i], &totals);
}
