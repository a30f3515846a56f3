/* test-outcomes.c: goal-based outcomes per episode (ct-outcomes.h) on a
 * small fixture worked out by hand
 *
 * Episodes (accepted referrals), newest referral first:
 *   E3  Test Child A  2025-02-01  clinician A  open, no goals
 *   E4  Test Child B  2024-06-01  clinician B  ended, no goals
 *   E2  Test Child B  2024-05-01  clinician B  ended; goal 1: baseline 7, no end
 *   E1  Test Child A  2024-04-01  clinician A  ended;
 *         goal 1: baseline 2, review 4, end 6      change +4.0 improved
 *         goal 2: baseline 6, end 3.5, a review of 5 on the end's day
 *                                                   change −2.5 deteriorated
 *         goal 3: baseline 3, review 5, no end
 *   and a signposted referral of Test Child B, which is no episode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-outcomes"

#include "config.h"

#include "ct-caseload.h"
#include "ct-outcomes.h"
#include "ct-preferences.h"
#include "ct-timeline.h"
#include "records-fixture.h"

typedef struct
{
  RecordsFixture records;
  gint64         clinician_b;
  gint64         child_b;
  gint64         e1, e2, e3, e4;
  gint64         e1_goals[3];
  gint64         e2_goal;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  CtDatabase *db;
  g_autofree char *child_b = NULL;

  records_fixture_setup (&fixture->records, data);
  db = fixture->records.db;
  fixture->clinician_b = records_insert_clinician_b (db);
  fixture->child_b = records_insert_child_b (db);

  fixture->e1 = records_insert_episode (db, fixture->records.child_id,
                                        fixture->records.staff_id, "2024-04-01", "2024-12-01");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      fixture->e1_goals[i] = records_insert_goal (db, fixture->e1, number);
    }
  records_rate (db, fixture->e1_goals[0], "2024-04-10", "baseline", "2");
  records_rate (db, fixture->e1_goals[0], "2024-08-01", "review", "4");
  records_rate (db, fixture->e1_goals[0], "2024-12-01", "end", "6");
  records_rate (db, fixture->e1_goals[1], "2024-04-10", "baseline", "6");
  records_rate (db, fixture->e1_goals[1], "2024-12-01", "end", "3.5");
  records_rate (db, fixture->e1_goals[1], "2024-12-01", "review", "5");
  records_rate (db, fixture->e1_goals[2], "2024-04-10", "baseline", "3");
  records_rate (db, fixture->e1_goals[2], "2024-09-01", "review", "5");

  fixture->e2 = records_insert_episode (db, fixture->child_b, fixture->clinician_b,
                                        "2024-05-01", "2025-01-15");
  fixture->e2_goal = records_insert_goal (db, fixture->e2, "1");
  records_rate (db, fixture->e2_goal, "2024-05-20", "baseline", "7");

  fixture->e3 = records_insert_episode (db, fixture->records.child_id,
                                        fixture->records.staff_id, "2025-02-01", NULL);
  fixture->e4 = records_insert_episode (db, fixture->child_b, fixture->clinician_b,
                                        "2024-06-01", "2024-10-01");

  child_b = records_id_text (fixture->child_b);
  records_insert (db, "referral", "child", child_b, "referral_date", "2025-03-01",
                  "referral_source", "iro", "decision", "signposted",
                  "decision_reason", "Invented reason", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  records_fixture_teardown (&fixture->records, data);
}

static GListModel *
list (Fixture                *fixture,
      const CtOutcomesFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *rows = ct_outcomes_list (fixture->records.db, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_true (g_list_model_get_item_type (rows) == CT_TYPE_OUTCOME_ROW);
  return rows;
}

static CtOutcomeRow *
row_at (GListModel *rows,
        guint       position)
{
  CtOutcomeRow *row = g_list_model_get_item (rows, position);

  g_assert_nonnull (row);
  g_object_unref (row);  /* the model keeps it */
  return row;
}

/* Asserts the episode and goal of each row, in order. */
static void
assert_rows (GListModel   *rows,
             const gint64 *episodes,
             const gint64 *goals,
             guint         n_rows)
{
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      CtOutcomeRow *row = row_at (rows, i);

      g_assert_cmpint (ct_outcome_row_get_referral_id (row), ==, episodes[i]);
      g_assert_cmpint (ct_outcome_row_get_goal_id (row), ==, goals[i]);
    }
}

static void
assert_scores (CtOutcomeRow *row,
               double        baseline,
               double        latest,
               double        end)
{
  const CtGboScores *scores = ct_outcome_row_get_scores (row);

  g_assert_cmpfloat (scores->baseline, ==, baseline);
  g_assert_cmpfloat (scores->latest, ==, latest);
  g_assert_cmpfloat (scores->end, ==, end);
}

static void
test_every_episode (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GListModel) rows = list (fixture, NULL);
  const gint64 episodes[] = { fixture->e3, fixture->e4, fixture->e2, fixture->e1, fixture->e1,
                              fixture->e1 };
  const gint64 goals[] = { 0, 0, fixture->e2_goal, fixture->e1_goals[0], fixture->e1_goals[1],
                           fixture->e1_goals[2] };
  CtOutcomeRow *row;
  double change = 0;

  assert_rows (rows, episodes, goals, G_N_ELEMENTS (episodes));

  /* An open episode with no goals: no scores, no change. */
  row = row_at (rows, 0);
  g_assert_cmpstr (ct_outcome_row_get_child_reference (row), ==, "TEST-0001");
  g_assert_cmpstr (ct_outcome_row_get_child_name (row), ==, "Test Child A");
  g_assert_cmpstr (ct_outcome_row_get_clinician_name (row), ==, "Test Clinician A");
  g_assert_cmpint (ct_outcome_row_get_clinician_id (row), ==, fixture->records.staff_id);
  g_assert_cmpstr (ct_outcome_row_get_referral_date (row), ==, "2025-02-01");
  g_assert_cmpstr (ct_outcome_row_get_start_date (row), ==, "2025-02-01");
  g_assert_null (ct_outcome_row_get_end_date (row));
  g_assert_cmpint (ct_outcome_row_get_goal_number (row), ==, 0);
  g_assert_null (ct_outcome_row_get_goal_description (row));
  assert_scores (row, CT_RECORD_NO_NUMBER, CT_RECORD_NO_NUMBER, CT_RECORD_NO_NUMBER);
  g_assert_false (ct_gbo_scores_get_change (ct_outcome_row_get_scores (row), &change));

  /* Ended without an end rating: baseline only. */
  row = row_at (rows, 2);
  g_assert_cmpstr (ct_outcome_row_get_end_date (row), ==, "2025-01-15");
  g_assert_cmpint (ct_outcome_row_get_child_id (row), ==, fixture->child_b);
  assert_scores (row, 7, 7, CT_RECORD_NO_NUMBER);
  g_assert_false (ct_gbo_scores_get_change (ct_outcome_row_get_scores (row), &change));

  /* Paired: +4.0, a reliable improvement. */
  row = row_at (rows, 3);
  g_assert_cmpint (ct_outcome_row_get_goal_number (row), ==, 1);
  g_assert_cmpstr (ct_outcome_row_get_goal_description (row), ==, "An invented goal");
  assert_scores (row, 2, 6, 6);
  g_assert_true (ct_gbo_scores_get_change (ct_outcome_row_get_scores (row), &change));
  g_assert_cmpfloat (change, ==, 4);
  g_assert_cmpfloat (ct_outcome_row_get_scores (row)->threshold, ==, 2.45);
  g_assert_cmpint (ct_gbo_scores_classify (ct_outcome_row_get_scores (row)), ==,
                   CT_GBO_CHANGE_IMPROVED);

  /* Paired: −2.5, a reliable deterioration; on the end's day the end
   * rating is the latest even though a review was entered after it. */
  row = row_at (rows, 4);
  assert_scores (row, 6, 3.5, 3.5);
  g_assert_true (ct_gbo_scores_get_change (ct_outcome_row_get_scores (row), &change));
  g_assert_cmpfloat (change, ==, -2.5);
  g_assert_cmpint (ct_gbo_scores_classify (ct_outcome_row_get_scores (row)), ==,
                   CT_GBO_CHANGE_DETERIORATED);

  /* Reviewed, not ended. */
  assert_scores (row_at (rows, 5), 3, 5, CT_RECORD_NO_NUMBER);
}

static void
test_clinician_filter (Fixture       *fixture,
                       gconstpointer  data)
{
  CtOutcomesFilter filter_a = { .clinician_id = fixture->records.staff_id };
  CtOutcomesFilter filter_b = { .clinician_id = fixture->clinician_b };
  g_autoptr(GListModel) rows_a = list (fixture, &filter_a);
  g_autoptr(GListModel) rows_b = list (fixture, &filter_b);
  const gint64 episodes_a[] = { fixture->e3, fixture->e1, fixture->e1, fixture->e1 };
  const gint64 goals_a[] = { 0, fixture->e1_goals[0], fixture->e1_goals[1], fixture->e1_goals[2] };
  const gint64 episodes_b[] = { fixture->e4, fixture->e2 };
  const gint64 goals_b[] = { 0, fixture->e2_goal };

  assert_rows (rows_a, episodes_a, goals_a, G_N_ELEMENTS (episodes_a));
  assert_rows (rows_b, episodes_b, goals_b, G_N_ELEMENTS (episodes_b));
}

static void
test_child_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  CtOutcomesFilter filter = { .child_id = fixture->child_b };
  g_autoptr(GListModel) rows = list (fixture, &filter);
  const gint64 episodes[] = { fixture->e4, fixture->e2 };
  const gint64 goals[] = { 0, fixture->e2_goal };

  assert_rows (rows, episodes, goals, G_N_ELEMENTS (episodes));
}

/* Episodes under way in the range, both ends included: e1 ends on its first
 * day and e2 inside it; e4 ended before it and e3 starts after it. */
static void
test_date_range (Fixture       *fixture,
                 gconstpointer  data)
{
  CtOutcomesFilter range = { .from = "2024-12-01", .to = "2025-01-31" };
  CtOutcomesFilter from_only = { .from = "2025-01-16" };
  CtOutcomesFilter to_only = { .to = "2024-04-30" };
  g_autoptr(GListModel) rows = list (fixture, &range);
  g_autoptr(GListModel) rows_from = list (fixture, &from_only);
  g_autoptr(GListModel) rows_to = list (fixture, &to_only);
  const gint64 episodes[] = { fixture->e2, fixture->e1, fixture->e1, fixture->e1 };
  const gint64 goals[] = { fixture->e2_goal, fixture->e1_goals[0], fixture->e1_goals[1],
                           fixture->e1_goals[2] };
  const gint64 open_goal = 0;

  assert_rows (rows, episodes, goals, G_N_ELEMENTS (episodes));
  assert_rows (rows_from, &fixture->e3, &open_goal, 1);
  assert_rows (rows_to, &episodes[1], &goals[1], 3);
}

/* What to chase: goals of ended episodes with no end rating, and ended
 * episodes with no goals; never an open episode. */
static void
test_ended_without_end_rating (Fixture       *fixture,
                               gconstpointer  data)
{
  CtOutcomesFilter missing = { .ended_without_end_rating = TRUE };
  CtOutcomesFilter missing_a = { .ended_without_end_rating = TRUE,
                                 .clinician_id = fixture->records.staff_id };
  g_autoptr(GListModel) rows = list (fixture, &missing);
  g_autoptr(GListModel) rows_a = list (fixture, &missing_a);
  const gint64 episodes[] = { fixture->e4, fixture->e2, fixture->e1 };
  const gint64 goals[] = { 0, fixture->e2_goal, fixture->e1_goals[2] };

  assert_rows (rows, episodes, goals, G_N_ELEMENTS (episodes));
  assert_rows (rows_a, &fixture->e1, &fixture->e1_goals[2], 1);
}

/* The scores read from the ratings agree with the query, goal by goal. */
static void
test_scores_from_ratings (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GListModel) rows = list (fixture, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      CtOutcomeRow *row = row_at (rows, i);
      const CtGboScores *expected = ct_outcome_row_get_scores (row);
      CtFilter filter = { .goal_id = ct_outcome_row_get_goal_id (row) };
      g_autoptr(GListModel) ratings = NULL;
      g_autoptr(GError) error = NULL;
      CtGboScores scores;

      if (filter.goal_id == 0)
        continue;
      ratings = ct_store_list (fixture->records.db, ct_kind_lookup ("goal_rating"), &filter,
                               &error);
      g_assert_no_error (error);
      ct_gbo_scores_from_ratings (&scores, ratings);
      g_assert_cmpfloat (scores.baseline, ==, expected->baseline);
      g_assert_cmpfloat (scores.latest, ==, expected->latest);
      g_assert_cmpfloat (scores.end, ==, expected->end);
    }
}

static void
test_classify_change (void)
{
  const double t = CT_GBO_RELIABLE_CHANGE;

  g_assert_cmpfloat (CT_GBO_RELIABLE_CHANGE, ==, 2.45);
  g_assert_cmpint (ct_gbo_classify_change (2.45, t), ==, CT_GBO_CHANGE_IMPROVED);
  g_assert_cmpint (ct_gbo_classify_change (2.4, t), ==, CT_GBO_CHANGE_NONE);
  g_assert_cmpint (ct_gbo_classify_change (0, t), ==, CT_GBO_CHANGE_NONE);
  g_assert_cmpint (ct_gbo_classify_change (-2.4, t), ==, CT_GBO_CHANGE_NONE);
  g_assert_cmpint (ct_gbo_classify_change (-2.45, t), ==, CT_GBO_CHANGE_DETERIORATED);
  g_assert_cmpint (ct_gbo_classify_change (10, t), ==, CT_GBO_CHANGE_IMPROVED);
  /* Another threshold moves a change of 2.5 across the line, exactly. */
  g_assert_cmpint (ct_gbo_classify_change (2.5, 2.5), ==, CT_GBO_CHANGE_IMPROVED);
  g_assert_cmpint (ct_gbo_classify_change (2.5, 2.55), ==, CT_GBO_CHANGE_NONE);
  g_assert_cmpint (ct_gbo_classify_change (-3.0, 3.0), ==, CT_GBO_CHANGE_DETERIORATED);
  g_assert_cmpint (ct_gbo_classify_change (1.0, 1.0), ==, CT_GBO_CHANGE_IMPROVED);
}

/* The Outcomes view's rows carry the threshold of the preferences: at
 * 5.00, E1's +4.0 and −2.5 are no reliable change. */
static void
test_threshold_preference (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;
  const CtGboScores *scores;

  g_assert_true (ct_preferences_set_threshold (fixture->records.db, 500, &error));
  g_assert_no_error (error);
  rows = ct_outcomes_list (fixture->records.db, NULL, &error);
  g_assert_no_error (error);
  scores = ct_outcome_row_get_scores (row_at (rows, 3));
  g_assert_cmpfloat (scores->threshold, ==, 5.0);
  g_assert_cmpint (ct_gbo_scores_classify (scores), ==, CT_GBO_CHANGE_NONE);
  g_assert_cmpint (ct_gbo_scores_classify (ct_outcome_row_get_scores (row_at (rows, 4))), ==,
                   CT_GBO_CHANGE_NONE);
}

static void
test_empty_file (void)
{
  RecordsFixture fixture = { 0 };
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;

  records_fixture_setup (&fixture, NULL);
  rows = ct_outcomes_list (fixture.db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);

  ct_database_close (fixture.db);
  g_clear_object (&rows);
  rows = ct_outcomes_list (fixture.db, NULL, &error);
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CLOSED);
  g_assert_null (rows);
  records_fixture_teardown (&fixture, NULL);
}

/* My Caseload: clinician A's open episodes on a day, with what is due.
 * E3 (open, no goals) is listed with nothing due; a new episode with a goal
 * rated on 2025-03-01 needs a review six weeks later; an end rating with
 * no end date asks for the end date. Ended episodes, other clinicians'
 * and episodes not started by that day are left out. */
static void
test_caseload (Fixture       *fixture,
               gconstpointer  data)
{
  CtDatabase *db = fixture->records.db;
  gint64 e5 = records_insert_episode (db, fixture->child_b, fixture->records.staff_id,
                                      "2025-02-15", NULL);
  gint64 goal = records_insert_goal (db, e5, "1");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) ended = NULL;
  g_autoptr(GError) error = NULL;
  CtCaseloadEntry *entry;

  records_insert_episode (db, fixture->records.child_id, fixture->records.staff_id,
                          "2025-05-01", NULL);
  records_rate (db, goal, "2025-03-01", "baseline", "3");
  {
    g_autofree char *staff = records_id_text (fixture->records.staff_id);
    g_autofree char *child = records_id_text (fixture->child_b);

    records_insert (db, "consultation", "date", "2025-03-20", "clinician", staff, "child", child,
                    "requested_by", "iro", "topics", "risk", "mode", "video",
                    "duration_minutes", "60", "attendees", "3", "outcome", "advice_given", NULL);
  }

  before = ct_caseload_list (db, fixture->records.staff_id, "2025-04-01", 6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 2);
  entry = g_ptr_array_index (before, 0);
  g_assert_cmpint (entry->referral_id, ==, fixture->e3);
  g_assert_cmpint (entry->due, ==, CT_CASELOAD_DUE_NOTHING);
  g_assert_null (entry->last_contact);
  entry = g_ptr_array_index (before, 1);
  g_assert_cmpint (entry->referral_id, ==, e5);
  g_assert_cmpstr (entry->child_reference, ==, "TEST-0002");
  g_assert_cmpstr (entry->start_date, ==, "2025-02-15");
  g_assert_cmpstr (entry->last_rating, ==, "2025-03-01");
  g_assert_cmpstr (entry->last_contact, ==, "2025-03-20");
  g_assert_cmpint (entry->due, ==, CT_CASELOAD_DUE_NOTHING);

  /* Six weeks after 2025-03-01 is 2025-04-12: due from the day after. */
  after = ct_caseload_list (db, fixture->records.staff_id, "2025-04-12", 6, &error);
  g_assert_cmpint (((CtCaseloadEntry *) g_ptr_array_index (after, 1))->due, ==,
                   CT_CASELOAD_DUE_NOTHING);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ct_caseload_list (db, fixture->records.staff_id, "2025-04-13", 6, &error);
  g_assert_cmpint (((CtCaseloadEntry *) g_ptr_array_index (after, 1))->due, ==,
                   CT_CASELOAD_DUE_REVIEW);

  records_rate (db, goal, "2025-04-20", "end", "8");
  ended = ct_caseload_list (db, fixture->records.staff_id, "2025-04-21", 6, &error);
  g_assert_cmpint (((CtCaseloadEntry *) g_ptr_array_index (ended, 1))->due, ==,
                   CT_CASELOAD_DUE_END_DATE);
}

/* Test Child A's records, newest first, with a consultation and an SDQ
 * score added to the episodes above (and Test Child B's left out). */
static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct { CtTimelineEvent event; const char *date; } expected[] = {
    { CT_TIMELINE_CONSULTED, "2025-03-05" },
    { CT_TIMELINE_STARTED, "2025-02-01" }, { CT_TIMELINE_REFERRED, "2025-02-01" },
    { CT_TIMELINE_SDQ, "2025-01-10" },
    { CT_TIMELINE_ENDED, "2024-12-01" }, { CT_TIMELINE_RATED, "2024-12-01" },
    { CT_TIMELINE_RATED, "2024-12-01" }, { CT_TIMELINE_RATED, "2024-12-01" },
    { CT_TIMELINE_RATED, "2024-09-01" }, { CT_TIMELINE_RATED, "2024-08-01" },
    { CT_TIMELINE_RATED, "2024-04-10" }, { CT_TIMELINE_RATED, "2024-04-10" },
    { CT_TIMELINE_RATED, "2024-04-10" },
    { CT_TIMELINE_GOAL_SET, "2024-04-10" }, { CT_TIMELINE_GOAL_SET, "2024-04-10" },
    { CT_TIMELINE_GOAL_SET, "2024-04-10" },
    { CT_TIMELINE_STARTED, "2024-04-01" }, { CT_TIMELINE_REFERRED, "2024-04-01" },
  };
  CtDatabase *db = fixture->records.db;
  g_autofree char *child = records_id_text (fixture->records.child_id);
  g_autofree char *clinician = records_id_text (fixture->records.staff_id);
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(GError) error = NULL;
  gint64 consultation;

  consultation = records_insert (db, "consultation", "date", "2025-03-05", "clinician", clinician,
                                 "child", child, "requested_by", "iro", "topics", "risk",
                                 "mode", "phone", "duration_minutes", "45", "attendees", "2",
                                 "outcome", "advice_given", "notes", "Invented note", NULL);
  records_insert (db, "sdq_score", "child", child, "date", "2025-01-10", "informant", "carer",
                  "total", "15", NULL);

  timeline = ct_timeline_list (db, fixture->records.child_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CtTimelineEntry) entry = g_list_model_get_item (timeline, i);
      const CtTimelineFacts *facts = ct_timeline_entry_get_facts (entry);

      g_assert_cmpint (facts->event, ==, expected[i].event);
      g_assert_cmpstr (facts->date, ==, expected[i].date);
      switch (facts->event)
        {
        case CT_TIMELINE_CONSULTED:
          g_assert_cmpint (facts->record_id, ==, consultation);
          g_assert_cmpstr (facts->word, ==, "advice_given");
          g_assert_cmpint (facts->number, ==, 45);
          g_assert_cmpstr (facts->staff, ==, "Test Clinician A");
          g_assert_null (facts->description);
          break;
        case CT_TIMELINE_SDQ:
          g_assert_cmpstr (facts->word, ==, "carer");
          g_assert_cmpfloat (facts->score, ==, 15);
          g_assert_null (facts->reason);
          break;
        case CT_TIMELINE_GOAL_SET:
          g_assert_cmpstr (facts->description, ==, "An invented goal");
          g_assert_cmpstr (facts->word, ==, "jointly");
          break;
        case CT_TIMELINE_ENDED:
          g_assert_cmpint (facts->record_id, ==, fixture->e1);
          g_assert_cmpstr (facts->word, ==, "planned_end");
          break;
        case CT_TIMELINE_REFERRED:
          g_assert_cmpstr (facts->word, ==, "accepted");
          break;
        case CT_TIMELINE_RATED:
          g_assert_cmpfloat (facts->score, >=, 2);
          g_assert_cmpint (facts->number, >=, 1);
          break;
        case CT_TIMELINE_STARTED:
        default:
          break;
        }
      g_assert_true (ct_timeline_event_get_kind (facts->event) ==
                     ct_kind_lookup (facts->event == CT_TIMELINE_RATED ? "goal_rating"
                                     : facts->event == CT_TIMELINE_GOAL_SET ? "goal"
                                     : facts->event == CT_TIMELINE_SDQ ? "sdq_score"
                                     : facts->event == CT_TIMELINE_CONSULTED ? "consultation"
                                     : "referral"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/outcomes/every-episode", Fixture, NULL,
              fixture_setup, test_every_episode, fixture_teardown);
  g_test_add ("/outcomes/clinician-filter", Fixture, NULL,
              fixture_setup, test_clinician_filter, fixture_teardown);
  g_test_add ("/outcomes/child-filter", Fixture, NULL,
              fixture_setup, test_child_filter, fixture_teardown);
  g_test_add ("/outcomes/date-range", Fixture, NULL,
              fixture_setup, test_date_range, fixture_teardown);
  g_test_add ("/outcomes/ended-without-end-rating", Fixture, NULL,
              fixture_setup, test_ended_without_end_rating, fixture_teardown);
  g_test_add ("/outcomes/scores-from-ratings", Fixture, NULL,
              fixture_setup, test_scores_from_ratings, fixture_teardown);
  g_test_add ("/outcomes/caseload", Fixture, NULL,
              fixture_setup, test_caseload, fixture_teardown);
  g_test_add_func ("/outcomes/classify-change", test_classify_change);
  g_test_add ("/outcomes/threshold-preference", Fixture, NULL,
              fixture_setup, test_threshold_preference, fixture_teardown);
  g_test_add_func ("/outcomes/empty-file", test_empty_file);
  g_test_add ("/outcomes/timeline", Fixture, NULL,
              fixture_setup, test_timeline, fixture_teardown);

  return g_test_run ();
}
