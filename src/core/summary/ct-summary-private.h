/* ct-summary-private.h: the definitions of the summary's figures, shared by
 * the files of the summary and by its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database-private.h"
#include "ct-summary.h"

G_BEGIN_DECLS

/* How a figure is computed. @sql follows "SELECT <figure's number>, " in
 * the summary's one statement (ct_summary_get_sql()), whose named
 * parameters are :from and :to (the period, `YYYY-MM-DD`).
 * It gives a word and three whole numbers:
 *   COUNT      one row: NULL, the count, 0, 0;
 *   HOURS      one row: NULL, the sum of the minutes, 0, 0;
 *   MEAN       one row: NULL, numerator, denominator, items (the value is
 *              numerator / denominator, none when the denominator is 0);
 *   BREAKDOWN  a row per word: word, count, 0, 0.
 * A breakdown's words are those of the record field @kind_name.@field, or
 * @words when the summary defines its own (age bands, yes / no, ...).
 * A figure with @goals is made of the paired goals instead
 * (ct-summary-goals.c): those of the episodes ended in the period, which
 * the statement gives one per row (CT_SUMMARY_ROW_GOAL). */
typedef enum
{
  CT_GOALS_NONE,
  CT_GOALS_EPISODES,           /* episodes with at least one paired goal */
  CT_GOALS_COMPLETENESS,       /* 100 × those / its @sql's denominator */
  CT_GOALS_PAIRED,             /* the goals */
  CT_GOALS_MEAN_BASELINE,
  CT_GOALS_MEAN_END,
  CT_GOALS_MEAN_CHANGE,
  CT_GOALS_BY_CHANGE,          /* goals by change against the threshold */
  CT_GOALS_PCT_IMPROVED,       /* 100 × goals improved / goals */
  CT_GOALS_EPISODES_IMPROVED,  /* episodes whose mean change reaches it */
} CtGoalFigure;

/* The rows a figure with @days sums, day by day (ct-summary-days.c). */
typedef enum
{
  CT_DAYS_NONE,
  CT_DAYS_RECEIVED,       /* referrals, on their referral date, with their child */
  CT_DAYS_STARTED,        /* accepted referrals, on their start date */
  CT_DAYS_CLOSED,         /* accepted referrals that started and ended */
  CT_DAYS_ENDED,          /* referrals, on their end date */
  CT_DAYS_CONSULTATIONS,
  CT_DAYS_TOPICS,         /* consultations' topics, on the consultation's date */
  CT_DAYS_SESSIONS,       /* reflective practice */
  CT_DAYS_EVENTS,         /* training events */
  CT_DAYS_PLACES,         /* bookings not cancelled, on their event's date */
  CT_DAYS_SDQ,
  CT_N_DAY_SOURCES
} CtDaySource;

/* With @of_sdq_moves, a figure of each child's latest SDQ total in the
 * period and the total before it (latest, previous: ct-summary-sql.c's
 * sdq_moves), made in one pass with the others: a COUNT is the aggregate
 * @value, a MEAN the aggregate @value over the aggregate @denominator
 * (which is its items too), a BREAKDOWN counts the rows whose @value is
 * each word. @sql is NULL.
 *
 * With @days, a figure is summed day by day in summary_day and @sql is
 * NULL: a COUNT or HOURS sums @value, a BREAKDOWN counts the rows whose
 * @value is each word, a MEAN is the sum of @value over @scale (1 when 0)
 * times the sum of @denominator, with that sum as its items. In them $R is
 * the row and $P the record it belongs to. */
typedef struct
{
  const char         *section;
  const char         *key;
  CtFigureKind        kind;
  const char         *sql;
  const char         *kind_name;
  const char         *field;
  const char * const *words;
  CtGoalFigure        goals;
  const char         *value;
  CtDaySource         days;
  const char         *denominator;
  int                 scale;
  gboolean            of_sdq_moves;
} CtFigureSpec;

/* Every figure of DOMAIN.md, in its order (ct-summary-sql.c). */
const CtFigureSpec *ct_summary_get_specs        (guint              *n_specs);
/* The summary's one statement, in @dialect: rows of (figure, word, three
 * numbers), the figure being the index of its spec, or one of the
 * CT_SUMMARY_ROW_* below with the preference's value as its word. */
const char         *ct_summary_get_sql          (const CtSqlDialect *dialect);
#define CT_SUMMARY_ROW_SERVICE -1
#define CT_SUMMARY_ROW_RULE    -2
#define CT_SUMMARY_ROW_THRESHOLD -3
/* A paired goal: NULL, its episode's id, its baseline and its end score
 * in half points. */
#define CT_SUMMARY_ROW_GOAL -4

/* The enumeration words of a breakdown, in DOMAIN.md's order. */
const char * const *ct_summary_spec_get_words   (const CtFigureSpec *spec);

/* A summary of @figures, which it takes with the cells they point to
 * (allocated with g_new()). ct_summary_compute() makes its summaries with
 * this; tests make summaries of chosen figures. */
CtSummary          *ct_summary_new              (const CtPeriod     *period,
                                                 const char         *service,
                                                 CtFigure           *figures,
                                                 guint               n_figures);

/* The threshold (hundredths) and the disclosure rule (a CtDisclosureRule)
 * of a summary: ct_summary_new() gives 245 and suppress-1-4. */
void                ct_summary_set_choices      (CtSummary          *summary,
                                                 gint64              threshold,
                                                 int                 rule);

/* The column of summary_day of @spec (@part: a word of a breakdown, "sum"
 * or "n" of a mean, or NULL). */
char               *ct_summary_days_column      (const CtFigureSpec *spec,
                                                 const char         *part);
/* Columns that are no figure: accepted episodes that started, by the day
 * after which they are no longer open (their end) or, ended before they
 * started, the day they never opened. */
#define CT_SUMMARY_DAYS_CLOSED_AFTER "caseload_closed_after"
#define CT_SUMMARY_DAYS_NEVER_OPEN   "caseload_never_open"
/* The SQL that (re)builds summary_day with its triggers and fills it: for
 * a file, or with @server_schema for the team server. */
char               *ct_summary_days_sql         (const char         *server_schema);

/* A paired goal of an ended episode, scores in half points. */
typedef struct
{
  gint64 episode;
  gint64 baseline;
  gint64 end;
} CtPairedGoal;

/* Fills in the figures of @specs that have @goals, from @goals (an array
 * of CtPairedGoal, which it sorts) and the reliable-change @threshold
 * (hundredths). */
void                ct_summary_goals_apply      (GArray             *goals,
                                                 gint64              threshold,
                                                 const CtFigureSpec *specs,
                                                 CtFigure           *figures,
                                                 guint               n_figures);

/* @figure's value: @numerator / @denominator to one decimal, or none when
 * the denominator is 0. */
void                ct_summary_set_value        (CtFigure           *figure,
                                                 gint64              numerator,
                                                 gint64              denominator);

/* numerator / denominator in tenths, rounded half away from zero, exactly
 * (whole numbers only: no floating point error at the halves). The
 * denominator must be positive. */
gint64              ct_summary_round_tenths     (gint64              numerator,
                                                 gint64              denominator);

G_END_DECLS
