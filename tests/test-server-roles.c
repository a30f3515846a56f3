/* test-server-roles.c: who may see and change what, enforced by the server
 *
 * Every cell of the role table (help/C/who-can-see-what.page) is tried
 * through raw libpq, as a person with psql and their own password would:
 * a clinician on their own records and on someone else's, an
 * administrator and a clinical lead, reading, creating, changing and
 * deleting each kind of record. A refused cell is a break-in attempt that
 * fails the test if the server lets it through. Each attempt runs in a
 * transaction that is rolled back, so every cell starts from the same
 * records. All names are invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-roles"

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "ct-outcomes.h"
#include "ct-permission.h"
#include "ct-records.h"
#include "ct-server-database-private.h"
#include "ct-server-database.h"
#include "ct-store.h"
#include "ct-timeline.h"
#include "pg-test-server.h"

static PgTestServer *server;
static char *database;

#define PASSWORD "invented password for a test login"

/* Runs @sql as the owner (the test server's superuser). */
static void
owner_exec (const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pg_test_server_exec (server, database, sql, &error));
  g_assert_no_error (error);
}

static PGconn *
sign_in (const char *login)
{
  g_autofree char *connection = pg_test_server_conninfo (server, database, login);
  const char *keywords[] = { "dbname", "password", NULL };
  const char *values[] = { connection, PASSWORD, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, TRUE);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  PQclear (PQexec (conn, "SET search_path = " CT_SERVER_SCHEMA));
  return conn;
}

/* TRUE when @sql succeeded and touched at least one row (a change or
 * delete that row-level security hides touches none). */
static gboolean
attempt (PGconn     *conn,
         const char *sql)
{
  PGresult *result;
  gboolean allowed;

  PQclear (PQexec (conn, "BEGIN"));
  result = PQexec (conn, sql);
  allowed = (PQresultStatus (result) == PGRES_COMMAND_OK &&
             g_strcmp0 (PQcmdTuples (result), "0") != 0) ||
            (PQresultStatus (result) == PGRES_TUPLES_OK);
  PQclear (result);
  PQclear (PQexec (conn, "ROLLBACK"));
  return allowed;
}

typedef struct
{
  const char *kind;
  const char *read;
  const char *create;    /* {me}: the staff id the new record is made for */
  const char *change;
  const char *delete;
} KindSql;

/* The records every cell starts from: Alice's (a clinician) and the team's.
 * The rows that are changed or deleted have nothing depending on them. */
static const char setup_sql[] =
  "SET search_path = " CT_SERVER_SCHEMA ";"
  "INSERT INTO staff (id, name, role, login) VALUES"
  "  (1, 'Invented Alice', 'clinical_psychologist', 'ct_alice'),"
  "  (2, 'Invented Bob', 'family_therapist', 'ct_bob'),"
  "  (3, 'Invented Carol', 'administrator', 'ct_carol'),"
  "  (4, 'Invented Dave', 'clinical_psychologist', 'ct_dave'),"
  "  (5, 'Invented Spare', 'other', NULL);"
  "INSERT INTO child (id, reference, name, date_of_birth, legal_status, placement_type,"
  "  placement_area) VALUES (1, 'TEST-0001', 'Invented Child', '2014-05-06', 'looked_after',"
  "  'kinship', 'in_area'), (2, 'TEST-SPARE', 'Invented Spare', '2015-01-01', 'adopted',"
  "  'adoptive', 'in_area');"
  "INSERT INTO referral (id, child_id, referral_date, referral_source, decision, clinician_id,"
  "  decision_reason) VALUES (1, 1, '2025-01-01', 'iro', 'accepted', 1, 'Invented reason'),"
  "  (2, 1, '2025-01-02', 'iro', 'pending', 1, NULL);"
  "INSERT INTO consultation (id, date, clinician_id, child_id, requested_by, mode,"
  "  duration_minutes, attendees, outcome, notes) VALUES (1, '2025-01-03', 1, 1, 'iro', 'video',"
  "  30, 2, 'advice_given', 'Invented note');"
  "INSERT INTO reflective_practice (id, date, facilitator_id, group_name, setting, status,"
  "  attendees, duration_minutes, themes) VALUES (1, '2025-01-04', 1, 'Invented Group',"
  "  'fostering', 'held', 5, 90, 'Invented theme');"
  "INSERT INTO goal (id, referral_id, number, description, set_by) VALUES"
  "  (1, 1, 1, 'Invented goal', 'child'), (2, 1, 2, 'Invented spare goal', 'carer');"
  "INSERT INTO goal_rating (id, goal_id, date, time_point, score) VALUES"
  "  (1, 1, '2025-01-05', 'baseline', 3);"
  "INSERT INTO training_event (id, code, title, topic, date, duration_minutes) VALUES"
  "  (1, 'TR-1', 'Invented Training', 'nvr', '2025-01-06', 120),"
  "  (2, 'TR-2', 'Invented Spare Training', 'attachment', '2025-01-07', 60);"
  "INSERT INTO training_attendance (id, event_id, attendee_name, role, status) VALUES"
  "  (1, 1, 'Invented Carer', 'foster_carers', 'booked');"
  "INSERT INTO audit_log (who, action, description) VALUES ('ct_dave', 'export', 'Invented');"
  /* New rows take ids after the ones given here. */
  "SELECT setval (pg_get_serial_sequence (table_name, 'id'), 100)"
  "  FROM (VALUES ('staff'), ('child'), ('referral'), ('consultation'), ('reflective_practice'),"
  "    ('goal'), ('goal_rating'), ('training_event'), ('training_attendance')) AS t (table_name);";

static const KindSql kinds[] = {
  { "staff", "SELECT id FROM staff",
    "INSERT INTO staff (name, role) VALUES ('Invented New {me}', 'other')",
    "UPDATE staff SET role = 'trainee' WHERE id = 5", "DELETE FROM staff WHERE id = 5" },
  { "child", "SELECT id FROM child",
    "INSERT INTO child (reference, name, date_of_birth, legal_status, placement_type,"
    " placement_area) VALUES ('TEST-NEW-{me}', 'Invented', '2016-01-01', 'looked_after',"
    " 'kinship', 'in_area')",
    "UPDATE child SET name = 'Invented Changed' WHERE id = 2", "DELETE FROM child WHERE id = 2" },
  { "referral", "SELECT id FROM referral",
    "INSERT INTO referral (child_id, referral_date, referral_source, decision, clinician_id)"
    " VALUES (1, '2025-02-01', 'iro', 'pending', {me})",
    "UPDATE referral SET referral_source = 'health' WHERE id = 2",
    "DELETE FROM referral WHERE id = 2" },
  { "consultation", "SELECT id FROM consultation",
    "INSERT INTO consultation (date, clinician_id, requested_by, mode, duration_minutes,"
    " attendees, outcome) VALUES ('2025-02-02', {me}, 'iro', 'phone', 15, 1, 'other')",
    "UPDATE consultation SET mode = 'phone' WHERE id = 1",
    "DELETE FROM consultation WHERE id = 1" },
  { "reflective_practice", "SELECT id FROM reflective_practice",
    "INSERT INTO reflective_practice (date, facilitator_id, group_name, setting, status,"
    " attendees, duration_minutes) VALUES ('2025-02-03', {me}, 'Invented', 'other', 'held', 1, 60)",
    "UPDATE reflective_practice SET attendees = 6 WHERE id = 1",
    "DELETE FROM reflective_practice WHERE id = 1" },
  /* Goals and ratings belong to the episode's clinician, Alice. */
  { "goal", "SELECT id FROM goal",
    "INSERT INTO goal (referral_id, number, description, set_by) VALUES (1, 3, 'New {me}', 'child')",
    "UPDATE goal SET set_by = 'jointly' WHERE id = 2", "DELETE FROM goal WHERE id = 2" },
  { "goal_rating", "SELECT id FROM goal_rating",
    "INSERT INTO goal_rating (goal_id, date, time_point, score) VALUES (1, '2025-02-04', 'review',"
    " 5) -- {me}",
    "UPDATE goal_rating SET score = 4 WHERE id = 1", "DELETE FROM goal_rating WHERE id = 1" },
  { "training_event", "SELECT id FROM training_event",
    "INSERT INTO training_event (code, title, topic, date, duration_minutes) VALUES"
    " ('TR-NEW-{me}', 'Invented', 'sensory', '2025-02-05', 30)",
    "UPDATE training_event SET title = 'Invented Changed' WHERE id = 2",
    "DELETE FROM training_event WHERE id = 2" },
  { "training_attendance", "SELECT id FROM training_attendance",
    "INSERT INTO training_attendance (event_id, attendee_name, role, status) VALUES"
    " (1, 'Invented {me}', 'social_workers', 'booked')",
    "UPDATE training_attendance SET status = 'attended' WHERE id = 1",
    "DELETE FROM training_attendance WHERE id = 1" },
  { "audit_log", "SELECT id FROM audit_log",
    "INSERT INTO audit_log (who, action, description) VALUES (session_user, 'export', '{me}')",
    "UPDATE audit_log SET description = 'Changed'", "DELETE FROM audit_log" },
  /* Opening a record: every role writes its `view` entry, which nobody
   * changes; every role reads who last changed which record (a refused
   * save names them), never the entries themselves. */
  { "view entry", "SELECT who, at FROM record_change WHERE record_kind = 'child'",
    "INSERT INTO audit_log (who, action, record_kind, record_id, child_id, description)"
    " VALUES (session_user, 'view', 'child', 1, 1, 'Child TEST-0001 {me}')",
    "UPDATE audit_log SET child_id = 2 WHERE action = 'view'",
    "DELETE FROM audit_log WHERE action = 'view'" },
};

/* The clinical free text that an administrator never receives. */
static const char *const clinical_text[] = {
  "SELECT notes FROM consultation", "SELECT description FROM goal",
  "SELECT decision_reason FROM referral", "SELECT themes FROM reflective_practice",
};

typedef struct
{
  const char *who;        /* the cell's person */
  const char *login;
  const char *staff_id;   /* whose records a create makes */
  const char *cells[G_N_ELEMENTS (kinds)];  /* read, create, change, delete: 1 allowed */
  gboolean    reads_clinical_text;
} RoleRow;

static const RoleRow roles[] = {
  { "a clinician on their own records", "ct_alice", "1",
    { "1000", "1100", "1111", "1111", "1111", "1111", "1111", "1111", "1111", "0100", "1100" }, TRUE },
  { "a clinician on someone else's records", "ct_bob", "1",
    { "1000", "1100", "1100", "1000", "1000", "1000", "1000", "1111", "1111", "0100", "1100" }, TRUE },
  { "an administrator", "ct_carol", "1",
    { "1111", "1100", "1100", "1100", "1100", "1100", "1100", "1111", "1111", "1100", "1100" }, FALSE },
  { "a clinical lead", "ct_dave", "1",
    { "1111", "1111", "1111", "1111", "1111", "1111", "1111", "1111", "1111", "1100", "1100" }, TRUE },
};

static void
assert_cell (PGconn     *conn,
             const char *who,
             const char *kind,
             const char *what,
             const char *sql,
             char        expected)
{
  gboolean allowed = attempt (conn, sql);

  if (allowed != (expected == '1'))
    g_error ("%s: %s %s was %s by the server, but should be %s",
             who, what, kind, allowed ? "allowed" : "refused",
             expected == '1' ? "allowed" : "refused");
}

static void
test_role (gconstpointer data)
{
  const RoleRow *row = data;
  PGconn *conn = sign_in (row->login);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const KindSql *kind = &kinds[k];
      g_autoptr(GString) create = g_string_new (kind->create);

      g_string_replace (create, "{me}", row->staff_id, 0);

      assert_cell (conn, row->who, kind->kind, "reading", kind->read, row->cells[k][0]);
      assert_cell (conn, row->who, kind->kind, "creating", create->str, row->cells[k][1]);
      assert_cell (conn, row->who, kind->kind, "changing", kind->change, row->cells[k][2]);
      assert_cell (conn, row->who, kind->kind, "deleting", kind->delete, row->cells[k][3]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (clinical_text); i++)
    assert_cell (conn, row->who, "clinical text", "reading", clinical_text[i],
                 row->reads_clinical_text ? '1' : '0');
  PQfinish (conn);
}

/* The records of kinds[] that the core's permission table is asked about:
 * the one each cell changes and deletes, and whose field says whose a new
 * one is (made for staff 1, as in the cells). */
typedef struct
{
  const char *kind;
  gint64      changed_id;
  const char *owner;
} PermissionProbe;

static const PermissionProbe probes[] = {
  { "staff", 5 }, { "child", 2 }, { "referral", 2, "clinician" },
  { "consultation", 1, "clinician" }, { "reflective_practice", 1, "facilitator" },
  { "goal", 2, "referral" }, { "goal_rating", 1, "goal" }, { "training_event", 2 },
  { "training_attendance", 1 },
};

static void
assert_permission (const char *who,
                   const char *kind,
                   const char *what,
                   gboolean    allowed,
                   GError     *error,
                   char        expected)
{
  if (allowed != (expected == '1'))
    g_error ("%s: the app %s %s %s, but the server %s it", who, allowed ? "offers" : "refuses",
             what, kind, expected == '1' ? "allows" : "refuses");
  /* A refusal says why, in the app's words. */
  if (!allowed)
    g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_ALLOWED);
}

/* What the app offers each role (ct-permission.h) is what the server
 * allows it: every cell of the role table but reading, through the core. */
static void
test_app_permissions (gconstpointer data)
{
  const RoleRow *row = data;
  g_autofree char *connection = pg_test_server_conninfo (server, database, row->login);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, PASSWORD, NULL, &error);

  g_assert_no_error (error);
  G_STATIC_ASSERT (G_N_ELEMENTS (probes) + 2 == G_N_ELEMENTS (kinds));
  for (guint k = 0; k < G_N_ELEMENTS (probes); k++)
    {
      const CtKind *kind = ct_kind_lookup (probes[k].kind);
      g_autoptr(CtRecord) stored = ct_store_get (db, kind, probes[k].changed_id, &error);
      g_autoptr(CtRecord) fresh = ct_record_new (kind);
      g_autoptr(GError) create_error = NULL;
      g_autoptr(GError) change_error = NULL;
      g_autoptr(GError) delete_error = NULL;
      gboolean may_create, may_change, may_delete;

      g_assert_no_error (error);
      g_assert_cmpstr (kinds[k].kind, ==, probes[k].kind);
      if (probes[k].owner != NULL)
        ct_record_set_reference (fresh, probes[k].owner, 1);
      may_create = ct_permission_check_save (db, fresh, &create_error);
      may_change = ct_permission_check_record (db, stored, CT_PERMISSION_CHANGE, &change_error);
      may_delete = ct_permission_check_record (db, stored, CT_PERMISSION_DELETE, &delete_error);
      assert_permission (row->who, probes[k].kind, "creating", may_create, create_error,
                         row->cells[k][1]);
      assert_permission (row->who, probes[k].kind, "changing", may_change, change_error,
                         row->cells[k][2]);
      assert_permission (row->who, probes[k].kind, "deleting", may_delete, delete_error,
                         row->cells[k][3]);
    }
  g_assert_cmpstr (kinds[G_N_ELEMENTS (probes)].kind, ==, "audit_log");
  g_assert_true (ct_permission_can_read_audit_log (db) == (row->cells[G_N_ELEMENTS (probes)][0] == '1'));
}

/* A clinician's new consultation made for someone else is refused on the
 * field that says whose it is, with what to choose. */
static void
test_app_permission_names_the_owner_field (void)
{
  g_autofree char *connection = pg_test_server_conninfo (server, database, "ct_bob");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, PASSWORD, NULL, &error);
  g_autoptr(CtRecord) consultation = ct_record_new (ct_kind_lookup ("consultation"));

  g_assert_no_error (error);
  ct_record_set_reference (consultation, "clinician", 1);
  g_assert_false (ct_permission_check_save (db, consultation, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "choose yourself"));
  g_assert_cmpstr (ct_field_get_name (ct_record_get_invalid_field (consultation)), ==, "clinician");
  g_clear_error (&error);
  /* Bob's own (staff 2): allowed. */
  ct_record_set_reference (consultation, "clinician", 2);
  g_assert_true (ct_permission_check_save (db, consultation, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ct_store_find_own_staff (db, &error), ==, 2);
}

/* Whose the login is, asked at every selection by the permission checks,
 * is asked of the server once, and again after a change made elsewhere
 * (IT may link the login to another staff member). */
static void
test_own_staff_asked_once (void)
{
  g_autofree char *connection = pg_test_server_conninfo (server, database, "ct_bob");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, PASSWORD, NULL, &error);
  guint64 before;

  g_assert_no_error (error);
  g_assert_cmpint (ct_store_find_own_staff (db, &error), ==, 2);
  before = ct_server_database_get_round_trips (db);
  g_assert_cmpint (ct_store_find_own_staff (db, &error), ==, 2);
  g_assert_cmpuint (ct_server_database_get_round_trips (db), ==, before);

  g_signal_emit_by_name (db, "changed::elsewhere", NULL);
  g_assert_cmpint (ct_store_find_own_staff (db, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_server_database_get_round_trips (db), >, before);
}

/* The audit trail's who is the login, whatever the client writes. */
static void
test_audit_who_is_login (void)
{
  PGconn *conn = sign_in ("ct_bob");
  PGresult *result = PQexec (conn, "INSERT INTO audit_log (who, action, description)"
                                   " VALUES ('Invented Alice', 'export', 'Pretending')");
  PGconn *owner = sign_in ("ct_dave");

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  result = PQexec (owner, "SELECT who FROM audit_log WHERE description = 'Pretending'");
  g_assert_cmpint (PQntuples (result), ==, 1);
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "ct_bob");
  PQclear (result);
  PQfinish (owner);
  PQfinish (conn);
}

/* No role the app uses may change, delete or empty the audit trail: none
 * is granted it, each attempt is refused, and so is the owner's (IT's),
 * by the table's triggers. */
static void
test_audit_never_changed (void)
{
  static const char *const logins[] = { "ct_alice", "ct_carol", "ct_dave" };
  static const char *const groups[] = {
    "clinical_team_clinician", "clinical_team_administrator", "clinical_team_lead",
  };
  static const char *const changes[] = {
    "UPDATE audit_log SET description = 'Changed'", "DELETE FROM audit_log",
    "TRUNCATE audit_log",
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT has_table_privilege ('%s', '" CT_SERVER_SCHEMA ".audit_log',"
                         " 'UPDATE, DELETE, TRUNCATE')", groups[i]);
      PGconn *conn = sign_in ("ct_dave");
      PGresult *result = PQexec (conn, sql);

      g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "f");
      PQclear (result);
      PQfinish (conn);
    }
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      PGconn *conn = sign_in (logins[i]);

      for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
        assert_cell (conn, logins[i], "the audit trail", changes[c], changes[c], '0');
      PQfinish (conn);
    }
  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    {
      g_autofree char *sql = g_strconcat ("SET search_path = " CT_SERVER_SCHEMA ";", changes[c],
                                          NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (pg_test_server_exec (server, database, sql, &error));
      g_assert_nonnull (strstr (error->message, "never changed or deleted"));
    }
}

/* The description of the first goal in child 1's timeline is @description. */
static void
assert_timeline_goal (CtDatabase *db,
                      const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) timeline = ct_timeline_list (db, 1, &error);
  guint n_goals = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr(CtTimelineEntry) entry = g_list_model_get_item (timeline, i);
      const CtTimelineFacts *facts = ct_timeline_entry_get_facts (entry);

      if (facts->event == CT_TIMELINE_GOAL_SET && facts->number == 1)
        {
          g_assert_cmpstr (facts->description, ==, description);
          n_goals++;
        }
    }
  g_assert_cmpuint (n_goals, ==, 1);
}

/* Through the app's own core: an administrator's lists carry no clinical
 * free text (and a search does not look in it); a clinician's do. */
static void
test_core_reads_no_clinical_text_for_administrator (void)
{
  static const struct { const char *login; const char *notes; const char *goal; } people[] = {
    { "ct_carol", NULL, NULL },
    { "ct_alice", "Invented note", "Invented goal" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *connection = pg_test_server_conninfo (server, database, people[i].login);
      g_autoptr(GError) error = NULL;
      g_autoptr(CtDatabase) db = ct_server_database_connect (connection, PASSWORD, NULL, &error);
      g_autoptr(GListModel) consultations = NULL;
      g_autoptr(CtRecord) consultation = NULL;
      g_autofree char *notes = NULL;

      g_assert_no_error (error);
      consultations = ct_store_list (db, ct_kind_lookup ("consultation"), NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (consultations), ==, 1);
      consultation = g_list_model_get_item (consultations, 0);
      notes = ct_record_get_string_by_name (consultation, "notes");
      g_assert_cmpstr (notes, ==, people[i].notes);
      g_assert_cmpstr (ct_database_get_actor (db), ==, people[i].login);
      assert_timeline_goal (db, people[i].goal);
    }
}

/* A save or delete that the server's row rules keep from a clinician
 * (Alice's consultation, tried by Bob) is refused as not allowed, not as
 * someone else's change; nothing changes. */
static void
test_core_refuses_others_records (void)
{
  g_autofree char *connection = pg_test_server_conninfo (server, database, "ct_bob");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = ct_server_database_connect (connection, PASSWORD, NULL, &error);
  g_autoptr(CtRecord) consultation = NULL;

  g_assert_no_error (error);
  consultation = ct_store_get (db, ct_kind_lookup ("consultation"), 1, &error);
  g_assert_no_error (error);
  g_assert_true (ct_record_set_string_by_name (consultation, "attendees", "4", &error));
  g_assert_true (ct_record_set_string_by_name (consultation, "topics", "risk", &error));
  g_assert_false (ct_store_update (db, consultation, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (ct_store_delete_record (db, consultation, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_clear_object (&consultation);
  consultation = ct_store_get (db, ct_kind_lookup ("consultation"), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ct_record_get_version (consultation), ==, 1);
}

/* The Outcomes view's query: an administrator's works (the goal's
 * description is a column the role is not granted) and carries no
 * description; a clinician's does. */
static void
test_core_outcomes_hide_descriptions_from_administrator (void)
{
  static const struct { const char *login; const char *description; } people[] = {
    { "ct_carol", NULL },
    { "ct_alice", "Invented goal" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *connection = pg_test_server_conninfo (server, database, people[i].login);
      g_autoptr(GError) error = NULL;
      g_autoptr(CtDatabase) db = ct_server_database_connect (connection, PASSWORD, NULL, &error);
      g_autoptr(GListModel) rows = NULL;
      guint n_goals = 0;

      g_assert_no_error (error);
      rows = ct_outcomes_list (db, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      for (guint j = 0; j < g_list_model_get_n_items (rows); j++)
        {
          g_autoptr(CtOutcomeRow) row = g_list_model_get_item (rows, j);

          if (ct_outcome_row_get_goal_id (row) != 1)
            continue;
          g_assert_cmpstr (ct_outcome_row_get_goal_description (row), ==, people[i].description);
          g_assert_cmpfloat (ct_outcome_row_get_scores (row)->baseline, ==, 3);
          g_assert_cmpfloat (ct_outcome_row_get_scores (row)->latest, ==, 3);
          n_goals++;
        }
      g_assert_cmpuint (n_goals, ==, 1);
    }
}

static void
create_login (const char *login,
              const char *group)
{
  g_autofree char *sql = g_strdup_printf ("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles"
                                          " WHERE rolname = '%s') THEN CREATE ROLE %s LOGIN"
                                          " PASSWORD '%s'; END IF; END $$;"
                                          "GRANT %s TO %s",
                                          login, login, PASSWORD, group, login);
  owner_exec (sql);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = NULL;
  g_autofree char *connection = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  server = pg_test_server_start (&error);
  g_assert_no_error (error);
  database = pg_test_server_create_database (server, NULL, &error);
  g_assert_no_error (error);
  connection = pg_test_server_conninfo (server, database, pg_test_server_get_superuser (server));
  db = ct_server_database_set_up (connection, pg_test_server_get_superuser_password (server),
                                  NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  create_login ("ct_alice", "clinical_team_clinician");
  create_login ("ct_bob", "clinical_team_clinician");
  create_login ("ct_carol", "clinical_team_administrator");
  create_login ("ct_dave", "clinical_team_lead");
  owner_exec (setup_sql);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/server-roles/%s", roles[i].login + 3);
      g_autofree char *app_path = g_strdup_printf ("/server-roles/app-offers/%s",
                                                   roles[i].login + 3);

      g_test_add_data_func (path, &roles[i], test_role);
      g_test_add_data_func (app_path, &roles[i], test_app_permissions);
    }
  g_test_add_func ("/server-roles/app-permission-names-the-owner-field",
                   test_app_permission_names_the_owner_field);
  g_test_add_func ("/server-roles/own-staff-asked-once", test_own_staff_asked_once);
  g_test_add_func ("/server-roles/audit-who-is-login", test_audit_who_is_login);
  g_test_add_func ("/server-roles/audit-never-changed", test_audit_never_changed);
  g_test_add_func ("/server-roles/core-refuses-others-records", test_core_refuses_others_records);
  g_test_add_func ("/server-roles/core-reads-no-clinical-text-for-administrator",
                   test_core_reads_no_clinical_text_for_administrator);
  g_test_add_func ("/server-roles/core-outcomes-hide-descriptions-from-administrator",
                   test_core_outcomes_hide_descriptions_from_administrator);

  status = g_test_run ();
  pg_test_server_stop (server);
  return status;
}
