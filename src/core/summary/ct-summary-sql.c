/* ct-summary-sql.c: what every figure of the committee summary counts
 *
 * DOMAIN.md's table "The committee summary (JSON)", in SQL. Each set of
 * rows that DOMAIN.md defines once ("referrals whose referral_date is in the
 * period", "goals of the ended episodes that have paired data") is one macro
 * below, and each figure is one entry of specs[] built on them, so that every
 * definition is written in exactly one place. All aggregation happens in
 * SQLite: no record is loaded to count it.
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
#include "ct-summary-private.h"

/* Row sets */

#define IN_PERIOD(column) " " column " BETWEEN :from AND :to"

/* referrals: received in the period, with the child's current values */
#define RECEIVED \
  " FROM referral r JOIN child c ON c.id = r.child_id WHERE" IN_PERIOD ("r.referral_date")

/* The child's age in whole years on the referral date. */
#define AGE \
  "CAST (substr (CAST (r.referral_date AS TEXT), 1, 4) AS INTEGER)" \
  " - CAST (substr (CAST (c.date_of_birth AS TEXT), 1, 4) AS INTEGER)" \
  " - CASE WHEN substr (CAST (r.referral_date AS TEXT), 6)" \
  "   < substr (CAST (c.date_of_birth AS TEXT), 6) THEN 1 ELSE 0 END"

/* caseload: episodes open on a day (accepted, started on or before it, not
 * ended before it) */
#define OPEN_ON(day) \
  " FROM referral WHERE decision = 'accepted' AND start_date <= " day \
  " AND (end_date IS NULL OR end_date >= " day ")"

#define STARTED " FROM referral WHERE decision = 'accepted' AND" IN_PERIOD ("start_date")

/* caseload and outcomes: episodes ended in the period */
#define ENDED " FROM referral WHERE" IN_PERIOD ("end_date")

#define CONSULTATIONS " FROM consultation WHERE" IN_PERIOD ("date")

#define SESSIONS " FROM reflective_practice WHERE" IN_PERIOD ("date")
#define HELD     SESSIONS " AND status = 'held'"

/* outcomes: the goals of the episodes ended in the period that have paired
 * data (a baseline and an end score), scores in half points. */
#define PAIRED \
  " FROM (SELECT g.referral_id AS episode," \
  "         CAST (round (b.score * 2) AS INTEGER) AS baseline," \
  "         CAST (round (e.score * 2) AS INTEGER) AS final" \
  "       FROM goal g" \
  "       JOIN goal_rating b ON b.goal_id = g.id AND b.time_point = 'baseline'" \
  "       JOIN goal_rating e ON e.goal_id = g.id AND e.time_point = 'end'" \
  "       WHERE g.referral_id IN (SELECT id" ENDED ")) AS paired"

/* A change in hundredths (half points × 50), to compare with :threshold. */
#define CHANGE       "(final - baseline) * 50"
#define IMPROVED     CHANGE " >= :threshold"
#define DETERIORATED CHANGE " <= -:threshold"

#define WITH_PAIRED "SELECT count (DISTINCT episode)" PAIRED

/* training: the events of the period and their bookings */
#define EVENTS " FROM training_event WHERE" IN_PERIOD ("date")
#define PLACES \
  " FROM training_attendance a JOIN training_event e ON e.id = a.event_id" \
  " WHERE" IN_PERIOD ("e.date") " AND a.status <> 'cancelled'"
#define HAS_ATTENDED "a.status = 'attended'"
#define ATTENDED     PLACES " AND " HAS_ATTENDED
#define RATED_BOTH \
  ATTENDED " AND a.confidence_before IS NOT NULL AND a.confidence_after IS NOT NULL"

/* sdq: SDQ records dated in the period, with a total or with a reason */
#define SDQ_IN_PERIOD " FROM sdq_score WHERE" IN_PERIOD ("date")
#define SDQ_SCORED    SDQ_IN_PERIOD " AND total IS NOT NULL"
#define SDQ_NO_SCORE  SDQ_IN_PERIOD " AND total IS NULL"

/* sdq: each child's latest total in the period (s), latest by date, then
 * by id for two on one day. */
#define SDQ_LATEST \
  " FROM sdq_score s WHERE s.total IS NOT NULL AND" IN_PERIOD ("s.date") \
  " AND NOT EXISTS (SELECT 1 FROM sdq_score n WHERE n.child_id = s.child_id" \
  "   AND n.total IS NOT NULL AND" IN_PERIOD ("n.date") \
  "   AND (n.date > s.date OR (n.date = s.date AND n.id > s.id)))"

/* The total before s (any date before it), or NULL. */
#define SDQ_PREVIOUS \
  "(SELECT p.total FROM sdq_score p WHERE p.child_id = s.child_id AND p.total IS NOT NULL" \
  " AND (p.date < s.date OR (p.date = s.date AND p.id < s.id))" \
  " ORDER BY p.date DESC, p.id DESC LIMIT 1)"

/* The bands as the DfE reports them (ct-sdq-score.h). */
#define SDQ_CONCERN(total) total " >= 17"
#define SDQ_BAND(total) \
  "CASE WHEN " SDQ_CONCERN (total) " THEN 'concern' WHEN " total " >= 14 THEN 'borderline'" \
  " ELSE 'normal' END"

#define SDQ_MOVES(condition) \
  "SELECT count (*) FROM (SELECT s.total AS latest, " SDQ_PREVIOUS " AS previous" SDQ_LATEST \
  ") AS moves" \
  " WHERE previous IS NOT NULL AND " condition

/* A mean of whole numbers: numerator, denominator, items. */
#define MEAN_OF(expression) \
  "SELECT coalesce (sum (" expression "), 0), count (*), count (*)"
/* A mean of goal scores in half points. */
#define MEAN_OF_HALVES(expression) \
  "SELECT coalesce (sum (" expression "), 0), 2 * count (*), count (*)"
/* 100 × matching / all: numerator, denominator, items. */
#define PERCENT_OF(condition) \
  "SELECT 100 * coalesce (sum (CASE WHEN " condition " THEN 1 ELSE 0 END), 0), count (*), count (*)"

#define BY(column) "SELECT " column ", count (*)"
#define GROUPED    " GROUP BY 1"

/* The summary's own breakdown words */

static const char *const age_bands[] = { "0-4", "5-10", "11-15", "16-17", "18+", NULL };
static const char *const yes_no[] = { "yes", "no", NULL };
static const char *const changes[] = { "improved", "no_reliable_change", "deteriorated", NULL };
static const char *const bookings[] = { "attended", "did_not_attend", "booked", NULL };
static const char *const sdq_bands[] = { "normal", "borderline", "concern", NULL };

#define COUNT(section, key, sql)  { section, key, CT_FIGURE_COUNT, sql, NULL, NULL, NULL }
#define HOURS(section, key, sql)  { section, key, CT_FIGURE_HOURS, sql, NULL, NULL, NULL }
#define MEAN(section, key, sql)   { section, key, CT_FIGURE_MEAN, sql, NULL, NULL, NULL }
#define BREAKDOWN(section, key, kind, field, sql) \
  { section, key, CT_FIGURE_BREAKDOWN, sql, kind, field, NULL }
#define OWN_BREAKDOWN(section, key, words, sql) \
  { section, key, CT_FIGURE_BREAKDOWN, sql, NULL, NULL, words }

static const CtFigureSpec specs[] = {
  COUNT ("referrals", "received", "SELECT count (*)" RECEIVED),
  BREAKDOWN ("referrals", "by_decision", "referral", "decision",
             BY ("r.decision") RECEIVED GROUPED),
  BREAKDOWN ("referrals", "by_source", "referral", "referral_source",
             BY ("r.referral_source") RECEIVED GROUPED),
  OWN_BREAKDOWN ("referrals", "by_age_band", age_bands,
                 "SELECT CASE WHEN age <= 4 THEN '0-4' WHEN age <= 10 THEN '5-10'"
                 " WHEN age <= 15 THEN '11-15' WHEN age <= 17 THEN '16-17' ELSE '18+' END,"
                 " count (*) FROM (SELECT " AGE " AS age" RECEIVED ") AS ages" GROUPED),
  BREAKDOWN ("referrals", "by_legal_status", "child", "legal_status",
             BY ("c.legal_status") RECEIVED GROUPED),
  BREAKDOWN ("referrals", "by_placement_type", "child", "placement_type",
             BY ("c.placement_type") RECEIVED GROUPED),
  BREAKDOWN ("referrals", "by_placement_area", "child", "placement_area",
             BY ("c.placement_area") RECEIVED GROUPED),
  OWN_BREAKDOWN ("referrals", "by_uasc", yes_no,
                 BY ("CASE WHEN c.uasc THEN 'yes' ELSE 'no' END") RECEIVED GROUPED),

  COUNT ("caseload", "open_at_start", "SELECT count (*)" OPEN_ON (":from")),
  COUNT ("caseload", "open_at_end", "SELECT count (*)" OPEN_ON (":to")),
  COUNT ("caseload", "started", "SELECT count (*)" STARTED),
  COUNT ("caseload", "ended", "SELECT count (*)" ENDED),
  BREAKDOWN ("caseload", "by_end_reason", "referral", "end_reason",
             BY ("end_reason") ENDED GROUPED),

  COUNT ("consultations", "total", "SELECT count (*)" CONSULTATIONS),
  COUNT ("consultations", "children", "SELECT count (DISTINCT child_id)" CONSULTATIONS),
  HOURS ("consultations", "hours", "SELECT coalesce (sum (duration_minutes), 0)" CONSULTATIONS),
  BREAKDOWN ("consultations", "by_topic", "consultation", "topics",
             BY ("topic") " FROM consultation_topic"
             " WHERE consultation_id IN (SELECT id" CONSULTATIONS ")" GROUPED),
  BREAKDOWN ("consultations", "by_requested_by", "consultation", "requested_by",
             BY ("requested_by") CONSULTATIONS GROUPED),
  BREAKDOWN ("consultations", "by_mode", "consultation", "mode",
             BY ("mode") CONSULTATIONS GROUPED),
  BREAKDOWN ("consultations", "by_outcome", "consultation", "outcome",
             BY ("outcome") CONSULTATIONS GROUPED),

  COUNT ("reflective_practice", "held", "SELECT count (*)" HELD),
  COUNT ("reflective_practice", "cancelled",
         "SELECT count (*)" SESSIONS " AND status = 'cancelled'"),
  COUNT ("reflective_practice", "attendances", "SELECT coalesce (sum (attendees), 0)" HELD),
  HOURS ("reflective_practice", "hours", "SELECT coalesce (sum (duration_minutes), 0)" HELD),
  BREAKDOWN ("reflective_practice", "by_setting", "reflective_practice", "setting",
             BY ("setting") HELD GROUPED),
  /* Ratings in hundredths, so that their sum is a whole number. */
  MEAN ("reflective_practice", "mean_rating",
        "SELECT coalesce (sum (CAST (round (rating * 100) AS INTEGER)), 0),"
        " 100 * count (rating), count (rating)" HELD),

  COUNT ("outcomes", "episodes_ended", "SELECT count (*)" ENDED),
  COUNT ("outcomes", "episodes_with_paired_gbo", WITH_PAIRED),
  MEAN ("outcomes", "completeness_pct",
        "SELECT 100 * (" WITH_PAIRED "), count (*), count (*)" ENDED),
  COUNT ("outcomes", "goals_paired", "SELECT count (*)" PAIRED),
  MEAN ("outcomes", "mean_baseline", MEAN_OF_HALVES ("baseline") PAIRED),
  MEAN ("outcomes", "mean_end", MEAN_OF_HALVES ("final") PAIRED),
  MEAN ("outcomes", "mean_change", MEAN_OF_HALVES ("final - baseline") PAIRED),
  OWN_BREAKDOWN ("outcomes", "by_change", changes,
                 "SELECT CASE WHEN " IMPROVED " THEN 'improved'"
                 " WHEN " DETERIORATED " THEN 'deteriorated'"
                 " ELSE 'no_reliable_change' END, count (*)" PAIRED GROUPED),
  MEAN ("outcomes", "pct_goals_reliably_improved", PERCENT_OF (IMPROVED) PAIRED),
  /* The mean change of an episode ≥ the threshold: sum ≥ threshold × goals. */
  COUNT ("outcomes", "episodes_reliably_improved",
         "SELECT count (*) FROM (SELECT episode" PAIRED
         " GROUP BY episode HAVING sum (" CHANGE ") >= :threshold * count (*)) AS improved"),
  { "outcomes", "reliable_change_threshold", CT_FIGURE_CONSTANT, NULL, NULL, NULL, NULL },

  COUNT ("training", "events", "SELECT count (*)" EVENTS),
  HOURS ("training", "hours", "SELECT coalesce (sum (duration_minutes), 0)" EVENTS),
  COUNT ("training", "places_booked", "SELECT count (*)" PLACES),
  OWN_BREAKDOWN ("training", "by_status", bookings, BY ("a.status") PLACES GROUPED),
  MEAN ("training", "attendance_rate_pct", PERCENT_OF (HAS_ATTENDED) PLACES),
  COUNT ("training", "distinct_attendees", "SELECT count (DISTINCT a.attendee_name)" ATTENDED),
  BREAKDOWN ("training", "by_topic", "training_event", "topic", BY ("topic") EVENTS GROUPED),
  BREAKDOWN ("training", "by_role", "training_attendance", "role",
             BY ("a.role") ATTENDED GROUPED),
  MEAN ("training", "mean_confidence_before", MEAN_OF ("a.confidence_before") RATED_BOTH),
  MEAN ("training", "mean_confidence_after", MEAN_OF ("a.confidence_after") RATED_BOTH),
  MEAN ("training", "mean_confidence_change",
        MEAN_OF ("a.confidence_after - a.confidence_before") RATED_BOTH),

  COUNT ("sdq", "scores", "SELECT count (*)" SDQ_SCORED),
  COUNT ("sdq", "children", "SELECT count (DISTINCT child_id)" SDQ_SCORED),
  COUNT ("sdq", "no_score", "SELECT count (*)" SDQ_NO_SCORE),
  BREAKDOWN ("sdq", "by_reason", "sdq_score", "reason", BY ("reason") SDQ_NO_SCORE GROUPED),
  OWN_BREAKDOWN ("sdq", "by_band", sdq_bands, BY (SDQ_BAND ("s.total")) SDQ_LATEST GROUPED),
  MEAN ("sdq", "mean_total", MEAN_OF ("s.total") SDQ_LATEST),
  COUNT ("sdq", "moved_into_concern",
         SDQ_MOVES (SDQ_CONCERN ("latest") " AND NOT " SDQ_CONCERN ("previous"))),
  COUNT ("sdq", "moved_out_of_concern",
         SDQ_MOVES (SDQ_CONCERN ("previous") " AND NOT " SDQ_CONCERN ("latest"))),
};

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
