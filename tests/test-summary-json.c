/* test-summary-json.c: the committee summary document, public and internal,
 * against DOMAIN.md and the JSON Schema in data/
 *
 * Every document a test makes is written to the build folder
 * (summary-documents/) and checked with tests/check-summary-schema.py.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-summary-json"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ct-import.h"
#include "ct-preferences.h"
#include "ct-setting.h"
#include "ct-summary-json.h"
#include "summary-fixture.h"

/* Withheld from the public summary of the fixture, worked out by hand
 * (test-summary.c has the counts): cells of 1 to 4; a second cell where
 * only one was withheld (by_decision: a zero, the first of two; by_mode and
 * by_status: the first of two fives; by_placement_area: the only other;
 * by_placement_type and by_setting: the first zero); the means over fewer
 * than five items. */
static const char *const fixture_withheld[] = {
  "caseload.by_end_reason.disengaged",
  "caseload.by_end_reason.goals_met",
  "caseload.by_end_reason.moved_away",
  "caseload.by_end_reason.planned_end",
  "consultations.by_mode.in_person",
  "consultations.by_mode.phone",
  "consultations.by_outcome.further_consultation",
  "consultations.by_outcome.other",
  "consultations.by_outcome.referral_accepted",
  "consultations.by_outcome.signposted",
  "consultations.by_requested_by.foster_carer",
  "consultations.by_requested_by.iro",
  "consultations.by_topic.family_contact",
  "consultations.by_topic.mental_health",
  "consultations.by_topic.network_conflict",
  "consultations.by_topic.other",
  "consultations.by_topic.reunification",
  "consultations.by_topic.risk",
  "consultations.by_topic.sibling_assessment",
  "consultations.by_topic.transitions",
  "outcomes.by_change.deteriorated",
  "outcomes.by_change.improved",
  "outcomes.by_change.no_reliable_change",
  "outcomes.completeness_pct",
  "referrals.by_age_band.0-4",
  "referrals.by_age_band.11-15",
  "referrals.by_age_band.16-17",
  "referrals.by_age_band.18+",
  "referrals.by_age_band.5-10",
  "referrals.by_decision.declined",
  "referrals.by_decision.signposted",
  "referrals.by_legal_status.care_leaver",
  "referrals.by_legal_status.edge_of_care",
  "referrals.by_placement_area.in_area",
  "referrals.by_placement_area.out_of_area",
  "referrals.by_placement_type.agency_foster",
  "referrals.by_placement_type.residential",
  "referrals.by_source.health",
  "referrals.by_source.iro",
  "reflective_practice.by_setting.residential_home",
  "reflective_practice.by_setting.social_work_team",
  "training.by_role.foster_carers",
  "training.by_role.kinship_carers",
  "training.by_role.residential_staff",
  "training.by_status.attended",
  "training.by_status.booked",
  "training.by_topic.attachment",
  "training.by_topic.nvr",
  "training.mean_confidence_after",
  "training.mean_confidence_before",
  "training.mean_confidence_change",
  NULL
};

static const char *const top_level_keys[] = {
  "schema", "schema_version", "generated_at", "generator", "service", "period", "audience",
  "disclosure", "referrals", "caseload", "consultations", "reflective_practice", "outcomes",
  "training", "sdq", NULL
};

typedef SummaryFixture Fixture;

/* The document of @label for @audience, made at 2026-11-25 10:30 +01:00,
 * checked against the schema as summary-documents/@name.json. */
static JsonNode *
make_document (CtDatabase *db,
               const char *label,
               CtAudience  audience,
               const char *name)
{
  g_autoptr(CtSummary) summary = fixture_compute (db, label);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) when = g_date_time_new (zone, 2026, 11, 25, 10, 30, 0);
  g_autofree char *folder = g_test_build_filename (G_TEST_BUILT, "summary-documents", NULL);
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autofree char *text = NULL;
  JsonNode *root;

  root = ct_summary_to_json (summary, audience, when);
  text = ct_summary_json_to_text (root);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  fixture_assert_valid (path, text);
  return root;
}

/* The node at a dotted path, or NULL. */
static JsonNode *
node_at (JsonNode   *root,
         const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", 3);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    node = JSON_NODE_HOLDS_OBJECT (node)
      ? json_object_get_member (json_node_get_object (node), parts[i]) : NULL;
  return node;
}

static void
assert_int_at (JsonNode   *root,
               const char *path,
               gint64      expected)
{
  JsonNode *node = node_at (root, path);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, expected);
}

static void
assert_double_at (JsonNode   *root,
                  const char *path,
                  double      expected)
{
  JsonNode *node = node_at (root, path);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (node), expected, 1e-9);
}

static void
assert_null_at (JsonNode   *root,
                const char *path)
{
  JsonNode *node = node_at (root, path);

  g_assert_nonnull (node);
  if (!JSON_NODE_HOLDS_NULL (node))
    g_error ("%s is not null", path);
}

static void
assert_string_at (JsonNode   *root,
                  const char *path,
                  const char *expected)
{
  g_assert_cmpstr (json_node_get_string (node_at (root, path)), ==, expected);
}

static GStrv
suppressed (JsonNode *root)
{
  JsonArray *array = json_node_get_array (node_at (root, "disclosure.suppressed"));
  GStrv paths = g_new0 (char *, json_array_get_length (array) + 1);

  for (guint i = 0; i < json_array_get_length (array); i++)
    paths[i] = g_strdup (json_array_get_string_element (array, i));
  return paths;
}

static void
assert_header (JsonNode   *root,
               const char *audience)
{
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (root));
  guint i = 0;

  for (GList *l = members; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, top_level_keys[i]);
  g_assert_null (top_level_keys[i]);

  assert_string_at (root, "schema", "org.council.ClinicalTeam.CommitteeSummary");
  assert_int_at (root, "schema_version", 2);
  assert_string_at (root, "generated_at", "2026-11-25T09:30:00Z");
  assert_string_at (root, "generator", "Clinical Team " PACKAGE_VERSION);
  assert_string_at (root, "period.from", "2024-07-01");
  assert_string_at (root, "period.to", "2024-09-30");
  assert_string_at (root, "period.label", "2024/25 Q2");
  assert_string_at (root, "audience", audience);
  assert_int_at (root, "disclosure.min_cell", 5);
}

static void
test_internal (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) paths = NULL;

  fixture_fill (fixture->db);
  root = make_document (fixture->db, FIXTURE_PERIOD, CT_AUDIENCE_INTERNAL, "fixture-internal");

  assert_header (root, "internal");
  paths = suppressed (root);
  g_assert_cmpstr (paths[0], ==, NULL);

  /* Nothing withheld: small cells and means over few items are shown. */
  assert_int_at (root, "referrals.received", 8);
  assert_int_at (root, "referrals.by_decision.signposted", 2);
  assert_int_at (root, "referrals.by_decision.declined", 0);
  assert_int_at (root, "training.by_status.booked", 1);
  assert_double_at (root, "outcomes.completeness_pct", 75.0);
  assert_double_at (root, "training.mean_confidence_change", 3.0);
  assert_double_at (root, "consultations.hours", 6.9);
  assert_double_at (root, "outcomes.reliable_change_threshold", 2.45);
}

static void
test_public (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) paths = NULL;

  fixture_fill (fixture->db);
  root = make_document (fixture->db, FIXTURE_PERIOD, CT_AUDIENCE_PUBLIC, "fixture-public");

  assert_header (root, "public");
  paths = suppressed (root);
  for (guint i = 0; paths[i] != NULL || fixture_withheld[i] != NULL; i++)
    g_assert_cmpstr (paths[i], ==, fixture_withheld[i]);
  for (guint i = 0; fixture_withheld[i] != NULL; i++)
    assert_null_at (root, fixture_withheld[i]);

  /* Shown: totals, cells of 0 or 5 and over, means over 5 items and over. */
  assert_int_at (root, "referrals.received", 8);
  assert_int_at (root, "outcomes.episodes_ended", 4);
  assert_int_at (root, "referrals.by_decision.accepted", 6);
  assert_int_at (root, "referrals.by_decision.pending", 0);
  assert_int_at (root, "referrals.by_uasc.yes", 0);
  assert_int_at (root, "referrals.by_uasc.no", 8);
  assert_int_at (root, "consultations.by_mode.video", 5);
  assert_int_at (root, "training.by_status.did_not_attend", 5);
  assert_int_at (root, "reflective_practice.by_setting.fostering", 5);
  assert_int_at (root, "reflective_practice.by_setting.leaving_care", 0);
  assert_double_at (root, "reflective_practice.mean_rating", 3.5);
  assert_double_at (root, "outcomes.mean_change", 1.1);
  assert_double_at (root, "outcomes.pct_goals_reliably_improved", 42.9);
  assert_double_at (root, "training.attendance_rate_pct", 45.5);
}

/* The same records under NHS Digital's rule and another threshold: the
 * document follows the schema, names its rule, withholds 1 to 7 (6 and 5
 * here, and means over 7 goals), rounds 8 to 10, and states T. */
static void
test_public_nhs_digital (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  fixture_fill (fixture->db);
  g_assert_true (ct_preferences_set_rule (fixture->db, CT_DISCLOSURE_NHS_DIGITAL, &error));
  g_assert_true (ct_preferences_set_threshold (fixture->db, 300, &error));
  g_assert_no_error (error);
  root = make_document (fixture->db, FIXTURE_PERIOD, CT_AUDIENCE_PUBLIC, "fixture-public-nhs");

  assert_string_at (root, "disclosure.rule", "nhs-digital");
  assert_int_at (root, "disclosure.min_cell", 8);
  assert_int_at (root, "disclosure.rounding", 5);
  assert_int_at (root, "referrals.received", 8);
  assert_null_at (root, "referrals.by_decision.accepted");
  assert_int_at (root, "referrals.by_decision.pending", 0);
  assert_int_at (root, "referrals.by_uasc.no", 10);
  assert_null_at (root, "consultations.by_mode.video");
  assert_null_at (root, "outcomes.pct_goals_reliably_improved");
  assert_double_at (root, "outcomes.reliable_change_threshold", 3.0);
}

/* No activity: zeros and nulls, and nothing withheld (a null over nothing
 * is not a suppression). */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonNode) public = make_document (fixture->db, FIXTURE_PERIOD, CT_AUDIENCE_PUBLIC,
                                              "empty-public");
  g_autoptr(JsonNode) internal = make_document (fixture->db, FIXTURE_PERIOD,
                                                CT_AUDIENCE_INTERNAL, "empty-internal");
  g_auto(GStrv) paths = suppressed (public);

  g_assert_cmpstr (paths[0], ==, NULL);
  assert_int_at (public, "referrals.received", 0);
  assert_int_at (public, "referrals.by_age_band.18+", 0);
  assert_double_at (public, "consultations.hours", 0.0);
  assert_null_at (public, "outcomes.completeness_pct");
  assert_null_at (public, "reflective_practice.mean_rating");
  assert_null_at (public, "training.mean_confidence_change");
  assert_double_at (public, "outcomes.reliable_change_threshold", 2.45);

  /* The two differ in their audience only. */
  json_object_set_string_member (json_node_get_object (internal), "audience", "public");
  g_assert_true (json_node_equal (public, internal));
}

static char *
fixture_text (Fixture    *fixture,
              CtAudience  audience)
{
  g_autoptr(CtSummary) summary = fixture_compute (fixture->db, FIXTURE_PERIOD);
  g_autoptr(JsonNode) root = NULL;

  root = ct_summary_to_json (summary, audience, NULL);
  return ct_summary_json_to_text (root);
}

/* Rounded numbers keep one decimal; the team's name is escaped. */
static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  static const char *const expected[] = {
    "{\n  \"schema\": \"org.council.ClinicalTeam.CommitteeSummary\",\n",
    "\n    \"hours\": 6.9,\n",
    "\n    \"hours\": 7.0,\n",
    "\"completeness_pct\": 75.0,",
    "\"mean_change\": 1.1,",
    "\"pct_goals_reliably_improved\": 42.9,",
    "\"reliable_change_threshold\": 2.45\n",
    "\"mean_confidence_change\": 3.0\n  },\n",
    "\"moved_out_of_concern\": 0\n  }\n}\n",
    "\"suppressed\": []",
    "\"yes\": 0,\n",
    "\"service\": \"Invented \\\"Team\\\"\\n\\tNorth\\\\South \\u0001 é\",",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;

  fixture_fill (fixture->db);
  ct_setting_set (fixture->db, CT_SETTING_TEAM_NAME, "Invented \"Team\"\n\tNorth\\South \001 é",
                  &error);
  g_assert_no_error (error);
  text = fixture_text (fixture, CT_AUDIENCE_INTERNAL);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("The document lacks %s:\n%s", expected[i], text);

  /* It reads back as written. */
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  assert_string_at (json_parser_get_root (parser), "service",
                    "Invented \"Team\"\n\tNorth\\South \001 é");
  assert_double_at (json_parser_get_root (parser), "consultations.hours", 6.9);
}

/* The schema is strict: each change below makes a valid document invalid. */
static void
test_schema_strict (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *const changes[][2] = {
    { "\"received\": 8", "\"received\": 8.5" },
    { "\"received\": 8", "\"received\": null" },
    { "\"hours\": 6.9", "\"hours\": null" },
    { "\"hours\": 6.9", "\"hours\": \"6.9\"" },
    { "\"yes\": 0", "\"maybe\": 0" },
    { "\"yes\": 0,", "" },
    { "\"audience\": \"internal\"", "\"audience\": \"secret\"" },
    { "\"suppressed\": []", "\"suppressed\": [\"referrals.by_uasc.yes\"]" },
    { "\"schema_version\": 2", "\"schema_version\": 1" },
    { "\"min_cell\": 5", "\"min_cell\": 5, \"note\": \"\"" },
    { "\"min_cell\": 5", "\"min_cell\": 8" },
    { "\"rounding\": 1", "\"rounding\": 5" },
    { "\"rule\": \"suppress-1-4\"", "\"rule\": \"nhs\"" },
    { "\"reliable_change_threshold\": 2.45", "\"reliable_change_threshold\": 5.5" },
    { "\"mean_total\": null", "\"mean_total\": 41.0" },
    { "\"SDQ5\": 0", "\"SDQ6\": 0" },
    { "\"generated_at\": \"", "\"generated_at\": \"on " },
  };
  g_autofree char *text = NULL;
  g_autofree char *path = test_fixture_file (&fixture->files, "changed.json");

  fixture_fill (fixture->db);
  text = fixture_text (fixture, CT_AUDIENCE_INTERNAL);
  fixture_assert_valid (path, text);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *report = NULL;
      g_auto(GStrv) parts = g_strsplit (text, changes[i][0], 2);
      g_autofree char *changed = NULL;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      changed = g_strjoinv (changes[i][1], parts);
      test_write_bytes (path, changed, strlen (changed));
      if (fixture_check_schema (path, &report) != 1)
        g_error ("The schema accepts a document with %s:\n%s", changes[i][1], report);
    }
}

/* The worked example of DOMAIN.md follows the schema, given the keys it
 * leaves out. */
static void
test_schema_example (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *const audiences[] = { "internal", "public" };

  for (guint i = 0; i < G_N_ELEMENTS (audiences); i++)
    {
      g_autofree char *name = g_strdup_printf ("2024-25-%s.json", audiences[i]);
      g_autofree char *example = g_test_build_filename (G_TEST_DIST, "data", "summary-example",
                                                        name, NULL);
      g_autofree char *path = test_fixture_file (&fixture->files, name);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      JsonObject *root;

      json_parser_load_from_file (parser, example, &error);
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      json_object_set_string_member (root, "generated_at", "2026-11-25T09:30:00Z");
      json_object_set_string_member (root, "generator", "Clinical Team " PACKAGE_VERSION);
      json_object_set_string_member (root, "service", "Invented Team");
      json_object_set_string_member (json_object_get_object_member (root, "period"), "label",
                                     "2024/25");
      text = ct_summary_json_to_text (json_parser_get_root (parser));
      fixture_assert_valid (path, text);
    }
}

static JsonParser *
load (const char *path)
{
  JsonParser *parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return parser;
}

/* fixture_compare_document() finds every kind of difference. */
static void
test_compare (void)
{
  static const struct
  {
    const char *path;
    const char *value;   /* JSON */
    gboolean    agrees;
  } cases[] = {
    { "reflective_practice.mean_rating", "3.44", TRUE },     /* within 0.05 */
    { "reflective_practice.mean_rating", "3.46", FALSE },
    { "referrals.received", "18", FALSE },
    { "referrals.received", "17.0", FALSE },                 /* integer vs number */
    { "consultations.hours", "85", FALSE },
    { "referrals.by_uasc.yes", "null", FALSE },
    { "referrals.by_uasc.maybe", "0", FALSE },               /* an extra key */
    { "training.extra", "{}", FALSE },
    { "audience", "\"public\"", FALSE },
    { "generator", "\"Something Else 9\"", TRUE },           /* not compared */
    { "service", "\"Invented Team\"", TRUE },
    { "period.label", "\"2024/25\"", TRUE },
    { "period.to", "\"2025-03-30\"", FALSE },
  };
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "data", "summary-example",
                                                    "2024-25-internal.json", NULL);
  g_autoptr(JsonParser) unchanged = load (example);
  g_autoptr(JsonParser) shorter = load (example);
  g_autofree char *same = fixture_compare_document (json_parser_get_root (unchanged), example);
  g_autofree char *missing = NULL;

  g_assert_null (same);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = load (example);
      g_autoptr(JsonNode) value = json_from_string (cases[i].value, NULL);
      g_auto(GStrv) parts = g_strsplit (cases[i].path, ".", 3);
      g_autofree char *report = NULL;
      JsonObject *object = json_node_get_object (json_parser_get_root (parser));
      guint last = g_strv_length (parts) - 1;

      for (guint j = 0; j < last; j++)
        object = json_object_get_object_member (object, parts[j]);
      json_object_set_member (object, parts[last], g_steal_pointer (&value));

      report = fixture_compare_document (json_parser_get_root (parser), example);
      if (cases[i].agrees)
        g_assert_null (report);
      else if (report == NULL || strstr (report, cases[i].path) == NULL)
        g_error ("%s = %s is not reported: %s", cases[i].path, cases[i].value, report);
    }

  /* A key left out is reported too. */
  json_object_remove_member (json_node_get_object (json_parser_get_root (shorter)), "training");
  missing = fixture_compare_document (json_parser_get_root (shorter), example);
  g_assert_nonnull (missing);
  g_assert_nonnull (strstr (missing, "training: (missing)"));
}

/* DOMAIN.md's worked example: its eight CSV files imported, both summaries
 * of 2024/25 agree with its two documents, figure for figure. */
static void
test_worked_example (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    CtAudience  audience;
    const char *expected;
  } documents[] = {
    { CT_AUDIENCE_INTERNAL, "2024-25-internal" },
    { CT_AUDIENCE_PUBLIC, "2024-25-public" },
  };

  fixture_import_worked_example (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *file = g_strconcat (documents[i].expected, ".json", NULL);
      g_autofree char *expected = g_test_build_filename (G_TEST_DIST, "data", "summary-example",
                                                         file, NULL);
      g_autoptr(JsonNode) root = make_document (fixture->db, "2024/25", documents[i].audience,
                                                documents[i].expected);
      g_autofree char *differences = fixture_compare_document (root, expected);

      if (differences != NULL)
        g_error ("The %s summary differs from the worked example:\n%s",
                 ct_audience_to_string (documents[i].audience), differences);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  summary_fixture_add ("/summary-json/internal", test_internal);
  summary_fixture_add ("/summary-json/public", test_public);
  summary_fixture_add ("/summary-json/public-nhs-digital", test_public_nhs_digital);
  summary_fixture_add ("/summary-json/empty", test_empty);
  summary_fixture_add ("/summary-json/text", test_text);
  summary_fixture_add ("/summary-json/schema-strict", test_schema_strict);
  summary_fixture_add ("/summary-json/schema-example", test_schema_example);
  g_test_add_func ("/summary-json/compare", test_compare);
  summary_fixture_add ("/summary-json/worked-example", test_worked_example);

  return g_test_run ();
}
