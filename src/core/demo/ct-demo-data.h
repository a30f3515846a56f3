/* ct-demo-data.h: invented records for tests, benchmarks and --demo
 *
 * The generator is seeded and deterministic: the same size, seed and
 * "today" give the same records, field for field. Every record goes through
 * ct_store_insert(), so it passes the same validation as one typed in, and
 * the whole fill is one transaction: all records or none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/**
 * CtDemoSize:
 * @staff: staff members (the first ones cover every role)
 * @children: children
 * @referrals: referrals; at most 12 per child
 * @consultations: consultations
 * @reflective_sessions: reflective practice sessions, held and cancelled
 * @goals: goals of accepted episodes, 1 to 3 each; at most 3 per referral
 * @goal_ratings: goal ratings (baseline, reviews, end); none without goals
 * @training_events: training events
 * @training_attendances: training attendance rows; none without events
 * @financial_years: dates fall in the financial year (April to March) that
 *   holds "today" and the ones before it, this many in all (at least 1);
 *   referrals start up to a year earlier, so the first year opens with a
 *   caseload
 *
 * How many records of each kind to make. Records that others refer to
 * (staff, children, referrals, events) must exist when the others do.
 */
typedef struct
{
  guint staff;
  guint children;
  guint referrals;
  guint consultations;
  guint reflective_sessions;
  guint goals;
  guint goal_ratings;
  guint training_events;
  guint training_attendances;
  guint financial_years;
} CtDemoSize;

/* A small team over three financial years: for --demo and the tests. */
CtDemoSize  ct_demo_size_team   (void);
/* A county service over ten financial years; @factor (≥ 1) multiplies every
 * count: for benchmarks. */
CtDemoSize  ct_demo_size_county (guint               factor);

/* Inserts the records of @size into @db, dated on or before @today
 * (YYYY-MM-DD; NULL: ct_validate_dup_today()), in one transaction.
 * On error nothing is inserted. */
gboolean    ct_demo_data_fill   (CtDatabase         *db,
                                 const CtDemoSize   *size,
                                 guint32             seed,
                                 const char         *today,
                                 GError            **error);

G_END_DECLS
