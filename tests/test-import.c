/* test-import.c: records from CSV files, and the errors of bad files
 *
 * Every test starts from the records fixture (one staff member, "Test
 * Clinician A", and one child, TEST-0001). The files of tests/data/csv hold
 * invented records of every kind; the bad files are written inline, so
 * that the line an error names can be seen beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <string.h>

#include "ct-csv.h"
#include "ct-file-database-private.h"
#include "test-store.h"
#include "test-database-util.h"
#include "ct-import.h"
#include "records-fixture.h"

/* The fixture files, in dependency order. */
static const char *const fixture_files[] = {
  "staff", "children", "referrals", "consultations", "reflective-practice", "goals",
  "goal-ratings", "training-events", "training-attendance", "sdq-scores",
};

static gboolean
import_text (CtDatabase  *db,
             const char  *kind,
             const char  *file_name,
             const char  *text,
             guint       *n_imported,
             GError     **error)
{
  return ct_import_data (db, ct_kind_lookup (kind), file_name, text, strlen (text),
                         CT_IMPORT_DEFAULT, n_imported, error);
}

static guint
import_fixture_file (CtDatabase *db,
                     const char *cli_word)
{
  g_autofree char *name = g_strconcat (cli_word, ".csv", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (ct_import_file (db, ct_kind_lookup (cli_word), file, CT_IMPORT_DEFAULT, &n,
                                 &error));
  g_assert_no_error (error);
  return n;
}

static void
import_fixture_files (CtDatabase *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture_files); i++)
    import_fixture_file (db, fixture_files[i]);
}

/* The record of @kind whose field @name has the text @value. */
static CtRecord *
find_record (CtDatabase *db,
             const char *kind,
             const char *name,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = ct_store_list (db, ct_kind_lookup (kind), NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (records, i);
      g_autofree char *text = ct_record_get_string_by_name (record, name);

      if (g_strcmp0 (text, value) == 0)
        return g_steal_pointer (&record);
    }
  g_error ("No %s has %s = %s", kind, name, value);
}

/* Every kind, with its fields as written */

static void
test_every_kind (RecordsFixture *fixture,
                 gconstpointer   data)
{
  /* Rows of each table before and after: the fixture has one staff member
   * and one child; the referrals and consultations add one staff member. */
  static const struct { const char *file; const char *table; guint rows; guint total; } expected[] = {
    { "staff", "staff", 3, 4 },
    { "children", "child", 3, 4 },
    { "referrals", "referral", 4, 4 },
    { "consultations", "consultation", 3, 3 },
    { "reflective-practice", "reflective_practice", 2, 2 },
    { "goals", "goal", 2, 2 },
    { "goal-ratings", "goal_rating", 3, 3 },
    { "training-events", "training_event", 2, 2 },
    { "training-attendance", "training_attendance", 3, 3 },
    { "sdq-scores", "sdq_score", 3, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CtKind *kind = ct_kind_lookup (expected[i].file);

      g_assert_cmpuint (import_fixture_file (fixture->db, expected[i].file), ==, expected[i].rows);
      g_assert_cmpuint (records_count_rows (fixture->db, expected[i].table), ==, expected[i].total);
      g_assert_cmpuint (records_count_audit (fixture->db, "import", ct_kind_get_name (kind), 0), ==, 1);
    }
  /* One new clinician came with the referrals. */
  g_assert_cmpuint (records_count_rows (fixture->db, "staff"), ==, 5);
}

/* Imported text is trimmed and in Unicode NFC: a name typed with a
 * combining accent is stored as the same name typed with a precomposed
 * one. */
static void
test_normalised (RecordsFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) child = NULL;
  static const char text[] =
    "reference,name,date_of_birth,legal_status,placement_type,placement_area,uasc\n"
    "  TEST-0100 ,\" Test Zoe\xcc\x81 E \",2015-01-02,looked_after,kinship,in_area,no\n";

  g_assert_true (import_text (fixture->db, "children", "nfc.csv", text, NULL, &error));
  g_assert_no_error (error);
  child = find_record (fixture->db, "child", "reference", "TEST-0100");
  records_assert_field (child, "name", "Test Zo\xc3\xa9 E");
}

static void
test_values (RecordsFixture *fixture,
             gconstpointer   data)
{
  g_autoptr(CtRecord) child = NULL;
  g_autoptr(CtRecord) referral = NULL;
  g_autoptr(CtRecord) consultation = NULL;
  g_autoptr(CtRecord) other = NULL;
  g_autoptr(CtRecord) event = NULL;
  g_autoptr(CtRecord) rating = NULL;
  g_autoptr(CtRecord) staff = NULL;
  g_autoptr(CtRecord) sdq = NULL;

  import_fixture_files (fixture->db);

  /* children.csv: byte-order mark, CRLF, columns in another order, quotes */
  child = find_record (fixture->db, "child", "reference", "TEST-0002");
  records_assert_field (child, "name", "Test Child, B");
  records_assert_field (child, "placement_area", "out_of_area");
  records_assert_field (child, "uasc", "no");
  g_clear_object (&child);
  child = find_record (fixture->db, "child", "reference", "TEST-0003");
  records_assert_field (child, "name", "Test Zoë C");
  records_assert_field (child, "gender", NULL);
  records_assert_field (child, "uasc", "yes");
  g_clear_object (&child);
  child = find_record (fixture->db, "child", "reference", "TEST-0004");
  records_assert_field (child, "name", "Test \"Kit\" D");

  referral = find_record (fixture->db, "referral", "child_reference", "TEST-0003");
  records_assert_field (referral, "decision_reason", "Test reason: CAMHS threshold met,\nsignposted on");
  records_assert_field (referral, "clinician_name", NULL);
  records_assert_field (referral, "start_date", NULL);

  consultation = find_record (fixture->db, "consultation", "date", "2024-04-02");
  records_assert_field (consultation, "notes", "Test notes with a comma, a \"quote\" and\na second line");
  records_assert_field (consultation, "topics", "placement_fragility;risk");
  records_assert_field (consultation, "clinician_name", "Test Siân Ellis");
  records_assert_field (consultation, "child_reference", "TEST-0002");
  other = find_record (fixture->db, "consultation", "date", "2024-04-03");
  records_assert_field (other, "child_reference", NULL);
  records_assert_field (other, "team", NULL);
  records_assert_field (other, "clinician_name", "Test Clinician A");

  rating = find_record (fixture->db, "goal_rating", "date", "2024-09-30");
  records_assert_field (rating, "score", "7");
  records_assert_field (rating, "goal_number", "1");
  records_assert_field (rating, "referral_date", "2024-01-10");

  event = find_record (fixture->db, "training_event", "code", "TEST-TR-02");
  records_assert_field (event, "capacity", NULL);
  records_assert_field (event, "trainer", NULL);

  sdq = find_record (fixture->db, "sdq_score", "reason", "SDQ2");
  records_assert_field (sdq, "child_reference", "TEST-0004");
  records_assert_field (sdq, "total", NULL);
  records_assert_field (sdq, "informant", "teacher");
  g_clear_object (&sdq);
  sdq = find_record (fixture->db, "sdq_score", "date", "2024-03-01");
  records_assert_field (sdq, "total", "12");
  records_assert_field (sdq, "hyperactivity", "4");
  records_assert_field (sdq, "reason", NULL);

  staff = find_record (fixture->db, "staff", "name", "Test Zoë Marsh");
  records_assert_field (staff, "active", "no");
  records_assert_field (staff, "role", "assistant_psychologist");
}

static void
test_audit_description (RecordsFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  CtStatement *stmt;

  import_fixture_file (fixture->db, "children");

  stmt = ct_database_prepare (fixture->db, "SELECT description FROM audit_log"
                                           " WHERE action = 'import'", &error);
  g_assert_no_error (error);
  g_assert_true (test_step (stmt));
  description = g_strdup (ct_statement_column_text (stmt, 0));
  g_assert_false (test_step (stmt));
  ct_statement_reset (stmt);
  g_assert_cmpstr (description, ==, "Imported 3 children from children.csv");
}

#define SAME_STAFF "name,role,active\nTest Staff Same,clinical_psychologist,yes\n"

/* The same bytes a second time are refused, whatever the file is called,
 * and add nothing; asked for, they import again. */
static void
test_same_content_refused (RecordsFixture *fixture,
                           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  guint before, n = 7;

  g_assert_true (import_text (fixture->db, "staff", "first.csv", SAME_STAFF, &n, &error));
  g_assert_no_error (error);
  before = records_count_rows (fixture->db, "staff");

  g_assert_false (import_text (fixture->db, "staff", "renamed.csv", SAME_STAFF, &n, &error));
  g_assert_error (error, CT_IMPORT_ERROR, CT_IMPORT_ERROR_ALREADY_IMPORTED);
  g_assert_cmpuint (n, ==, 0);
  g_assert_nonnull (strstr (error->message, "renamed.csv has exactly the content"));
  g_assert_nonnull (strstr (error->message, "(first.csv, 1 staff member)"));
  g_assert_cmpuint (records_count_rows (fixture->db, "staff"), ==, before);
  g_clear_error (&error);

  /* One byte more is another file (and here a duplicate name). */
  g_assert_false (import_text (fixture->db, "staff", "edited.csv", SAME_STAFF "\n", &n, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_false (ct_import_data (fixture->db, ct_kind_lookup ("staff"), "again.csv", SAME_STAFF,
                                  strlen (SAME_STAFF), CT_IMPORT_AGAIN, &n, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CONFLICT);
}

/* A file that failed to import is not remembered: corrected records
 * elsewhere, the same bytes import. */
static void
test_failed_import_forgotten (RecordsFixture *fixture,
                              gconstpointer   data)
{
  static const char text[] = "name,role,active\nTest Staff Later,clinical_psychologist,yes\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) blocker = NULL;
  guint n = 0;

  g_assert_true (import_text (fixture->db, "staff", "blocker.csv",
                              "name,role,active\nTest Staff Later,other,yes\n", &n, &error));
  g_assert_no_error (error);
  g_assert_false (import_text (fixture->db, "staff", "later.csv", text, &n, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);

  blocker = find_record (fixture->db, "staff", "name", "Test Staff Later");
  g_assert_true (ct_store_delete (fixture->db, ct_kind_lookup ("staff"),
                                  ct_record_get_id (blocker), &error));
  g_assert_no_error (error);
  g_assert_true (import_text (fixture->db, "staff", "later.csv", text, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
}

static void
test_staff_created (RecordsFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) staff = NULL;
  g_autoptr(CtRecord) session = NULL;
  guint n = 0;

  g_assert_true (import_text (fixture->db, "reflective-practice", "groups.csv",
                              "date,facilitator,group,setting,status,attendees,duration_minutes\n"
                              "2025-01-07,Test New Facilitator,Test Group,fostering,held,6,60\n"
                              "2025-02-07,Test New Facilitator,Test Group,fostering,held,7,60\n"
                              "2025-03-07, Test Clinician A ,Test Group,fostering,held,5,60\n",
                              &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  /* Created once, active, role "other"; the existing one matched by name. */
  g_assert_cmpuint (records_count_rows (fixture->db, "staff"), ==, 2);
  staff = find_record (fixture->db, "staff", "name", "Test New Facilitator");
  records_assert_field (staff, "role", "other");
  records_assert_field (staff, "active", "yes");
  session = find_record (fixture->db, "reflective_practice", "date", "2025-03-07");
  g_assert_cmpint (ct_record_get_reference (session, "facilitator"), ==, fixture->staff_id);
}

static void
test_optional_columns_left_out (RecordsFixture *fixture,
                                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) consultation = NULL;

  g_assert_true (import_text (fixture->db, "consultations", "consultations.csv",
                              "outcome,attendees,duration_minutes,mode,topics,requested_by,"
                              "clinician,date\r\n"
                              "other,2,45,phone,risk,iro,Test Clinician A,2025-01-03\r\n",
                              NULL, &error));
  g_assert_no_error (error);
  consultation = find_record (fixture->db, "consultation", "date", "2025-01-03");
  records_assert_field (consultation, "child_reference", NULL);
  records_assert_field (consultation, "team", NULL);
  records_assert_field (consultation, "notes", NULL);
  records_assert_field (consultation, "duration_minutes", "45");
}

static void
test_blank_rows_skipped (RecordsFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* Spreadsheets leave rows of empty cells at the end. */
  g_assert_true (import_text (fixture->db, "staff", "staff.csv",
                              "name,role,active\n\nTest Trainee,trainee,yes\n,,\n \n",
                              &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
}

/* Bad files: each names the file, line and column, and imports nothing */

#define CHILD_COLUMNS "a file of children has the columns reference, name, date_of_birth, " \
                      "gender?, legal_status, placement_type, placement_area, uasc " \
                      "(? marks an optional column)."
#define CHILD_HEADER "reference,name,date_of_birth,legal_status,placement_type,placement_area,uasc\n"
#define CHILD_ROW(ref) ref ",Test Child,2015-01-02,looked_after,kinship,in_area,no\n"
#define CONSULTATION_HEADER "date,clinician,child_reference,requested_by,topics,mode," \
                            "duration_minutes,attendees,outcome,notes\n"

typedef struct
{
  const char *name;       /* the test, and the file name in the message */
  const char *kind;       /* CLI word */
  const char *text;
  gboolean    csv_error;  /* CT_CSV_ERROR, else CT_DATABASE_ERROR */
  int         code;
  const char *message;
  void      (*prepare) (RecordsFixture *fixture);
} BadFile;

static void
add_referral (RecordsFixture *fixture)
{
  records_insert_referral (fixture, "2025-01-01");
}

/* A training event after RECORDS_TODAY. */
static void
add_future_event (RecordsFixture *fixture)
{
  records_insert (fixture->db, "training_event", "code", "TEST-TR-90", "title", "Test Training",
                  "topic", "attachment", "date", "2025-09-01", "duration_minutes", "60",
                  "audience", "foster_carers", NULL);
}

static const BadFile bad_files[] = {
  { "unknown-column.csv", "children",
    "reference,name,colour\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "unknown-column.csv, line 1, column “colour”: this is not a column of this file; "
    CHILD_COLUMNS },
  { "missing-column.csv", "children",
    "reference,name,legal_status,placement_type,placement_area,uasc\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "missing-column.csv, line 1: the column “date_of_birth” is missing; " CHILD_COLUMNS },
  { "no-yes-no-column.csv", "staff",
    "name,role\nTest Trainee,trainee\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "no-yes-no-column.csv, line 1: the column “active” is missing; a file of staff has the "
    "columns name, role, active (? marks an optional column)." },
  { "twice.csv", "staff",
    "name,role,name\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "twice.csv, line 1, column “name”: this column appears twice; keep one." },
  { "empty.csv", "children",
    "",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "empty.csv: " CHILD_COLUMNS },
  { "bad-word.csv", "consultations",
    CONSULTATION_HEADER
    "2025-01-02,Test Clinician A,TEST-0001,iro,risk,phone,30,2,other,\"Test notes,\n"
    "on two lines\"\n"
    "2025-01-03,Test Clinician A,,iro,risk,zoom,30,2,other,\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "bad-word.csv, line 4, column “mode”: “zoom” is not one of the allowed words: "
    "in_person, video, phone." },
  { "bad-word-in-list.csv", "consultations",
    CONSULTATION_HEADER
    "2025-01-03,Test Clinician A,,iro,risk; gossip,phone,30,2,other,\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "bad-word-in-list.csv, line 2, column “topics”: “gossip” is not one of the allowed words: "
    "mental_health, sibling_assessment, placement_fragility, reunification, network_conflict, "
    "family_contact, transitions, risk, other." },
  { "bad-date.csv", "children",
    CHILD_HEADER CHILD_ROW ("TEST-0100")
    "TEST-0101,Test Child,2015-02-30,looked_after,kinship,in_area,no\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "bad-date.csv, line 3, column “date_of_birth”: “2015-02-30” is not a date; enter a real "
    "date as YYYY-MM-DD, such as 2024-03-31." },
  { "future-date.csv", "consultations",
    CONSULTATION_HEADER
    "2025-07-01,Test Clinician A,,iro,risk,phone,30,2,other,\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "future-date.csv, line 2, column “date”: 2025-07-01 is later than today; enter a date on "
    "or before " RECORDS_TODAY "." },
  { "bad-number.csv", "consultations",
    CONSULTATION_HEADER
    "2025-01-03,Test Clinician A,,iro,risk,phone,sixty,2,other,\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "bad-number.csv, line 2, column “duration_minutes”: enter a whole number of 0 or more, "
    "such as 60." },
  { "out-of-range.csv", "consultations",
    CONSULTATION_HEADER
    "2025-01-03,Test Clinician A,,iro,risk,phone,30,0,other,\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "out-of-range.csv, line 2, column “attendees”: enter a whole number of 1 or more." },
  { "bad-yes-no.csv", "children",
    CHILD_HEADER "TEST-0100,Test Child,2015-01-02,looked_after,kinship,in_area,maybe\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "bad-yes-no.csv, line 2, column “uasc”: enter “yes” or “no”." },
  { "blank-yes-no.csv", "children",
    CHILD_HEADER "TEST-0100,Test Child,2015-01-02,looked_after,kinship,in_area,\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "blank-yes-no.csv, line 2, column “uasc”: enter “yes” or “no”." },
  { "blank-required.csv", "children",
    CHILD_HEADER "TEST-0100,,2015-01-02,looked_after,kinship,in_area,no\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "blank-required.csv, line 2, column “name”: this is required; fill it in." },
  { "same-reference-twice.csv", "children",
    CHILD_HEADER CHILD_ROW ("TEST-0100") CHILD_ROW ("TEST-0100"),
    FALSE, CT_DATABASE_ERROR_CONFLICT,
    "same-reference-twice.csv, line 3, column “reference”: …" },
  /* Only the app's rule (regardless of case) catches these two, not the
   * database's: the rows written all at once are checked against each
   * other. */
  { "same-reference-in-other-case.csv", "children",
    CHILD_HEADER CHILD_ROW ("TEST-0100") CHILD_ROW ("TEST-0200") CHILD_ROW ("test-0100"),
    FALSE, CT_DATABASE_ERROR_CONFLICT,
    "same-reference-in-other-case.csv, line 4, column “reference”: …" },
  { "same-staff-in-other-case.csv", "staff",
    "name,role,active\nTest Sian,trainee,yes\nTEST SIAN,trainee,yes\n",
    FALSE, CT_DATABASE_ERROR_CONFLICT,
    "same-staff-in-other-case.csv, line 3, column “name”: …" },
  { "existing-reference.csv", "children",
    CHILD_HEADER CHILD_ROW ("TEST-0001"),
    FALSE, CT_DATABASE_ERROR_CONFLICT,
    "existing-reference.csv, line 2, column “reference”: …" },
  { "unknown-child.csv", "referrals",
    "child_reference,referral_date,referral_source,decision\n"
    "TEST-0001,2025-01-02,iro,pending\n"
    "TEST-9999,2025-01-02,iro,pending\n",
    FALSE, CT_DATABASE_ERROR_NOT_FOUND,
    "unknown-child.csv, line 3, column “child_reference”: There is no child with the "
    "reference “TEST-9999”." },
  { "unknown-referral.csv", "goals",
    "child_reference,referral_date,number,description,set_by\n"
    "TEST-0001,2020-01-01,1,Test goal,child\n",
    FALSE, CT_DATABASE_ERROR_NOT_FOUND,
    "unknown-referral.csv, line 2, column “referral_date”: The child “TEST-0001” has no "
    "referral dated 2020-01-01." },
  { "unknown-goal.csv", "goal-ratings",
    "child_reference,referral_date,number,date,time_point,score\n"
    "TEST-0001,2025-01-01,1,2025-01-01,baseline,3\n",
    FALSE, CT_DATABASE_ERROR_NOT_FOUND,
    "unknown-goal.csv, line 2, column “number”: This referral has no goal number 1.",
    add_referral },
  { "blank-key-part.csv", "goals",
    "child_reference,referral_date,number,description,set_by\n"
    "TEST-0001,,1,Test goal,child\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "blank-key-part.csv, line 2, column “referral_date”: this is required; fill it in." },
  { "blank-clinician.csv", "consultations",
    CONSULTATION_HEADER "2025-01-03,,,iro,risk,phone,30,2,other,\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "blank-clinician.csv, line 2, column “clinician”: this is required; choose one." },
  { "unknown-event.csv", "training-attendance",
    "event_code,attendee_name,role,status\n"
    "TEST-TR-99,Test Carer,foster_carers,booked\n",
    FALSE, CT_DATABASE_ERROR_NOT_FOUND,
    "unknown-event.csv, line 2, column “event_code”: There is no training event with the "
    "code “TEST-TR-99”." },
  { "attended-future-event.csv", "training-attendance",
    "event_code,attendee_name,role,status\n"
    "TEST-TR-90,Test Carer A,foster_carers,booked\n"
    "TEST-TR-90,Test Carer B,foster_carers,attended\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "attended-future-event.csv, line 3, column “status”: the event is on 2025-09-01, later "
    "than today; keep the place as “Booked” (or “Cancelled”) until the event has been held.",
    add_future_event },
  { "new-staff-then-bad-row.csv", "consultations",
    CONSULTATION_HEADER
    "2025-01-02,Test Temporary Clinician,,iro,risk,phone,30,2,other,\n"
    "2025-01-03,Test Other Temporary,,iro,risk,phone,30,2,nothing,\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "new-staff-then-bad-row.csv, line 3, column “outcome”: “nothing” is not one of the "
    "allowed words: …" },
  { "short-row.csv", "staff",
    "name,role,active\nTest Trainee,trainee,yes\nTest Other,trainee\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "short-row.csv, line 3: this row has 2 cells, but the header row has 3; check for a "
    "missing or extra comma." },
  { "open-quote.csv", "staff",
    "name,role,active\nTest Trainee,trainee,yes\n\"Test Other,trainee,yes\n",
    TRUE, CT_CSV_ERROR_QUOTING,
    "open-quote.csv, line 3: a quoted cell is never closed; add the closing quote (\")" },
  { "open-quote-in-header.csv", "staff",
    "name,\"role,active\nTest Trainee,trainee,yes\n",
    TRUE, CT_CSV_ERROR_QUOTING,
    "open-quote-in-header.csv, line 1: a quoted cell is never closed; add the closing quote (\")" },
  { "sdq-both.csv", "sdq-scores",
    "child_reference,date,informant,total,reason\n"
    "TEST-0001,2025-01-02,carer,15,\n"
    "TEST-0001,2025-02-02,carer,15,SDQ4\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "sdq-both.csv, line 3, column “reason”: a score with a total has no "
    "reason for no score; clear one of the two." },
  { "sdq-subscales.csv", "sdq-scores",
    "child_reference,date,informant,total,emotional,conduct,hyperactivity,peer\n"
    "TEST-0001,2025-01-02,self,15,4,4,4,4\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "sdq-subscales.csv, line 2, column “total”: the four difficulty "
    "subscales add up to 16; the total must be the same." },
  /* Quoted input loses its control characters and is cut short. */
  { "escape-codes.csv", "referrals",
    "child_reference,referral_date,referral_source,decision\n"
    "\"TEST-\x1b[2J\x1b]0;owned\x07\u200b\r\n9\",2025-01-02,iro,pending\n",
    FALSE, CT_DATABASE_ERROR_NOT_FOUND,
    "escape-codes.csv, line 2, column “child_reference”: There is no child with the "
    "reference “TEST-[2J]0;owned9”." },
  { "long-word.csv", "consultations",
    CONSULTATION_HEADER
    "2025-01-03,Test Clinician A,,iro,risk,\x1b[31mabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ,"
    "30,2,other,\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "long-word.csv, line 2, column “mode”: “[31mabcdefghijklmnopqrstuvwxyz0123456789…” is not "
    "one of the allowed words: in_person, video, phone." },
  { "escape-in-header.csv", "children",
    "reference,\x1b[1mname\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "escape-in-header.csv, line 1, column “[1mname”: this is not a column of this file; "
    CHILD_COLUMNS },
  /* References and names: no invisible characters; unique whatever the case. */
  { "zero-width.csv", "children",
    CHILD_HEADER CHILD_ROW ("TEST\u200b-0100"),
    FALSE, CT_DATABASE_ERROR_INVALID,
    "zero-width.csv, line 2, column “reference”: this holds an invisible or control character "
    "(such as a zero-width space); type it again without one." },
  { "bom-in-name.csv", "staff",
    "name,role,active\nTest\ufeff Trainee,trainee,yes\n",
    FALSE, CT_DATABASE_ERROR_INVALID,
    "bom-in-name.csv, line 2, column “name”: this holds an invisible …" },
  { "reference-in-other-case.csv", "children",
    CHILD_HEADER CHILD_ROW ("test-0001"),
    FALSE, CT_DATABASE_ERROR_CONFLICT,
    "reference-in-other-case.csv, line 2, column “reference”: …" },
  { "staff-in-other-case.csv", "staff",
    "name,role,active\nTEST CLINICIAN A,trainee,yes\n",
    FALSE, CT_DATABASE_ERROR_CONFLICT,
    "staff-in-other-case.csv, line 2, column “name”: …" },
  { "latin-1.csv", "staff",
    "name,role,active\nTest Si\xe2n,trainee,yes\n",
    TRUE, CT_CSV_ERROR_ENCODING,
    "latin-1.csv, line 2: …" },
};

static void
assert_message (const char *message,
                const char *expected)
{
  g_autofree char *start = NULL;

  if (!g_str_has_suffix (expected, "…"))
    {
      g_assert_cmpstr (message, ==, expected);
      return;
    }
  start = g_strndup (expected, strlen (expected) - strlen ("…"));
  if (!g_str_has_prefix (message, start) || strlen (message) <= strlen (start))
    g_error ("“%s” does not start with “%s”", message, start);
}

static void
test_bad_file (RecordsFixture *fixture,
               gconstpointer   data)
{
  const BadFile *bad = data;
  GQuark domain = bad->csv_error ? CT_CSV_ERROR : CT_DATABASE_ERROR;
  const CtKind *kind = ct_kind_lookup (bad->kind);
  g_autoptr(GError) error = NULL;
  guint staff, rows, audit;
  guint n = 99;

  if (bad->prepare != NULL)
    bad->prepare (fixture);
  staff = records_count_rows (fixture->db, "staff");
  rows = records_count_rows (fixture->db, ct_kind_get_name (kind));
  audit = records_count_rows (fixture->db, "audit_log");

  g_assert_false (import_text (fixture->db, bad->kind, bad->name, bad->text, &n, &error));
  g_assert_error (error, domain, bad->code);
  assert_message (error->message, bad->message);

  /* Nothing imported: no record, no staff member made on the way, no audit
   * entry (neither the import nor a create). */
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (records_count_rows (fixture->db, ct_kind_get_name (kind)), ==, rows);
  g_assert_cmpuint (records_count_rows (fixture->db, "staff"), ==, staff);
  g_assert_cmpuint (records_count_rows (fixture->db, "audit_log"), ==, audit);
  g_assert_cmpuint (records_count_audit (fixture->db, "import", ct_kind_get_name (kind), 0), ==, 0);
}

static int
refuse_commit (void *data)
{
  return 1;
}

/* A commit that fails (as on a full disk) has rolled back already: the
 * import reports it and rolls back no second time (which was a GLib
 * critical, fatal in the tests). */
static void
test_failed_commit (RecordsFixture *fixture,
                    gconstpointer   data)
{
  sqlite3 *handle = ct_database_get_handle (fixture->db, NULL);
  g_autoptr(GError) error = NULL;
  guint children = records_count_rows (fixture->db, "child");

  sqlite3_commit_hook (handle, refuse_commit, NULL);
  g_assert_false (import_text (fixture->db, "children", "commit.csv",
                               CHILD_HEADER CHILD_ROW ("TEST-0100"), NULL, &error));
  sqlite3_commit_hook (handle, NULL, NULL);
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED);
  g_assert_cmpuint (records_count_rows (fixture->db, "child"), ==, children);
}

static void
test_missing_file (RecordsFixture *fixture,
                   gconstpointer   data)
{
  g_autofree char *path = test_fixture_file (&fixture->files, "no-such.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (ct_import_file (fixture->db, ct_kind_lookup ("children"), file,
                                  CT_IMPORT_DEFAULT, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* The worked example of DOMAIN.md, into an empty file */

typedef struct
{
  TestFixture  files;
  CtDatabase  *db;
} EmptyFixture;

static void
empty_fixture_setup (EmptyFixture  *fixture,
                     gconstpointer  data)
{
  test_fixture_setup (&fixture->files, data);
  fixture->db = test_store_create (fixture->files.path, "Test Runner");
}

static void
empty_fixture_teardown (EmptyFixture  *fixture,
                        gconstpointer  data)
{
  g_clear_object (&fixture->db);
  ct_validate_set_today_for_testing (NULL);
  test_fixture_teardown (&fixture->files, data);
}

static void
test_worked_example (EmptyFixture  *fixture,
                     gconstpointer  data)
{
  static const struct { const char *file; guint rows; } expected[] = {
    { "children", 120 },
    { "referrals", 116 },
    { "consultations", 450 },
    { "reflective-practice", 120 },
    { "goals", 162 },
    { "goal-ratings", 237 },
    { "training-events", 36 },
    { "training-attendance", 253 },
  };

  /* Its latest date is 2025-10-31. */
  ct_validate_set_today_for_testing ("2025-12-31");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = g_strconcat (expected[i].file, ".csv", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "summary-example",
                                                     "csv", name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      const CtKind *kind = ct_kind_lookup (expected[i].file);
      guint n = 0;

      g_assert_true (ct_import_file (fixture->db, kind, file, CT_IMPORT_DEFAULT, &n, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, expected[i].rows);
      g_assert_cmpuint (records_count_rows (fixture->db, ct_kind_get_name (kind)), ==,
                        expected[i].rows);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, RecordsFixture, NULL, records_fixture_setup, func, records_fixture_teardown)
  ADD ("/import/every-kind", test_every_kind);
  ADD ("/import/values", test_values);
  ADD ("/import/normalised", test_normalised);
  ADD ("/import/audit-description", test_audit_description);
  ADD ("/import/staff-created", test_staff_created);
  ADD ("/import/same-content-refused", test_same_content_refused);
  ADD ("/import/failed-import-forgotten", test_failed_import_forgotten);
  ADD ("/import/optional-columns-left-out", test_optional_columns_left_out);
  ADD ("/import/blank-rows-skipped", test_blank_rows_skipped);
  ADD ("/import/missing-file", test_missing_file);
  /* A commit hook is the file's own way to make a commit fail (the
   * server's is test-server's lost connection). */
  if (!test_store_is_server ())
    ADD ("/import/failed-commit", test_failed_commit);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strconcat ("/import/bad/", bad_files[i].name, NULL);

      g_test_add (path, RecordsFixture, &bad_files[i], records_fixture_setup, test_bad_file,
                  records_fixture_teardown);
    }

  g_test_add ("/import/worked-example", EmptyFixture, NULL, empty_fixture_setup,
              test_worked_example, empty_fixture_teardown);

  return g_test_run ();
}
