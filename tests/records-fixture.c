/* records-fixture.c: a fresh records file with a few invented records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "records-fixture"

#include "config.h"

#include "ct-database-private.h"
#include "ct-store-batch.h"
#include "test-database-util.h"
#include "records-fixture.h"
#include "test-store.h"

static CtRecord *
new_valist (const char *kind_name,
            va_list     args)
{
  const CtKind *kind = ct_kind_lookup (kind_name);
  CtRecord *record;
  const char *field;

  g_assert_nonnull (kind);
  record = ct_record_new (kind);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      const char *value = va_arg (args, const char *);

      ct_record_set_string_by_name (record, field, value, &error);
      g_assert_no_error (error);
    }
  return record;
}

CtRecord *
records_new (const char *kind,
             ...)
{
  CtRecord *record;
  va_list args;

  va_start (args, kind);
  record = new_valist (kind, args);
  va_end (args);
  return record;
}

gint64
records_insert (CtDatabase *db,
                const char *kind,
                ...)
{
  g_autoptr(CtRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, kind);
  record = new_valist (kind, args);
  va_end (args);

  ct_store_insert (db, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_record_get_id (record), >, 0);
  return ct_record_get_id (record);
}

char *
records_id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

gint64
records_insert_clinician_b (CtDatabase *db)
{
  return records_insert (db, "staff", "name", "Test Clinician B", "role", "family_therapist",
                         NULL);
}

gint64
records_insert_child_b (CtDatabase *db)
{
  return records_insert (db, "child", "reference", "TEST-0002", "name", "Test Child B",
                         "date_of_birth", "2012-02-03", "legal_status", "looked_after",
                         "placement_type", "kinship", "placement_area", "in_area", NULL);
}

gint64
records_insert_episode (CtDatabase *db,
                        gint64      child_id,
                        gint64      clinician_id,
                        const char *date,
                        const char *end_date)
{
  g_autofree char *child = records_id_text (child_id);
  g_autofree char *clinician = clinician_id != 0 ? records_id_text (clinician_id) : NULL;

  return records_insert (db, "referral", "child", child, "referral_date", date,
                         "referral_source", "social_worker", "decision", "accepted",
                         "clinician", clinician, "start_date", date, "end_date", end_date,
                         "end_reason", end_date != NULL ? "planned_end" : NULL, NULL);
}

gint64
records_insert_referral (RecordsFixture *fixture,
                         const char     *date)
{
  return records_insert_episode (fixture->db, fixture->child_id, 0, date, NULL);
}

gint64
records_insert_goal (CtDatabase *db,
                     gint64      referral_id,
                     const char *number)
{
  g_autofree char *referral = records_id_text (referral_id);

  return records_insert (db, "goal", "referral", referral, "number", number,
                         "description", "An invented goal", "set_by", "jointly", NULL);
}

void
records_rate (CtDatabase *db,
              gint64      goal_id,
              const char *date,
              const char *time_point,
              const char *score)
{
  g_autofree char *goal = records_id_text (goal_id);

  records_insert (db, "goal_rating", "goal", goal, "date", date, "time_point", time_point,
                  "score", score, NULL);
}

void
records_fixture_setup (RecordsFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  test_fixture_setup (&fixture->files, data);
  fixture->db = test_store_create (fixture->files.path, "Test Runner");
  ct_validate_set_today_for_testing (RECORDS_TODAY);

  fixture->staff_id = records_insert (fixture->db, "staff", "name", "Test Clinician A",
                                      "role", "clinical_psychologist", NULL);
  fixture->child_id = records_insert (fixture->db, "child", "reference", "TEST-0001",
                                      "name", "Test Child A", "date_of_birth", "2014-05-06",
                                      "legal_status", "looked_after",
                                      "placement_type", "in_house_foster",
                                      "placement_area", "in_area", NULL);
}

void
records_fixture_teardown (RecordsFixture *fixture,
                          gconstpointer   data)
{
  g_clear_object (&fixture->db);
  test_fixture_teardown (&fixture->files, data);
}

void
records_assert_field (CtRecord   *record,
                      const char *name,
                      const char *expected)
{
  g_autofree char *text = ct_record_get_string_by_name (record, name);

  g_assert_cmpstr (text, ==, expected);
}

void
records_assert_error (const GError *error,
                      int           code,
                      CtRecord     *record,
                      const char   *field)
{
  const CtField *expected;

  g_assert_error (error, CT_DATABASE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  if (field == NULL || record == NULL)
    return;

  expected = ct_kind_find_field (ct_record_get_kind (record), field);
  g_assert_nonnull (expected);
  g_assert_true (g_str_has_prefix (error->message, ct_field_get_label (expected)));
  g_assert_true (ct_record_get_invalid_field (record) == expected);
}

static CtStatement *
prepare (CtDatabase *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  CtStatement *stmt = ct_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  return stmt;
}

/* Steps @stmt, a SELECT count (*), once. */
static guint
step_count (CtStatement *stmt)
{
  guint n;

  g_assert_true (test_step (stmt));
  n = ct_statement_column_int (stmt, 0);
  ct_statement_reset (stmt);
  return n;
}

guint
records_count (CtDatabase *db,
               const char *sql)
{
  return step_count (prepare (db, sql));
}

guint
records_count_audit (CtDatabase *db,
                     const char *action,
                     const char *kind,
                     gint64      id)
{
  CtStatement *stmt = prepare (db, "SELECT count(*) FROM audit_log"
                                    " WHERE action = ?1 AND record_kind = ?2 AND record_id = ?3");

  ct_statement_bind_text (stmt, 1, action);
  ct_statement_bind_text (stmt, 2, kind);
  ct_statement_bind_int64 (stmt, 3, id);
  return step_count (stmt);
}

guint
records_count_rows (CtDatabase *db,
                    const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return records_count (db, sql);
}

void
records_insert_consultations (RecordsFixture *fixture,
                              guint           n)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *staff = records_id_text (fixture->staff_id);

  for (guint i = 0; i < n; i++)
    {
      CtRecord *record = ct_record_new (ct_kind_lookup ("consultation"));
      g_autofree char *date = g_strdup_printf ("%u-%02u-%02u", 2020 + i / 336, 1 + i / 28 % 12,
                                               1 + i % 28);
      g_autofree char *minutes = g_strdup_printf ("%u", 1 + i % 300);

      g_assert_true (ct_record_set_string_by_name (record, "date", date, &error));
      ct_record_set_string_by_name (record, "clinician", staff, &error);
      ct_record_set_string_by_name (record, "requested_by", "social_worker", &error);
      ct_record_set_string_by_name (record, "topics", "transitions", &error);
      ct_record_set_string_by_name (record, "mode", "video", &error);
      ct_record_set_string_by_name (record, "duration_minutes", minutes, &error);
      ct_record_set_string_by_name (record, "attendees", "2", &error);
      ct_record_set_string_by_name (record, "outcome", "advice_given", &error);
      g_assert_no_error (error);
      g_ptr_array_add (records, record);
    }
  g_assert_true (ct_store_insert_all (fixture->db, records, &error));
  g_assert_no_error (error);
}
