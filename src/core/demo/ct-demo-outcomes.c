/* ct-demo-outcomes.c: demo goals and goal-based outcome ratings
 *
 * Every accepted episode gets one to three goals. Each rated goal has a
 * baseline at the start, reviews in between and, when its episode ended
 * with end ratings, an end score. Most goals improve reliably; some show
 * no reliable change and some deteriorate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-demo"

#include "config.h"

#include "ct-demo-private.h"

#define MAX_GOALS_PER_EPISODE 3
/* Scores are worked in half points: 0 to 20 is 0 to 10. A change of 5 half
 * points (2.5) is reliable (≥ 2.45). */
#define TOP_SCORE   20
#define RELIABLE    5

typedef enum
{
  CHANGE_IMPROVED,
  CHANGE_NONE,
  CHANGE_DETERIORATED,
  N_CHANGES
} Change;

typedef struct
{
  gint64               id;
  const CtDemoEpisode *episode;
  gboolean             baseline;
  gboolean             end;
  guint                reviews;
} Goal;

static gboolean
add_goals (CtDemoGen  *gen,
           GArray     *goals,
           GError    **error)
{
  guint n_episodes = gen->episodes->len;
  g_autofree guint *counts = ct_demo_spread (gen, gen->size->goals, n_episodes,
                                             MAX_GOALS_PER_EPISODE);

  for (guint e = 0; e < n_episodes; e++)
    for (guint number = 1; number <= counts[e]; number++)
      {
        Goal goal = { .episode = &g_array_index (gen->episodes, CtDemoEpisode, e) };
        const char *description = ct_demo_pick_text (gen, CT_DEMO_TEXT_GOAL);
        const char *set_by = ct_demo_pick_word (gen, CT_TYPE_GOAL, "set_by", goals->len, NULL);

        goal.id = ct_demo_add (gen, error, CT_TYPE_GOAL,
                               "referral-id", goal.episode->id,
                               "number", (gint) number,
                               "description", description,
                               "set-by", set_by,
                               NULL);
        if (goal.id == 0)
          return FALSE;
        g_array_append_val (goals, goal);
      }
  return TRUE;
}

/* Exactly size->goal_ratings ratings: a baseline for each goal first, then
 * an end score for each goal whose episode ended with end ratings, then
 * reviews spread over the rated goals. */
static void
plan_ratings (CtDemoGen *gen,
              GArray    *goals)
{
  guint remaining = gen->size->goal_ratings;
  guint n_baselines = MIN (remaining, goals->len);
  g_autofree guint *reviews = NULL;

  remaining -= n_baselines;
  for (guint i = 0; i < goals->len; i++)
    {
      Goal *goal = &g_array_index (goals, Goal, i);

      goal->baseline = i < n_baselines;
      goal->end = goal->baseline && remaining > 0 &&
                  goal->episode->end != 0 && goal->episode->end_rated;
      if (goal->end)
        remaining--;
    }

  reviews = ct_demo_spread (gen, remaining, n_baselines, G_MAXUINT);
  for (guint i = 0; i < n_baselines; i++)
    g_array_index (goals, Goal, i).reviews = reviews[i];
}

/* Baseline and end score (half points) with a change of the given kind. */
static void
plan_scores (CtDemoGen *gen,
             Change     change,
             int       *baseline,
             int       *end)
{
  switch (change)
    {
    case CHANGE_IMPROVED:
      *baseline = ct_demo_random (gen, 2, 10);
      *end = *baseline + (int) ct_demo_random (gen, RELIABLE, 12);
      *end = MIN (*end, TOP_SCORE);
      break;
    case CHANGE_DETERIORATED:
      *baseline = ct_demo_random (gen, 8, 14);
      *end = *baseline - (int) ct_demo_random (gen, RELIABLE, 9);
      *end = MAX (*end, 0);
      break;
    case CHANGE_NONE:
    case N_CHANGES:
    default:
      *baseline = ct_demo_random (gen, 4, 12);
      *end = *baseline + (int) ct_demo_random (gen, 0, 2 * (RELIABLE - 1)) - (RELIABLE - 1);
      break;
    }
}

static gboolean
add_rating (CtDemoGen   *gen,
            gint64       goal,
            guint32      day,
            const char  *time_point,
            int          half_points,
            GError     **error)
{
  g_autofree char *date = ct_demo_format_day (day);

  return ct_demo_add (gen, error, CT_TYPE_GOAL_RATING,
                      "goal-id", goal,
                      "date", date,
                      "time-point", time_point,
                      "score", half_points / 2.0,
                      NULL) != 0;
}

/* The first paired goals take each kind of change in turn. */
static gboolean
add_goal_ratings (CtDemoGen   *gen,
                  const Goal  *goal,
                  guint       *n_paired,
                  GError     **error)
{
  static const guint percent[N_CHANGES] = { 65, 25, 10 };
  const CtDemoEpisode *episode = goal->episode;
  guint32 last = episode->end != 0 ? episode->end : gen->today;
  Change change;
  int baseline, end;

  if (!goal->baseline)
    return TRUE;

  change = ct_demo_pick_index (gen, goal->end ? (*n_paired)++ : N_CHANGES, N_CHANGES, percent);
  plan_scores (gen, change, &baseline, &end);
  if (!add_rating (gen, goal->id, episode->start, "baseline", baseline, error))
    return FALSE;

  /* Reviews step towards the end score, a half point either way. */
  for (guint j = 1; j <= goal->reviews; j++)
    {
      int steps = goal->reviews + 1;
      guint32 day = episode->start + (guint64) (last - episode->start) * j / steps;
      int score = baseline + (end - baseline) * (int) j / steps +
                  (int) ct_demo_random (gen, 0, 2) - 1;

      if (!add_rating (gen, goal->id, day, "review", CLAMP (score, 0, TOP_SCORE), error))
        return FALSE;
    }
  return !goal->end || add_rating (gen, goal->id, last, "end", end, error);
}

gboolean
ct_demo_add_outcomes (CtDemoGen  *gen,
                      GError    **error)
{
  g_autoptr(GArray) goals = g_array_sized_new (FALSE, FALSE, sizeof (Goal), gen->size->goals);
  guint n_paired = 0;

  if (!add_goals (gen, goals, error))
    return FALSE;
  plan_ratings (gen, goals);
  for (guint i = 0; i < goals->len; i++)
    if (!add_goal_ratings (gen, &g_array_index (goals, Goal, i), &n_paired, error))
      return FALSE;
  return TRUE;
}
