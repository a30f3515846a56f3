/* ct-demo-referrals.c: demo referrals, one child's after another's
 *
 * A child's referrals follow one another: each gets its own stretch of
 * time, and an episode ends before the child's next referral, so only a
 * child's last episode can still be open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-demo"

#include "config.h"

#include "ct-demo-private.h"

#define MAX_REFERRALS_PER_CHILD 12
#define PENDING_DAYS            42
#define WORK_DAYS               120
#define LEAD_DAYS               365

/* Enough accepted referrals for every goal (3 at most each), else 60%; the
 * rest shared evenly by the other decisions, in random order. */
static const char **
shuffled_decisions (CtDemoGen *gen)
{
  const char * const *words = ct_demo_words (CT_TYPE_REFERRAL, "decision");
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  guint n = gen->size->referrals;
  guint n_accepted = MIN (n, MAX ((gen->size->goals + 2) / 3, n * 60 / 100));
  const char **decisions = g_new (const char *, n + 1);

  for (guint i = 0; words[i] != NULL; i++)
    if (!g_str_equal (words[i], "accepted"))
      g_ptr_array_add (others, (gpointer) words[i]);

  for (guint i = 0; i < n; i++)
    decisions[i] = i < n_accepted ? "accepted" : g_ptr_array_index (others, (i - n_accepted) % others->len);
  ct_demo_shuffle (gen, (gpointer *) decisions, n);
  return decisions;
}

/* A pending referral is a child's latest. */
static void
move_pending_last (const char **decisions,
                   guint        n)
{
  for (guint j = 0; j + 1 < n; j++)
    if (g_str_equal (decisions[j], "pending") && !g_str_equal (decisions[n - 1], "pending"))
      {
        decisions[j] = decisions[n - 1];
        decisions[n - 1] = "pending";
      }
}

/* Accepted: started within eight weeks and seen for three months to two
 * years; an episode that would end after today is still open. */
static void
plan_episode (CtDemoGen     *gen,
              CtDemoEpisode *episode,
              guint32        referred,
              guint32        last,
              gboolean       latest)
{
  guint32 end;

  episode->start = referred + ct_demo_random (gen, 7, 56);
  episode->start = MIN (episode->start, last);
  end = episode->start + ct_demo_random (gen, 90, 730);
  if (!latest)
    end = MIN (end, last);
  if (end > gen->today)
    return;

  episode->end = end;
  /* The second ended episode, and about one in seven others, lacks end ratings. */
  episode->end_rated = gen->n_ended != 1 && !ct_demo_chance (gen, 15);
}

static gboolean
add_referral (CtDemoGen   *gen,
              guint        child,
              guint        ordinal,
              const char  *decision,
              guint32      first,
              guint32      last,
              gboolean     latest,
              GError     **error)
{
  gboolean accepted = g_str_equal (decision, "accepted");
  /* An earlier referral leaves time for the work before the next one. */
  guint32 referred = ct_demo_random_day (gen, first, latest ? last : MAX (first, last - WORK_DAYS));
  const char *source = ct_demo_pick_word (gen, CT_TYPE_REFERRAL, "referral_source", ordinal, NULL);
  CtDemoEpisode episode = { 0 };
  g_autofree char *referral_date = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;
  const char *end_reason = NULL;
  gint64 clinician = 0;

  if (g_str_equal (decision, "pending"))
    referred = ct_demo_random_day (gen, MAX (first, last - PENDING_DAYS), last);
  if (accepted)
    {
      clinician = ct_demo_pick_clinician (gen, NULL);
      plan_episode (gen, &episode, referred, last, latest);
      start_date = ct_demo_format_day (episode.start);
    }
  if (episode.end != 0)
    {
      end_date = ct_demo_format_day (episode.end);
      end_reason = ct_demo_pick_word (gen, CT_TYPE_REFERRAL, "end_reason", gen->n_ended++, NULL);
    }
  referral_date = ct_demo_format_day (referred);

  episode.id = ct_demo_add (gen, error, CT_TYPE_REFERRAL,
                            "child-id", g_array_index (gen->child_ids, gint64, child),
                            "referral-date", referral_date,
                            "referral-source", source,
                            "decision", decision,
                            "decision-reason", ct_demo_decision_reason (decision),
                            "clinician-id", clinician,
                            "start-date", start_date,
                            "end-date", end_date,
                            "end-reason", end_reason,
                            NULL);
  if (episode.id == 0)
    return FALSE;
  if (accepted)
    g_array_append_val (gen->episodes, episode);
  return TRUE;
}

/* The child's referrals share the days from the later of a year before the
 * first financial day (so that the first year starts with open episodes)
 * and the day after birth, to today. */
static gboolean
add_child_referrals (CtDemoGen    *gen,
                     guint         child,
                     guint         ordinal,
                     const char  **decisions,
                     guint         n,
                     GError      **error)
{
  guint32 last = gen->today;
  guint32 first = MAX (gen->first_day - LEAD_DAYS,
                       g_array_index (gen->child_births, guint32, child) + 1);
  guint64 days;

  first = MIN (first, last + 1 - n);
  days = last - first + 1;
  move_pending_last (decisions, n);

  for (guint j = 0; j < n; j++)
    {
      guint32 from = first + days * j / n;
      guint32 to = first + days * (j + 1) / n - 1;

      if (!add_referral (gen, child, ordinal + j, decisions[j], from, to, j + 1 == n, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ct_demo_add_referrals (CtDemoGen  *gen,
                       GError    **error)
{
  guint n_children = gen->size->children;
  g_autofree guint *counts = ct_demo_spread (gen, gen->size->referrals, n_children,
                                             MAX_REFERRALS_PER_CHILD);
  g_autofree const char **decisions = shuffled_decisions (gen);
  guint done = 0;

  for (guint child = 0; child < n_children; child++)
    {
      if (!add_child_referrals (gen, child, done, decisions + done, counts[child], error))
        return FALSE;
      done += counts[child];
    }
  return TRUE;
}
