/* ct-demo-sdq.c: demo SDQ scores
 *
 * About one score a year for each child aged 4 to 16 on the day, as the
 * SSDA903 return asks, mostly from the carer; one in twelve has a reason
 * for no score instead, and a few children just outside those ages have
 * SDQ1. Each child's total drifts from year to year, so that some cross
 * the bands both ways.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-demo"

#include "config.h"

#include "ct-demo-private.h"

#define SDQ_YOUNGEST 4
#define SDQ_OLDEST   16

typedef struct
{
  guint n_scores;   /* ordinals for ct_demo_pick_word() */
  guint n_reasons;
} Counts;

/* Whole years from @birth to @day (Julian days). */
static guint
age_on (guint32 birth,
        guint32 day)
{
  GDate born, on;
  guint age;

  g_date_set_julian (&born, birth);
  g_date_set_julian (&on, day);
  age = g_date_get_year (&on) - g_date_get_year (&born);
  if (g_date_get_month (&on) < g_date_get_month (&born) ||
      (g_date_get_month (&on) == g_date_get_month (&born) &&
       g_date_get_day (&on) < g_date_get_day (&born)))
    age--;
  return age;
}

/* Four subscales of 0 to 10 that add up to @total (at most 40). */
static void
split_total (CtDemoGen *gen,
             gint       total,
             gint       parts[4])
{
  gint left = total;

  for (guint i = 0; i < 4; i++)
    {
      gint rest_most = 10 * (3 - (gint) i);
      gint lowest = MAX (0, left - rest_most);
      gint highest = i == 3 ? left : MIN (10, left);

      parts[i] = (gint) ct_demo_random (gen, lowest, MAX (lowest, highest));
      left -= parts[i];
    }
}

static gboolean
add_score (CtDemoGen  *gen,
           gint64      child,
           guint32     day,
           gint        total,
           const char *reason,
           Counts     *counts,
           GError    **error)
{
  static const guint mostly_carers[] = { 80, 12, 8 };
  g_autofree char *date = ct_demo_format_day (day);
  const char *informant = ct_demo_pick_word (gen, CT_TYPE_SDQ_SCORE, "informant",
                                             counts->n_scores++, mostly_carers);
  gint parts[4] = { CT_RECORD_NO_NUMBER, CT_RECORD_NO_NUMBER, CT_RECORD_NO_NUMBER,
                    CT_RECORD_NO_NUMBER };
  gint prosocial = CT_RECORD_NO_NUMBER;

  if (reason == NULL && ct_demo_chance (gen, 50))
    {
      split_total (gen, total, parts);
      prosocial = (gint) ct_demo_random (gen, 2, 10);
    }
  return ct_demo_add (gen, error, CT_TYPE_SDQ_SCORE,
                      "child-id", child,
                      "date", date,
                      "informant", informant,
                      "total", reason == NULL ? total : CT_RECORD_NO_NUMBER,
                      "reason", reason,
                      "emotional", parts[0],
                      "conduct", parts[1],
                      "hyperactivity", parts[2],
                      "peer", parts[3],
                      "prosocial", prosocial,
                      NULL) != 0;
}

/* A child's yearly scores, one in each year of the data that they are of age. */
static gboolean
add_child_scores (CtDemoGen  *gen,
                  guint       c,
                  Counts     *counts,
                  GError    **error)
{
  gint64 child = g_array_index (gen->child_ids, gint64, c);
  guint32 birth = g_array_index (gen->child_births, guint32, c);
  /* SDQ1 is the age reason; children of age have the others. */
  static const guint not_sdq1[] = { 0, 40, 10, 30, 20 };
  gint total = (gint) ct_demo_random (gen, 4, 24);

  for (guint32 year = gen->first_day; year + 30 <= gen->today; year += 365)
    {
      guint32 day = ct_demo_random_day (gen, year, MIN (year + 364, gen->today));
      guint age = day > birth ? age_on (birth, day) : 0;
      gint drift = (gint) ct_demo_random (gen, 0, 12) - 6;
      const char *reason = NULL;

      total = CLAMP (total + drift, 0, 40);
      if (day <= birth || age + 1 < SDQ_YOUNGEST || age > SDQ_OLDEST + 1)
        continue;
      if (age < SDQ_YOUNGEST || age > SDQ_OLDEST)
        {
          if (!ct_demo_chance (gen, 30))
            continue;
          reason = "SDQ1";
        }
      else if (ct_demo_chance (gen, 8))
        reason = ct_demo_pick_word (gen, CT_TYPE_SDQ_SCORE, "reason", 1 + counts->n_reasons++,
                                    not_sdq1);
      if (!add_score (gen, child, day, total, reason, counts, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ct_demo_add_sdq_scores (CtDemoGen  *gen,
                        GError    **error)
{
  Counts counts = { 0 };

  for (guint c = 0; c < gen->size->children; c++)
    if (!add_child_scores (gen, c, &counts, error))
      return FALSE;
  return TRUE;
}
