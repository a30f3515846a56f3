/* test-summary.c: the figures of the committee summary, worked out by hand
 *
 * The records are those of summary-fixture.c, inserted through the records
 * API; the period is 2024/25 Q2 (2024-07-01 to 2024-09-30). Each expected
 * figure below says where it comes from.
 *
 * Every record passes the core's validation as it was worked out by hand,
 * with one addition that changes no figure: the core requires a training
 * event's audience, so each event has "foster_carers" (training.by_role
 * counts the attendance rows' roles, not the events' audience).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-summary"

#include "config.h"

#include <string.h>

#include "ct-preferences.h"
#include "ct-setting.h"
#include "ct-summary-private.h"
#include "records-fixture.h"
#include "summary-fixture.h"

typedef SummaryFixture Fixture;

static CtSummary *
compute_filled (Fixture *fixture)
{
  fixture_fill (fixture->db);
  return fixture_compute (fixture->db, FIXTURE_PERIOD);
}

static void
assert_count (const CtSummary *summary,
              const char      *path,
              gint64           expected)
{
  gint64 count = -1;

  if (!ct_summary_get_count (summary, path, &count))
    g_error ("There is no count %s", path);
  if (count != expected)
    g_error ("%s is %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT, path, count, expected);
}

/* A rounded value: @expected has one decimal. */
static void
assert_value (const CtSummary *summary,
              const char      *path,
              double           expected)
{
  const CtFigure *figure = ct_summary_lookup (summary, path);

  g_assert_nonnull (figure);
  if (!figure->has_value)
    g_error ("%s has no value, expected %.1f", path, expected);
  if (ABS (figure->value - expected) > 1e-9)
    g_error ("%s is %.17g, expected %.1f", path, figure->value, expected);
}

static void
assert_mean (const CtSummary *summary,
             const char      *path,
             double           expected,
             gint64           items)
{
  assert_value (summary, path, expected);
  g_assert_cmpint (ct_summary_lookup (summary, path)->items, ==, items);
}

/* @expected is every word and its count, in order: "yes 0, no 8". */
static void
assert_breakdown (const CtSummary *summary,
                  const char      *path,
                  const char      *expected)
{
  g_auto(GStrv) cells = g_strsplit (expected, ", ", -1);
  const CtFigure *figure = ct_summary_lookup (summary, path);
  GString *produced = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_assert_nonnull (figure);
  g_assert_cmpint (figure->kind, ==, CT_FIGURE_BREAKDOWN);
  for (guint i = 0; i < figure->n_cells; i++)
    g_string_append_printf (produced, "%s%s %" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            figure->cells[i].word, figure->cells[i].count);
  text = g_string_free (produced, FALSE);
  if (!g_str_equal (text, expected))
    g_error ("%s is\n  %s\nexpected\n  %s", path, text, expected);
  g_assert_cmpuint (figure->n_cells, ==, g_strv_length (cells));
}

static void
test_referrals (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CtSummary) summary = compute_filled (fixture);

  /* C01 to C08 (C01 on the first day, C02 on the last); not C09 (the day
   * before) nor C10 (the day after). */
  assert_count (summary, "referrals.received", 8);
  assert_breakdown (summary, "referrals.by_decision",
                    "accepted 6, signposted 2, declined 0, pending 0");
  assert_breakdown (summary, "referrals.by_source",
                    "social_worker 5, iro 2, virtual_school 0, health 1, foster_carer 0, "
                    "residential_home 0, self_or_family 0, other 0");
  /* On the referral date: C01 4 (birthday), C02 4 (birthday tomorrow),
   * C03 5, C04 10, C05 11, C06 18, C07 17, C08 16. */
  assert_breakdown (summary, "referrals.by_age_band",
                    "0-4 2, 5-10 2, 11-15 1, 16-17 2, 18+ 1");
  assert_breakdown (summary, "referrals.by_legal_status",
                    "looked_after 6, edge_of_care 1, care_leaver 1, adopted 0, "
                    "special_guardianship 0, other 0");
  assert_breakdown (summary, "referrals.by_placement_type",
                    "in_house_foster 5, agency_foster 0, kinship 0, residential 3, "
                    "placed_with_parents 0, supported_accommodation 0, adoptive 0, other 0");
  assert_breakdown (summary, "referrals.by_placement_area", "in_area 5, out_of_area 3");
  /* The UASC children were all referred before the quarter. */
  assert_breakdown (summary, "referrals.by_uasc", "yes 0, no 8");
}

static void
test_caseload (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CtSummary) summary = compute_filled (fixture);

  /* 2024-07-01: C11 (no end), C12 (ends that day), C14, C15 (starts that
   * day), C10 (ends 08-15); not C13 (ended the day before). */
  assert_count (summary, "caseload.open_at_start", 5);
  /* 2024-09-30: C11, C14 (ends the day after), C15 (ends that day), C01,
   * C02 (starts that day), C04, C06; not C03 (ended), C05 (not started),
   * C09's second (starts the day after). */
  assert_count (summary, "caseload.open_at_end", 7);
  /* C15, C01, C02, C03, C04, C06. */
  assert_count (summary, "caseload.started", 6);
  /* C12 (first day), C15 (last day), C10, C03. */
  assert_count (summary, "caseload.ended", 4);
  assert_breakdown (summary, "caseload.by_end_reason",
                    "goals_met 1, planned_end 1, disengaged 1, moved_away 1, transferred 0, "
                    "other 0");
}

static void
test_consultations (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CtSummary) summary = compute_filled (fixture);

  /* Eleven, from 07-01 to 09-30; two about networks, not a child. */
  assert_count (summary, "consultations.total", 11);
  /* C01, C02, C03, C04, C05, C06. */
  assert_count (summary, "consultations.children", 6);
  /* 411 minutes = 6.85 hours: exactly half way, rounded up. */
  assert_value (summary, "consultations.hours", 6.9);
  /* Fifteen topics over eleven consultations. */
  assert_breakdown (summary, "consultations.by_topic",
                    "mental_health 2, sibling_assessment 1, placement_fragility 6, "
                    "reunification 1, network_conflict 1, family_contact 1, transitions 1, "
                    "risk 1, other 1");
  assert_breakdown (summary, "consultations.by_requested_by",
                    "social_worker 6, team_manager 0, iro 2, virtual_school 0, foster_carer 3, "
                    "residential_staff 0, health 0, other 0");
  assert_breakdown (summary, "consultations.by_mode", "in_person 5, video 5, phone 1");
  assert_breakdown (summary, "consultations.by_outcome",
                    "advice_given 7, further_consultation 1, referral_accepted 1, "
                    "signposted 1, other 1");
}

static void
test_reflective_practice (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CtSummary) summary = compute_filled (fixture);

  assert_count (summary, "reflective_practice.held", 6);
  assert_count (summary, "reflective_practice.cancelled", 1);
  /* 8 + 6 + 5 + 7 + 4 + 3 */
  assert_count (summary, "reflective_practice.attendances", 33);
  /* 420 minutes; not the cancelled session's 90. */
  assert_value (summary, "reflective_practice.hours", 7.0);
  assert_breakdown (summary, "reflective_practice.by_setting",
                    "social_work_team 0, residential_home 1, fostering 5, leaving_care 0, "
                    "education 0, other 0");
  /* (4.0 + 3.5 + 4.5 + 2.0 + 3.25) / 5 = 3.45, rounded up; one held
   * session has no rating. */
  assert_mean (summary, "reflective_practice.mean_rating", 3.5, 5);
}

static void
test_outcomes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CtSummary) summary = compute_filled (fixture);

  assert_count (summary, "outcomes.episodes_ended", 4);
  /* C12, C15 and C03; C10's goal has no end score. */
  assert_count (summary, "outcomes.episodes_with_paired_gbo", 3);
  assert_mean (summary, "outcomes.completeness_pct", 75.0, 4);
  /* C12 goals 1 and 2 (not 3: no end), C15 goals 1 and 2 (not 3: no
   * baseline), C03 goals 1 to 3; not C14's or C13's (ended outside). */
  assert_count (summary, "outcomes.goals_paired", 7);
  /* 24.5 / 7 = 3.5; 32.5 / 7 = 4.64; 8 / 7 = 1.14 */
  assert_mean (summary, "outcomes.mean_baseline", 3.5, 7);
  assert_mean (summary, "outcomes.mean_end", 4.6, 7);
  assert_mean (summary, "outcomes.mean_change", 1.1, 7);
  /* +2.5 and +2.5 and +5.5 improved; +2.0, -2.0 and 0 not; -2.5 deteriorated. */
  assert_breakdown (summary, "outcomes.by_change",
                    "improved 3, no_reliable_change 3, deteriorated 1");
  /* 3 / 7 = 42.86 % */
  assert_mean (summary, "outcomes.pct_goals_reliably_improved", 42.9, 7);
  /* Mean changes: C12 2.25, C15 -2.25, C03 2.67. */
  assert_count (summary, "outcomes.episodes_reliably_improved", 1);
  assert_value (summary, "outcomes.reliable_change_threshold", CT_GBO_RELIABLE_CHANGE);
}

static void
test_training (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CtSummary) summary = compute_filled (fixture);

  assert_count (summary, "training.events", 3);
  /* 180 + 90 + 45 = 315 minutes = 5.25 hours */
  assert_value (summary, "training.hours", 5.3);
  /* Thirteen rows, two cancelled. */
  assert_count (summary, "training.places_booked", 11);
  assert_breakdown (summary, "training.by_status", "attended 5, did_not_attend 5, booked 1");
  /* 5 / 11 = 45.45 % */
  assert_mean (summary, "training.attendance_rate_pct", 45.5, 11);
  /* Alpha (twice), Beta, Gamma, Zeta. */
  assert_count (summary, "training.distinct_attendees", 4);
  assert_breakdown (summary, "training.by_topic",
                    "developmental_trauma 0, attachment 2, therapeutic_parenting 0, nvr 1, "
                    "pace_ddp 0, sensory 0, life_story 0, self_harm 0, other 0");
  assert_breakdown (summary, "training.by_role",
                    "foster_carers 3, kinship_carers 1, social_workers 0, residential_staff 1, "
                    "education_staff 0, other 0");
  /* Alpha 3→7 and 6→9, Beta 4→8, Gamma 5→6; not Zeta (no after), nor
   * Delta (did not attend) nor Epsilon (cancelled). */
  assert_mean (summary, "training.mean_confidence_before", 4.5, 4);
  assert_mean (summary, "training.mean_confidence_after", 7.5, 4);
  assert_mean (summary, "training.mean_confidence_change", 3.0, 4);
}

/* training.distinct_attendees tells names apart exactly, as the records
 * hold them, on either store: a name in other case or with another
 * letter is another person, the same name at another event is not. */
static void
test_distinct_attendees (Fixture       *fixture,
                         gconstpointer  data)
{
  static const FixtureEvent event = { "TR-D", "nvr", "2024-08-20", 60 };
  static const FixtureAttendance more[] = {
    { "TR-D", "Carer Alpha", "foster_carers", "attended", 0, 0 },
    { "TR-D", "carer alpha", "foster_carers", "attended", 0, 0 },
    { "TR-D", "Carer Zoë", "foster_carers", "attended", 0, 0 },
    { "TR-D", "Carer Zoe", "foster_carers", "attended", 0, 0 },
    { "TR-D", "Carer Omega", "foster_carers", "did_not_attend", 0, 0 },
  };
  g_autoptr(CtSummary) summary = NULL;

  fixture_fill (fixture->db);
  fixture_add_event (fixture->db, &event);
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    fixture_add_attendance (fixture->db, &more[i]);
  summary = fixture_compute (fixture->db, FIXTURE_PERIOD);

  /* Alpha, Beta, Gamma, Zeta; then alpha, Zoë and Zoe. */
  assert_count (summary, "training.distinct_attendees", 7);
  assert_count (summary, "training.places_booked", 16);
}

/* A period with no activity: every count 0, every mean without a value,
 * every breakdown complete. */
static void
test_empty_period (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CtSummary) summary = NULL;
  const CtFigure *figures;
  guint n_figures;

  fixture_fill (fixture->db);
  summary = fixture_compute (fixture->db, "2030/31");

  figures = ct_summary_get_figures (summary, &n_figures);
  g_assert_cmpuint (n_figures, ==, 56);
  for (guint i = 0; i < n_figures; i++)
    switch (figures[i].kind)
      {
      case CT_FIGURE_COUNT:
        if (!g_str_has_prefix (figures[i].key, "open_at_"))
          g_assert_cmpint (figures[i].count, ==, 0);
        break;
      case CT_FIGURE_HOURS:
        g_assert_true (figures[i].has_value);
        g_assert_cmpfloat (figures[i].value, ==, 0.0);
        break;
      case CT_FIGURE_MEAN:
        g_assert_false (figures[i].has_value);
        g_assert_cmpint (figures[i].items, ==, 0);
        break;
      case CT_FIGURE_BREAKDOWN:
        g_assert_cmpuint (figures[i].n_cells, >=, 2);
        for (guint j = 0; j < figures[i].n_cells; j++)
          g_assert_cmpint (figures[i].cells[j].count, ==, 0);
        break;
      case CT_FIGURE_CONSTANT:
      default:
        g_assert_cmpfloat (figures[i].value, ==, CT_GBO_RELIABLE_CHANGE);
        break;
      }
  /* Episodes stay open without activity: C01, C02, C04, C06, C09's second
   * and C11 have no end date. */
  assert_count (summary, "caseload.open_at_start", 6);
  assert_count (summary, "caseload.open_at_end", 6);
}

/* An episode's mean change exactly at the threshold is a reliable
 * improvement: ten goals, nine of +2.5 and one of +2.0, mean 2.45. Nine of
 * +2.5 and one of +1.5 (mean 2.4) is not. */
/* Two episodes of ten goals each that ended in the period: changes of 2.5
 * but the last, 2.0 in the first episode and 1.5 in the second. */
static void
add_threshold_episodes (CtDatabase *db)
{
  static const FixtureChild child = { "T01", "2015-01-01", "looked_after", "kinship",
                                      "in_area", FALSE };
  static const FixtureReferral episodes[] = {
    { "T01", "2024-01-01", "iro", "accepted", "2024-01-02", "2024-08-01", "goals_met" },
    { "T01", "2024-01-03", "iro", "accepted", "2024-01-04", "2024-08-02", "goals_met" },
  };

  fixture_add_child (db, &child);
  for (guint e = 0; e < G_N_ELEMENTS (episodes); e++)
    {
      fixture_add_referral (db, &episodes[e]);
      for (int number = 1; number <= 10; number++)
        {
          double last_change = e == 0 ? 2.0 : 1.5;
          FixtureGoal goal = { "T01", episodes[e].referral_date, number, 5.0, FIXTURE_NONE,
                               5.0 + (number < 10 ? 2.5 : last_change) };

          fixture_add_goal (db, &goal);
        }
    }
}

static void
test_episode_threshold (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CtSummary) summary = NULL;

  add_threshold_episodes (fixture->db);
  summary = fixture_compute (fixture->db, FIXTURE_PERIOD);
  assert_count (summary, "outcomes.goals_paired", 20);
  assert_breakdown (summary, "outcomes.by_change",
                    "improved 18, no_reliable_change 2, deteriorated 0");
  assert_count (summary, "outcomes.episodes_reliably_improved", 1);
  /* (24.5 + 24.0) / 20 = 2.425 */
  assert_mean (summary, "outcomes.mean_change", 2.4, 20);
  assert_mean (summary, "outcomes.pct_goals_reliably_improved", 90.0, 20);
  assert_value (summary, "outcomes.reliable_change_threshold", 2.45);
}

/* The threshold is the team's preference: a change moves a goal between
 * improved and no_reliable_change, and the summary states the T it used. */
static void
test_threshold_preference (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct
  {
    gint64      hundredths;
    const char *by_change;
    gint64      episodes_improved;
    double      pct_improved;
  } cases[] = {
    { 200, "improved 19, no_reliable_change 1, deteriorated 0", 2, 95.0 },
    { 250, "improved 18, no_reliable_change 2, deteriorated 0", 0, 90.0 },
    { 255, "improved 0, no_reliable_change 20, deteriorated 0", 0, 0.0 },
    { 100, "improved 20, no_reliable_change 0, deteriorated 0", 2, 100.0 },
  };
  g_autoptr(GError) error = NULL;

  add_threshold_episodes (fixture->db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CtSummary) summary = NULL;

      g_assert_true (ct_preferences_set_threshold (fixture->db, cases[i].hundredths, &error));
      g_assert_no_error (error);
      summary = fixture_compute (fixture->db, FIXTURE_PERIOD);
      assert_breakdown (summary, "outcomes.by_change", cases[i].by_change);
      assert_count (summary, "outcomes.episodes_reliably_improved", cases[i].episodes_improved);
      assert_mean (summary, "outcomes.pct_goals_reliably_improved", cases[i].pct_improved, 20);
      assert_value (summary, "outcomes.reliable_change_threshold", cases[i].hundredths / 100.0);
      g_assert_cmpint (ct_summary_get_threshold (summary), ==, cases[i].hundredths);
    }
  /* Each change is audited. */
  g_assert_cmpuint (records_count (fixture->db, "SELECT count (*) FROM audit_log"
                                   " WHERE action = 'update' AND record_kind = 'setting'"
                                   " AND description LIKE '%reliable_change_threshold%'"),
                    ==, G_N_ELEMENTS (cases));

  /* Outside 1.00-5.00 or off a step of 0.05: refused, nothing changes. */
  for (guint i = 0; i < 4; i++)
    {
      g_clear_error (&error);
      g_assert_false (ct_preferences_set_threshold (fixture->db,
                                                    (gint64[]) { 95, 505, 247, 0 }[i], &error));
      g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID);
    }
  g_clear_error (&error);
  g_assert_cmpint (ct_preferences_get_threshold (fixture->db, &error), ==, 100);
}

/* SDQ records, hand-worked against FIXTURE_PERIOD (2024-07-01 to
 * 2024-09-30): children scored several times inside and before it. */
typedef struct
{
  const char *child;
  const char *date;
  int         total;   /* -1: none */
  const char *reason;
} FixtureSdq;

static void
add_sdq_scores (CtDatabase *db)
{
  static const FixtureSdq scores[] = {
    /* S01: 12 before, then 15 and 18 in the period: into concern */
    { "S01", "2024-03-01", 12 }, { "S01", "2024-07-10", 15 }, { "S01", "2024-09-20", 18 },
    /* S02: 20 a year before, 13 in the period: out of concern */
    { "S02", "2023-09-01", 20 }, { "S02", "2024-08-01", 13 },
    /* S03: 17 on the first day, 16 on the last: out of concern */
    { "S03", "2024-07-01", 17 }, { "S03", "2024-09-30", 16 },
    /* S04: 14 before; a reason in the period */
    { "S04", "2024-01-15", 14 }, { "S04", "2024-08-15", -1, "SDQ2" },
    /* S05: 14 in the period, 30 after it */
    { "S05", "2024-07-15", 14 }, { "S05", "2024-10-01", 30 },
    /* S06: a reason only */
    { "S06", "2024-09-01", -1, "SDQ1" },
    /* S07: 16, then 17 the same day (entered later): into concern */
    { "S07", "2024-08-10", 16 }, { "S07", "2024-08-10", 17 },
  };

  for (guint c = 1; c <= 7; c++)
    {
      g_autofree char *reference = g_strdup_printf ("S%02u", c);
      FixtureChild child = { reference, "2012-05-05", "looked_after", "in_house_foster",
                             "in_area", FALSE };

      fixture_add_child (db, &child);
    }
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *child = records_id_text (ct_store_find_child (db, scores[i].child,
                                                                     &error));
      g_autofree char *total = scores[i].total >= 0 ? g_strdup_printf ("%d", scores[i].total)
                                                    : NULL;

      g_assert_no_error (error);
      records_insert (db, "sdq_score", "child", child, "date", scores[i].date,
                      "informant", "carer", "total", total, "reason", scores[i].reason, NULL);
    }
}

static void
test_sdq (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(CtSummary) summary = NULL;

  add_sdq_scores (fixture->db);
  summary = fixture_compute (fixture->db, FIXTURE_PERIOD);

  /* S01 2, S02 1, S03 2, S05 1, S07 2 */
  assert_count (summary, "sdq.scores", 8);
  assert_count (summary, "sdq.children", 5);
  assert_count (summary, "sdq.no_score", 2);
  assert_breakdown (summary, "sdq.by_reason", "SDQ1 1, SDQ2 1, SDQ3 0, SDQ4 0, SDQ5 0");
  /* latest: S01 18, S02 13, S03 16, S05 14, S07 17 */
  assert_breakdown (summary, "sdq.by_band", "normal 1, borderline 2, concern 2");
  assert_mean (summary, "sdq.mean_total", 15.6, 5);
  assert_count (summary, "sdq.moved_into_concern", 2);
  assert_count (summary, "sdq.moved_out_of_concern", 2);

  /* The period before: S04's 14 and S01's 12 are the latest there; S02's
   * 20 has nothing before it, so it moved nowhere. */
  g_clear_pointer (&summary, ct_summary_free);
  summary = fixture_compute (fixture->db, "2023/24");
  assert_count (summary, "sdq.scores", 3);
  assert_breakdown (summary, "sdq.by_band", "normal 1, borderline 1, concern 1");
  assert_count (summary, "sdq.moved_into_concern", 0);
  assert_count (summary, "sdq.moved_out_of_concern", 0);
}

static void
test_rounding (void)
{
  static const struct
  {
    gint64 numerator;
    gint64 denominator;
    gint64 tenths;
  } cases[] = {
    { 411, 60, 69 },   /* 6.85: half way, away from zero */
    { -411, 60, -69 },
    { 3, 60, 1 },      /* 0.05 */
    { -3, 60, -1 },
    { 2, 60, 0 },      /* 0.033 */
    { -2, 60, 0 },     /* -0.033: no negative zero */
    { 1, 4, 3 },       /* 0.25 */
    { -1, 4, -3 },
    { 1, 3, 3 },
    { 2, 3, 7 },
    { 0, 5, 0 },
    { 300, 7, 429 },   /* 42.857 */
    { 1725, 500, 35 }, /* 3.45 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ct_summary_round_tenths (cases[i].numerator, cases[i].denominator), ==,
                     cases[i].tenths);
}

/* The team's name is a setting of the records file: the summary's service. */
static void
test_service (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *audited =
    g_strdup_printf ("SELECT count (*) FROM audit_log WHERE action = 'update'"
                     " AND record_kind = 'setting' AND who = '%s'",
                     ct_database_get_actor (fixture->db));
  g_autoptr(GError) error = NULL;
  g_autoptr(CtSummary) unnamed = fixture_compute (fixture->db, FIXTURE_PERIOD);
  g_autoptr(CtSummary) named = NULL;
  g_autofree char *name = NULL;

  g_assert_cmpstr (ct_summary_get_service (unnamed), ==, "");
  name = ct_setting_get (fixture->db, CT_SETTING_TEAM_NAME, &error);
  g_assert_no_error (error);
  g_assert_null (name);

  g_assert_true (ct_setting_set (fixture->db, CT_SETTING_TEAM_NAME, "Invented Team", &error));
  g_assert_true (ct_setting_set (fixture->db, CT_SETTING_TEAM_NAME, "Invented “Clinical” Team",
                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (records_count (fixture->db, audited), ==, 2);

  named = fixture_compute (fixture->db, FIXTURE_PERIOD);
  g_assert_cmpstr (ct_summary_get_service (named), ==, "Invented “Clinical” Team");
  g_assert_cmpstr (ct_period_get_label (ct_summary_get_period (named)), ==, FIXTURE_PERIOD);
}

static void
test_lookup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CtSummary) summary = fixture_compute (fixture->db, FIXTURE_PERIOD);
  gint64 count = 42;

  g_assert_nonnull (ct_summary_lookup (summary, "referrals.by_uasc"));
  g_assert_null (ct_summary_lookup (summary, "referrals.by_uasc.yes"));
  g_assert_null (ct_summary_lookup (summary, "referrals.by"));
  g_assert_null (ct_summary_lookup (summary, "referrals"));
  g_assert_null (ct_summary_lookup (summary, "training.hours_x"));

  g_assert_true (ct_summary_get_count (summary, "referrals.by_uasc.yes", &count));
  g_assert_cmpint (count, ==, 0);
  g_assert_false (ct_summary_get_count (summary, "referrals.by_uasc.maybe", &count));
  g_assert_false (ct_summary_get_count (summary, "referrals.by_uasc", &count));
  g_assert_false (ct_summary_get_count (summary, "training.hours", &count));
  g_assert_false (ct_summary_get_count (summary, "referrals.received.yes", &count));
}

/* A locked records file cannot be summarised, and says so. */
static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtPeriod) period = ct_period_new_quarter (2024, 2);

  ct_database_close (fixture->db);
  g_assert_null (ct_summary_compute (fixture->db, period, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CLOSED);
}

/* The paired goals come in whatever order the store gives them (a team
 * server's plan need not keep an episode's goals together): an episode
 * is counted once, its goals' changes together. */
static void
test_goals_any_order (void)
{
  guint n_specs;
  const CtFigureSpec *specs = ct_summary_get_specs (&n_specs);
  CtFigure *figures = g_new0 (CtFigure, n_specs);
  const CtCell changes[] = { { "improved" }, { "no_reliable_change" }, { "deteriorated" } };
  /* Episode 1: +10 and 0 points, a mean of +5; episode 2: -10. In half
   * points, episode 1's goals apart. */
  const CtPairedGoal paired[] = { { 1, 0, 20 }, { 2, 20, 0 }, { 1, 0, 0 } };
  g_autoptr(GArray) goals = g_array_new (FALSE, FALSE, sizeof (CtPairedGoal));
  g_autoptr(CtSummary) summary = NULL;
  g_autoptr(CtPeriod) period = ct_period_new_quarter (2024, 2);

  g_array_append_vals (goals, paired, G_N_ELEMENTS (paired));
  for (guint i = 0; i < n_specs; i++)
    {
      figures[i].section = specs[i].section;
      figures[i].key = specs[i].key;
      figures[i].kind = specs[i].kind;
      if (specs[i].goals == CT_GOALS_BY_CHANGE)
        {
          figures[i].cells = g_memdup2 (changes, sizeof changes);
          figures[i].n_cells = G_N_ELEMENTS (changes);
        }
    }
  ct_summary_goals_apply (goals, CT_RELIABLE_CHANGE_DEFAULT, specs, figures, n_specs);
  summary = ct_summary_new (period, "", figures, n_specs);

  assert_count (summary, "outcomes.goals_paired", 3);
  assert_count (summary, "outcomes.episodes_with_paired_gbo", 2);
  assert_count (summary, "outcomes.episodes_reliably_improved", 1);
  assert_breakdown (summary, "outcomes.by_change",
                    "improved 1, no_reliable_change 1, deteriorated 1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  summary_fixture_add ("/summary/referrals", test_referrals);
  summary_fixture_add ("/summary/caseload", test_caseload);
  summary_fixture_add ("/summary/consultations", test_consultations);
  summary_fixture_add ("/summary/reflective-practice", test_reflective_practice);
  summary_fixture_add ("/summary/outcomes", test_outcomes);
  summary_fixture_add ("/summary/training", test_training);
  summary_fixture_add ("/summary/distinct-attendees", test_distinct_attendees);
  summary_fixture_add ("/summary/empty-period", test_empty_period);
  summary_fixture_add ("/summary/episode-threshold", test_episode_threshold);
  summary_fixture_add ("/summary/threshold-preference", test_threshold_preference);
  summary_fixture_add ("/summary/sdq", test_sdq);
  g_test_add_func ("/summary/rounding", test_rounding);
  g_test_add_func ("/summary/goals-any-order", test_goals_any_order);
  summary_fixture_add ("/summary/service", test_service);
  summary_fixture_add ("/summary/lookup", test_lookup);
  summary_fixture_add ("/summary/closed", test_closed);

  return g_test_run ();
}
