/* test-sdq-prompt.c: the children DOMAIN.md's SDQ prompt selects, at its
 * boundaries
 *
 * Today is RECORDS_TODAY (2025-06-30); with 90 days, a consultation on or
 * after 2025-04-01 is recent. Each child below is built to sit on one edge:
 *
 *   P01  17, nothing before                     concern: prompted
 *   P02  16, nothing before                     borderline, not higher: no
 *   P03  13 then 14                             normal → borderline: prompted
 *   P04  14 then 16                             borderline both: no
 *   P05  16 then 17                             → concern: prompted
 *   P06  17 then 13                             down: no
 *   P07  20, consultation on 2025-04-01         recent (90 days ago): no
 *   P08  20, consultation on 2025-03-31         91 days ago: prompted
 *   P09  20, an open episode                    no
 *   P10  20, an episode that ended 2025-05-01   not open: prompted, 60 days
 *   P11  20, then a reason and no total         latest total 20: prompted
 *   P12  20 dated after today                   not yet: no
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-sdq-prompt"

#include "config.h"

#include "ct-preferences.h"
#include "ct-sdq-prompt.h"
#include "records-fixture.h"

static gint64
add_child (CtDatabase *db,
           const char *reference)
{
  return records_insert (db, "child", "reference", reference, "name", "Invented Child",
                         "date_of_birth", "2013-04-05", "legal_status", "looked_after",
                         "placement_type", "in_house_foster", "placement_area", "in_area",
                         NULL);
}

static void
add_score (CtDatabase *db,
           gint64      child_id,
           const char *date,
           const char *total,
           const char *reason)
{
  g_autofree char *child = records_id_text (child_id);

  records_insert (db, "sdq_score", "child", child, "date", date, "informant", "carer",
                  "total", total, "reason", reason, NULL);
}

static void
add_consultation (RecordsFixture *fixture,
                  gint64          child_id,
                  const char     *date)
{
  g_autofree char *child = records_id_text (child_id);
  g_autofree char *clinician = records_id_text (fixture->staff_id);

  records_insert (fixture->db, "consultation", "date", date, "clinician", clinician,
                  "child", child, "requested_by", "social_worker", "topics", "risk",
                  "mode", "video", "duration_minutes", "30", "attendees", "2",
                  "outcome", "advice_given", NULL);
}

/* Scores one child per line: "P03", "13", "14" (oldest first, a month apart). */
static gint64
add_scored_child (CtDatabase *db,
                  const char *reference,
                  const char *first,
                  const char *second)
{
  gint64 id = add_child (db, reference);

  add_score (db, id, "2025-01-10", first, NULL);
  if (second != NULL)
    add_score (db, id, "2025-02-10", second, NULL);
  return id;
}

static void
fill (RecordsFixture *fixture)
{
  CtDatabase *db = fixture->db;
  gint64 id;

  add_scored_child (db, "P01", "17", NULL);
  add_scored_child (db, "P02", "16", NULL);
  add_scored_child (db, "P03", "13", "14");
  add_scored_child (db, "P04", "14", "16");
  add_scored_child (db, "P05", "16", "17");
  add_scored_child (db, "P06", "17", "13");
  id = add_scored_child (db, "P07", "20", NULL);
  add_consultation (fixture, id, "2025-04-01");
  id = add_scored_child (db, "P08", "20", NULL);
  add_consultation (fixture, id, "2025-03-31");
  id = add_scored_child (db, "P09", "20", NULL);
  records_insert_episode (db, id, 0, "2025-01-01", NULL);
  id = add_scored_child (db, "P10", "20", NULL);
  records_insert_episode (db, id, 0, "2024-11-01", "2025-05-01");
  id = add_scored_child (db, "P11", "20", NULL);
  add_score (db, id, "2025-03-01", NULL, "SDQ5");
  id = add_child (db, "P12");
  ct_validate_set_today_for_testing ("2025-12-31");
  add_score (db, id, "2025-07-01", "20", NULL);
  ct_validate_set_today_for_testing (RECORDS_TODAY);
}

/* "P01 P03 ...": the references the prompt lists, in its order. */
static char *
list_references (CtDatabase *db,
                 guint       days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) prompts = ct_sdq_prompt_list (db, RECORDS_TODAY, days, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (prompts); i++)
    {
      g_autoptr(CtSdqPrompt) prompt = g_list_model_get_item (prompts, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                              ct_sdq_prompt_get_child_reference (prompt));
    }
  return g_string_free (text, FALSE);
}

static void
test_selection (RecordsFixture *fixture,
                gconstpointer   data)
{
  g_autofree char *listed = NULL;

  fill (fixture);
  listed = list_references (fixture->db, 90);
  /* highest total first, then by reference */
  g_assert_cmpstr (listed, ==, "P08 P10 P11 P01 P05 P03");
}

static void
test_day_limit (RecordsFixture *fixture,
                gconstpointer   data)
{
  g_autofree char *longer = NULL;
  g_autofree char *shorter = NULL;

  fill (fixture);
  /* 91 days: P08's consultation is recent too */
  longer = list_references (fixture->db, 91);
  g_assert_cmpstr (longer, ==, "P10 P11 P01 P05 P03");
  /* 89 days: P07's is not */
  shorter = list_references (fixture->db, 89);
  g_assert_cmpstr (shorter, ==, "P07 P08 P10 P11 P01 P05 P03");
}

static void
test_reasons (RecordsFixture *fixture,
              gconstpointer   data)
{
  static const char *const expected[] = {
    "Latest SDQ 20, concern; no contact for 91 days.",
    "Latest SDQ 20, concern; no contact for 60 days.",
    "Latest SDQ 20, concern; no contact on record.",
    "Latest SDQ 17, concern; no contact on record.",
    "Latest SDQ 17, concern; no contact on record.",
    "Latest SDQ 14, borderline, up from 13; no contact on record.",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) prompts = NULL;

  fill (fixture);
  prompts = ct_sdq_prompt_list (fixture->db, RECORDS_TODAY, 90, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (prompts), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CtSdqPrompt) prompt = g_list_model_get_item (prompts, i);
      g_autofree char *reason = ct_sdq_prompt_dup_reason (prompt);

      g_assert_cmpstr (reason, ==, expected[i]);
    }
}

/* The number of days is a preference of the records file, audited. */
static void
test_days_preference (RecordsFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (ct_preferences_get_prompt_days (fixture->db, &error), ==, 90);
  g_assert_true (ct_preferences_set_prompt_days (fixture->db, 140, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ct_preferences_get_prompt_days (fixture->db, &error), ==, 140);
  g_assert_cmpuint (records_count (fixture->db, "SELECT count (*) FROM audit_log"
                                   " WHERE record_kind = 'setting'"
                                   " AND description LIKE '%sdq_prompt_days%'"), ==, 1);
  g_assert_false (ct_preferences_set_prompt_days (fixture->db, 0, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ct_validate_set_today_for_testing (RECORDS_TODAY);

  g_test_add ("/sdq-prompt/selection", RecordsFixture, NULL,
              records_fixture_setup, test_selection, records_fixture_teardown);
  g_test_add ("/sdq-prompt/day-limit", RecordsFixture, NULL,
              records_fixture_setup, test_day_limit, records_fixture_teardown);
  g_test_add ("/sdq-prompt/reasons", RecordsFixture, NULL,
              records_fixture_setup, test_reasons, records_fixture_teardown);
  g_test_add ("/sdq-prompt/days-preference", RecordsFixture, NULL,
              records_fixture_setup, test_days_preference, records_fixture_teardown);

  return g_test_run ();
}
