/* ct-summary-sql.c: what every figure of the committee summary counts
 *
 * DOMAIN.md's table "The committee summary (JSON)", in SQL. Each set of
 * rows that DOMAIN.md defines once ("referrals whose referral_date is in the
 * period", "goals of the ended episodes that have paired data") is one named
 * table of a WITH clause, and each figure is one entry of specs[] that
 * aggregates it, so that every definition is written in exactly one place.
 * The figures are one statement (a UNION ALL of them): one round trip on a
 * team server, one view of the records, and the joined row sets built once.
 * All aggregation happens in SQL, no record loaded to count it, but for
 * the outcomes' paired goals: the statement gives them one per row, and
 * ct-summary-goals.c makes their figures (an SQL aggregate per episode
 * costs an allocation per episode, see there).
 *
 * Exactness: sums are kept in whole numbers (minutes, goal scores in half
 * points, session ratings in hundredths) so that rounding and the reliable
 * change comparisons never meet floating-point error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-summary-sql"

#include "config.h"

#include "ct-kind.h"
#include "ct-preferences.h"
#include "ct-setting.h"
#include "ct-summary-private.h"

/* Row sets: each a named table of the one statement. The one built by
 * lookups per row (sdq_moves) is MATERIALIZED: built once and read by each
 * figure. The others are NOT MATERIALIZED: each figure reads them again,
 * from covering indexes or by a join, which measured cheaper than a copy,
 * whose every row SQLCipher's memory security pays for in allocations
 * (received: 2 ms joined, 22 ms copied, all history at county;
 * tests/bench; both keywords are SQLite's since 3.35 and PostgreSQL's
 * since 12). */

#define IN_PERIOD(column) " " column " BETWEEN :from AND :to"

/* The child's age in whole years on the referral date. */
#define AGE \
  "CAST (substr (CAST (r.referral_date AS TEXT), 1, 4) AS INTEGER)" \
  " - CAST (substr (CAST (c.date_of_birth AS TEXT), 1, 4) AS INTEGER)" \
  " - CASE WHEN substr (CAST (r.referral_date AS TEXT), 6)" \
  "   < substr (CAST (c.date_of_birth AS TEXT), 6) THEN 1 ELSE 0 END"

/* sdq: whether row @later of sdq_score comes after row @row, by date, then
 * by id for two on one day. */
#define SDQ_AFTER(later, row) \
  "(" later ".date > " row ".date OR (" later ".date = " row ".date AND " later ".id > " row ".id))"

/* sdq: the child's latest total in the period. No sort (a window or an
 * ORDER BY sorts, and SQLite's sorter allocates every row, each locked and
 * wiped by SQLCipher's memory security): none of the child's totals in the
 * period comes after it, which the index on (child_id, date) answers. */
#define SDQ_LATEST \
  "s.total IS NOT NULL AND" IN_PERIOD ("s.date") \
  " AND NOT EXISTS (SELECT 1 FROM sdq_score l WHERE l.child_id = s.child_id" \
  "   AND l.total IS NOT NULL AND" IN_PERIOD ("l.date") " AND " SDQ_AFTER ("l", "s") ")"

/* sdq: the total before s (any date before it, in or out of the period),
 * or NULL: the total p before s with none between them. */
#define SDQ_BEFORE_S(row) \
  row ".child_id = s.child_id AND " row ".total IS NOT NULL AND " SDQ_AFTER ("s", row)
#define SDQ_PREVIOUS \
  "(SELECT p.total FROM sdq_score p WHERE " SDQ_BEFORE_S ("p") \
  " AND NOT EXISTS (SELECT 1 FROM sdq_score q WHERE " SDQ_BEFORE_S ("q") \
  "   AND " SDQ_AFTER ("q", "p") "))"

static const char row_sets[] =
  "WITH"
  /* referrals: received in the period, with the child's current values */
  " received AS NOT MATERIALIZED (SELECT r.decision, r.referral_source, " AGE " AS age,"
  "   c.legal_status, c.placement_type, c.placement_area, c.uasc"
  "   FROM referral r JOIN child c ON c.id = r.child_id WHERE" IN_PERIOD ("r.referral_date") "),"
  /* caseload: the episodes started by the end of the period; one is open
   * on a day when it started on or before it and did not end before it */
  " episodes AS NOT MATERIALIZED (SELECT start_date, end_date FROM referral"
  "   WHERE decision = 'accepted' AND start_date <= :to),"
  /* caseload and outcomes: the episodes ended in the period */
  " ended AS NOT MATERIALIZED (SELECT id, end_reason FROM referral WHERE" IN_PERIOD ("end_date") "),"
  " consultations AS NOT MATERIALIZED (SELECT id, child_id, duration_minutes, requested_by, mode,"
  "   outcome FROM consultation WHERE" IN_PERIOD ("date") "),"
  " sessions AS NOT MATERIALIZED (SELECT status, setting, attendees, duration_minutes, rating"
  "   FROM reflective_practice WHERE" IN_PERIOD ("date") "),"
  /* training: the events of the period and their bookings */
  " events AS NOT MATERIALIZED (SELECT topic, duration_minutes FROM training_event"
  "   WHERE" IN_PERIOD ("date") "),"
  " places AS NOT MATERIALIZED (SELECT a.status, a.attendee_name, a.role, a.confidence_before,"
  "   a.confidence_after FROM training_attendance a JOIN training_event e ON e.id = a.event_id"
  "   WHERE" IN_PERIOD ("e.date") " AND a.status <> 'cancelled'),"
  /* sdq: the records dated in the period, with a total or with a reason */
  " sdq AS NOT MATERIALIZED (SELECT child_id, total, reason FROM sdq_score"
  "   WHERE" IN_PERIOD ("date") "),"
  /* sdq: each child's latest total in the period, and the total before it */
  " sdq_moves AS MATERIALIZED (SELECT s.total AS latest, " SDQ_PREVIOUS " AS previous"
  "   FROM sdq_score s WHERE " SDQ_LATEST ")";

/* Each figure is one SELECT of the statement's UNION ALL, which puts the
 * figure's number first; what follows is its spec's @sql: the word (NULL
 * but for a breakdown) and three whole numbers. */

#define HELD          " FROM sessions WHERE status = 'held'"
#define HAS_ATTENDED  "status = 'attended'"
#define ATTENDED      " FROM places WHERE " HAS_ATTENDED
#define RATED_BOTH \
  ATTENDED " AND confidence_before IS NOT NULL AND confidence_after IS NOT NULL"
#define SDQ_SCORED    " FROM sdq WHERE total IS NOT NULL"
#define SDQ_NO_SCORE  " FROM sdq WHERE total IS NULL"

/* The bands as the DfE reports them (ct-sdq-score.h). */
#define SDQ_CONCERN(total) total " >= 17"
#define SDQ_BAND(total) \
  "CASE WHEN " SDQ_CONCERN (total) " THEN 'concern' WHEN " total " >= 14 THEN 'borderline'" \
  " ELSE 'normal' END"
#define SDQ_MOVED(condition) \
  NUMBER ("count (*)") " FROM sdq_moves WHERE previous IS NOT NULL AND " condition

/* A count or a sum of minutes. */
#define NUMBER(expression) "NULL, " expression ", 0, 0"
/* A mean: numerator, denominator, items (whole numbers). */
#define RATIO(numerator, denominator, items) \
  "NULL, " numerator ", " denominator ", " items
#define MEAN_OF(expression) \
  RATIO ("coalesce (sum (" expression "), 0)", "count (*)", "count (*)")
/* 100 × matching / all. */
#define PERCENT_OF(condition) \
  RATIO ("100 * coalesce (sum (CASE WHEN " condition " THEN 1 ELSE 0 END), 0)", \
         "count (*)", "count (*)")
#define SUM_OF(expression) NUMBER ("coalesce (sum (" expression "), 0)")

/* The summary's own breakdown words */

static const char *const age_bands[] = { "0-4", "5-10", "11-15", "16-17", "18+", NULL };
static const char *const yes_no[] = { "yes", "no", NULL };
static const char *const changes[] = { "improved", "no_reliable_change", "deteriorated", NULL };
static const char *const bookings[] = { "attended", "did_not_attend", "booked", NULL };
static const char *const sdq_bands[] = { "normal", "borderline", "concern", NULL };

#define COUNT(section, key, sql)  { section, key, CT_FIGURE_COUNT, sql }
#define HOURS(section, key, sql)  { section, key, CT_FIGURE_HOURS, sql }
#define MEAN(section, key, sql)   { section, key, CT_FIGURE_MEAN, sql }
/* A breakdown: the @value of each row of @source, counted by word. */
#define BREAKDOWN(section, key, kind, field, value, source) \
  { section, key, CT_FIGURE_BREAKDOWN, source, kind, field, NULL, CT_GOALS_NONE, value }
#define OWN_BREAKDOWN(section, key, words, value, source) \
  { section, key, CT_FIGURE_BREAKDOWN, source, NULL, NULL, words, CT_GOALS_NONE, value }
/* A figure made of the paired goals (ct-summary-goals.c), which the
 * threshold classifies as they are read, so that the statement does not
 * depend on it. */
#define FROM_GOALS(kind, section, key, goals) \
  { section, key, kind, NULL, NULL, NULL, NULL, goals }

#define RECEIVED " FROM received"
#define ENDED    " FROM ended"

static const CtFigureSpec specs[] = {
  COUNT ("referrals", "received", NUMBER ("count (*)") RECEIVED),
  BREAKDOWN ("referrals", "by_decision", "referral", "decision",
             "decision", RECEIVED),
  BREAKDOWN ("referrals", "by_source", "referral", "referral_source",
             "referral_source", RECEIVED),
  OWN_BREAKDOWN ("referrals", "by_age_band", age_bands,
                 "CASE WHEN age <= 4 THEN '0-4' WHEN age <= 10 THEN '5-10'"
                 " WHEN age <= 15 THEN '11-15' WHEN age <= 17 THEN '16-17' ELSE '18+' END",
                 RECEIVED),
  BREAKDOWN ("referrals", "by_legal_status", "child", "legal_status",
             "legal_status", RECEIVED),
  BREAKDOWN ("referrals", "by_placement_type", "child", "placement_type",
             "placement_type", RECEIVED),
  BREAKDOWN ("referrals", "by_placement_area", "child", "placement_area",
             "placement_area", RECEIVED),
  OWN_BREAKDOWN ("referrals", "by_uasc", yes_no,
                 "CASE WHEN uasc THEN 'yes' ELSE 'no' END", RECEIVED),

  /* :from ≤ :to, so every episode here started by :to. */
  COUNT ("caseload", "open_at_start",
         NUMBER ("count (*)") " FROM episodes WHERE start_date <= :from"
         " AND (end_date IS NULL OR end_date >= :from)"),
  COUNT ("caseload", "open_at_end",
         NUMBER ("count (*)") " FROM episodes WHERE end_date IS NULL OR end_date >= :to"),
  COUNT ("caseload", "started", NUMBER ("count (*)") " FROM episodes WHERE start_date >= :from"),
  COUNT ("caseload", "ended", NUMBER ("count (*)") ENDED),
  BREAKDOWN ("caseload", "by_end_reason", "referral", "end_reason",
             "end_reason", ENDED),

  COUNT ("consultations", "total", NUMBER ("count (*)") " FROM consultations"),
  COUNT ("consultations", "children", NUMBER ("count (DISTINCT child_id)") " FROM consultations"),
  HOURS ("consultations", "hours", SUM_OF ("duration_minutes") " FROM consultations"),
  /* A join, not "consultation_id IN (...)", which builds a table of the
   * ids (a third of the summary's time at county). */
  BREAKDOWN ("consultations", "by_topic", "consultation", "topics",
             "t.topic", " FROM consultations c"
             " JOIN consultation_topic t ON t.consultation_id = c.id"),
  BREAKDOWN ("consultations", "by_requested_by", "consultation", "requested_by",
             "requested_by", " FROM consultations"),
  BREAKDOWN ("consultations", "by_mode", "consultation", "mode",
             "mode", " FROM consultations"),
  BREAKDOWN ("consultations", "by_outcome", "consultation", "outcome",
             "outcome", " FROM consultations"),

  COUNT ("reflective_practice", "held", NUMBER ("count (*)") HELD),
  COUNT ("reflective_practice", "cancelled",
         NUMBER ("count (*)") " FROM sessions WHERE status = 'cancelled'"),
  COUNT ("reflective_practice", "attendances", SUM_OF ("attendees") HELD),
  HOURS ("reflective_practice", "hours", SUM_OF ("duration_minutes") HELD),
  BREAKDOWN ("reflective_practice", "by_setting", "reflective_practice", "setting",
             "setting", HELD),
  /* Ratings in hundredths, so that their sum is a whole number. */
  MEAN ("reflective_practice", "mean_rating",
        RATIO ("coalesce (sum (CAST (round (rating * 100) AS INTEGER)), 0)",
               "100 * count (rating)", "count (rating)") HELD),

  COUNT ("outcomes", "episodes_ended", NUMBER ("count (*)") ENDED),
  FROM_GOALS (CT_FIGURE_COUNT, "outcomes", "episodes_with_paired_gbo", CT_GOALS_EPISODES),
  /* Its denominator and items, the episodes ended, from SQL. */
  { "outcomes", "completeness_pct", CT_FIGURE_MEAN,
    RATIO ("0", "count (*)", "count (*)") ENDED, .goals = CT_GOALS_COMPLETENESS },
  FROM_GOALS (CT_FIGURE_COUNT, "outcomes", "goals_paired", CT_GOALS_PAIRED),
  FROM_GOALS (CT_FIGURE_MEAN, "outcomes", "mean_baseline", CT_GOALS_MEAN_BASELINE),
  FROM_GOALS (CT_FIGURE_MEAN, "outcomes", "mean_end", CT_GOALS_MEAN_END),
  FROM_GOALS (CT_FIGURE_MEAN, "outcomes", "mean_change", CT_GOALS_MEAN_CHANGE),
  { "outcomes", "by_change", CT_FIGURE_BREAKDOWN, .words = changes, .goals = CT_GOALS_BY_CHANGE },
  FROM_GOALS (CT_FIGURE_MEAN, "outcomes", "pct_goals_reliably_improved", CT_GOALS_PCT_IMPROVED),
  FROM_GOALS (CT_FIGURE_COUNT, "outcomes", "episodes_reliably_improved",
              CT_GOALS_EPISODES_IMPROVED),
  { "outcomes", "reliable_change_threshold", CT_FIGURE_CONSTANT },

  COUNT ("training", "events", NUMBER ("count (*)") " FROM events"),
  HOURS ("training", "hours", SUM_OF ("duration_minutes") " FROM events"),
  COUNT ("training", "places_booked", NUMBER ("count (*)") " FROM places"),
  OWN_BREAKDOWN ("training", "by_status", bookings, "status", " FROM places"),
  MEAN ("training", "attendance_rate_pct", PERCENT_OF (HAS_ATTENDED) " FROM places"),
  COUNT ("training", "distinct_attendees", NUMBER ("count (DISTINCT attendee_name)") ATTENDED),
  BREAKDOWN ("training", "by_topic", "training_event", "topic",
             "topic", " FROM events"),
  BREAKDOWN ("training", "by_role", "training_attendance", "role", "role", ATTENDED),
  MEAN ("training", "mean_confidence_before", MEAN_OF ("confidence_before") RATED_BOTH),
  MEAN ("training", "mean_confidence_after", MEAN_OF ("confidence_after") RATED_BOTH),
  MEAN ("training", "mean_confidence_change",
        MEAN_OF ("confidence_after - confidence_before") RATED_BOTH),

  COUNT ("sdq", "scores", NUMBER ("count (*)") SDQ_SCORED),
  COUNT ("sdq", "children", NUMBER ("count (DISTINCT child_id)") SDQ_SCORED),
  COUNT ("sdq", "no_score", NUMBER ("count (*)") SDQ_NO_SCORE),
  BREAKDOWN ("sdq", "by_reason", "sdq_score", "reason", "reason", SDQ_NO_SCORE),
  OWN_BREAKDOWN ("sdq", "by_band", sdq_bands, SDQ_BAND ("latest"), " FROM sdq_moves"),
  MEAN ("sdq", "mean_total", MEAN_OF ("latest") " FROM sdq_moves"),
  COUNT ("sdq", "moved_into_concern",
         SDQ_MOVED (SDQ_CONCERN ("latest") " AND NOT " SDQ_CONCERN ("previous"))),
  COUNT ("sdq", "moved_out_of_concern",
         SDQ_MOVED (SDQ_CONCERN ("previous") " AND NOT " SDQ_CONCERN ("latest"))),
};

/* The rows of the preferences the summary uses (figure numbers below 0),
 * read by the same statement: a summary is one statement, so one round
 * trip and one view of the records and preferences, with no transaction. */
#define CHOICE(figure, key) \
  " UNION ALL SELECT " figure ", value, 0, 0, 0 FROM setting WHERE key = '" key "'"

/* outcomes: each goal of the episodes ended in the period that has paired
 * data (a baseline and an end score), scores in half points
 * (CT_SUMMARY_ROW_GOAL). */
static const char paired_goals[] =
  " UNION ALL SELECT " G_STRINGIFY (CT_SUMMARY_ROW_GOAL) ", NULL, g.referral_id,"
  "   CAST (round (b.score * 2) AS INTEGER), CAST (round (e.score * 2) AS INTEGER)"
  "   FROM referral r JOIN goal g ON g.referral_id = r.id"
  "   JOIN goal_rating b ON b.goal_id = g.id AND b.time_point = 'baseline'"
  "   JOIN goal_rating e ON e.goal_id = g.id AND e.time_point = 'end'"
  "   WHERE" IN_PERIOD ("r.end_date");

static const char choices[] =
  CHOICE (G_STRINGIFY (CT_SUMMARY_ROW_SERVICE), CT_SETTING_TEAM_NAME)
  CHOICE (G_STRINGIFY (CT_SUMMARY_ROW_RULE), CT_SETTING_DISCLOSURE_RULE)
  CHOICE (G_STRINGIFY (CT_SUMMARY_ROW_THRESHOLD), CT_SETTING_RELIABLE_CHANGE);

/* The breakdowns count their words in one pass over their rows (a GROUP
 * BY would sort them, and SQLite's sorter allocates each row, which
 * SQLCipher's memory security locks and wipes), and the breakdowns of the
 * same rows share the pass: a one-row table per set of rows, named after
 * its first breakdown, of the counts of each breakdown's @value = each of
 * its words, added to the WITH clause. */

/* The first breakdown counted from the rows of @figure's. */
static guint
first_of_rows (guint figure)
{
  for (guint i = 0; i < figure; i++)
    if (specs[i].value != NULL && g_str_equal (specs[i].sql, specs[figure].sql))
      return i;
  return figure;
}

/* A breakdown's words as SQL literals. */
static GStrv
counted_cases (const CtFigureSpec *spec)
{
  GPtrArray *cases = g_ptr_array_new ();

  for (const char * const *word = ct_summary_spec_get_words (spec); *word != NULL; word++)
    g_ptr_array_add (cases, g_strdup_printf ("'%s'", *word));
  g_ptr_array_add (cases, NULL);
  return (GStrv) g_ptr_array_free (cases, FALSE);
}

/* The counts of every breakdown of the rows of breakdown @first, and a
 * row per word of each (its word and its count) in @figures. */
static void
append_counts (GString *with,
               GString *figures,
               guint    first)
{
  const char *separator = "";

  g_string_append_printf (with, ", counts_%u AS MATERIALIZED (SELECT", first);
  for (guint i = first; i < G_N_ELEMENTS (specs); i++)
    if (specs[i].value != NULL && first_of_rows (i) == first)
      {
        g_auto(GStrv) cases = counted_cases (&specs[i]);

        for (guint c = 0; cases[c] != NULL; c++, separator = ",")
          {
            g_string_append_printf (with, "%s count (CASE WHEN %s = %s THEN 1 END) AS n%u_%u",
                                    separator, specs[i].value, cases[c], i, c);
            g_string_append_printf (figures, " UNION ALL SELECT %u, %s, n%u_%u, 0, 0 FROM counts_%u",
                                    i, cases[c], i, c, first);
          }
      }
  g_string_append_printf (with, "%s)", specs[first].sql);
}

static char *
build_sql (void)
{
  GString *sql = g_string_new (row_sets);
  g_autoptr(GString) figures = g_string_new (NULL);
  g_autoptr(GString) breakdowns = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (specs[i].value == NULL && specs[i].sql != NULL)
      g_string_append_printf (figures, " UNION ALL SELECT %u, %s", i, specs[i].sql);
    else if (specs[i].value != NULL && first_of_rows (i) == i)
      append_counts (sql, breakdowns, i);
  g_string_append (figures, breakdowns->str);
  /* Less the first UNION ALL. */
  g_string_append (sql, figures->str + strlen (" UNION ALL"));
  g_string_append (sql, paired_goals);
  g_string_append (sql, choices);
  return g_string_free (sql, FALSE);
}

const char *
ct_summary_get_sql (void)
{
  static const char *sql = NULL;

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, build_sql ());
  return sql;
}

const CtFigureSpec *
ct_summary_get_specs (guint *n_specs)
{
  *n_specs = G_N_ELEMENTS (specs);
  return specs;
}

const char * const *
ct_summary_spec_get_words (const CtFigureSpec *spec)
{
  const CtKind *kind;
  const CtField *field;

  if (spec->words != NULL)
    return spec->words;

  /* The words of the record field, as the records define them. */
  kind = ct_kind_lookup (spec->kind_name);
  field = kind != NULL ? ct_kind_find_field (kind, spec->field) : NULL;
  g_return_val_if_fail (field != NULL, NULL);
  return ct_enum_words (field);
}
