/* test-validation.c: the rules every record keeps, one test per rule
 *
 * Each refusal is checked for its error code, a message that starts with
 * the field's label, and the field the record blames. Today is fixed at
 * RECORDS_TODAY. All data is invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-validation"

#include "config.h"

#include "records-fixture.h"

/* Valid records of each kind, changed one field at a time by the tests.
 * References are to ids 1 (the fixture's staff member and child). */

static CtRecord *
valid_child (void)
{
  return records_new ("child", "reference", "TEST-0002", "name", "Test Child B",
                      "date_of_birth", "2014-05-06", "legal_status", "looked_after",
                      "placement_type", "residential", "placement_area", "in_area", NULL);
}

static CtRecord *
valid_referral (void)
{
  return records_new ("referral", "child", "1", "referral_date", "2024-01-10",
                      "referral_source", "social_worker", "decision", "accepted",
                      "start_date", "2024-02-01", "end_date", "2024-08-01",
                      "end_reason", "goals_met", NULL);
}

static CtRecord *
valid_consultation (void)
{
  return records_new ("consultation", "date", "2025-01-15", "clinician", "1",
                      "requested_by", "social_worker", "topics", "risk", "mode", "video",
                      "duration_minutes", "45", "attendees", "2", "outcome", "advice_given", NULL);
}

static CtRecord *
valid_session (void)
{
  return records_new ("reflective_practice", "date", "2025-01-20", "facilitator", "1",
                      "group", "Test Group", "setting", "fostering", "status", "held",
                      "attendees", "5", "duration_minutes", "90", "rating", "4", NULL);
}

static CtRecord *
valid_rating (void)
{
  return records_new ("goal_rating", "goal", "1", "date", "2024-03-01",
                      "time_point", "baseline", "score", "3.5", NULL);
}

static CtRecord *
valid_event (void)
{
  return records_new ("training_event", "code", "TEST-TR-1", "title", "Test Training",
                      "topic", "attachment", "date", "2025-09-01", "duration_minutes", "120",
                      "audience", "foster_carers", "capacity", "20", NULL);
}

static CtRecord *
valid_attendance (void)
{
  return records_new ("training_attendance", "event", "1", "attendee_name", "Test Attendee A",
                      "role", "foster_carers", "status", "attended", "confidence_before", "4",
                      "confidence_after", "7", NULL);
}

static CtRecord *
valid_sdq (void)
{
  return records_new ("sdq_score", "child", "1", "date", "2025-03-01", "informant", "carer",
                      "total", "18", "emotional", "5", "conduct", "4", "hyperactivity", "6",
                      "peer", "3", "prosocial", "7", NULL);
}

static void
assert_valid (CtRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_record_validate (record, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ct_record_get_invalid_field (record));
}

/* Sets @field to @value (text) and asserts that validation refuses it,
 * blaming @blamed. */
static void
assert_refused_as (CtRecord   *record,
                   const char *field,
                   const char *value,
                   const char *blamed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_record_set_string_by_name (record, field, value, &error));
  g_assert_no_error (error);
  g_assert_false (ct_record_validate (record, NULL, &error));
  records_assert_error (error, CT_DATABASE_ERROR_INVALID, record, blamed);
}

static void
assert_refused (CtRecord   *record,
                const char *field,
                const char *value)
{
  assert_refused_as (record, field, value, field);
}

/* Each case starts from a valid record: prove it, so that a refusal can
 * only come from the change. */
static CtRecord *
start (CtRecord *record)
{
  assert_valid (record);
  return record;
}

/* SDQ scores: a total or a reason, never both nor neither; the four
 * difficulty subscales add up to the total. */

static const char *const sdq_scales[] = {
  "emotional", "conduct", "hyperactivity", "peer", "prosocial",
};

static void
test_sdq_total_or_reason (void)
{
  g_autoptr(CtRecord) score = start (valid_sdq ());

  assert_refused_as (score, "reason", "SDQ2", "reason");
  g_assert_true (ct_record_set_string_by_name (score, "total", "", NULL));
  g_assert_true (ct_record_set_string_by_name (score, "emotional", "", NULL));
  assert_valid (score);  /* a reason, no total, three subscales: no sum to check */
  assert_refused_as (score, "reason", "", "total");
}

static void
test_sdq_reason_words (void)
{
  g_autoptr(CtRecord) score = start (valid_sdq ());

  for (guint i = 0; i < G_N_ELEMENTS (sdq_scales); i++)
    g_assert_true (ct_record_set_string_by_name (score, sdq_scales[i], "", NULL));
  g_assert_true (ct_record_set_string_by_name (score, "total", "", NULL));
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *code = g_strdup_printf ("SDQ%u", i);

      g_assert_true (ct_record_set_string_by_name (score, "reason", code, NULL));
      assert_valid (score);
    }
  assert_refused (score, "reason", "SDQ6");
  assert_refused (score, "reason", "sdq1");
}

static void
test_sdq_subscales_add_up (void)
{
  g_autoptr(CtRecord) score = start (valid_sdq ());

  assert_refused_as (score, "peer", "4", "total");         /* 19 ≠ 18 */
  g_assert_true (ct_record_set_string_by_name (score, "total", "19", NULL));
  assert_valid (score);
  assert_refused_as (score, "total", "20", "total");
  g_assert_true (ct_record_set_string_by_name (score, "peer", "", NULL));
  assert_valid (score);  /* three of four: no sum to check */
  /* the prosocial scale is not a difficulty: it never counts */
  g_assert_true (ct_record_set_string_by_name (score, "prosocial", "0", NULL));
  assert_valid (score);
}

static void
test_sdq_ranges (void)
{
  g_autoptr(CtRecord) score = start (records_new ("sdq_score", "child", "1", "date",
                                                  "2025-03-01", "informant", "teacher",
                                                  "total", "40", NULL));

  assert_refused (score, "total", "41");
  g_assert_true (ct_record_set_string_by_name (score, "total", "0", NULL));
  assert_valid (score);
  for (guint i = 0; i < G_N_ELEMENTS (sdq_scales); i++)
    {
      assert_refused (score, sdq_scales[i], "11");
      g_assert_true (ct_record_set_string_by_name (score, sdq_scales[i], "", NULL));
    }
  assert_refused (score, "informant", "parent");
  g_assert_true (ct_record_set_string_by_name (score, "informant", "self", NULL));
  assert_refused (score, "date", "2025-07-01");  /* after RECORDS_TODAY */
}

/* Required fields */

static void
test_required_text (void)
{
  g_autoptr(CtRecord) child = start (valid_child ());

  assert_refused (child, "reference", "   ");
}

static void
test_required_date (void)
{
  g_autoptr(CtRecord) child = start (valid_child ());

  assert_refused (child, "date_of_birth", "");
}

static void
test_required_enum (void)
{
  g_autoptr(CtRecord) child = start (valid_child ());

  assert_refused (child, "legal_status", "");
}

static void
test_required_reference (void)
{
  g_autoptr(CtRecord) consultation = start (valid_consultation ());

  assert_refused (consultation, "clinician", "");
}

static void
test_required_number (void)
{
  g_autoptr(CtRecord) consultation = start (valid_consultation ());

  assert_refused (consultation, "duration_minutes", "");
}

static void
test_topics_at_least_one (void)
{
  g_autoptr(CtRecord) consultation = start (valid_consultation ());

  assert_refused (consultation, "topics", " ; ");
}

static void
test_audience_at_least_one (void)
{
  g_autoptr(CtRecord) event = start (valid_event ());

  assert_refused (event, "audience", "");
}

static void
test_optional_may_be_empty (void)
{
  g_autoptr(CtRecord) child = start (valid_child ());
  g_autoptr(CtRecord) event = start (valid_event ());
  g_autoptr(GError) error = NULL;

  ct_record_set_string_by_name (child, "gender", "", &error);
  ct_record_set_string_by_name (event, "capacity", "", &error);
  ct_record_set_string_by_name (event, "trainer", "", &error);
  g_assert_no_error (error);
  assert_valid (child);
  assert_valid (event);
}

/* Dates */

static void
test_date_not_a_date (void)
{
  g_autoptr(CtRecord) child = start (valid_child ());

  assert_refused (child, "date_of_birth", "31/01/2014");
}

static void
test_date_not_in_calendar (void)
{
  g_autoptr(CtRecord) child = start (valid_child ());
  g_autoptr(CtRecord) other = start (valid_child ());

  assert_refused (child, "date_of_birth", "2014-02-29");
  assert_refused (other, "date_of_birth", "2014-13-01");
  assert_refused (other, "date_of_birth", "2014-1-01");
}

static void
test_leap_day_is_a_date (void)
{
  g_autoptr(CtRecord) child = start (valid_child ());
  g_autoptr(GError) error = NULL;

  ct_record_set_string_by_name (child, "date_of_birth", "2012-02-29", &error);
  assert_valid (child);
}

static void
test_consultation_not_in_future (void)
{
  g_autoptr(CtRecord) consultation = start (valid_consultation ());
  g_autoptr(GError) error = NULL;

  ct_record_set_string_by_name (consultation, "date", RECORDS_TODAY, &error);
  assert_valid (consultation);
  assert_refused (consultation, "date", "2025-07-01");
}

static void
test_session_not_in_future (void)
{
  g_autoptr(CtRecord) session = start (valid_session ());

  assert_refused (session, "date", "2026-01-01");
}

static void
test_rating_not_in_future (void)
{
  g_autoptr(CtRecord) rating = start (valid_rating ());

  assert_refused (rating, "date", "2025-07-01");
}

/* A training event may be booked for a future date. */
static void
test_training_may_be_future (void)
{
  g_autoptr(CtRecord) event = start (valid_event ());

  g_assert_cmpstr (RECORDS_TODAY, <, "2025-09-01");
  assert_valid (event);
}

static void
test_start_not_before_referral (void)
{
  g_autoptr(CtRecord) referral = start (valid_referral ());

  assert_refused (referral, "start_date", "2024-01-09");
}

static void
test_end_not_before_start (void)
{
  g_autoptr(CtRecord) referral = start (valid_referral ());
  g_autoptr(GError) error = NULL;

  ct_record_set_string_by_name (referral, "end_date", "2024-02-01", &error);
  assert_valid (referral);
  assert_refused (referral, "end_date", "2024-01-31");
}

/* Referrals: the rules between fields */

static void
test_start_only_when_accepted (void)
{
  g_autoptr(CtRecord) referral = start (valid_referral ());

  assert_refused_as (referral, "decision", "signposted", "start_date");
}

static void
test_end_only_after_start (void)
{
  g_autoptr(CtRecord) referral = start (valid_referral ());

  assert_refused_as (referral, "start_date", "", "end_date");
}

static void
test_end_needs_reason (void)
{
  g_autoptr(CtRecord) referral = start (valid_referral ());

  assert_refused (referral, "end_reason", "");
}

static void
test_reason_needs_end (void)
{
  g_autoptr(CtRecord) referral = start (valid_referral ());

  assert_refused_as (referral, "end_date", "", "end_reason");
}

static void
test_pending_referral_without_dates (void)
{
  g_autoptr(CtRecord) referral = records_new ("referral", "child", "1",
                                              "referral_date", "2024-01-10",
                                              "referral_source", "health",
                                              "decision", "pending", NULL);

  assert_valid (referral);
}

/* Numbers */

static void
test_score_range (void)
{
  g_autoptr(CtRecord) rating = start (valid_rating ());
  g_autoptr(GError) error = NULL;

  ct_record_set_string_by_name (rating, "score", "0", &error);
  assert_valid (rating);
  ct_record_set_string_by_name (rating, "score", "10", &error);
  assert_valid (rating);
  assert_refused (rating, "score", "10.5");
}

static void
test_score_half_points (void)
{
  g_autoptr(CtRecord) rating = start (valid_rating ());

  assert_refused (rating, "score", "6.3");
}

static void
test_confidence_range (void)
{
  g_autoptr(CtRecord) low = start (valid_attendance ());
  g_autoptr(CtRecord) high = start (valid_attendance ());

  assert_refused (low, "confidence_before", "0");
  assert_refused (high, "confidence_after", "11");
}

static void
test_session_rating_range (void)
{
  g_autoptr(CtRecord) low = start (valid_session ());
  g_autoptr(CtRecord) high = start (valid_session ());

  assert_refused (low, "rating", "0.5");
  assert_refused (high, "rating", "5.5");
}

static void
test_count_not_negative (void)
{
  g_autoptr(CtRecord) event = start (valid_event ());
  g_autoptr(GError) error = NULL;

  g_object_set (event, "capacity", -2, NULL);
  g_assert_false (ct_record_validate (event, NULL, &error));
  records_assert_error (error, CT_DATABASE_ERROR_INVALID, event, "capacity");
}

static void
test_consultation_attendees (void)
{
  g_autoptr(CtRecord) consultation = start (valid_consultation ());

  assert_refused (consultation, "attendees", "0");
}

static void
test_consultation_duration (void)
{
  g_autoptr(CtRecord) consultation = start (valid_consultation ());

  assert_refused (consultation, "duration_minutes", "0");
}

static void
test_training_duration (void)
{
  g_autoptr(CtRecord) event = start (valid_event ());

  assert_refused (event, "duration_minutes", "0");
}

static void
test_goal_number (void)
{
  g_autoptr(CtRecord) goal = records_new ("goal", "referral", "1", "number", "1",
                                          "description", "Test goal", "set_by", "child", NULL);

  assert_valid (goal);
  assert_refused (goal, "number", "0");
}

/* Reflective practice: held and cancelled sessions */

static void
test_held_needs_attendees (void)
{
  g_autoptr(CtRecord) session = start (valid_session ());

  assert_refused (session, "attendees", "0");
}

static void
test_held_needs_duration (void)
{
  g_autoptr(CtRecord) session = start (valid_session ());

  assert_refused (session, "duration_minutes", "0");
}

static void
test_cancelled_has_no_attendees (void)
{
  g_autoptr(CtRecord) session = start (valid_session ());
  g_autoptr(GError) error = NULL;

  ct_record_set_string_by_name (session, "rating", "", &error);
  assert_refused_as (session, "status", "cancelled", "attendees");
  ct_record_set_string_by_name (session, "attendees", "0", &error);
  ct_record_set_string_by_name (session, "duration_minutes", "0", &error);
  g_assert_no_error (error);
  assert_valid (session);
}

static void
test_cancelled_is_not_rated (void)
{
  g_autoptr(CtRecord) session = start (valid_session ());
  g_autoptr(GError) error = NULL;

  ct_record_set_string_by_name (session, "attendees", "0", &error);
  assert_refused_as (session, "status", "cancelled", "rating");
}

/* Enumeration words */

static void
test_enum_word_only (void)
{
  g_autoptr(CtRecord) child = start (valid_child ());
  g_autoptr(GError) error = NULL;

  ct_record_set_string_by_name (child, "gender", "Female", &error);
  g_assert_false (ct_record_validate (child, NULL, &error));
  records_assert_error (error, CT_DATABASE_ERROR_INVALID, child, "gender");
  g_assert_nonnull (strstr (error->message, "not_stated"));
}

static void
test_enum_list_words_only (void)
{
  g_autoptr(CtRecord) consultation = start (valid_consultation ());

  assert_refused (consultation, "topics", "risk;invented_topic");
}

static void
test_enum_list_once_each (void)
{
  g_autoptr(CtRecord) consultation = start (valid_consultation ());
  const char *topics[] = { "risk", "risk", NULL };
  g_autoptr(GError) error = NULL;

  g_object_set (consultation, "topics", topics, NULL);
  g_assert_false (ct_record_validate (consultation, NULL, &error));
  records_assert_error (error, CT_DATABASE_ERROR_INVALID, consultation, "topics");
}

/* Text that is not a value of the field's type */

static void
assert_unparsable (CtRecord   *record,
                   const char *field,
                   const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ct_record_set_string_by_name (record, field, text, &error));
  records_assert_error (error, CT_DATABASE_ERROR_INVALID, record, field);
}

static void
test_unparsable_text (void)
{
  g_autoptr(CtRecord) consultation = valid_consultation ();
  g_autoptr(CtRecord) child = valid_child ();
  g_autoptr(CtRecord) rating = valid_rating ();

  assert_unparsable (consultation, "attendees", "three");
  assert_unparsable (consultation, "attendees", "-1");
  assert_unparsable (consultation, "duration_minutes", "4.5");
  assert_unparsable (consultation, "clinician", "Test Clinician A");
  assert_unparsable (child, "uasc", "maybe");
  assert_unparsable (rating, "score", "six");
  assert_unparsable (rating, "score", "-1");
}

/* Checks against the database */

static void
test_reference_must_exist (RecordsFixture *fixture,
                           gconstpointer   data)
{
  g_autoptr(CtRecord) consultation = valid_consultation ();
  g_autoptr(GError) error = NULL;

  g_object_set (consultation, "child-id", (gint64) 999, NULL);
  g_assert_false (ct_store_insert (fixture->db, consultation, &error));
  records_assert_error (error, CT_DATABASE_ERROR_INVALID, consultation, "child");
}

/* The store refuses what validation refuses, and blames the same field. */
static void
test_store_validates (RecordsFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(CtRecord) child = valid_child ();
  g_autoptr(GError) error = NULL;
  guint entries = records_count_rows (fixture->db, "audit_log");

  ct_record_set_string_by_name (child, "date_of_birth", "2025-07-01", &error);
  g_assert_false (ct_store_insert (fixture->db, child, &error));
  records_assert_error (error, CT_DATABASE_ERROR_INVALID, child, "date_of_birth");
  g_assert_cmpint (ct_record_get_id (child), ==, 0);
  g_assert_cmpuint (records_count_rows (fixture->db, "child"), ==, 1);
  g_assert_cmpuint (records_count_rows (fixture->db, "audit_log"), ==, entries);
}

static void
add_fixture_test (const char    *path,
                  void         (*func) (RecordsFixture *, gconstpointer))
{
  g_test_add (path, RecordsFixture, NULL, records_fixture_setup, func, records_fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ct_validate_set_today_for_testing (RECORDS_TODAY);

  g_test_add_func ("/validation/required/text", test_required_text);
  g_test_add_func ("/validation/required/date", test_required_date);
  g_test_add_func ("/validation/required/enum", test_required_enum);
  g_test_add_func ("/validation/required/reference", test_required_reference);
  g_test_add_func ("/validation/required/number", test_required_number);
  g_test_add_func ("/validation/required/topics", test_topics_at_least_one);
  g_test_add_func ("/validation/required/audience", test_audience_at_least_one);
  g_test_add_func ("/validation/optional", test_optional_may_be_empty);
  g_test_add_func ("/validation/date/format", test_date_not_a_date);
  g_test_add_func ("/validation/date/calendar", test_date_not_in_calendar);
  g_test_add_func ("/validation/date/leap-day", test_leap_day_is_a_date);
  g_test_add_func ("/validation/date/consultation-future", test_consultation_not_in_future);
  g_test_add_func ("/validation/date/session-future", test_session_not_in_future);
  g_test_add_func ("/validation/date/rating-future", test_rating_not_in_future);
  g_test_add_func ("/validation/date/training-future", test_training_may_be_future);
  g_test_add_func ("/validation/date/start-before-referral", test_start_not_before_referral);
  g_test_add_func ("/validation/date/end-before-start", test_end_not_before_start);
  g_test_add_func ("/validation/referral/start-only-accepted", test_start_only_when_accepted);
  g_test_add_func ("/validation/referral/end-only-after-start", test_end_only_after_start);
  g_test_add_func ("/validation/referral/end-needs-reason", test_end_needs_reason);
  g_test_add_func ("/validation/referral/reason-needs-end", test_reason_needs_end);
  g_test_add_func ("/validation/referral/pending", test_pending_referral_without_dates);
  g_test_add_func ("/validation/number/score-range", test_score_range);
  g_test_add_func ("/validation/number/score-half-points", test_score_half_points);
  g_test_add_func ("/validation/number/confidence", test_confidence_range);
  g_test_add_func ("/validation/number/session-rating", test_session_rating_range);
  g_test_add_func ("/validation/number/count-not-negative", test_count_not_negative);
  g_test_add_func ("/validation/number/consultation-attendees", test_consultation_attendees);
  g_test_add_func ("/validation/number/consultation-duration", test_consultation_duration);
  g_test_add_func ("/validation/number/training-duration", test_training_duration);
  g_test_add_func ("/validation/number/goal-number", test_goal_number);
  g_test_add_func ("/validation/session/held-attendees", test_held_needs_attendees);
  g_test_add_func ("/validation/session/held-duration", test_held_needs_duration);
  g_test_add_func ("/validation/session/cancelled-attendees", test_cancelled_has_no_attendees);
  g_test_add_func ("/validation/session/cancelled-rating", test_cancelled_is_not_rated);
  g_test_add_func ("/validation/enum/word", test_enum_word_only);
  g_test_add_func ("/validation/enum/list-words", test_enum_list_words_only);
  g_test_add_func ("/validation/enum/list-once", test_enum_list_once_each);
  g_test_add_func ("/validation/text/unparsable", test_unparsable_text);
  g_test_add_func ("/validation/sdq/total-or-reason", test_sdq_total_or_reason);
  g_test_add_func ("/validation/sdq/reason-words", test_sdq_reason_words);
  g_test_add_func ("/validation/sdq/subscales-add-up", test_sdq_subscales_add_up);
  g_test_add_func ("/validation/sdq/ranges", test_sdq_ranges);
  add_fixture_test ("/validation/database/reference", test_reference_must_exist);
  add_fixture_test ("/validation/database/store", test_store_validates);

  return g_test_run ();
}
