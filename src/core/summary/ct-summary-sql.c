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

#include "ct-database-private.h"
#include "ct-kind.h"
#include "ct-preferences.h"
#include "ct-setting.h"
#include "ct-summary-private.h"

/* Row sets: each a named table of the one statement, NOT MATERIALIZED:
 * a figure reads its rows from covering indexes or by a join, which
 * measured cheaper than a copy, whose every row SQLCipher's memory
 * security pays for in allocations (every referral joined to its child:
 * 2 ms read, 22 ms copied, at county; tests/bench; both keywords are
 * SQLite's since 3.35 and PostgreSQL's since 12). The one built by
 * look-ups per row (sdq_moves) is read once, by the one pass that makes
 * every figure of it (sdq_figures, below). */

#define IN_PERIOD(column) " " column " BETWEEN :from AND :to"

/* The child's age in whole years on the referral date: of the referral
 * ($R) and its child ($P), as ct-summary-days.c names them. */
#define AGE \
  "CAST (substr (CAST ($R.referral_date AS TEXT), 1, 4) AS INTEGER)" \
  " - CAST (substr (CAST ($P.date_of_birth AS TEXT), 1, 4) AS INTEGER)" \
  " - CASE WHEN substr (CAST ($R.referral_date AS TEXT), 6)" \
  "   < substr (CAST ($P.date_of_birth AS TEXT), 6) THEN 1 ELSE 0 END"

/* sdq: child c's totals up to the end of the period, latest first (by
 * date, then by id for two on one day), read backwards from the index
 * sdq_score_order (child_id, date, id, total) in its order, no sort (an
 * ORDER BY that no index gives sorts, and SQLite's sorter allocates every
 * row, each locked and wiped by SQLCipher's memory security): the one
 * after @skipped of them, or NULL. */
#define SDQ_BACK_FROM_END(skipped) \
  "(SELECT l.total FROM sdq_score l WHERE l.child_id = c.id AND l.total IS NOT NULL" \
  " AND l.date <= :to ORDER BY l.date DESC, l.id DESC LIMIT 1 OFFSET " skipped ")"

/* sdq: whether child c has a total in the period; then the first of its
 * totals up to the period's end is its latest in the period. */
#define SDQ_IN_PERIOD \
  "EXISTS (SELECT 1 FROM sdq_score x WHERE x.child_id = c.id AND x.total IS NOT NULL" \
  " AND" IN_PERIOD ("x.date") ")"

static const char row_sets[] =
  "WITH"
  /* consultations.children: the consultations of the period */
  " consultations AS NOT MATERIALIZED (SELECT child_id FROM consultation"
  "   WHERE" IN_PERIOD ("date") "),"
  /* training.distinct_attendees: the bookings of the period's events */
  " places AS NOT MATERIALIZED (SELECT a.status, a.attendee_name FROM training_attendance a"
  "   JOIN training_event e ON e.id = a.event_id"
  "   WHERE" IN_PERIOD ("e.date") " AND a.status <> 'cancelled'),"
  /* sdq: each child's latest total in the period, and the total before it
   * (in or out of the period). Child by child, so that the look-ups walk
   * the index in its order: driven by the period's totals instead, they
   * jumped about it, 234 ms for all history at ten times county against
   * 35 now (28 ms against 32 for one year). Its LIMIT, of every row, keeps
   * it a subquery of its own that hands its rows on as it finds them,
   * neither copied (MATERIALIZED) nor flattened into the one pass that
   * reads it (SQLite's and PostgreSQL's planners merge a subquery without
   * LIMIT into an aggregate over it, and SQLite then looks up `previous`
   * again for each of the figures that read it). */
  " sdq_moves AS NOT MATERIALIZED (SELECT " SDQ_BACK_FROM_END ("0") " AS latest, "
  SDQ_BACK_FROM_END ("1") " AS previous FROM child c WHERE " SDQ_IN_PERIOD
  " LIMIT 9223372036854775807)";

/* Each figure is one SELECT of the statement's UNION ALL, which puts the
 * figure's number first; what follows is its spec's @sql: the word (NULL
 * but for a breakdown) and three whole numbers. */

/* Conditions on a row ($R) of ct-summary-days.c, and a sum of @value over
 * the rows where @condition holds. */
#define HELD          "$R.status = 'held'"
#define ATTENDED      "$R.status = 'attended'"
#define RATED_BOTH \
  ATTENDED " AND $R.confidence_before IS NOT NULL AND $R.confidence_after IS NOT NULL"
#define WHERE(condition, value) "CASE WHEN " condition " THEN " value " ELSE 0 END"
#define ONLY(condition, value) "CASE WHEN " condition " THEN " value " END"

/* The bands as the DfE reports them (ct-sdq-score.h). */
#define SDQ_CONCERN(total) total " >= 17"
#define SDQ_BAND(total) \
  "CASE WHEN " SDQ_CONCERN (total) " THEN 'concern' WHEN " total " >= 14 THEN 'borderline'" \
  " ELSE 'normal' END"
#define SDQ_MOVED(condition) \
  "count (CASE WHEN previous IS NOT NULL AND " condition " THEN 1 END)"

/* A count: NULL, the count, 0, 0. */
#define NUMBER(expression) "NULL, " expression ", 0, 0"
/* A mean: numerator, denominator, items (whole numbers). */
#define RATIO(numerator, denominator, items) \
  "NULL, " numerator ", " denominator ", " items

/* The summary's own breakdown words */

static const char *const age_bands[] = { "0-4", "5-10", "11-15", "16-17", "18+", NULL };
static const char *const yes_no[] = { "yes", "no", NULL };
static const char *const changes[] = { "improved", "no_reliable_change", "deteriorated", NULL };
static const char *const bookings[] = { "attended", "did_not_attend", "booked", NULL };
static const char *const sdq_bands[] = { "normal", "borderline", "concern", NULL };

#define COUNT(section, key, sql)  { section, key, CT_FIGURE_COUNT, sql }
/* count (DISTINCT @column), as the store counts it fastest: the dialect's
 * count_distinct replaces $COUNT_DISTINCT. */
#define COUNT_DISTINCT(column) "$COUNT_DISTINCT " column ")"
/* A figure of the rows of sdq_moves, made with the others in one pass. */
#define OF_SDQ_MOVES(kind_, key_, value_, ...) \
  { "sdq", key_, kind_, .value = value_, .of_sdq_moves = TRUE, __VA_ARGS__ }
/* A figure made of the paired goals (ct-summary-goals.c), which the
 * threshold classifies as they are read, so that the statement does not
 * depend on it. */
#define FROM_GOALS(kind, section, key, goals) \
  { section, key, kind, NULL, NULL, NULL, NULL, goals }
/* Figures summed day by day from the rows of @source (ct-summary-days.c). */
#define DAILY(kind_, section_, key_, source, sum) \
  { section_, key_, kind_, .days = source, .value = sum }
#define DAILY_BREAKDOWN(section_, key_, kind_name_, field_, source, word) \
  { section_, key_, CT_FIGURE_BREAKDOWN, .kind_name = kind_name_, .field = field_, \
    .days = source, .value = word }
#define DAILY_OWN_BREAKDOWN(section_, key_, words_, source, word) \
  { section_, key_, CT_FIGURE_BREAKDOWN, .words = words_, .days = source, .value = word }
#define DAILY_MEAN(section_, key_, source, sum, items, scale_) \
  { section_, key_, CT_FIGURE_MEAN, .days = source, .value = sum, .denominator = items, \
    .scale = scale_ }

/* caseload.open_at_*: the accepted episodes open on day @day, from the
 * day by day sums: those started by then, less those ended before it and
 * those that ended before they started. */
#define OPEN_ON(day) \
  "(SELECT coalesce (sum (caseload_started) - sum (" CT_SUMMARY_DAYS_NEVER_OPEN "), 0)" \
  " FROM summary_day WHERE day <= " day ")" \
  " - (SELECT coalesce (sum (" CT_SUMMARY_DAYS_CLOSED_AFTER "), 0)" \
  " FROM summary_day WHERE day < " day ")"

static const CtFigureSpec specs[] = {
  DAILY (CT_FIGURE_COUNT, "referrals", "received", CT_DAYS_RECEIVED, "1"),
  DAILY_BREAKDOWN ("referrals", "by_decision", "referral", "decision",
                   CT_DAYS_RECEIVED, "$R.decision"),
  DAILY_BREAKDOWN ("referrals", "by_source", "referral", "referral_source",
                   CT_DAYS_RECEIVED, "$R.referral_source"),
  DAILY_OWN_BREAKDOWN ("referrals", "by_age_band", age_bands, CT_DAYS_RECEIVED,
                       "CASE WHEN " AGE " <= 4 THEN '0-4' WHEN " AGE " <= 10 THEN '5-10'"
                       " WHEN " AGE " <= 15 THEN '11-15' WHEN " AGE " <= 17 THEN '16-17'"
                       " ELSE '18+' END"),
  DAILY_BREAKDOWN ("referrals", "by_legal_status", "child", "legal_status",
                   CT_DAYS_RECEIVED, "$P.legal_status"),
  DAILY_BREAKDOWN ("referrals", "by_placement_type", "child", "placement_type",
                   CT_DAYS_RECEIVED, "$P.placement_type"),
  DAILY_BREAKDOWN ("referrals", "by_placement_area", "child", "placement_area",
                   CT_DAYS_RECEIVED, "$P.placement_area"),
  DAILY_OWN_BREAKDOWN ("referrals", "by_uasc", yes_no, CT_DAYS_RECEIVED,
                       "CASE WHEN $P.uasc THEN 'yes' ELSE 'no' END"),

  COUNT ("caseload", "open_at_start", NUMBER (OPEN_ON (":from"))),
  COUNT ("caseload", "open_at_end", NUMBER (OPEN_ON (":to"))),
  DAILY (CT_FIGURE_COUNT, "caseload", "started", CT_DAYS_STARTED, "1"),
  DAILY (CT_FIGURE_COUNT, "caseload", "ended", CT_DAYS_ENDED, "1"),
  DAILY_BREAKDOWN ("caseload", "by_end_reason", "referral", "end_reason",
                   CT_DAYS_ENDED, "$R.end_reason"),

  DAILY (CT_FIGURE_COUNT, "consultations", "total", CT_DAYS_CONSULTATIONS, "1"),
  COUNT ("consultations", "children", NUMBER (COUNT_DISTINCT ("child_id")) " FROM consultations"),
  DAILY (CT_FIGURE_HOURS, "consultations", "hours", CT_DAYS_CONSULTATIONS, "$R.duration_minutes"),
  DAILY_BREAKDOWN ("consultations", "by_topic", "consultation", "topics",
                   CT_DAYS_TOPICS, "$R.topic"),
  DAILY_BREAKDOWN ("consultations", "by_requested_by", "consultation", "requested_by",
                   CT_DAYS_CONSULTATIONS, "$R.requested_by"),
  DAILY_BREAKDOWN ("consultations", "by_mode", "consultation", "mode",
                   CT_DAYS_CONSULTATIONS, "$R.mode"),
  DAILY_BREAKDOWN ("consultations", "by_outcome", "consultation", "outcome",
                   CT_DAYS_CONSULTATIONS, "$R.outcome"),

  DAILY (CT_FIGURE_COUNT, "reflective_practice", "held", CT_DAYS_SESSIONS, WHERE (HELD, "1")),
  DAILY (CT_FIGURE_COUNT, "reflective_practice", "cancelled", CT_DAYS_SESSIONS,
         WHERE ("$R.status = 'cancelled'", "1")),
  DAILY (CT_FIGURE_COUNT, "reflective_practice", "attendances", CT_DAYS_SESSIONS,
         WHERE (HELD, "$R.attendees")),
  DAILY (CT_FIGURE_HOURS, "reflective_practice", "hours", CT_DAYS_SESSIONS,
         WHERE (HELD, "$R.duration_minutes")),
  DAILY_BREAKDOWN ("reflective_practice", "by_setting", "reflective_practice", "setting",
                   CT_DAYS_SESSIONS, ONLY (HELD, "$R.setting")),
  /* Ratings in hundredths, so that their sum is a whole number. */
  DAILY_MEAN ("reflective_practice", "mean_rating", CT_DAYS_SESSIONS,
              WHERE (HELD " AND $R.rating IS NOT NULL", "CAST (round ($R.rating * 100) AS INTEGER)"),
              WHERE (HELD " AND $R.rating IS NOT NULL", "1"), 100),

  DAILY (CT_FIGURE_COUNT, "outcomes", "episodes_ended", CT_DAYS_ENDED, "1"),
  FROM_GOALS (CT_FIGURE_COUNT, "outcomes", "episodes_with_paired_gbo", CT_GOALS_EPISODES),
  /* Its denominator and items, the episodes ended, from the day by day
   * sums of outcomes.episodes_ended. */
  { "outcomes", "completeness_pct", CT_FIGURE_MEAN,
    RATIO ("0", "outcomes_episodes_ended", "outcomes_episodes_ended") " FROM days",
    .goals = CT_GOALS_COMPLETENESS },
  FROM_GOALS (CT_FIGURE_COUNT, "outcomes", "goals_paired", CT_GOALS_PAIRED),
  FROM_GOALS (CT_FIGURE_MEAN, "outcomes", "mean_baseline", CT_GOALS_MEAN_BASELINE),
  FROM_GOALS (CT_FIGURE_MEAN, "outcomes", "mean_end", CT_GOALS_MEAN_END),
  FROM_GOALS (CT_FIGURE_MEAN, "outcomes", "mean_change", CT_GOALS_MEAN_CHANGE),
  { "outcomes", "by_change", CT_FIGURE_BREAKDOWN, .words = changes, .goals = CT_GOALS_BY_CHANGE },
  FROM_GOALS (CT_FIGURE_MEAN, "outcomes", "pct_goals_reliably_improved", CT_GOALS_PCT_IMPROVED),
  FROM_GOALS (CT_FIGURE_COUNT, "outcomes", "episodes_reliably_improved",
              CT_GOALS_EPISODES_IMPROVED),
  { "outcomes", "reliable_change_threshold", CT_FIGURE_CONSTANT },

  DAILY (CT_FIGURE_COUNT, "training", "events", CT_DAYS_EVENTS, "1"),
  DAILY (CT_FIGURE_HOURS, "training", "hours", CT_DAYS_EVENTS, "$R.duration_minutes"),
  DAILY (CT_FIGURE_COUNT, "training", "places_booked", CT_DAYS_PLACES, "1"),
  DAILY_OWN_BREAKDOWN ("training", "by_status", bookings, CT_DAYS_PLACES, "$R.status"),
  /* 100 × attended / booked. */
  DAILY_MEAN ("training", "attendance_rate_pct", CT_DAYS_PLACES, WHERE (ATTENDED, "100"), "1", 1),
  COUNT ("training", "distinct_attendees",
         NUMBER (COUNT_DISTINCT ("attendee_name")) " FROM places WHERE status = 'attended'"),
  DAILY_BREAKDOWN ("training", "by_topic", "training_event", "topic",
                   CT_DAYS_EVENTS, "$R.topic"),
  DAILY_BREAKDOWN ("training", "by_role", "training_attendance", "role",
                   CT_DAYS_PLACES, ONLY (ATTENDED, "$R.role")),
  DAILY_MEAN ("training", "mean_confidence_before", CT_DAYS_PLACES,
              WHERE (RATED_BOTH, "$R.confidence_before"), WHERE (RATED_BOTH, "1"), 1),
  DAILY_MEAN ("training", "mean_confidence_after", CT_DAYS_PLACES,
              WHERE (RATED_BOTH, "$R.confidence_after"), WHERE (RATED_BOTH, "1"), 1),
  DAILY_MEAN ("training", "mean_confidence_change", CT_DAYS_PLACES,
              WHERE (RATED_BOTH, "$R.confidence_after - $R.confidence_before"),
              WHERE (RATED_BOTH, "1"), 1),

  DAILY (CT_FIGURE_COUNT, "sdq", "scores", CT_DAYS_SDQ, WHERE ("$R.total IS NOT NULL", "1")),
  /* A child with a total in the period has one latest total there. */
  OF_SDQ_MOVES (CT_FIGURE_COUNT, "children", "count (*)"),
  DAILY (CT_FIGURE_COUNT, "sdq", "no_score", CT_DAYS_SDQ, WHERE ("$R.total IS NULL", "1")),
  DAILY_BREAKDOWN ("sdq", "by_reason", "sdq_score", "reason", CT_DAYS_SDQ, "$R.reason"),
  OF_SDQ_MOVES (CT_FIGURE_BREAKDOWN, "by_band", SDQ_BAND ("latest"), .words = sdq_bands),
  OF_SDQ_MOVES (CT_FIGURE_MEAN, "mean_total", "coalesce (sum (latest), 0)",
                .denominator = "count (*)"),
  OF_SDQ_MOVES (CT_FIGURE_COUNT, "moved_into_concern",
                SDQ_MOVED (SDQ_CONCERN ("latest") " AND NOT " SDQ_CONCERN ("previous"))),
  OF_SDQ_MOVES (CT_FIGURE_COUNT, "moved_out_of_concern",
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

/* A figure of sdq_moves: its aggregates, columns of the one-row table
 * sdq_figures (added to the WITH clause: one pass over sdq_moves makes
 * every figure of it), and its rows in @figures. A breakdown counts each
 * word in that pass (a GROUP BY would sort the rows, and SQLite's sorter
 * allocates each, which SQLCipher's memory security locks and wipes).
 * Copied once for its figures to read each, sdq_moves (driven by the
 * period's totals) took 45 ms for one year at ten times county; read in
 * one pass, 29. */
static void
append_of_sdq_moves (GString *columns,
                     GString *figures,
                     guint    figure)
{
  const CtFigureSpec *spec = &specs[figure];

  if (spec->kind == CT_FIGURE_BREAKDOWN)
    for (guint w = 0; spec->words[w] != NULL; w++)
      {
        g_string_append_printf (columns, ", count (CASE WHEN %s = '%s' THEN 1 END) AS f%u_%u",
                                spec->value, spec->words[w], figure, w);
        g_string_append_printf (figures, " UNION ALL SELECT %u, '%s', f%u_%u, 0, 0"
                                " FROM sdq_figures", figure, spec->words[w], figure, w);
      }
  else if (spec->kind == CT_FIGURE_MEAN)
    {
      g_string_append_printf (columns, ", %s AS f%u, %s AS f%u_n",
                              spec->value, figure, spec->denominator, figure);
      g_string_append_printf (figures, " UNION ALL SELECT %u, NULL, f%u, f%u_n, f%u_n"
                              " FROM sdq_figures", figure, figure, figure, figure);
    }
  else
    {
      g_string_append_printf (columns, ", %s AS f%u", spec->value, figure);
      g_string_append_printf (figures, " UNION ALL SELECT %u, NULL, f%u, 0, 0 FROM sdq_figures",
                              figure, figure);
    }
}

/* A figure summed day by day: its sums over the period's days in @days
 * (a one-row table, added to the WITH clause), and its rows in @figures. */
static void
append_daily (GString *days,
              GString *figures,
              guint    figure)
{
  const CtFigureSpec *spec = &specs[figure];

  if (spec->kind == CT_FIGURE_BREAKDOWN)
    for (const char * const *word = ct_summary_spec_get_words (spec); *word != NULL; word++)
      {
        g_autofree char *column = ct_summary_days_column (spec, *word);

        g_string_append_printf (days, ", coalesce (sum (%s), 0) AS %s", column, column);
        g_string_append_printf (figures, " UNION ALL SELECT %u, '%s', %s, 0, 0 FROM days",
                                figure, *word, column);
      }
  else if (spec->kind == CT_FIGURE_MEAN)
    {
      g_autofree char *sum = ct_summary_days_column (spec, "sum");
      g_autofree char *n = ct_summary_days_column (spec, "n");

      g_string_append_printf (days, ", coalesce (sum (%s), 0) AS %s,"
                              " coalesce (sum (%s), 0) AS %s", sum, sum, n, n);
      g_string_append_printf (figures, " UNION ALL SELECT %u, NULL, %s, %d * %s, %s FROM days",
                              figure, sum, MAX (spec->scale, 1), n, n);
    }
  else
    {
      g_autofree char *column = ct_summary_days_column (spec, NULL);

      g_string_append_printf (days, ", coalesce (sum (%s), 0) AS %s", column, column);
      g_string_append_printf (figures, " UNION ALL SELECT %u, NULL, %s, 0, 0 FROM days",
                              figure, column);
    }
}

static char *
build_sql (const CtSqlDialect *dialect)
{
  GString *sql = g_string_new (row_sets);
  g_autoptr(GString) figures = g_string_new (NULL);
  g_autoptr(GString) days = g_string_new (NULL);
  g_autoptr(GString) of_sdq_moves = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (specs[i].days != CT_DAYS_NONE)
      append_daily (days, figures, i);
    else if (specs[i].of_sdq_moves)
      append_of_sdq_moves (of_sdq_moves, figures, i);
    else if (specs[i].sql != NULL)
      g_string_append_printf (figures, " UNION ALL SELECT %u, %s", i, specs[i].sql);
  /* Less the first comma. */
  g_string_append_printf (sql, ", sdq_figures AS MATERIALIZED (SELECT %s FROM sdq_moves)",
                          of_sdq_moves->str + 1);
  g_string_append_printf (sql, ", days AS MATERIALIZED (SELECT %s FROM summary_day"
                          " WHERE" IN_PERIOD ("day") ")", days->str + 1);
  /* Less the first UNION ALL. */
  g_string_append (sql, figures->str + strlen (" UNION ALL"));
  g_string_append (sql, paired_goals);
  g_string_append (sql, choices);
  g_string_replace (sql, "$COUNT_DISTINCT ", dialect->count_distinct, 0);
  return g_string_free (sql, FALSE);
}

const char *
ct_summary_get_sql (const CtSqlDialect *dialect)
{
  static const char *sql[CT_N_DIALECTS];

  g_return_val_if_fail (dialect->id < CT_N_DIALECTS, NULL);

  if (g_once_init_enter (&sql[dialect->id]))
    g_once_init_leave (&sql[dialect->id], build_sql (dialect));
  return sql[dialect->id];
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
