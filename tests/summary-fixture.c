/* summary-fixture.c: the hand-worked records of the committee summary tests
 *
 * The records go in through the records API (ct_store_insert()), so they
 * pass the same validation as records typed in or imported. The period is
 * 2024/25 Q2, 2024-07-01 to 2024-09-30; every table has rows on both edges
 * of it and on the days just outside it. The comments say what each row is
 * there to test; test-summary.c lists the figures, worked out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "summary-fixture"

#include "config.h"

#include <sys/wait.h>

#include "ct-import.h"
#include "records-fixture.h"
#include "summary-fixture.h"
#include "test-store.h"

#define CLINICIAN "Dr Invented Example"

/* A training event needs an audience, which no figure counts: every event
 * of the fixture has this one. */
#define EVENT_AUDIENCE "foster_carers"

/* Children C01 to C08 are referred in the quarter, on or around a
 * birthday that moves them into the next age band. */
static const FixtureChild children[] = {
  { "C01", "2020-07-01", "looked_after", "in_house_foster", "in_area", FALSE },   /* 4 today */
  { "C02", "2019-10-01", "looked_after", "in_house_foster", "in_area", FALSE },   /* 4, 5 tomorrow */
  { "C03", "2019-08-01", "looked_after", "in_house_foster", "in_area", FALSE },   /* 5 today */
  { "C04", "2013-08-03", "looked_after", "in_house_foster", "in_area", FALSE },   /* 10, 11 tomorrow */
  { "C05", "2013-08-03", "looked_after", "in_house_foster", "in_area", FALSE },   /* 11 today */
  { "C06", "2006-08-04", "looked_after", "residential", "out_of_area", FALSE },    /* 18 today */
  { "C07", "2006-08-06", "care_leaver", "residential", "out_of_area", FALSE },     /* 17, 18 tomorrow */
  { "C08", "2008-08-06", "edge_of_care", "residential", "out_of_area", FALSE },    /* 16 today */
  /* Children of earlier episodes: not received in the quarter. */
  { "C09", "2012-01-01", "adopted", "kinship", "in_area", TRUE },
  { "C10", "2012-01-01", "adopted", "kinship", "in_area", TRUE },
  { "C11", "2012-01-01", "adopted", "kinship", "in_area", TRUE },
  { "C12", "2012-01-01", "adopted", "kinship", "in_area", TRUE },
  { "C13", "2012-01-01", "adopted", "kinship", "in_area", TRUE },
  { "C14", "2012-01-01", "adopted", "kinship", "in_area", TRUE },
  { "C15", "2012-01-01", "adopted", "kinship", "in_area", TRUE },
  { "C16", "2012-01-01", "adopted", "kinship", "in_area", TRUE },
};

static const FixtureReferral referrals[] = {
  /* Received in the quarter, on its first and its last day among them. */
  { "C01", "2024-07-01", "social_worker", "accepted", "2024-07-15", NULL, NULL },
  { "C02", "2024-09-30", "social_worker", "accepted", "2024-09-30", NULL, NULL },
  { "C03", "2024-08-01", "social_worker", "accepted", "2024-08-10", "2024-09-20", "disengaged" },
  { "C04", "2024-08-02", "social_worker", "accepted", "2024-08-20", NULL, NULL },
  { "C05", "2024-08-03", "social_worker", "accepted", NULL, NULL, NULL },   /* not started */
  { "C06", "2024-08-04", "iro", "accepted", "2024-09-01", NULL, NULL },
  { "C07", "2024-08-05", "iro", "signposted", NULL, NULL, NULL },
  { "C08", "2024-08-06", "health", "signposted", NULL, NULL, NULL },
  /* Received the day before and the day after. */
  { "C09", "2024-06-30", "health", "pending", NULL, NULL, NULL },
  { "C10", "2024-10-01", "iro", "declined", NULL, NULL, NULL },
  /* Earlier episodes. */
  { "C11", "2023-01-10", "social_worker", "accepted", "2023-02-01", NULL, NULL },     /* open */
  { "C12", "2023-03-01", "iro", "accepted", "2023-03-15", "2024-07-01", "goals_met" }, /* ends day 1 */
  { "C13", "2023-05-01", "health", "accepted", "2023-05-02", "2024-06-30", "planned_end" }, /* before */
  { "C14", "2023-06-01", "social_worker", "accepted", "2023-06-05", "2024-10-01", "transferred" },
  { "C15", "2024-05-01", "social_worker", "accepted", "2024-07-01", "2024-09-30", "planned_end" },
  { "C16", "2024-06-01", "social_worker", "declined", NULL, NULL, NULL },
  { "C09", "2024-06-15", "social_worker", "accepted", "2024-10-01", NULL, NULL },    /* starts after */
  { "C10", "2024-02-01", "foster_carer", "accepted", "2024-02-10", "2024-08-15", "moved_away" },
};

static const FixtureConsultation consultations[] = {
  { "2024-07-01", "C01", "social_worker", "mental_health;risk", "in_person", 60, "advice_given" },
  { "2024-09-30", "C01", "social_worker", "placement_fragility", "video", 45, "advice_given" },
  { "2024-07-10", NULL, "social_worker", "network_conflict;family_contact;other", "phone", 30,
    "further_consultation" },
  { "2024-07-11", "C02", "social_worker", "placement_fragility", "in_person", 50, "advice_given" },
  { "2024-07-12", "C03", "social_worker", "placement_fragility;transitions", "in_person", 20,
    "advice_given" },
  { "2024-07-13", "C03", "iro", "placement_fragility", "video", 15, "advice_given" },
  { "2024-07-14", NULL, "iro", "placement_fragility", "video", 40, "referral_accepted" },
  { "2024-07-15", "C04", "foster_carer", "mental_health", "video", 25, "signposted" },
  { "2024-07-16", "C05", "foster_carer", "sibling_assessment", "in_person", 35, "other" },
  { "2024-07-17", "C06", "foster_carer", "reunification", "in_person", 31, "advice_given" },
  { "2024-07-18", "C06", "social_worker", "placement_fragility", "video", 60, "advice_given" },
  /* Outside the quarter. */
  { "2024-06-30", "C07", "health", "risk", "in_person", 60, "other" },
  { "2024-10-01", "C08", "health", "risk", "phone", 90, "other" },
};

static const FixtureSession sessions[] = {
  { "2024-07-01", "fostering", "held", 8, 90, 4.0 },
  { "2024-07-08", "fostering", "held", 6, 60, 3.5 },
  { "2024-07-15", "residential_home", "held", 5, 90, FIXTURE_NONE },
  { "2024-07-22", "fostering", "cancelled", 0, 90, FIXTURE_NONE },
  { "2024-09-30", "fostering", "held", 7, 75, 4.5 },
  { "2024-08-05", "fostering", "held", 4, 60, 2.0 },
  { "2024-08-12", "fostering", "held", 3, 45, 3.25 },
  /* Outside the quarter. */
  { "2024-06-30", "education", "held", 10, 60, 1.0 },
  { "2024-10-01", "other", "cancelled", 0, 60, FIXTURE_NONE },
};

static const FixtureGoal goals[] = {
  /* C12's episode ended on the quarter's first day. */
  { "C12", "2023-03-01", 1, 2.0, FIXTURE_NONE, 4.5 },       /* +2.5: improved */
  { "C12", "2023-03-01", 2, 3.0, FIXTURE_NONE, 5.0 },       /* +2.0: no reliable change */
  { "C12", "2023-03-01", 3, 4.0, 6.0, FIXTURE_NONE },       /* no end score */
  /* C15's ended on the last day. */
  { "C15", "2024-05-01", 1, 6.0, FIXTURE_NONE, 3.5 },       /* -2.5: deteriorated */
  { "C15", "2024-05-01", 2, 5.0, FIXTURE_NONE, 3.0 },       /* -2.0: no reliable change */
  { "C15", "2024-05-01", 3, FIXTURE_NONE, FIXTURE_NONE, 9.0 }, /* no baseline */
  /* C03's started and ended in the quarter. */
  { "C03", "2024-08-01", 1, 1.0, FIXTURE_NONE, 6.5 },       /* +5.5 */
  { "C03", "2024-08-01", 2, 0.0, FIXTURE_NONE, 2.5 },       /* +2.5 */
  { "C03", "2024-08-01", 3, 7.5, FIXTURE_NONE, 7.5 },       /* 0 */
  /* C10's ended in the quarter without paired data. */
  { "C10", "2024-02-01", 1, 3.0, FIXTURE_NONE, FIXTURE_NONE },
  /* Paired, but the episodes did not end in the quarter. */
  { "C14", "2023-06-01", 1, 1.0, FIXTURE_NONE, 9.0 },
  { "C13", "2023-05-01", 1, 2.0, FIXTURE_NONE, 8.0 },
};

static const FixtureEvent events[] = {
  { "TR-A", "attachment", "2024-07-01", 180 },
  { "TR-B", "nvr", "2024-09-30", 90 },
  { "TR-C", "attachment", "2024-08-01", 45 },
  { "TR-Z", "sensory", "2024-06-30", 120 },
  { "TR-Y", "sensory", "2024-10-01", 60 },
};

static const FixtureAttendance attendances[] = {
  { "TR-A", "Carer Alpha", "foster_carers", "attended", 3, 7 },
  { "TR-A", "Carer Beta", "foster_carers", "attended", 4, 8 },
  { "TR-A", "Carer Gamma", "kinship_carers", "attended", 5, 6 },
  { "TR-A", "Carer Delta", "social_workers", "did_not_attend", 1, 10 },  /* rated, not there */
  { "TR-A", "Carer Epsilon", "social_workers", "cancelled", 2, 9 },
  { "TR-B", "Carer Alpha", "foster_carers", "attended", 6, 9 },          /* the same person */
  { "TR-B", "Carer Zeta", "residential_staff", "attended", 2, 0 },       /* rated before only */
  { "TR-B", "Carer Eta", "foster_carers", "did_not_attend", 0, 0 },
  { "TR-B", "Carer Theta", "other", "booked", 0, 0 },
  { "TR-C", "Carer Iota", "education_staff", "did_not_attend", 0, 0 },
  { "TR-C", "Carer Kappa", "foster_carers", "did_not_attend", 0, 0 },
  { "TR-C", "Carer Lambda", "foster_carers", "did_not_attend", 0, 0 },
  { "TR-C", "Carer Mu", "foster_carers", "cancelled", 0, 0 },
  { "TR-Z", "Carer Nu", "foster_carers", "attended", 1, 1 },
  { "TR-Y", "Carer Xi", "other", "attended", 2, 2 },
};

/* Rows */

/* @value as text, or NULL for FIXTURE_NONE. */
static char *
optional_number (double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  return value == FIXTURE_NONE ? NULL : g_strdup (g_ascii_dtostr (text, sizeof text, value));
}

/* The id that a look-up found, as text. */
static char *
found (gint64   id,
       GError **error)
{
  g_assert_no_error (*error);
  return records_id_text (id);
}

static char *
clinician_id (CtDatabase *db)
{
  g_autoptr(GError) error = NULL;

  return found (ct_store_find_staff (db, CLINICIAN, &error), &error);
}

/* The child's id, or NULL for no child. */
static char *
child_id (CtDatabase *db,
          const char *reference)
{
  g_autoptr(GError) error = NULL;

  return reference != NULL ? found (ct_store_find_child (db, reference, &error), &error) : NULL;
}

CtDatabase *
fixture_create (const char *path)
{
  CtDatabase *db = test_store_create (path, "Invented Administrator");

  records_insert (db, "staff", "name", CLINICIAN, "role", "clinical_psychologist", NULL);
  /* The CLI's --staff chooses among the file's staff. */
  records_insert (db, "staff", "name", "Invented Administrator", "role", "administrator", NULL);
  return db;
}

void
fixture_add_child (CtDatabase         *db,
                   const FixtureChild *child)
{
  records_insert (db, "child", "reference", child->reference, "name", "Invented Child",
                  "date_of_birth", child->date_of_birth, "legal_status", child->legal_status,
                  "placement_type", child->placement_type,
                  "placement_area", child->placement_area, "uasc", child->uasc ? "yes" : "no",
                  NULL);
}

void
fixture_add_referral (CtDatabase            *db,
                      const FixtureReferral *referral)
{
  g_autofree char *child = child_id (db, referral->child);
  g_autofree char *clinician = clinician_id (db);

  records_insert (db, "referral", "child", child, "referral_date", referral->referral_date,
                  "referral_source", referral->source, "decision", referral->decision,
                  "clinician", clinician, "start_date", referral->start_date,
                  "end_date", referral->end_date, "end_reason", referral->end_reason, NULL);
}

void
fixture_add_consultation (CtDatabase                *db,
                          const FixtureConsultation *consultation)
{
  g_autofree char *child = child_id (db, consultation->child);
  g_autofree char *clinician = clinician_id (db);
  g_autofree char *minutes = g_strdup_printf ("%d", consultation->minutes);

  records_insert (db, "consultation", "date", consultation->date, "clinician", clinician,
                  "child", child, "requested_by", consultation->requested_by,
                  "topics", consultation->topics, "mode", consultation->mode,
                  "duration_minutes", minutes, "attendees", "2",
                  "outcome", consultation->outcome, NULL);
}

void
fixture_add_session (CtDatabase           *db,
                     const FixtureSession *session)
{
  g_autofree char *facilitator = clinician_id (db);
  g_autofree char *attendees = g_strdup_printf ("%d", session->attendees);
  g_autofree char *minutes = g_strdup_printf ("%d", session->minutes);
  g_autofree char *rating = optional_number (session->rating);

  records_insert (db, "reflective_practice", "date", session->date,
                  "facilitator", facilitator, "group", "Invented Group",
                  "setting", session->setting, "status", session->status,
                  "attendees", attendees, "duration_minutes", minutes, "rating", rating, NULL);
}

static void
add_goal_rating (CtDatabase *db,
                 gint64      goal_id,
                 const char *time_point,
                 double      score)
{
  g_autofree char *text = optional_number (score);

  if (text != NULL)
    records_rate (db, goal_id, "2024-01-01", time_point, text);
}

void
fixture_add_goal (CtDatabase        *db,
                  const FixtureGoal *goal)
{
  g_autoptr(GError) error = NULL;
  gint64 referral = ct_store_find_referral (db, goal->child, goal->referral_date, &error);
  g_autofree char *number = g_strdup_printf ("%d", goal->number);
  gint64 goal_id;

  g_assert_no_error (error);
  goal_id = records_insert_goal (db, referral, number);
  add_goal_rating (db, goal_id, "baseline", goal->baseline);
  add_goal_rating (db, goal_id, "review", goal->review);
  add_goal_rating (db, goal_id, "end", goal->end);
}

void
fixture_add_event (CtDatabase         *db,
                   const FixtureEvent *event)
{
  g_autofree char *minutes = g_strdup_printf ("%d", event->minutes);

  records_insert (db, "training_event", "code", event->code, "title", "Invented Training",
                  "topic", event->topic, "date", event->date, "duration_minutes", minutes,
                  "audience", EVENT_AUDIENCE, NULL);
}

void
fixture_add_attendance (CtDatabase              *db,
                        const FixtureAttendance *attendance)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *event = found (ct_store_find_training_event (db, attendance->event, &error),
                                  &error);
  g_autofree char *before = optional_number (attendance->before > 0 ? attendance->before
                                                                    : FIXTURE_NONE);
  g_autofree char *after = optional_number (attendance->after > 0 ? attendance->after
                                                                  : FIXTURE_NONE);

  records_insert (db, "training_attendance", "event", event,
                  "attendee_name", attendance->name, "role", attendance->role,
                  "status", attendance->status, "confidence_before", before,
                  "confidence_after", after, NULL);
}

void
fixture_fill (CtDatabase *db)
{
  g_autoptr(GError) error = NULL;

  /* One transaction, as an import would: one write to the file, not one
   * per record. */
  g_assert_true (ct_database_begin (db, &error));
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    fixture_add_child (db, &children[i]);
  for (guint i = 0; i < G_N_ELEMENTS (referrals); i++)
    fixture_add_referral (db, &referrals[i]);
  for (guint i = 0; i < G_N_ELEMENTS (consultations); i++)
    fixture_add_consultation (db, &consultations[i]);
  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    fixture_add_session (db, &sessions[i]);
  for (guint i = 0; i < G_N_ELEMENTS (goals); i++)
    fixture_add_goal (db, &goals[i]);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    fixture_add_event (db, &events[i]);
  for (guint i = 0; i < G_N_ELEMENTS (attendances); i++)
    fixture_add_attendance (db, &attendances[i]);
  g_assert_true (ct_database_commit (db, &error));
  g_assert_no_error (error);
}

/* The fixture of a test */

void
summary_fixture_setup (SummaryFixture *fixture,
                       gconstpointer   data)
{
  test_fixture_setup (&fixture->files, data);
  fixture->db = fixture_create (fixture->files.path);
}

void
summary_fixture_teardown (SummaryFixture *fixture,
                          gconstpointer   data)
{
  g_clear_object (&fixture->db);
  test_fixture_teardown (&fixture->files, data);
}

void
summary_fixture_add (const char  *path,
                     SummaryTest  test)
{
  g_test_add (path, SummaryFixture, NULL, summary_fixture_setup, test, summary_fixture_teardown);
}

CtSummary *
fixture_compute (CtDatabase *db,
                 const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtPeriod) period = ct_period_parse (label, &error);
  CtSummary *summary;

  g_assert_no_error (error);
  summary = ct_summary_compute (db, period, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* Comparing documents */

static gboolean
is_ignored (const char *path)
{
  static const char *const ignored[] = {
    "generated_at", "generator", "service", "period.label", NULL
  };

  return g_strv_contains (ignored, path);
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* Equal, or numbers of the same JSON type (integer or not) within 0.05. */
static gboolean
values_agree (JsonNode *produced,
              JsonNode *expected)
{
  if (is_number (produced) && is_number (expected))
    return json_node_get_value_type (produced) == json_node_get_value_type (expected) &&
           ABS (json_node_get_double (produced) - json_node_get_double (expected)) <= 0.05 + 1e-9;
  return json_node_equal (produced, expected);
}

static void compare_nodes (GString *report, const char *path, JsonNode *produced,
                           JsonNode *expected);

static void
compare_member (GString    *report,
                const char *path,
                const char *name,
                JsonObject *produced,
                JsonObject *expected)
{
  g_autofree char *member_path = *path != '\0' ? g_strdup_printf ("%s.%s", path, name)
                                               : g_strdup (name);

  if (!is_ignored (member_path))
    compare_nodes (report, member_path,
                   json_object_get_member (produced, name),
                   json_object_get_member (expected, name));
}

static void
compare_objects (GString    *report,
                 const char *path,
                 JsonObject *produced,
                 JsonObject *expected)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init_ordered (&iter, expected);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    compare_member (report, path, name, produced, expected);

  json_object_iter_init_ordered (&iter, produced);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    if (!json_object_has_member (expected, name))
      compare_member (report, path, name, produced, expected);
}

static void
report_difference (GString    *report,
                   const char *path,
                   JsonNode   *produced,
                   JsonNode   *expected)
{
  g_autofree char *produced_text = produced != NULL ? json_to_string (produced, FALSE)
                                                    : g_strdup ("(missing)");
  g_autofree char *expected_text = expected != NULL ? json_to_string (expected, FALSE)
                                                    : g_strdup ("(missing)");

  g_string_append_printf (report, "%s: %s, expected %s\n", path, produced_text, expected_text);
}

static void
compare_nodes (GString    *report,
               const char *path,
               JsonNode   *produced,
               JsonNode   *expected)
{
  if (produced != NULL && expected != NULL &&
      JSON_NODE_HOLDS_OBJECT (produced) && JSON_NODE_HOLDS_OBJECT (expected))
    compare_objects (report, path, json_node_get_object (produced),
                     json_node_get_object (expected));
  else if (produced == NULL || expected == NULL || !values_agree (produced, expected))
    report_difference (report, path, produced, expected);
}

char *
fixture_compare_document (JsonNode   *produced,
                          const char *expected_path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GString *report = g_string_new (NULL);

  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);

  compare_nodes (report, "", produced, json_parser_get_root (parser));
  return g_string_free (report, report->len == 0);
}

/* Validating documents */

int
fixture_check_schema (const char  *path,
                      char       **report)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-summary-schema.py", NULL);
  const char *argv[] = { CT_PYTHON, script, path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                report, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

void
fixture_assert_valid (const char *path,
                      const char *text)
{
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  if (fixture_check_schema (path, &report) != 0)
    g_error ("%s does not follow the schema:\n%s", path, report);
}

void
fixture_import_worked_example (CtDatabase *db)
{
  static const char *const kinds[] = {
    "children", "referrals", "consultations", "reflective-practice", "goals", "goal-ratings",
    "training-events", "training-attendance",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strconcat (kinds[i], ".csv", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "summary-example",
                                                     "csv", name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      ct_import_file (db, ct_kind_lookup (kinds[i]), file, CT_IMPORT_DEFAULT, NULL, &error);
      g_assert_no_error (error);
    }
}
