/* test-records.c: record kinds, their store and the audit trail
 *
 * Every kind is created, read back field by field, updated and deleted;
 * lists are filtered; unique keys and dependent records are refused; and a
 * write and its audit entry are kept together. All data is invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-records"

#include "config.h"

#include <string.h>

#include "ct-attendee-names.h"
#include "ct-change-watch.h"
#include "ct-database-private.h"
#include "ct-setting.h"
#include "test-database-util.h"
#include "records-fixture.h"
#include "test-store.h"

/* A: the descriptor tables */

static void
test_kinds (void)
{
  static const char *const cli_words[] = {
    "staff", "children", "referrals", "consultations", "reflective-practice", "goals",
    "goal-ratings", "training-events", "training-attendance", "sdq-scores",
  };

  g_assert_cmpuint (ct_kind_get_n_kinds (), ==, G_N_ELEMENTS (cli_words));
  for (guint i = 0; i < ct_kind_get_n_kinds (); i++)
    {
      const CtKind *kind = ct_kind_get_nth (i);

      g_assert_cmpstr (ct_kind_get_cli_word (kind), ==, cli_words[i]);
      g_assert_true (ct_kind_lookup (cli_words[i]) == kind);
      g_assert_true (ct_kind_lookup (ct_kind_get_name (kind)) == kind);
      g_assert_true (ct_kind_for_type (ct_kind_get_record_type (kind)) == kind);
      g_assert_cmpstr (ct_kind_get_label (kind), !=, "");
    }
  g_assert_null (ct_kind_lookup ("no-such-kind"));
  g_assert_true (ct_kind_for_type (CT_TYPE_CONSULTATION) == ct_kind_lookup ("consultation"));
}

/* Every field has a label, a property of its type, and (for enumerations)
 * one label per word. */
static void
test_fields (void)
{
  for (guint k = 0; k < ct_kind_get_n_kinds (); k++)
    {
      const CtKind *kind = ct_kind_get_nth (k);
      g_autoptr(GTypeClass) klass = g_type_class_ref (ct_kind_get_record_type (kind));

      for (guint i = 0; i < ct_kind_get_n_fields (kind); i++)
        {
          const CtField *field = ct_kind_get_field (kind, i);
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                            ct_field_get_property_name (field));
          const char * const *words = ct_enum_words (field);
          CtFieldType type = ct_field_get_value_type (field);

          g_assert_nonnull (pspec);
          g_assert_cmpstr (ct_field_get_label (field), !=, "");
          g_assert_true (ct_kind_find_field (kind, ct_field_get_name (field)) == field);
          g_assert_cmpint ((pspec->flags & G_PARAM_WRITABLE) != 0, ==, !ct_field_is_display (field));
          g_assert_cmpint (words != NULL, ==, type == CT_FIELD_ENUM || type == CT_FIELD_ENUM_LIST);
          g_assert_cmpint (ct_field_get_reference_kind (field) != NULL, ==, type == CT_FIELD_REFERENCE);
          for (guint w = 0; words != NULL && words[w] != NULL; w++)
            {
              g_assert_true (ct_enum_contains (field, words[w]));
              g_assert_cmpstr (ct_enum_label (field, words[w]), !=, words[w]);
            }
        }
    }
}

static void
test_field_details (void)
{
  const CtKind *child = ct_kind_lookup ("child");
  const CtKind *consultation = ct_kind_lookup ("consultation");
  const CtField *score = ct_kind_find_field (ct_kind_lookup ("goal_rating"), "score");
  const CtField *dob = ct_kind_find_field (child, "date_of_birth");
  const CtField *clinician = ct_kind_find_field (consultation, "clinician");
  const CtField *gender = ct_kind_find_field (child, "gender");
  double minimum, maximum, step;

  g_assert_cmpstr (ct_field_get_property_name (dob), ==, "date-of-birth");
  g_assert_cmpstr (ct_field_get_label (dob), ==, "Date of birth");
  g_assert_true (ct_field_is_required (dob));
  g_assert_false (ct_field_is_required (gender));
  g_assert_cmpstr (ct_field_get_property_name (clinician), ==, "clinician-id");
  g_assert_true (ct_field_get_reference_kind (clinician) == ct_kind_lookup ("staff"));
  g_assert_true (ct_field_is_sensitive (ct_kind_find_field (consultation, "notes")));
  g_assert_true (ct_field_is_display (ct_kind_find_field (consultation, "clinician_name")));
  g_assert_cmpstr (ct_enum_words (gender)[3], ==, "not_stated");
  g_assert_null (ct_enum_words (gender)[4]);
  g_assert_cmpstr (ct_enum_label (gender, "not_stated"), ==, "Not stated");
  g_assert_false (ct_enum_contains (gender, "unknown"));
  ct_field_get_range (score, &minimum, &maximum, &step);
  g_assert_cmpfloat (minimum, ==, 0);
  g_assert_cmpfloat (maximum, ==, 10);
  g_assert_cmpfloat (step, ==, 0.5);
  g_assert_true (ct_kind_get_date_field (consultation) == ct_kind_find_field (consultation, "date"));
  g_assert_null (ct_kind_get_date_field (child));
}

/* An attendance's role takes exactly the words of an event's audience. */
static void
test_role_words_are_audience_words (void)
{
  const char * const *audience = ct_enum_words (ct_kind_find_field (ct_kind_lookup ("training_event"),
                                                                    "audience"));
  const char * const *role = ct_enum_words (ct_kind_find_field (ct_kind_lookup ("training_attendance"),
                                                                "role"));

  g_assert_true (g_strv_equal (audience, role));
}

static void
test_record_values (void)
{
  g_autoptr(CtRecord) record = ct_record_new (ct_kind_lookup ("consultation"));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) topics = NULL;
  g_autofree char *text = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  int duration = 0;

  g_assert_cmpint (ct_record_get_id (record), ==, 0);
  g_assert_null (ct_record_get_created_at (record));
  g_assert_null (ct_record_get_string_by_name (record, "duration_minutes"));

  g_assert_true (ct_record_set_string_by_name (record, "topics", " risk ; mental_health;risk;", &error));
  g_assert_no_error (error);
  g_object_get (record, "topics", &topics, NULL);
  g_assert_cmpuint (g_strv_length (topics), ==, 2);
  g_assert_cmpstr (topics[0], ==, "risk");

  g_assert_true (ct_record_set_string_by_name (record, "duration_minutes", "45", &error));
  g_object_get (record, "duration-minutes", &duration, NULL);
  g_assert_cmpint (duration, ==, 45);
  ct_record_get_value (record, ct_kind_find_field (ct_kind_lookup ("consultation"), "duration_minutes"),
                       &value);
  g_assert_cmpint (g_value_get_int (&value), ==, 45);

  g_assert_true (ct_record_set_string_by_name (record, "duration_minutes", "", &error));
  g_assert_null (ct_record_get_string_by_name (record, "duration_minutes"));

  g_object_set (record, "clinician-id", (gint64) 7, NULL);
  g_assert_cmpint (ct_record_get_reference (record, "clinician"), ==, 7);
  text = ct_record_get_string_by_name (record, "clinician");
  g_assert_cmpstr (text, ==, "7");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_record_notify (void)
{
  g_autoptr(CtRecord) record = ct_record_new (ct_kind_lookup ("child"));
  guint notified = 0;

  g_signal_connect (record, "notify::name", G_CALLBACK (count_notify), &notified);
  g_object_set (record, "name", "Test Child A", NULL);
  g_object_set (record, "name", "Test Child A", NULL);
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_defaults (void)
{
  g_autoptr(CtRecord) staff = ct_record_new (ct_kind_lookup ("staff"));
  g_autoptr(CtRecord) child = ct_record_new (ct_kind_lookup ("child"));
  gboolean active = FALSE, uasc = TRUE;

  g_object_get (staff, "active", &active, NULL);
  g_object_get (child, "uasc", &uasc, NULL);
  g_assert_true (active);
  g_assert_false (uasc);
}

/* B: create, read, update, delete for every kind */

typedef struct
{
  const char *kind;
  const char *values[24];   /* field, value pairs; "$staff" etc. are ids */
  const char *update_field;
  const char *update_value;
} Sample;

static const Sample samples[] = {
  { "staff",
    { "name", "Test Clinician B", "role", "family_therapist", "active", "no" },
    "role", "trainee" },
  { "child",
    { "reference", "TEST-0002", "name", "Test Child B", "date_of_birth", "2012-02-29",
      "gender", "not_stated", "legal_status", "edge_of_care", "placement_type", "kinship",
      "placement_area", "out_of_area", "uasc", "yes" },
    "name", "Test Child B2" },
  { "referral",
    { "child", "$child", "referral_date", "2024-02-01", "referral_source", "iro",
      "decision", "accepted", "decision_reason", "Test reason", "clinician", "$staff",
      "start_date", "2024-02-15", "end_date", "2024-09-30", "end_reason", "goals_met" },
    "end_reason", "planned_end" },
  { "consultation",
    { "date", "2025-01-15", "clinician", "$staff", "child", "$child",
      "requested_by", "team_manager", "team", "Test Team 1", "topics", "mental_health;risk",
      "mode", "video", "duration_minutes", "45", "attendees", "3", "outcome", "advice_given" },
    "topics", "transitions" },
  { "reflective_practice",
    { "date", "2025-02-03", "facilitator", "$staff", "group", "Test Group 1",
      "setting", "fostering", "status", "held", "attendees", "6", "duration_minutes", "90",
      "rating", "4.5", "themes", "Invented themes" },
    "rating", "3.25" },
  { "goal",
    { "referral", "$referral", "number", "1", "description", "Test goal in own words",
      "set_by", "jointly" },
    "description", "Test goal, changed" },
  { "goal_rating",
    { "goal", "$goal", "date", "2024-03-01", "time_point", "baseline", "score", "3.5" },
    "score", "7" },
  { "training_event",
    { "code", "TEST-TR-1", "title", "Test Training", "topic", "nvr", "date", "2025-09-01",
      "duration_minutes", "180", "trainer", "Test Trainer",
      "audience", "foster_carers;social_workers", "capacity", "20" },
    "capacity", "" },
  { "training_attendance",
    { "event", "$event", "attendee_name", "Test Attendee A", "role", "kinship_carers",
      "organisation", "Test Organisation", "status", "attended", "confidence_before", "3",
      "confidence_after", "8" },
    "status", "did_not_attend" },
};

static gint64
insert_goal (RecordsFixture *fixture,
             gint64          referral_id)
{
  g_autofree char *referral = g_strdup_printf ("%" G_GINT64_FORMAT, referral_id);

  return records_insert (fixture->db, "goal", "referral", referral, "number", "1",
                         "description", "Test goal", "set_by", "child", NULL);
}

static gint64
insert_event (RecordsFixture *fixture,
              const char     *code,
              const char     *date)
{
  return records_insert (fixture->db, "training_event", "code", code, "title", "Test Training",
                         "topic", "attachment", "date", date, "duration_minutes", "60",
                         "audience", "foster_carers", NULL);
}

/* "$child" → the fixture child's id, and so on; other values as they are. */
static char *
resolve (RecordsFixture *fixture,
         const char     *value)
{
  gint64 id;

  if (value[0] != '$')
    return g_strdup (value);
  if (g_str_equal (value, "$staff"))
    id = fixture->staff_id;
  else if (g_str_equal (value, "$child"))
    id = fixture->child_id;
  else if (g_str_equal (value, "$referral"))
    id = records_insert_referral (fixture, "2024-01-10");
  else if (g_str_equal (value, "$goal"))
    id = insert_goal (fixture, records_insert_referral (fixture, "2024-01-10"));
  else
    id = insert_event (fixture, "TEST-TR-0", "2025-03-01");
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static CtRecord *
get_ok (CtDatabase   *db,
        const CtKind *kind,
        gint64        id)
{
  g_autoptr(GError) error = NULL;
  CtRecord *record = ct_store_get (db, kind, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (record, ct_kind_get_record_type (kind)));
  return record;
}

static void
assert_field (CtRecord   *record,
              const char *field,
              const char *expected)
{
  g_autofree char *value = ct_record_get_string_by_name (record, field);

  g_assert_cmpstr (value, ==, expected[0] != '\0' ? expected : NULL);
}

static void
assert_timestamp (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", text, 0, 0));
}

static void
test_crud (RecordsFixture *fixture,
           gconstpointer   data)
{
  const Sample *sample = data;
  const CtKind *kind = ct_kind_lookup (sample->kind);
  g_autoptr(CtRecord) record = ct_record_new (kind);
  g_autoptr(CtRecord) read = NULL;
  g_autoptr(CtRecord) updated = NULL;
  g_autoptr(GError) error = NULL;
  /* resolved[i / 2] is the value of the pair at i */
  g_auto(GStrv) resolved = g_new0 (char *, G_N_ELEMENTS (sample->values) / 2 + 1);
  guint rows_before;
  gint64 id;

  for (guint i = 0; sample->values[i] != NULL; i += 2)
    {
      resolved[i / 2] = resolve (fixture, sample->values[i + 1]);
      g_assert_true (ct_record_set_string_by_name (record, sample->values[i], resolved[i / 2], &error));
      g_assert_no_error (error);
    }
  rows_before = records_count_rows (fixture->db, ct_kind_get_name (kind));

  /* create */
  g_assert_true (ct_store_insert (fixture->db, record, &error));
  g_assert_no_error (error);
  id = ct_record_get_id (record);
  g_assert_cmpint (id, >, 0);
  assert_timestamp (ct_record_get_created_at (record));
  assert_timestamp (ct_record_get_updated_at (record));
  g_assert_cmpuint (records_count_audit (fixture->db, "create", sample->kind, id), ==, 1);

  /* read back every field */
  read = get_ok (fixture->db, kind, id);
  for (guint i = 0; sample->values[i] != NULL; i += 2)
    assert_field (read, sample->values[i], resolved[i / 2]);
  g_assert_cmpstr (ct_record_get_created_at (read), ==, ct_record_get_created_at (record));

  /* update one field of a copy */
  updated = ct_record_dup (read);
  g_assert_cmpint (ct_record_get_id (updated), ==, id);
  g_assert_true (ct_record_set_string_by_name (updated, sample->update_field, sample->update_value,
                                               &error));
  g_assert_true (ct_store_update (fixture->db, updated, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = get_ok (fixture->db, kind, id);
  assert_field (read, sample->update_field, sample->update_value);
  g_assert_cmpuint (records_count_audit (fixture->db, "update", sample->kind, id), ==, 1);

  /* delete */
  g_assert_true (ct_store_delete (fixture->db, kind, id, &error));
  g_assert_no_error (error);
  g_assert_null (ct_store_get (fixture->db, kind, id, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpuint (records_count_audit (fixture->db, "delete", sample->kind, id), ==, 1);
  g_assert_cmpuint (records_count_rows (fixture->db, ct_kind_get_name (kind)), ==, rows_before);
}

static void
test_update_deleted (RecordsFixture *fixture,
                     gconstpointer   data)
{
  const CtKind *kind = ct_kind_lookup ("child");
  g_autoptr(CtRecord) child = get_ok (fixture->db, kind, fixture->child_id);
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_store_delete (fixture->db, kind, fixture->child_id, &error));
  g_assert_false (ct_store_update (fixture->db, child, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ct_store_delete (fixture->db, kind, fixture->child_id, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND);
}

/* C: display fields, filled by joins */

static void
test_display_fields (RecordsFixture *fixture,
                     gconstpointer   data)
{
  g_autofree char *staff = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->staff_id);
  g_autofree char *child = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->child_id);
  gint64 referral_id = records_insert_referral (fixture, "2024-01-10");
  gint64 goal_id = insert_goal (fixture, referral_id);
  g_autofree char *goal = g_strdup_printf ("%" G_GINT64_FORMAT, goal_id);
  g_autoptr(CtRecord) consultation = records_new ("consultation", "date", "2025-01-15",
                                                  "clinician", staff, "child", child,
                                                  "requested_by", "iro", "topics", "risk",
                                                  "mode", "phone", "duration_minutes", "30",
                                                  "attendees", "2", "outcome", "other", NULL);
  g_autoptr(CtRecord) rating = records_new ("goal_rating", "goal", goal, "date", "2024-02-01",
                                            "time_point", "review", "score", "5", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *clinician_name = NULL;
  g_autofree char *child_reference = NULL;
  gint64 rating_referral = 0;
  int goal_number = 0;

  g_assert_true (ct_store_insert (fixture->db, consultation, &error));
  g_assert_true (ct_store_insert (fixture->db, rating, &error));
  g_assert_no_error (error);

  g_object_get (consultation, "clinician-name", &clinician_name,
                "child-reference", &child_reference, NULL);
  g_assert_cmpstr (clinician_name, ==, "Test Clinician A");
  g_assert_cmpstr (child_reference, ==, "TEST-0001");
  g_object_get (rating, "referral-id", &rating_referral, "goal-number", &goal_number, NULL);
  g_assert_cmpint (rating_referral, ==, referral_id);
  g_assert_cmpint (goal_number, ==, 1);
  assert_field (rating, "child_reference", "TEST-0001");
  assert_field (rating, "referral_date", "2024-01-10");
}

/* D: lists and filters */

static gint64
insert_consultation (RecordsFixture *fixture,
                     const char     *date,
                     gint64          staff_id,
                     gint64          child_id,
                     const char     *team)
{
  g_autofree char *staff = g_strdup_printf ("%" G_GINT64_FORMAT, staff_id);
  g_autofree char *child = child_id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, child_id) : NULL;

  return records_insert (fixture->db, "consultation", "date", date, "clinician", staff,
                         "child", child, "requested_by", "social_worker", "team", team,
                         "topics", "placement_fragility", "mode", "in_person",
                         "duration_minutes", "60", "attendees", "2", "outcome", "advice_given",
                         NULL);
}

static GListModel *
list_ok (CtDatabase     *db,
         const char     *kind,
         const CtFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = ct_store_list (db, ct_kind_lookup (kind), filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_true (g_list_model_get_item_type (model) ==
                 ct_kind_get_record_type (ct_kind_lookup (kind)));
  return model;
}

static guint
count_listed (CtDatabase     *db,
              const char     *kind,
              const CtFilter *filter)
{
  g_autoptr(GListModel) model = list_ok (db, kind, filter);

  return g_list_model_get_n_items (model);
}

static void
test_list_filters (RecordsFixture *fixture,
                   gconstpointer   data)
{
  gint64 other_staff = records_insert (fixture->db, "staff", "name", "Test Clinician B",
                                       "role", "trainee", NULL);
  gint64 first = insert_consultation (fixture, "2025-01-01", fixture->staff_id, fixture->child_id,
                                      "Test Team 1");
  gint64 last = insert_consultation (fixture, "2025-01-31", other_staff, 0, "Test Team 50%");
  g_autoptr(GListModel) model = NULL;
  g_autoptr(CtRecord) newest = NULL;
  CtFilter filter = { 0 };

  insert_consultation (fixture, "2024-12-31", fixture->staff_id, 0, NULL);
  insert_consultation (fixture, "2025-02-01", fixture->staff_id, 0, NULL);

  g_assert_cmpuint (count_listed (fixture->db, "consultations", NULL), ==, 4);

  /* both ends of a date range are inside it */
  filter.from = "2025-01-01";
  filter.to = "2025-01-31";
  model = list_ok (fixture->db, "consultations", &filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  newest = g_list_model_get_item (model, 0);
  g_assert_cmpint (ct_record_get_id (newest), ==, last);
  g_clear_object (&newest);
  newest = g_list_model_get_item (model, 1);
  g_assert_cmpint (ct_record_get_id (newest), ==, first);

  filter.staff_id = other_staff;
  g_assert_cmpuint (count_listed (fixture->db, "consultations", &filter), ==, 1);

  filter = (CtFilter) { .child_id = fixture->child_id };
  g_assert_cmpuint (count_listed (fixture->db, "consultations", &filter), ==, 1);

  filter = (CtFilter) { .search = "team 50%" };
  g_assert_cmpuint (count_listed (fixture->db, "consultations", &filter), ==, 1);
  filter = (CtFilter) { .search = "test clinician" };
  g_assert_cmpuint (count_listed (fixture->db, "consultations", &filter), ==, 4);
  filter = (CtFilter) { .search = "%" };
  g_assert_cmpuint (count_listed (fixture->db, "consultations", &filter), ==, 1);
}

static void
test_list_status (RecordsFixture *fixture,
                  gconstpointer   data)
{
  g_autofree char *child = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->child_id);
  CtFilter filter = { .status = "accepted" };

  records_insert_referral (fixture, "2024-01-10");
  records_insert (fixture->db, "referral", "child", child, "referral_date", "2024-03-01",
                  "referral_source", "health", "decision", "pending", NULL);
  records_insert (fixture->db, "staff", "name", "Test Former Clinician", "role", "other",
                  "active", "no", NULL);

  g_assert_cmpuint (count_listed (fixture->db, "referrals", &filter), ==, 1);
  filter.status = "pending";
  g_assert_cmpuint (count_listed (fixture->db, "referrals", &filter), ==, 1);
  filter.status = "declined";
  g_assert_cmpuint (count_listed (fixture->db, "referrals", &filter), ==, 0);

  filter.status = "yes";
  g_assert_cmpuint (count_listed (fixture->db, "staff", &filter), ==, 1);
  filter.status = "no";
  g_assert_cmpuint (count_listed (fixture->db, "staff", &filter), ==, 1);
}

static void
test_list_goal_filters (RecordsFixture *fixture,
                        gconstpointer   data)
{
  gint64 referral = records_insert_referral (fixture, "2024-01-10");
  gint64 other_referral = records_insert_referral (fixture, "2024-05-10");
  gint64 goal = insert_goal (fixture, referral);
  gint64 event = insert_event (fixture, "TEST-TR-9", "2025-03-01");
  g_autofree char *goal_text = g_strdup_printf ("%" G_GINT64_FORMAT, goal);
  g_autofree char *event_text = g_strdup_printf ("%" G_GINT64_FORMAT, event);
  CtFilter filter = { .referral_id = referral };

  insert_goal (fixture, other_referral);
  records_insert (fixture->db, "goal_rating", "goal", goal_text, "date", "2024-02-01",
                  "time_point", "baseline", "score", "2", NULL);
  records_insert (fixture->db, "training_attendance", "event", event_text,
                  "attendee_name", "Test Attendee A", "role", "other", "status", "booked", NULL);

  g_assert_cmpuint (count_listed (fixture->db, "goals", &filter), ==, 1);
  g_assert_cmpuint (count_listed (fixture->db, "goal-ratings", &filter), ==, 1);
  filter = (CtFilter) { .child_id = fixture->child_id };
  g_assert_cmpuint (count_listed (fixture->db, "goals", &filter), ==, 2);
  filter = (CtFilter) { .goal_id = goal, .status = "baseline" };
  g_assert_cmpuint (count_listed (fixture->db, "goal-ratings", &filter), ==, 1);
  filter = (CtFilter) { .event_id = event, .from = "2025-03-01", .to = "2025-03-01" };
  g_assert_cmpuint (count_listed (fixture->db, "training-attendance", &filter), ==, 1);
  filter.from = "2025-03-02";
  g_assert_cmpuint (count_listed (fixture->db, "training-attendance", &filter), ==, 0);
}

/* Word lists come back in the order of DOMAIN.md, whatever the input order. */
static void
test_word_list_order (RecordsFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(CtRecord) event = NULL;

  records_insert (fixture->db, "training_event", "code", "TEST-TR-2", "title", "Test Training",
                  "topic", "sensory", "date", "2025-01-01", "duration_minutes", "60",
                  "audience", "other;foster_carers;education_staff", NULL);
  model = list_ok (fixture->db, "training_event", NULL);
  event = g_list_model_get_item (model, 0);
  assert_field (event, "audience", "foster_carers;education_staff;other");
}

/* E: unique keys */

static void
assert_conflict (CtDatabase *db,
                 CtRecord   *record,
                 const char *field,
                 const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ct_store_insert (db, record, &error));
  records_assert_error (error, CT_DATABASE_ERROR_CONFLICT, record, field);
  g_assert_nonnull (strstr (error->message, value));
  g_assert_cmpint (ct_record_get_id (record), ==, 0);
}

static void
test_conflicts (RecordsFixture *fixture,
                gconstpointer   data)
{
  g_autofree char *child = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->child_id);
  gint64 referral = records_insert_referral (fixture, "2024-01-10");
  g_autofree char *referral_text = g_strdup_printf ("%" G_GINT64_FORMAT, referral);
  g_autoptr(CtRecord) same_child = records_new ("child", "reference", "TEST-0001",
                                                "name", "Test Child Z",
                                                "date_of_birth", "2015-01-01",
                                                "legal_status", "other", "placement_type", "other",
                                                "placement_area", "in_area", NULL);
  g_autoptr(CtRecord) same_staff = records_new ("staff", "name", "Test Clinician A",
                                                "role", "other", NULL);
  g_autoptr(CtRecord) same_referral = records_new ("referral", "child", child,
                                                   "referral_date", "2024-01-10",
                                                   "referral_source", "other",
                                                   "decision", "pending", NULL);
  g_autoptr(CtRecord) same_goal = records_new ("goal", "referral", referral_text, "number", "1",
                                               "description", "Test goal", "set_by", "carer",
                                               NULL);
  g_autoptr(CtRecord) same_event = NULL;

  insert_goal (fixture, referral);
  insert_event (fixture, "TEST-TR-1", "2025-01-01");
  same_event = records_new ("training_event", "code", "TEST-TR-1", "title", "Test Training",
                            "topic", "other", "date", "2025-02-01", "duration_minutes", "60",
                            "audience", "other", NULL);

  assert_conflict (fixture->db, same_child, "reference", "TEST-0001");
  assert_conflict (fixture->db, same_staff, "name", "Test Clinician A");
  assert_conflict (fixture->db, same_referral, "referral_date", "2024-01-10");
  assert_conflict (fixture->db, same_goal, "number", "1");
  assert_conflict (fixture->db, same_event, "code", "TEST-TR-1");
}

/* The name of an inactive staff member may be reused. */
static void
test_inactive_staff_name (RecordsFixture *fixture,
                          gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) staff = get_ok (fixture->db, ct_kind_lookup ("staff"), fixture->staff_id);

  g_object_set (staff, "active", FALSE, NULL);
  g_assert_true (ct_store_update (fixture->db, staff, &error));
  g_assert_no_error (error);
  records_insert (fixture->db, "staff", "name", "Test Clinician A", "role", "other", NULL);
}

static void
test_rating_once (RecordsFixture *fixture,
                  gconstpointer   data)
{
  gint64 goal = insert_goal (fixture, records_insert_referral (fixture, "2024-01-10"));
  g_autofree char *goal_text = g_strdup_printf ("%" G_GINT64_FORMAT, goal);
  const char *time_points[] = { "baseline", "end" };

  for (guint i = 0; i < G_N_ELEMENTS (time_points); i++)
    {
      g_autoptr(CtRecord) again = records_new ("goal_rating", "goal", goal_text,
                                               "date", "2024-04-01", "time_point", time_points[i],
                                               "score", "4", NULL);

      records_insert (fixture->db, "goal_rating", "goal", goal_text, "date", "2024-02-01",
                      "time_point", time_points[i], "score", "3", NULL);
      assert_conflict (fixture->db, again, "time_point",
                       ct_enum_label (ct_kind_find_field (ct_kind_lookup ("goal_rating"),
                                                          "time_point"), time_points[i]));
    }

  /* reviews as often as needed */
  for (guint i = 0; i < 2; i++)
    records_insert (fixture->db, "goal_rating", "goal", goal_text, "date", "2024-03-01",
                    "time_point", "review", "score", "5", NULL);
}

/* F: records that others depend on */

static void
assert_in_use (CtDatabase *db,
               const char *kind,
               gint64      id,
               const char *dependents)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ct_store_delete (db, ct_kind_lookup (kind), id, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, dependents));
  g_assert_cmpuint (records_count_audit (db, "delete", kind, id), ==, 0);
}

static void
test_in_use (RecordsFixture *fixture,
             gconstpointer   data)
{
  gint64 referral = records_insert_referral (fixture, "2024-01-10");
  gint64 goal = insert_goal (fixture, referral);
  gint64 event = insert_event (fixture, "TEST-TR-3", "2025-01-01");
  g_autofree char *goal_text = g_strdup_printf ("%" G_GINT64_FORMAT, goal);
  g_autofree char *event_text = g_strdup_printf ("%" G_GINT64_FORMAT, event);
  g_autofree char *staff = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->staff_id);

  records_insert_referral (fixture, "2024-06-10");
  insert_consultation (fixture, "2025-01-01", fixture->staff_id, fixture->child_id, NULL);
  records_insert (fixture->db, "goal_rating", "goal", goal_text, "date", "2024-02-01",
                  "time_point", "baseline", "score", "2", NULL);
  records_insert (fixture->db, "training_attendance", "event", event_text,
                  "attendee_name", "Test Attendee A", "role", "other", "status", "booked", NULL);
  records_insert (fixture->db, "reflective_practice", "date", "2025-01-02", "facilitator", staff,
                  "group", "Test Group", "setting", "other", "status", "cancelled",
                  "attendees", "0", "duration_minutes", "0", NULL);

  assert_in_use (fixture->db, "child", fixture->child_id, "2 referrals and 1 consultation");
  assert_in_use (fixture->db, "staff", fixture->staff_id,
                 "1 consultation and 1 reflective practice session");
  assert_in_use (fixture->db, "referral", referral, "1 goal");
  assert_in_use (fixture->db, "goal", goal, "1 goal rating");
  assert_in_use (fixture->db, "training_event", event, "1 training attendance");
}

/* G: the audit trail goes with the write, or neither happens */

static CtRecord *
new_child (const char *reference)
{
  return records_new ("child", "reference", reference, "name", "Test Child B",
                      "date_of_birth", "2015-01-01", "legal_status", "adopted",
                      "placement_type", "adoptive", "placement_area", "in_area", NULL);
}

/* The audit entry fails after the row was written: neither stays. */
static void
test_audit_failure_rolls_back (RecordsFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr(CtRecord) child = new_child ("TEST-0002");
  g_autoptr(GError) error = NULL;
  guint children = records_count_rows (fixture->db, "child");
  guint entries = records_count_rows (fixture->db, "audit_log");

  test_store_fail_inserts (fixture->db, "audit_log", TRUE);

  g_assert_false (ct_store_insert (fixture->db, child, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (ct_record_get_id (child), ==, 0);
  g_clear_error (&error);
  g_assert_false (ct_store_delete (fixture->db, ct_kind_lookup ("child"), fixture->child_id, &error));
  g_assert_nonnull (error);

  test_store_fail_inserts (fixture->db, "audit_log", FALSE);
  g_assert_cmpuint (records_count_rows (fixture->db, "child"), ==, children);
  g_assert_cmpuint (records_count_rows (fixture->db, "audit_log"), ==, entries);
}

/* The row fails in the database after validation passed: no audit entry. */
static void
test_row_failure_leaves_no_audit (RecordsFixture *fixture,
                                  gconstpointer   data)
{
  g_autoptr(CtRecord) child = new_child ("TEST-0002");
  g_autoptr(GError) error = NULL;
  guint entries = records_count_rows (fixture->db, "audit_log");

  test_store_fail_inserts (fixture->db, "child", TRUE);
  g_assert_false (ct_store_insert (fixture->db, child, &error));
  g_assert_nonnull (error);
  test_store_fail_inserts (fixture->db, "child", FALSE);

  g_assert_cmpuint (records_count_rows (fixture->db, "child"), ==, 1);
  g_assert_cmpuint (records_count_rows (fixture->db, "audit_log"), ==, entries);
}

/* A successful write adds exactly one entry, of the right action, kind and id. */
static void
test_audit_entry (RecordsFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(CtRecord) child = new_child ("TEST-0002");
  g_autoptr(GError) error = NULL;
  guint entries = records_count_rows (fixture->db, "audit_log");

  g_assert_true (ct_store_insert (fixture->db, child, &error));
  g_assert_cmpuint (records_count_rows (fixture->db, "audit_log"), ==, entries + 1);
  g_assert_cmpuint (records_count_audit (fixture->db, "create", "child",
                                         ct_record_get_id (child)), ==, 1);
}

/* Clinical notes never reach the audit trail. */
static void
test_audit_without_notes (RecordsFixture *fixture,
                          gconstpointer   data)
{
  g_autofree char *staff = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->staff_id);
  g_autoptr(GError) error = NULL;
  CtStatement *stmt;

  records_insert (fixture->db, "consultation", "date", "2025-01-01", "clinician", staff,
                  "requested_by", "other", "topics", "risk", "mode", "phone",
                  "duration_minutes", "20", "attendees", "1", "outcome", "other",
                  "notes", "Invented sensitive note", NULL);
  stmt = ct_database_prepare (fixture->db, "SELECT count(*) FROM audit_log"
                                           " WHERE description LIKE '%sensitive%'", &error);
  g_assert_no_error (error);
  g_assert_true (test_step (stmt));
  g_assert_cmpint (ct_statement_column_int (stmt, 0), ==, 0);
  ct_statement_reset (stmt);
}

/* Inside an import's transaction, rolling back the outer one undoes the
 * records and their audit entries together. */
static void
test_nested_rollback (RecordsFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  guint entries = records_count_rows (fixture->db, "audit_log");

  g_assert_true (ct_database_begin (fixture->db, &error));
  records_insert (fixture->db, "staff", "name", "Test Clinician C", "role", "other", NULL);
  g_assert_cmpint (ct_store_ensure_staff (fixture->db, "Test Clinician D", &error), >, 0);
  ct_database_rollback (fixture->db);

  g_assert_cmpuint (records_count_rows (fixture->db, "staff"), ==, 1);
  g_assert_cmpuint (records_count_rows (fixture->db, "audit_log"), ==, entries);
}

/* H: look-ups for the import */

static void
test_lookups (RecordsFixture *fixture,
              gconstpointer   data)
{
  gint64 referral = records_insert_referral (fixture, "2024-01-10");
  gint64 goal = insert_goal (fixture, referral);
  gint64 event = insert_event (fixture, "TEST-TR-4", "2025-01-01");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ct_store_find_staff (fixture->db, "Test Clinician A", &error), ==, fixture->staff_id);
  g_assert_cmpint (ct_store_find_child (fixture->db, "TEST-0001", &error), ==, fixture->child_id);
  g_assert_cmpint (ct_store_find_referral (fixture->db, "TEST-0001", "2024-01-10", &error), ==, referral);
  g_assert_cmpint (ct_store_find_goal (fixture->db, referral, 1, &error), ==, goal);
  g_assert_cmpint (ct_store_find_training_event (fixture->db, "TEST-TR-4", &error), ==, event);
  g_assert_no_error (error);

  g_assert_cmpint (ct_store_find_child (fixture->db, "TEST-9999", &error), ==, 0);
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "TEST-9999"));
  g_clear_error (&error);
  g_assert_cmpint (ct_store_find_referral (fixture->db, "TEST-0001", "2024-01-11", &error), ==, 0);
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ct_store_find_goal (fixture->db, referral, 2, &error), ==, 0);
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ct_store_find_training_event (fixture->db, "TEST-TR-0", &error), ==, 0);
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ct_store_find_staff (fixture->db, "Test Nobody", &error), ==, 0);
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND);
}

static void
test_ensure_staff (RecordsFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) created = NULL;
  g_autofree char *role = NULL;
  gboolean active = FALSE;
  gint64 id;

  g_assert_cmpint (ct_store_ensure_staff (fixture->db, "Test Clinician A", &error), ==,
                   fixture->staff_id);
  id = ct_store_ensure_staff (fixture->db, "Test Clinician New", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, fixture->staff_id);
  g_assert_cmpint (ct_store_ensure_staff (fixture->db, "Test Clinician New", &error), ==, id);
  g_assert_cmpuint (records_count_audit (fixture->db, "create", "staff", id), ==, 1);

  created = get_ok (fixture->db, ct_kind_lookup ("staff"), id);
  g_object_get (created, "role", &role, "active", &active, NULL);
  g_assert_cmpstr (role, ==, "other");
  g_assert_true (active);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* Another connection's commit reaches this one as "changed", through the
 * watch's polling of the store (the file's PRAGMA data_version, the
 * server's notifications); this connection's own writes do not count. */
static void
test_changed_by_another_process (RecordsFixture *fixture,
                                 gconstpointer   data)
{
  g_autoptr(CtDatabase) other = test_store_open_again (fixture->db, "Another Process");
  g_autoptr(CtChangeWatch) watch = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint count = 0;

  watch = ct_change_watch_new (fixture->db, 10);
  g_signal_connect_swapped (fixture->db, "changed", G_CALLBACK (count_signal), &count);

  records_insert_child_b (fixture->db);
  g_assert_cmpuint (count, ==, 1);
  g_assert_false (ct_change_watch_check (watch));

  records_insert (other, "staff", "name", "Test Clinician C", "role", "trainee", NULL);
  while (count < 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count, ==, 2);
  g_assert_false (ct_change_watch_check (watch));
}

/* "changed" comes once per committed write to records, after the commit of
 * the outermost transaction; never for a write rolled back or refused. */
static void
test_changed_signal (RecordsFixture *fixture,
                     gconstpointer   data)
{
  CtDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  guint count = 0;
  gint64 child;

  g_signal_connect_swapped (db, "changed", G_CALLBACK (count_signal), &count);

  child = records_insert_child_b (db);
  g_assert_cmpuint (count, ==, 1);

  g_assert_true (ct_database_begin (db, &error));
  records_insert (db, "staff", "name", "Test Clinician C", "role", "trainee", NULL);
  records_insert (db, "staff", "name", "Test Clinician D", "role", "trainee", NULL);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (ct_database_commit (db, &error));
  g_assert_cmpuint (count, ==, 2);

  g_assert_true (ct_database_begin (db, &error));
  records_insert (db, "staff", "name", "Test Clinician E", "role", "trainee", NULL);
  ct_database_rollback (db);
  g_assert_cmpuint (count, ==, 2);

  /* A child with referrals cannot be deleted: nothing changed. */
  records_insert_episode (db, child, fixture->staff_id, "2024-04-01", NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_false (ct_store_delete (db, ct_kind_lookup ("child"), child, &error));
  g_assert_cmpuint (count, ==, 3);
  g_clear_error (&error);

  /* Unlocking and other audited acts change no record. */
  g_assert_true (ct_database_audit (db, "export", "child", child, "Test export", &error));
  g_assert_cmpuint (count, ==, 3);
}

/* What "changed" said: every record listed, and whether any signal listed
 * none (not known one by one). */
typedef struct
{
  guint   n_signals;
  GArray *changes;
  gboolean unknown;
} Heard;

static void
hear (Heard  *heard,
      GArray *changes)
{
  heard->n_signals++;
  if (changes == NULL)
    heard->unknown = TRUE;
  else
    g_array_append_vals (heard->changes, changes->data, changes->len);
}

static void
assert_heard (Heard              *heard,
              guint               index,
              const char         *kind,
              gint64              id,
              CtRecordChangeKind  change)
{
  const CtRecordChange *entry;

  g_assert_cmpuint (index, <, heard->changes->len);
  entry = &g_array_index (heard->changes, CtRecordChange, index);
  g_assert_cmpstr (entry->kind, ==, kind);
  g_assert_cmpint (entry->id, ==, id);
  g_assert_cmpint (entry->change, ==, change);
}

/* "changed" lists the records written, from the writes themselves: each
 * created, updated or deleted record once, a transaction's all in one
 * signal; a setting lists none (views read everything again). */
static void
test_changed_lists_records (RecordsFixture *fixture,
                            gconstpointer   data)
{
  CtDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) child = NULL;
  Heard heard = { 0, g_array_new (FALSE, FALSE, sizeof (CtRecordChange)), FALSE };
  gint64 child_id, staff_c, staff_d;

  g_signal_connect_swapped (db, "changed", G_CALLBACK (hear), &heard);

  child_id = records_insert_child_b (db);
  assert_heard (&heard, 0, "child", child_id, CT_RECORD_CREATED);
  child = get_ok (db, ct_kind_lookup ("child"), child_id);
  g_assert_true (ct_record_set_string_by_name (child, "name", "Test Child Renamed", &error));
  g_assert_true (ct_store_update (db, child, &error));
  assert_heard (&heard, 1, "child", child_id, CT_RECORD_UPDATED);

  g_assert_true (ct_database_begin (db, &error));
  staff_c = records_insert (db, "staff", "name", "Test Clinician C", "role", "trainee", NULL);
  staff_d = records_insert (db, "staff", "name", "Test Clinician D", "role", "trainee", NULL);
  g_assert_true (ct_database_commit (db, &error));
  g_assert_cmpuint (heard.n_signals, ==, 3);
  assert_heard (&heard, 2, "staff", staff_c, CT_RECORD_CREATED);
  assert_heard (&heard, 3, "staff", staff_d, CT_RECORD_CREATED);

  g_assert_true (ct_store_delete (db, ct_kind_lookup ("staff"), staff_d, &error));
  g_assert_no_error (error);
  assert_heard (&heard, 4, "staff", staff_d, CT_RECORD_DELETED);
  g_assert_cmpuint (heard.changes->len, ==, 5);
  g_assert_false (heard.unknown);

  /* A preference: listed as such, so that no list of records reads again. */
  g_assert_true (ct_setting_set (db, CT_SETTING_TEAM_NAME, "Test Team", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard.n_signals, ==, 5);
  g_assert_false (heard.unknown);
  assert_heard (&heard, 5, CT_SETTING_CHANGE, 0, CT_RECORD_UPDATED);
  g_array_unref (heard.changes);
}

/* A place at @event_id with @status: inserted, or FALSE with @error. */
static gboolean
try_attendance (RecordsFixture  *fixture,
                gint64           event_id,
                const char      *status,
                CtRecord       **record,
                GError         **error)
{
  g_autofree char *event_text = records_id_text (event_id);

  *record = records_new ("training_attendance", "event", event_text,
                         "attendee_name", "Test Attendee A", "role", "foster_carers",
                         "status", status, NULL);
  return ct_store_insert (fixture->db, *record, error);
}

/* Nobody attends (or misses) an event that has not been held yet. */
static void
test_future_register (RecordsFixture *fixture,
                      gconstpointer   data)
{
  static const char * const refused[] = { "attended", "did_not_attend" };
  static const char * const allowed[] = { "booked", "cancelled" };
  gint64 future = insert_event (fixture, "TEST-TR-8", "2025-09-01");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(CtRecord) record = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (try_attendance (fixture, future, refused[i], &record, &error));
      records_assert_error (error, CT_DATABASE_ERROR_INVALID, record, "status");
      g_assert_nonnull (strstr (error->message, "2025-09-01"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(CtRecord) record = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (try_attendance (fixture, future, allowed[i], &record, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (records_count (fixture->db, "SELECT count (*) FROM training_attendance"),
                    ==, 2);
}

/* An event held, its register taken, cannot then move into the future. */
static void
test_register_keeps_event_past (RecordsFixture *fixture,
                                gconstpointer   data)
{
  gint64 held = insert_event (fixture, "TEST-TR-9", RECORDS_TODAY);
  g_autoptr(CtRecord) attendance = NULL;
  g_autoptr(CtRecord) event = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (try_attendance (fixture, held, "attended", &attendance, &error));
  g_assert_no_error (error);
  event = ct_store_get (fixture->db, ct_kind_lookup ("training_event"), held, &error);
  g_assert_no_error (error);
  g_assert_true (ct_record_set_string_by_name (event, "date", "2025-07-01", &error));
  g_assert_false (ct_store_update (fixture->db, event, &error));
  records_assert_error (error, CT_DATABASE_ERROR_INVALID, event, "date");
  g_clear_error (&error);

  /* Booked places alone move with it. */
  g_object_set (attendance, "status", "booked", NULL);
  g_assert_true (ct_store_update (fixture->db, attendance, &error));
  g_assert_no_error (error);
  g_assert_true (ct_store_update (fixture->db, event, &error));
  g_assert_no_error (error);
}

static GPtrArray *
find_names (RecordsFixture *fixture,
            const char     *typed,
            guint           limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *names = ct_attendee_names_find (fixture->db, typed, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (names);
  return names;
}

/* Names offered in a register: earlier attendees with their latest role,
 * and staff; each once, whatever the case typed. */
static void
test_attendee_names (RecordsFixture *fixture,
                     gconstpointer   data)
{
  g_autofree char *event = records_id_text (insert_event (fixture, "TEST-TR-7", "2025-01-01"));
  g_autoptr(GPtrArray) carers = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) one = NULL;
  CtAttendeeName *name;

  records_insert (fixture->db, "training_attendance", "event", event, "attendee_name",
                  "Test Carer Ann", "role", "foster_carers", "organisation", "Test Fostering",
                  "status", "attended", NULL);
  records_insert (fixture->db, "training_attendance", "event", event, "attendee_name",
                  "Test Carer Ann", "role", "kinship_carers", "status", "booked", NULL);
  records_insert (fixture->db, "training_attendance", "event", event, "attendee_name",
                  "Test Carer Bob", "role", "other", "status", "booked", NULL);

  carers = find_names (fixture, "CARER", 10);
  g_assert_cmpuint (carers->len, ==, 2);
  name = carers->pdata[0];
  g_assert_cmpstr (name->name, ==, "Test Carer Ann");
  g_assert_cmpstr (name->role, ==, "kinship_carers");
  g_assert_null (name->organisation);
  g_assert_cmpstr (((CtAttendeeName *) carers->pdata[1])->name, ==, "Test Carer Bob");

  staff = find_names (fixture, "clinician a", 10);
  g_assert_cmpuint (staff->len, ==, 1);
  name = staff->pdata[0];
  g_assert_cmpstr (name->name, ==, "Test Clinician A");
  g_assert_null (name->role);

  none = find_names (fixture, "100%", 10);
  g_assert_cmpuint (none->len, ==, 0);
  one = find_names (fixture, "Test", 1);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (((CtAttendeeName *) one->pdata[0])->name, ==, "Test Carer Ann");
}

/* H: versions. Two connections to the same records: a save or a delete of
 * a record read before the other saved it is refused, naming who saved it;
 * nothing is overwritten. */

static void
test_stale_update (RecordsFixture *fixture,
                   gconstpointer   data)
{
  const CtKind *kind = ct_kind_lookup ("child");
  g_autoptr(CtDatabase) other = test_store_open_again (fixture->db, "Test Clinician B");
  g_autoptr(CtRecord) mine = get_ok (fixture->db, kind, fixture->child_id);
  g_autoptr(CtRecord) theirs = get_ok (other, kind, fixture->child_id);
  g_autoptr(CtRecord) now = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ct_record_get_version (mine), ==, 1);
  g_assert_true (ct_record_set_string_by_name (theirs, "name", "Test Child Theirs", &error));
  g_assert_true (ct_store_update (other, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ct_record_get_version (theirs), ==, 2);

  /* Saving over their newer version: refused, naming them. */
  g_assert_true (ct_record_set_string_by_name (mine, "name", "Test Child Mine", &error));
  g_assert_false (ct_store_update (fixture->db, mine, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, ct_database_get_actor (other)));
  g_clear_error (&error);
  now = get_ok (fixture->db, kind, fixture->child_id);
  assert_field (now, "name", "Test Child Theirs");
  g_assert_cmpint (ct_record_get_version (now), ==, 2);
  g_assert_cmpuint (records_count_audit (fixture->db, "update", "child", fixture->child_id),
                    ==, 1);

  /* Read again, the change goes through. */
  g_assert_true (ct_record_set_string_by_name (now, "name", "Test Child Mine", &error));
  g_assert_true (ct_store_update (fixture->db, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ct_record_get_version (now), ==, 3);
  /* Their copy is now the older one. */
  g_assert_false (ct_store_update (other, theirs, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, ct_database_get_actor (fixture->db)));
}

static void
test_stale_delete (RecordsFixture *fixture,
                   gconstpointer   data)
{
  const CtKind *kind = ct_kind_lookup ("child");
  gint64 child = records_insert_child_b (fixture->db);
  g_autoptr(CtDatabase) other = test_store_open_again (fixture->db, "Test Clinician B");
  g_autoptr(CtRecord) mine = get_ok (fixture->db, kind, child);
  g_autoptr(CtRecord) theirs = get_ok (other, kind, child);
  g_autoptr(CtRecord) now = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_record_set_string_by_name (theirs, "placement_area", "out_of_area", &error));
  g_assert_true (ct_store_update (other, theirs, &error));
  g_assert_no_error (error);

  g_assert_false (ct_store_delete_record (fixture->db, mine, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_STALE);
  g_clear_error (&error);
  now = get_ok (fixture->db, kind, child);
  g_assert_cmpuint (records_count_audit (fixture->db, "delete", "child", child), ==, 0);

  /* The version read now deletes it. */
  g_assert_true (ct_store_delete_record (fixture->db, now, &error));
  g_assert_no_error (error);
  g_assert_false (ct_store_delete_record (other, theirs, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND);
}

/* Every save counts the version up, on every kind with a word list too. */
static void
test_versions_count_up (RecordsFixture *fixture,
                        gconstpointer   data)
{
  const CtKind *kind = ct_kind_lookup ("consultation");
  g_autoptr(CtRecord) record = records_new ("consultation", "date", "2025-01-10",
                                            "requested_by", "social_worker", "mode", "phone",
                                            "duration_minutes", "30", "attendees", "2",
                                            "outcome", "advice_given",
                                            "topics", "risk", NULL);
  g_autoptr(CtRecord) read = NULL;
  g_autoptr(CtRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  ct_record_set_reference (record, "clinician", fixture->staff_id);
  g_assert_true (ct_store_insert (fixture->db, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ct_record_get_version (record), ==, 1);
  for (int i = 2; i <= 3; i++)
    {
      g_assert_true (ct_store_update (fixture->db, record, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ct_record_get_version (record), ==, i);
    }
  read = get_ok (fixture->db, kind, ct_record_get_id (record));
  g_assert_cmpint (ct_record_get_version (read), ==, 3);
  /* An editor's copy saves at the version read. */
  copy = ct_record_dup (read);
  g_assert_cmpint (ct_record_get_version (copy), ==, 3);
}

/* The records file: one's own staff member is the staff profile chosen
 * (the actor), found again when the actor or a staff record changes. */
static void
test_own_staff_follows_the_actor (RecordsFixture *fixture,
                                  gconstpointer   data)
{
  CtDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) renamed = NULL;
  gint64 staff_b = records_insert_clinician_b (db);

  g_assert_cmpint (ct_store_find_own_staff (db, &error), ==, 0);
  ct_database_set_actor (db, "Test Clinician A");
  g_assert_cmpint (ct_store_find_own_staff (db, &error), ==, fixture->staff_id);
  ct_database_set_actor (db, "Test Clinician B");
  g_assert_cmpint (ct_store_find_own_staff (db, &error), ==, staff_b);

  renamed = ct_store_get (db, ct_kind_lookup ("staff"), staff_b, &error);
  g_assert_no_error (error);
  g_assert_true (ct_record_set_string_by_name (renamed, "name", "Test Clinician C", &error));
  g_assert_true (ct_store_update (db, renamed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ct_store_find_own_staff (db, &error), ==, 0);
  g_assert_no_error (error);
}

static void
add_fixture_test (const char    *path,
                  gconstpointer  data,
                  void         (*func) (RecordsFixture *, gconstpointer))
{
  g_test_add (path, RecordsFixture, data, records_fixture_setup, func, records_fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/kinds", test_kinds);
  g_test_add_func ("/records/fields", test_fields);
  g_test_add_func ("/records/field-details", test_field_details);
  g_test_add_func ("/records/role-words", test_role_words_are_audience_words);
  g_test_add_func ("/records/values", test_record_values);
  g_test_add_func ("/records/notify", test_record_notify);
  g_test_add_func ("/records/defaults", test_defaults);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/records/crud/%s", samples[i].kind);
      add_fixture_test (path, &samples[i], test_crud);
    }
  add_fixture_test ("/records/update-deleted", NULL, test_update_deleted);
  add_fixture_test ("/records/changed-signal", NULL, test_changed_signal);
  add_fixture_test ("/records/changed-lists-records", NULL, test_changed_lists_records);
  if (!test_store_is_server ())
    add_fixture_test ("/records/own-staff-follows-the-actor", NULL,
                      test_own_staff_follows_the_actor);
  add_fixture_test ("/records/changed-by-another-process", NULL,
                    test_changed_by_another_process);
  add_fixture_test ("/records/display-fields", NULL, test_display_fields);
  add_fixture_test ("/records/list/filters", NULL, test_list_filters);
  add_fixture_test ("/records/list/status", NULL, test_list_status);
  add_fixture_test ("/records/list/goals", NULL, test_list_goal_filters);
  add_fixture_test ("/records/list/word-order", NULL, test_word_list_order);
  add_fixture_test ("/records/conflicts", NULL, test_conflicts);
  add_fixture_test ("/records/conflicts/inactive-staff", NULL, test_inactive_staff_name);
  add_fixture_test ("/records/conflicts/rating-once", NULL, test_rating_once);
  add_fixture_test ("/records/in-use", NULL, test_in_use);
  add_fixture_test ("/records/training/future-register", NULL, test_future_register);
  add_fixture_test ("/records/training/attendee-names", NULL, test_attendee_names);
  add_fixture_test ("/records/training/register-keeps-event-past", NULL,
                    test_register_keeps_event_past);
  add_fixture_test ("/records/audit/failure-rolls-back", NULL, test_audit_failure_rolls_back);
  add_fixture_test ("/records/audit/row-failure", NULL, test_row_failure_leaves_no_audit);
  add_fixture_test ("/records/audit/entry", NULL, test_audit_entry);
  add_fixture_test ("/records/audit/no-notes", NULL, test_audit_without_notes);
  add_fixture_test ("/records/audit/nested-rollback", NULL, test_nested_rollback);
  add_fixture_test ("/records/versions/stale-update", NULL, test_stale_update);
  add_fixture_test ("/records/versions/stale-delete", NULL, test_stale_delete);
  add_fixture_test ("/records/versions/count-up", NULL, test_versions_count_up);
  add_fixture_test ("/records/lookups", NULL, test_lookups);
  add_fixture_test ("/records/ensure-staff", NULL, test_ensure_staff);

  return g_test_run ();
}
