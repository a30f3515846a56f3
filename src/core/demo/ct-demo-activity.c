/* ct-demo-activity.c: demo consultations and reflective practice sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-demo"

#include "config.h"

#include "ct-demo-private.h"

#define MAX_TOPICS 3

/* A child born by @day, or 0: about one consultation in five (and the
 * second one) is about a network rather than one child. */
static gint64
pick_child (CtDemoGen *gen,
            guint      ordinal,
            guint32    day)
{
  guint child;

  if (gen->size->children == 0 || ordinal == 1 || ct_demo_chance (gen, 20))
    return 0;
  child = ct_demo_random (gen, 0, gen->size->children - 1);
  if (g_array_index (gen->child_births, guint32, child) > day)
    return 0;
  return g_array_index (gen->child_ids, gint64, child);
}

static gboolean
add_consultation (CtDemoGen  *gen,
                  guint       i,
                  GError    **error)
{
  guint32 day = ct_demo_random_day (gen, gen->first_day, gen->today);
  g_autofree char *date = ct_demo_format_day (day);
  gint64 clinician = ct_demo_pick_clinician (gen, NULL);
  gint64 child = pick_child (gen, i, day);
  const char *requested_by = ct_demo_pick_word (gen, CT_TYPE_CONSULTATION, "requested_by", i, NULL);
  const char *team = ct_demo_chance (gen, 80) ? ct_demo_pick_text (gen, CT_DEMO_TEXT_TEAM) : NULL;
  g_autofree const char **topics = ct_demo_pick_words (gen, CT_TYPE_CONSULTATION, "topics", i, MAX_TOPICS);
  const char *mode = ct_demo_pick_word (gen, CT_TYPE_CONSULTATION, "mode", i, NULL);
  gint minutes = 15 * ct_demo_random (gen, 2, 8);
  gint attendees = ct_demo_random (gen, 1, 8);
  const char *outcome = ct_demo_pick_word (gen, CT_TYPE_CONSULTATION, "outcome", i, NULL);
  const char *notes = ct_demo_chance (gen, 70) ? ct_demo_pick_text (gen, CT_DEMO_TEXT_NOTE) : NULL;

  return ct_demo_add (gen, error, CT_TYPE_CONSULTATION,
                      "date", date,
                      "clinician-id", clinician,
                      "child-id", child,
                      "requested-by", requested_by,
                      "team", team,
                      "topics", topics,
                      "mode", mode,
                      "duration-minutes", minutes,
                      "attendees", attendees,
                      "outcome", outcome,
                      "notes", notes,
                      NULL) != 0;
}

gboolean
ct_demo_add_consultations (CtDemoGen  *gen,
                           GError    **error)
{
  for (guint i = 0; i < gen->size->consultations; i++)
    if (!add_consultation (gen, i, error))
      return FALSE;
  return TRUE;
}

/* One or two themes, never about a child. */
static char *
pick_themes (CtDemoGen *gen)
{
  const char *first = ct_demo_pick_text (gen, CT_DEMO_TEXT_THEME);
  const char *second = ct_demo_pick_text (gen, CT_DEMO_TEXT_THEME);

  if (first == second || ct_demo_chance (gen, 50))
    return g_strdup (first);
  return g_strconcat (first, "; ", second, NULL);
}

/* About one session in eight is cancelled: nobody attended, no time spent,
 * no rating, no themes. A held session has a mean usefulness rating three times in four. */
static gboolean
add_session (CtDemoGen  *gen,
             guint       i,
             GError    **error)
{
  static const guint held_or_cancelled[] = { 88, 12 };
  g_autofree char *date = ct_demo_format_day (ct_demo_random_day (gen, gen->first_day, gen->today));
  gint64 facilitator = ct_demo_pick_clinician (gen, NULL);
  const char *setting = ct_demo_pick_word (gen, CT_TYPE_REFLECTIVE_SESSION, "setting", i, NULL);
  g_autofree char *group = ct_demo_group_name (gen, setting);
  const char *status = ct_demo_pick_word (gen, CT_TYPE_REFLECTIVE_SESSION, "status", i,
                                          held_or_cancelled);
  gboolean held = g_str_equal (status, "held");
  gint minutes = held ? 30 * (gint) ct_demo_random (gen, 2, 4) : 0;
  gint attendees = held ? (gint) ct_demo_random (gen, 3, 14) : 0;
  gdouble rating = held && ct_demo_chance (gen, 75) ? ct_demo_random (gen, 25, 50) / 10.0
                                                     : CT_RECORD_NO_NUMBER;
  g_autofree char *themes = held ? pick_themes (gen) : NULL;

  return ct_demo_add (gen, error, CT_TYPE_REFLECTIVE_SESSION,
                      "date", date,
                      "facilitator-id", facilitator,
                      "group", group,
                      "setting", setting,
                      "status", status,
                      "attendees", attendees,
                      "duration-minutes", minutes,
                      "rating", rating,
                      "themes", themes,
                      NULL) != 0;
}

gboolean
ct_demo_add_reflective_sessions (CtDemoGen  *gen,
                                 GError    **error)
{
  for (guint i = 0; i < gen->size->reflective_sessions; i++)
    if (!add_session (gen, i, error))
      return FALSE;
  return TRUE;
}
