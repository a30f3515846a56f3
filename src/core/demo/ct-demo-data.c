/* ct-demo-data.c: the seeded demo data generator: sizes, staff and
 * children, and the fill itself
 *
 * Determinism: every random choice comes from one GRand seeded by the
 * caller, in a fixed order; no hash table iteration. Dates are counted
 * back from "today", the only thing read from the clock (when the caller
 * gives none).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ct-demo-private.h"

#define DAYS_PER_YEAR 365

CtDemoSize
ct_demo_size_team (void)
{
  return (CtDemoSize) {
    .staff = 10,
    .children = 60,
    .referrals = 90,
    .consultations = 300,
    .reflective_sessions = 72,
    .goals = 120,
    .goal_ratings = 330,
    .training_events = 18,
    .training_attendances = 240,
    .financial_years = 3,
  };
}

CtDemoSize
ct_demo_size_county (guint factor)
{
  factor = MAX (factor, 1);
  return (CtDemoSize) {
    .staff = 40 * factor,
    .children = 5000 * factor,
    .referrals = 12000 * factor,
    .consultations = 40000 * factor,
    .reflective_sessions = 4000 * factor,
    .goals = 20000 * factor,
    .goal_ratings = 60000 * factor,
    .training_events = 1500 * factor,
    .training_attendances = 30000 * factor,
    .financial_years = 10,
  };
}

/* Staff: the first ones cover every role; the last of a team of five or
 * more has left (inactive). Clinicians are the ones who see children. */
static gboolean
add_staff (CtDemoGen  *gen,
           GError    **error)
{
  for (guint i = 0; i < gen->size->staff; i++)
    {
      const char *role = ct_demo_pick_word (gen, CT_TYPE_STAFF, "role", i, NULL);
      g_autofree char *person = ct_demo_person_name (i);
      g_autofree char *name = NULL;
      gboolean active = gen->size->staff < 5 || i + 1 < gen->size->staff;
      gint64 id;

      name = g_str_equal (role, "clinical_psychologist") ? g_strconcat ("Dr ", person, NULL)
                                                          : g_steal_pointer (&person);
      id = ct_demo_add (gen, error, CT_TYPE_STAFF,
                        "name", name, "role", role, "active", active, NULL);
      if (id == 0)
        return FALSE;
      g_array_append_val (gen->staff_ids, id);
      if (g_str_equal (role, "administrator") || g_str_equal (role, "other"))
        continue;
      g_array_append_val (gen->clinician_ids, id);
      g_ptr_array_add (gen->clinician_names, g_steal_pointer (&name));
    }
  return TRUE;
}

/* Care leavers are 18 to 21 today, other children 1 to 17, so that
 * referrals over the years fall in every age band. */
static guint32
pick_birth_day (CtDemoGen  *gen,
                const char *legal_status)
{
  gboolean adult = g_str_equal (legal_status, "care_leaver");
  guint32 age_days = ct_demo_random (gen, (adult ? 18 : 1) * DAYS_PER_YEAR,
                                     (adult ? 22 : 18) * DAYS_PER_YEAR - 1);

  return gen->today - age_days;
}

/* Random values are drawn in statement order, never inside one call's
 * arguments (whose order C leaves open). */
static gboolean
add_child (CtDemoGen  *gen,
           guint       i,
           GError    **error)
{
  const char *legal_status = ct_demo_pick_word (gen, CT_TYPE_CHILD, "legal_status", i, NULL);
  guint32 birth = pick_birth_day (gen, legal_status);
  g_autofree char *reference = g_strdup_printf ("DEMO-%05u", i + 1);
  g_autofree char *name = ct_demo_child_name (gen);
  g_autofree char *date_of_birth = ct_demo_format_day (birth);
  const char *gender = ct_demo_pick_word (gen, CT_TYPE_CHILD, "gender", i, NULL);
  const char *placement_type = ct_demo_pick_word (gen, CT_TYPE_CHILD, "placement_type", i, NULL);
  const char *placement_area = ct_demo_pick_word (gen, CT_TYPE_CHILD, "placement_area", i, NULL);
  gboolean uasc = i < 2 ? i == 1 : ct_demo_chance (gen, 6);
  gint64 id;

  id = ct_demo_add (gen, error, CT_TYPE_CHILD,
                    "reference", reference,
                    "name", name,
                    "date-of-birth", date_of_birth,
                    "gender", gender,
                    "legal-status", legal_status,
                    "placement-type", placement_type,
                    "placement-area", placement_area,
                    "uasc", uasc,
                    NULL);
  if (id == 0)
    return FALSE;
  g_array_append_val (gen->child_ids, id);
  g_array_append_val (gen->child_births, birth);
  return TRUE;
}

static gboolean
add_children (CtDemoGen  *gen,
              GError    **error)
{
  for (guint i = 0; i < gen->size->children; i++)
    if (!add_child (gen, i, error))
      return FALSE;
  return TRUE;
}

/* Set-up */

static gboolean
size_is_consistent (const CtDemoSize *size)
{
  return size->financial_years >= 1 &&
         size->referrals <= 12 * (guint64) size->children &&
         size->goals <= 3 * (guint64) size->referrals &&
         (size->goals > 0 || size->goal_ratings == 0) &&
         (size->training_events > 0 || size->training_attendances == 0) &&
         (size->staff > 0 || size->referrals + size->consultations + size->reflective_sessions == 0);
}

static gboolean
parse_today (const char  *text,
             guint32     *day,
             GError     **error)
{
  guint year, month, date;
  char end;

  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &date, &end) == 3 &&
      g_date_valid_dmy (date, month, year))
    {
      GDate parsed;

      g_date_clear (&parsed, 1);
      g_date_set_dmy (&parsed, date, month, year);
      *day = g_date_get_julian (&parsed);
      return TRUE;
    }
  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
               _("Demo data: “%s” is not a date; give today’s date as YYYY-MM-DD."), text);
  return FALSE;
}

/* 1 April of the financial year @n_years - 1 before the one holding @today. */
static guint32
first_financial_day (guint32 today,
                     guint   n_years)
{
  GDate date;
  GDateYear year;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, today);
  year = g_date_get_year (&date) - (g_date_get_month (&date) < G_DATE_APRIL ? 1 : 0);
  g_date_set_dmy (&date, 1, G_DATE_APRIL, year - (n_years - 1));
  return g_date_get_julian (&date);
}

static void
gen_clear (CtDemoGen *gen)
{
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->staff_ids, g_array_unref);
  g_clear_pointer (&gen->clinician_ids, g_array_unref);
  g_clear_pointer (&gen->clinician_names, g_ptr_array_unref);
  g_clear_pointer (&gen->child_ids, g_array_unref);
  g_clear_pointer (&gen->child_births, g_array_unref);
  g_clear_pointer (&gen->episodes, g_array_unref);
  g_clear_pointer (&gen->event_ids, g_array_unref);
  g_clear_pointer (&gen->event_audiences, g_ptr_array_unref);
}

static void
gen_init (CtDemoGen        *gen,
          CtDatabase       *db,
          const CtDemoSize *size,
          guint32           seed,
          guint32           today)
{
  gen->db = db;
  gen->size = size;
  gen->rand = g_rand_new_with_seed (seed);
  gen->today = today;
  gen->first_day = first_financial_day (today, size->financial_years);
  gen->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen->clinician_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen->clinician_names = g_ptr_array_new_with_free_func (g_free);
  gen->child_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), size->children);
  gen->child_births = g_array_sized_new (FALSE, FALSE, sizeof (guint32), size->children);
  gen->episodes = g_array_new (FALSE, FALSE, sizeof (CtDemoEpisode));
  gen->event_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), size->training_events);
  gen->event_audiences = g_ptr_array_new_with_free_func (g_free);
}

static gboolean
add_all (CtDemoGen  *gen,
         GError    **error)
{
  if (!add_staff (gen, error))
    return FALSE;
  /* The first staff member has the first role, a clinical one. */
  g_assert (gen->clinician_ids->len > 0 || gen->size->staff == 0);

  return add_children (gen, error) &&
         ct_demo_add_referrals (gen, error) &&
         ct_demo_add_consultations (gen, error) &&
         ct_demo_add_reflective_sessions (gen, error) &&
         ct_demo_add_outcomes (gen, error) &&
         ct_demo_add_training (gen, error) &&
         ct_demo_add_sdq_scores (gen, error);
}

gboolean
ct_demo_data_fill (CtDatabase        *db,
                   const CtDemoSize  *size,
                   guint32            seed,
                   const char        *today,
                   GError           **error)
{
  g_autofree char *clock_today = NULL;
  CtDemoGen gen = { 0 };
  guint32 today_day;
  gboolean ok;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (size != NULL && size_is_consistent (size), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL)
    today = clock_today = ct_validate_dup_today ();
  if (!parse_today (today, &today_day, error))
    return FALSE;
  if (!ct_database_begin (db, error))
    return FALSE;

  gen_init (&gen, db, size, seed, today_day);
  ok = add_all (&gen, error);
  gen_clear (&gen);

  if (!ok)
    {
      ct_database_rollback (db);
      return FALSE;
    }
  return ct_database_commit (db, error);
}
