/* ct-schema.c: the schema of the records file and its migrations
 *
 * Each entry of migrations[] takes a file from version i to version i + 1 and
 * runs in one transaction, together with the new PRAGMA user_version. Never
 * edit a step that has shipped: add a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-schema"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-file-database-private.h"
#include "ct-summary-private.h"

#define TIMESTAMPS \
  "created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), " \
  "updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

/* Version 1: preferences, staff and the audit trail. */
static const char migration_1[] =
  "CREATE TABLE setting ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  role TEXT NOT NULL CHECK (role IN ('clinical_psychologist',"
  "    'lead_therapeutic_practitioner', 'family_therapist', 'assistant_psychologist',"
  "    'trainee', 'administrator', 'other')),"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  TIMESTAMPS
  ") STRICT;"
  /* Names are unique among active staff only. */
  /* The unique check of a staff name, and finding staff by name:
   *   SEARCH staff USING COVERING INDEX staff_active_name (name=?) */
  "CREATE UNIQUE INDEX staff_active_name ON staff (name) WHERE active = 1;"

  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  who TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'export',"
  "    'import', 'unlock', 'passphrase_change', 'backup')),"
  "  record_kind TEXT,"
  "  record_id INTEGER,"
  "  description TEXT NOT NULL"
  ") STRICT;"
  "CREATE TRIGGER audit_log_never_updated BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'audit entries are never changed'); END;"
  "CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'audit entries are never deleted'); END;";

/* Version 2: the records of DOMAIN.md. Enumerations are checked here as a
 * last line of defence; the core validates them first with a message. */
static const char migration_2[] =
  "CREATE TABLE child ("
  "  id INTEGER PRIMARY KEY,"
  /* UNIQUE: the unique check, and finding a child by reference (import):
   *   SEARCH child USING COVERING INDEX sqlite_autoindex_child_1 (reference=?) */
  "  reference TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  date_of_birth TEXT NOT NULL,"
  "  gender TEXT CHECK (gender IN ('female', 'male', 'other', 'not_stated')),"
  "  legal_status TEXT NOT NULL CHECK (legal_status IN ('looked_after', 'edge_of_care',"
  "    'care_leaver', 'adopted', 'special_guardianship', 'other')),"
  "  placement_type TEXT NOT NULL CHECK (placement_type IN ('in_house_foster',"
  "    'agency_foster', 'kinship', 'residential', 'placed_with_parents',"
  "    'supported_accommodation', 'adoptive', 'other')),"
  "  placement_area TEXT NOT NULL CHECK (placement_area IN ('in_area', 'out_of_area')),"
  "  uasc INTEGER NOT NULL DEFAULT 0 CHECK (uasc IN (0, 1)),"
  TIMESTAMPS
  ") STRICT;"

  "CREATE TABLE referral ("
  "  id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES child (id),"
  "  referral_date TEXT NOT NULL,"
  "  referral_source TEXT NOT NULL CHECK (referral_source IN ('social_worker', 'iro',"
  "    'virtual_school', 'health', 'foster_carer', 'residential_home',"
  "    'self_or_family', 'other')),"
  "  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'signposted', 'declined',"
  "    'pending')),"
  "  decision_reason TEXT,"
  "  clinician_id INTEGER REFERENCES staff (id),"
  "  start_date TEXT,"
  "  end_date TEXT,"
  "  end_reason TEXT CHECK (end_reason IN ('goals_met', 'planned_end', 'disengaged',"
  "    'moved_away', 'transferred', 'other')),"
  TIMESTAMPS ","
  /* UNIQUE (child_id, referral_date): the unique check, finding a referral,
   * counting a child's referrals:
   *   SEARCH referral USING COVERING INDEX sqlite_autoindex_referral_1 (child_id=? AND referral_date=?) */
  "  UNIQUE (child_id, referral_date)"
  ") STRICT;"
  /* Counting a staff member's referrals before a delete:
   *   SEARCH referral USING COVERING INDEX referral_clinician (clinician_id=?) */
  "CREATE INDEX referral_clinician ON referral (clinician_id);"

  "CREATE TABLE consultation ("
  "  id INTEGER PRIMARY KEY,"
  "  date TEXT NOT NULL,"
  "  clinician_id INTEGER NOT NULL REFERENCES staff (id),"
  "  child_id INTEGER REFERENCES child (id),"
  "  requested_by TEXT NOT NULL CHECK (requested_by IN ('social_worker', 'team_manager',"
  "    'iro', 'virtual_school', 'foster_carer', 'residential_staff', 'health', 'other')),"
  "  team TEXT,"
  "  mode TEXT NOT NULL CHECK (mode IN ('in_person', 'video', 'phone')),"
  "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes >= 0),"
  "  attendees INTEGER NOT NULL CHECK (attendees >= 1),"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('advice_given', 'further_consultation',"
  "    'referral_accepted', 'signposted', 'other')),"
  "  notes TEXT,"
  TIMESTAMPS
  ") STRICT;"
  /* consultation_date: dropped by version 3, whose consultation_figures
   * starts with the date. consultation_child, consultation_clinician:
   * counting a child's or a staff member's consultations:
   *   SEARCH consultation USING COVERING INDEX consultation_child (child_id=?)
   *   SEARCH consultation USING COVERING INDEX consultation_clinician (clinician_id=?) */
  "CREATE INDEX consultation_date ON consultation (date);"
  "CREATE INDEX consultation_child ON consultation (child_id);"
  "CREATE INDEX consultation_clinician ON consultation (clinician_id);"
  "CREATE TABLE consultation_topic ("
  "  consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,"
  "  topic TEXT NOT NULL CHECK (topic IN ('mental_health', 'sibling_assessment',"
  "    'placement_fragility', 'reunification', 'network_conflict', 'family_contact',"
  "    'transitions', 'risk', 'other')),"
  "  PRIMARY KEY (consultation_id, topic)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE reflective_practice ("
  "  id INTEGER PRIMARY KEY,"
  "  date TEXT NOT NULL,"
  "  facilitator_id INTEGER NOT NULL REFERENCES staff (id),"
  "  group_name TEXT NOT NULL,"
  "  setting TEXT NOT NULL CHECK (setting IN ('social_work_team', 'residential_home',"
  "    'fostering', 'leaving_care', 'education', 'other')),"
  "  status TEXT NOT NULL CHECK (status IN ('held', 'cancelled')),"
  "  attendees INTEGER NOT NULL CHECK (attendees >= 0),"
  "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes >= 0),"
  "  rating REAL CHECK (rating BETWEEN 1 AND 5),"
  "  themes TEXT,"
  TIMESTAMPS
  ") STRICT;"
  /* reflective_practice.* of a period; counting a facilitator's sessions:
   *   SEARCH reflective_practice USING INDEX reflective_practice_date (date>? AND date<?)
   *   SEARCH reflective_practice USING COVERING INDEX reflective_practice_facilitator (facilitator_id=?) */
  "CREATE INDEX reflective_practice_date ON reflective_practice (date);"
  "CREATE INDEX reflective_practice_facilitator ON reflective_practice (facilitator_id);"

  "CREATE TABLE goal ("
  "  id INTEGER PRIMARY KEY,"
  "  referral_id INTEGER NOT NULL REFERENCES referral (id),"
  "  number INTEGER NOT NULL CHECK (number >= 1),"
  "  description TEXT NOT NULL,"
  "  set_by TEXT NOT NULL CHECK (set_by IN ('child', 'carer', 'parent', 'professional',"
  "    'jointly')),"
  TIMESTAMPS ","
  /* UNIQUE (referral_id, number): the unique check, finding a goal, the
   * goals of the episodes in outcomes.*:
   *   SEARCH g USING COVERING INDEX sqlite_autoindex_goal_1 (referral_id=?) */
  "  UNIQUE (referral_id, number)"
  ") STRICT;"

  "CREATE TABLE goal_rating ("
  "  id INTEGER PRIMARY KEY,"
  "  goal_id INTEGER NOT NULL REFERENCES goal (id),"
  "  date TEXT NOT NULL,"
  "  time_point TEXT NOT NULL CHECK (time_point IN ('baseline', 'review', 'end')),"
  "  score REAL NOT NULL CHECK (score BETWEEN 0 AND 10 AND score * 2 = round (score * 2)),"
  TIMESTAMPS
  ") STRICT;"
  /* goal_rating_goal: a goal's latest rating (the Outcomes view):
   *   SEARCH x USING INDEX goal_rating_goal (goal_id=?)
   * goal_rating_once: one baseline and one end per goal, and its check:
   *   SEARCH goal_rating USING COVERING INDEX goal_rating_once (goal_id=? AND time_point=?) */
  "CREATE INDEX goal_rating_goal ON goal_rating (goal_id, date);"
  "CREATE UNIQUE INDEX goal_rating_once ON goal_rating (goal_id, time_point)"
  "  WHERE time_point IN ('baseline', 'end');"

  "CREATE TABLE training_event ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  topic TEXT NOT NULL CHECK (topic IN ('developmental_trauma', 'attachment',"
  "    'therapeutic_parenting', 'nvr', 'pace_ddp', 'sensory', 'life_story', 'self_harm',"
  "    'other')),"
  "  date TEXT NOT NULL,"
  "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes >= 0),"
  "  trainer TEXT,"
  "  capacity INTEGER CHECK (capacity >= 0),"
  TIMESTAMPS
  ") STRICT;"
  /* training.* of a period (UNIQUE (code): finding an event by code):
   *   SEARCH e USING COVERING INDEX training_event_date (date>? AND date<?) */
  "CREATE INDEX training_event_date ON training_event (date);"
  "CREATE TABLE training_event_audience ("
  "  event_id INTEGER NOT NULL REFERENCES training_event (id) ON DELETE CASCADE,"
  "  audience TEXT NOT NULL CHECK (audience IN ('foster_carers', 'kinship_carers',"
  "    'social_workers', 'residential_staff', 'education_staff', 'other')),"
  "  PRIMARY KEY (event_id, audience)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE training_attendance ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL REFERENCES training_event (id),"
  "  attendee_name TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('foster_carers', 'kinship_carers',"
  "    'social_workers', 'residential_staff', 'education_staff', 'other')),"
  "  organisation TEXT,"
  "  status TEXT NOT NULL CHECK (status IN ('booked', 'attended', 'did_not_attend',"
  "    'cancelled')),"
  "  confidence_before INTEGER CHECK (confidence_before BETWEEN 1 AND 10),"
  "  confidence_after INTEGER CHECK (confidence_after BETWEEN 1 AND 10),"
  TIMESTAMPS
  ") STRICT;"
  /* training.places_booked and the rest: an event's bookings:
   *   SEARCH a USING INDEX training_attendance_event (event_id=?) */
  "CREATE INDEX training_attendance_event ON training_attendance (event_id);";

/* Version 3: indexes for the committee summary, found with the benchmark
 * (tests/bench). The note beside each index is the plan `bench --explain`
 * prints for the queries it serves; covering indexes spare the reads of
 * whole rows, which an encrypted file pays for page by page. */
static const char migration_3[] =
  /* referrals.received and referrals.by_* of a period:
   *   SEARCH r USING COVERING INDEX referral_received (referral_date>? AND referral_date<?) */
  "CREATE INDEX referral_received ON referral"
  "  (referral_date, child_id, decision, referral_source);"
  /* caseload.open_at_start, open_at_end, started:
   *   SEARCH referral USING COVERING INDEX referral_start (start_date<?)
   *   SEARCH referral USING COVERING INDEX referral_start (start_date>? AND start_date<?) */
  "CREATE INDEX referral_start ON referral (start_date, decision, end_date);"
  /* caseload.ended, by_end_reason and the episodes of outcomes.*:
   *   SEARCH referral USING COVERING INDEX referral_end (end_date>? AND end_date<?) */
  "CREATE INDEX referral_end ON referral (end_date, end_reason);"
  /* consultations.* of a period (it replaces consultation_date, its prefix):
   *   SEARCH consultation USING COVERING INDEX consultation_figures (date>? AND date<?) */
  "DROP INDEX consultation_date;"
  "CREATE INDEX consultation_figures ON consultation"
  "  (date, child_id, requested_by, mode, outcome, duration_minutes);"
  /* outcomes.*, the baseline and end scores of a goal:
   *   SEARCH b USING COVERING INDEX goal_rating_point (goal_id=? AND time_point=?) */
  "CREATE INDEX goal_rating_point ON goal_rating (goal_id, time_point, score);";

/* Version 4: SDQ scores (DOMAIN.md "SDQ score"): a total or the SSDA903
 * reason there is none, never both. */
static const char migration_4[] =
  "CREATE TABLE sdq_score ("
  "  id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES child (id),"
  "  date TEXT NOT NULL,"
  "  informant TEXT NOT NULL CHECK (informant IN ('carer', 'teacher', 'self')),"
  "  total INTEGER CHECK (total BETWEEN 0 AND 40),"
  "  reason TEXT CHECK (reason IN ('SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5')),"
  "  emotional INTEGER CHECK (emotional BETWEEN 0 AND 10),"
  "  conduct INTEGER CHECK (conduct BETWEEN 0 AND 10),"
  "  hyperactivity INTEGER CHECK (hyperactivity BETWEEN 0 AND 10),"
  "  peer INTEGER CHECK (peer BETWEEN 0 AND 10),"
  "  prosocial INTEGER CHECK (prosocial BETWEEN 0 AND 10),"
  TIMESTAMPS ","
  "  CHECK ((total IS NULL) <> (reason IS NULL))"
  ") STRICT;"
  /* A child's scores in order (the child page, the SDQ prompt, the
   * previous total of sdq.moved_*, counting before a delete):
   *   SEARCH sdq_score USING COVERING INDEX sdq_score_child (child_id=?) */
  "CREATE INDEX sdq_score_child ON sdq_score (child_id, date, total);"
  /* sdq.* of a period:
   *   SEARCH sdq_score USING COVERING INDEX sdq_score_date (date>? AND date<?) */
  "CREATE INDEX sdq_score_date ON sdq_score (date, child_id, total, reason);";

/* Version 5: each audit entry's hash, chained
 * to the entry before it (ct-audit-chain.c). Entries from before have
 * none. CT_AUDIT_CHAIN_SCHEMA_VERSION names this version. */
static const char migration_audit_chain[] =
  "ALTER TABLE audit_log ADD COLUMN hash TEXT;";

/* Version 6: references, codes and active
 * staff names are unique regardless of case; these indexes serve the
 * unique checks (col = ? COLLATE NOCASE). Not UNIQUE: a file may already
 * hold names that differ only in case. */
static const char migration_nocase[] =
  "CREATE INDEX child_reference_nocase ON child (reference COLLATE NOCASE);"
  "CREATE INDEX staff_active_name_nocase ON staff (name COLLATE NOCASE) WHERE active = 1;"
  "CREATE INDEX training_event_code_nocase ON training_event (code COLLATE NOCASE);";

/* Version 7: the SHA-256 of every CSV file imported
 * (ct-import.c), so that importing the same content twice is noticed. */
static const char migration_imported_file[] =
  "CREATE TABLE imported_file ("
  "  fingerprint TEXT PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  file_name TEXT NOT NULL,"
  "  records INTEGER NOT NULL,"
  "  imported_at TEXT NOT NULL"
  ") STRICT;";

/* Version 8: record versions and read auditing. Every record carries a
 * version that each save counts up, so that a save or a delete of a record
 * read at an older version is refused (ct-store.c). The audit trail gains
 * `view` entries and the child each entry is about (ct-audit-chain.h
 * CT_AUDIT_CHILD_SCHEMA_VERSION); a CHECK cannot be changed in place, so the
 * table is copied, entries and ids unchanged (a DROP TABLE fires no delete
 * trigger). record_change is who changed which record when, without the
 * descriptions. */
#define VERSION_COLUMN(table) \
  "ALTER TABLE " table " ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
static const char migration_versions[] =
  VERSION_COLUMN ("staff")
  VERSION_COLUMN ("child")
  VERSION_COLUMN ("referral")
  VERSION_COLUMN ("consultation")
  VERSION_COLUMN ("reflective_practice")
  VERSION_COLUMN ("goal")
  VERSION_COLUMN ("goal_rating")
  VERSION_COLUMN ("training_event")
  VERSION_COLUMN ("training_attendance")
  VERSION_COLUMN ("sdq_score")

  "CREATE TABLE audit_log_new ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  who TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'export',"
  "    'import', 'unlock', 'passphrase_change', 'backup', 'view')),"
  "  record_kind TEXT,"
  "  record_id INTEGER,"
  "  description TEXT NOT NULL,"
  "  hash TEXT,"
  "  child_id INTEGER"
  ") STRICT;"
  "INSERT INTO audit_log_new (id, at, who, action, record_kind, record_id, description, hash)"
  "  SELECT id, at, who, action, record_kind, record_id, description, hash FROM audit_log;"
  "DROP TABLE audit_log;"
  "ALTER TABLE audit_log_new RENAME TO audit_log;"
  "CREATE TRIGGER audit_log_never_updated BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'audit entries are never changed'); END;"
  "CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'audit entries are never deleted'); END;"
  /* The last change of a record (a refused save names it):
   *   SEARCH audit_log USING INDEX audit_log_record (record_kind=? AND record_id=?) */
  "CREATE INDEX audit_log_record ON audit_log (record_kind, record_id);"
  /* The audit log's entries about one child:
   *   SEARCH audit_log USING INDEX audit_log_child (child_id=?) */
  "CREATE INDEX audit_log_child ON audit_log (child_id);"
  "CREATE VIEW record_change AS SELECT id, at, who, record_kind, record_id FROM audit_log"
  "  WHERE action IN ('create', 'update');";

/* Version 9: each goal's latest rating (the Outcomes view) read from an
 * index alone, the few ratings of a goal sorted there:
 *   SEARCH x USING COVERING INDEX goal_rating_latest (goal_id=?)
 * It starts with goal_rating_goal's columns, so it serves its queries too
 * (a goal's ratings, the check before a goal is deleted). */
static const char migration_outcomes_index[] =
  "CREATE INDEX goal_rating_latest ON goal_rating (goal_id, date, time_point, id, score);"
  "DROP INDEX goal_rating_goal;";

/* Version 10: the lists of consultations and SDQ scores, newest first,
 * read their ids from an index in order (ct_store_list_ids()):
 *   SCAN t USING COVERING INDEX consultation_list
 * The indexes that begin with the date carry more columns after it, so
 * ordering by date and then id needed a sort (a temporary B-tree, 70 times
 * slower for 40,000 consultations with SQLCipher's memory security). */
static const char migration_list_order[] =
  "CREATE INDEX consultation_list ON consultation (date);"
  "CREATE INDEX sdq_score_list ON sdq_score (date);";

/* Version 11: the Outcomes read without a sort (at ten times county two
 * thirds of their 4.5 s went to SQLite's sorter, whose every row is an
 * allocation under memory security): each goal's latest rating is the
 * first from an index in the order wanted, an "end" first on its day, and
 * the episodes come newest first from an index ending in their ids:
 *   SCAN r USING INDEX referral_order
 *   SEARCH x USING INDEX goal_rating_last (goal_id=?)
 * It starts with the goal, so it serves goal_rating_latest's queries. */
static const char migration_outcomes_order[] =
  "CREATE INDEX goal_rating_last ON goal_rating (goal_id, date, time_point = 'end', id, score);"
  "DROP INDEX goal_rating_latest;"
  "CREATE INDEX referral_order ON referral (referral_date);";

/* Version 12: the day by day sums that most figures of the committee
 * summary read, and the triggers that keep them with every write
 * (ct-summary-days.c builds their SQL from the figures; step_sql() adds
 * it). And a child's SDQ scores in the order of the summary's "latest" and
 * "previous" (by date, then id), their totals read from the index alone;
 * it starts with sdq_score_child's columns but for the total, so it serves
 * its queries (a child's scores, the SDQ prompt, the check before a
 * delete):
 *   SEARCH p USING COVERING INDEX sdq_score_order (child_id=?) */
static const char migration_summary_days[] =
  "CREATE INDEX sdq_score_order ON sdq_score (child_id, date, id, total);"
  "DROP INDEX sdq_score_child;";

/* Version 13: the audit trail newest first without a sort, as the Audit
 * Log reads its ids (ct_audit_log_list_ids()), from an index read
 * backwards:
 *   SCAN audit_log USING COVERING INDEX audit_log_order */
static const char migration_audit_order[] =
  "CREATE INDEX audit_log_order ON audit_log (at, id);";

/* Version 14: a child's latest consultation up to a day, from an index
 * alone, for the SDQ prompts' last contact (ct-sdq-prompt.c; an aggregate
 * per child, max (date), allocated under memory security each time it
 * ran: 290 ms for the county's prompts). It starts with
 * consultation_child's column, so it serves its queries too:
 *   SEARCH k USING COVERING INDEX consultation_child_date (child_id=? AND date<?)
 * sdq_score_date goes: the summary and the prompts now read the SDQ totals
 * child by child from sdq_score_order, and no statement used it since. */
static const char migration_last_contact[] =
  "CREATE INDEX consultation_child_date ON consultation (child_id, date);"
  "DROP INDEX consultation_child;"
  "DROP INDEX sdq_score_date;";

/* Version 15: a word list's words kept with its record, joined in byte
 * order ("risk;transitions"), by triggers on its side table, which stays
 * the words' authority (the summary counts its rows). A list reads and
 * sorts by the column: the words gathered per row by a subquery cost an
 * aggregate per row (30 µs under memory security; sorting the ×10 file's
 * 400,000 consultations by their topics took 13.5 s, the first rows
 * too). step_sql() builds the summary's sums again before it: their
 * triggers now fire on a change of the columns a save writes, not on the
 * kept words (whose change only took each consultation's sums away and
 * added them again: 16 s for the county's file). */
#define FILE_WORDS_OF(table, column, side, key, word) \
  "UPDATE " table " SET " column " = (SELECT group_concat (" word ", ';' ORDER BY " word ")" \
  "  FROM " side " s WHERE s." key " = " table ".id)"
#define FILE_WORDS_KEPT(table, column, side, key, word) \
  "ALTER TABLE " table " ADD COLUMN " column " TEXT;" \
  FILE_WORDS_OF (table, column, side, key, word) ";" \
  "CREATE TRIGGER " side "_added AFTER INSERT ON " side " BEGIN " \
  FILE_WORDS_OF (table, column, side, key, word) " WHERE id = NEW." key "; END;" \
  "CREATE TRIGGER " side "_removed AFTER DELETE ON " side " BEGIN " \
  FILE_WORDS_OF (table, column, side, key, word) " WHERE id = OLD." key "; END;" \
  "CREATE TRIGGER " side "_changed AFTER UPDATE ON " side " BEGIN " \
  FILE_WORDS_OF (table, column, side, key, word) " WHERE id IN (OLD." key ", NEW." key "); END;"
static const char migration_words_kept[] =
  FILE_WORDS_KEPT ("consultation", "topics", "consultation_topic", "consultation_id", "topic")
  FILE_WORDS_KEPT ("training_event", "audience", "training_event_audience", "event_id",
                   "audience");

static const char *const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_audit_chain,
  migration_nocase,
  migration_imported_file,
  migration_versions,
  migration_outcomes_index,
  migration_list_order,
  migration_outcomes_order,
  migration_summary_days,
  migration_audit_order,
  migration_last_contact,
  migration_words_kept,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CT_SCHEMA_VERSION);

int
ct_schema_get_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/* The SQL of the step to @to_version. */
static char *
step_sql (int to_version)
{
  const char *step = migrations[to_version - 1];
  g_autofree char *days = NULL;

  if (step != migration_summary_days && step != migration_words_kept)
    return g_strdup (step);
  days = ct_summary_days_sql (NULL);
  /* Version 15's sums are built again first, their triggers no longer
   * firing on the column it then fills. */
  return step == migration_words_kept ? g_strconcat (days, step, NULL)
                                      : g_strconcat (step, days, NULL);
}

static gboolean
run_step (sqlite3  *db,
          int       to_version,
          GError  **error)
{
  g_autofree char *step = step_sql (to_version);
  g_autofree char *sql = g_strdup_printf ("BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
                                          step, to_version);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
               _("Could not upgrade the records file to version %d: %s"),
               to_version, message);
  sqlite3_free (message);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
ct_schema_migrate (sqlite3  *db,
                   int       target,
                   GError  **error)
{
  int version = ct_schema_get_version (db);

  g_return_val_if_fail (target <= CT_SCHEMA_VERSION, FALSE);

  for (int v = version + 1; v <= target; v++)
    {
      g_debug ("Migrating the records file to schema version %d", v);
      if (!run_step (db, v, error))
        return FALSE;
    }

  return TRUE;
}
