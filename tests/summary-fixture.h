/* summary-fixture.h: invented records whose committee summary was worked
 * out by hand, and helpers to check summary documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ct-database.h"
#include "ct-summary.h"
#include "test-database-util.h"

G_BEGIN_DECLS

#define FIXTURE_PASSPHRASE "correct horse battery staple"

/* The quarter the hand-worked records are about: 2024-07-01 to 2024-09-30. */
#define FIXTURE_PERIOD "2024/25 Q2"

/* Rows of each record table. Dates are `YYYY-MM-DD`; NULL is empty. */
typedef struct
{
  const char *reference;
  const char *date_of_birth;
  const char *legal_status;
  const char *placement_type;
  const char *placement_area;
  gboolean    uasc;
} FixtureChild;

typedef struct
{
  const char *child;           /* the child's reference */
  const char *referral_date;
  const char *source;
  const char *decision;
  const char *start_date;
  const char *end_date;
  const char *end_reason;
} FixtureReferral;

typedef struct
{
  const char *date;
  const char *child;           /* a reference, or NULL: about a network */
  const char *requested_by;
  const char *topics;          /* "risk;other" */
  const char *mode;
  int         minutes;
  const char *outcome;
} FixtureConsultation;

typedef struct
{
  const char *date;
  const char *setting;
  const char *status;
  int         attendees;
  int         minutes;
  double      rating;          /* FIXTURE_NONE: none */
} FixtureSession;

/* A goal of the referral (child, referral_date) and its ratings. */
typedef struct
{
  const char *child;
  const char *referral_date;
  int         number;
  double      baseline;        /* FIXTURE_NONE: not rated */
  double      review;
  double      end;
} FixtureGoal;

typedef struct
{
  const char *code;
  const char *topic;
  const char *date;
  int         minutes;
} FixtureEvent;

typedef struct
{
  const char *event;           /* the event's code */
  const char *name;
  const char *role;
  const char *status;
  int         before;          /* 0: not rated */
  int         after;
} FixtureAttendance;

#define FIXTURE_NONE (-1.0)

/* A new records file at @path with one invented clinician. */
CtDatabase *fixture_create             (const char                *path);
void        fixture_add_child          (CtDatabase                *db,
                                        const FixtureChild        *child);
void        fixture_add_referral       (CtDatabase                *db,
                                        const FixtureReferral     *referral);
void        fixture_add_consultation   (CtDatabase                *db,
                                        const FixtureConsultation *consultation);
void        fixture_add_session        (CtDatabase                *db,
                                        const FixtureSession      *session);
void        fixture_add_goal           (CtDatabase                *db,
                                        const FixtureGoal         *goal);
void        fixture_add_event          (CtDatabase                *db,
                                        const FixtureEvent        *event);
void        fixture_add_attendance     (CtDatabase                *db,
                                        const FixtureAttendance   *attendance);

/* The hand-worked records (summary-fixture.c says what each one tests;
 * test-summary.c has the figures they give for FIXTURE_PERIOD). */
void        fixture_fill               (CtDatabase                *db);

/* A fresh folder and a records file from fixture_create(), not filled. */
typedef struct
{
  TestFixture  files;
  CtDatabase  *db;
} SummaryFixture;

void        summary_fixture_setup      (SummaryFixture            *fixture,
                                        gconstpointer              data);
void        summary_fixture_teardown   (SummaryFixture            *fixture,
                                        gconstpointer              data);
typedef void (*SummaryTest) (SummaryFixture *fixture,
                             gconstpointer   data);
/* g_test_add() of @test at @path, with the fixture above. */
void        summary_fixture_add        (const char                *path,
                                        SummaryTest                test);

/* Imports the eight CSV files of DOMAIN.md's worked example into @db. */
void        fixture_import_worked_example (CtDatabase             *db);

/* The summary of the period labelled @label ("2024/25 Q2"). */
CtSummary  *fixture_compute            (CtDatabase                *db,
                                        const char                *label);

/* The differences between @produced and the expected document at
 * @expected_path, one per line, or NULL when they agree. generated_at,
 * generator, service and period.label are not compared (the worked example
 * leaves them out); numbers agree within 0.05. */
char       *fixture_compare_document   (JsonNode                  *produced,
                                        const char                *expected_path);

/* Writes @text to @path and checks it with tests/check-summary-schema.py. */
void        fixture_assert_valid       (const char                *path,
                                        const char                *text);
/* The checker's exit status and its report for @path. */
int         fixture_check_schema       (const char                *path,
                                        char                     **report);

G_END_DECLS
