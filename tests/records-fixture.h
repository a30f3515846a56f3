/* records-fixture.h: a fresh records file with a few invented records, for
 * the tests of the records core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-records.h"
#include "test-database-util.h"

G_BEGIN_DECLS

/* "Today" in every records test, so that dates in the future are fixed. */
#define RECORDS_TODAY "2025-06-30"

typedef struct
{
  TestFixture  files;
  CtDatabase  *db;
  gint64       staff_id;     /* "Test Clinician A" */
  gint64       child_id;     /* "TEST-0001", "Test Child A" */
} RecordsFixture;

void       records_fixture_setup     (RecordsFixture *fixture,
                                      gconstpointer   data);
void       records_fixture_teardown  (RecordsFixture *fixture,
                                      gconstpointer   data);

/* A new record of @kind (name or CLI word) with fields set from text:
 * "field", "value", ..., NULL. Asserts that every value parses. */
CtRecord  *records_new               (const char     *kind,
                                      ...) G_GNUC_NULL_TERMINATED;
/* The same, inserted; asserts success and returns the id. */
gint64     records_insert            (CtDatabase     *db,
                                      const char     *kind,
                                      ...) G_GNUC_NULL_TERMINATED;
/* @id as the text of a reference field. */
char      *records_id_text           (gint64          id);
/* "Test Clinician B", a family therapist, and "TEST-0002", "Test Child B":
 * a second of each, for filters and lists. */
gint64     records_insert_clinician_b (CtDatabase    *db);
gint64     records_insert_child_b    (CtDatabase     *db);
/* @n consultations of the staff member, in one write: a day each from
 * 2020 on, of 1 to 300 minutes. */
void       records_insert_consultations (RecordsFixture *fixture,
                                         guint           n);
/* An episode: a referral from a social worker, accepted and started on
 * @date, of @clinician_id (0: none); ended on @end_date (NULL: open) as
 * planned. */
gint64     records_insert_episode    (CtDatabase     *db,
                                      gint64          child_id,
                                      gint64          clinician_id,
                                      const char     *date,
                                      const char     *end_date);
/* An episode of the fixture's child from @date, open, with no clinician. */
gint64     records_insert_referral   (RecordsFixture *fixture,
                                      const char     *date);
/* Goal @number of the referral, "An invented goal", set jointly. */
gint64     records_insert_goal       (CtDatabase     *db,
                                      gint64          referral_id,
                                      const char     *number);
/* A rating of the goal at @time_point ("baseline", "review", "end"). */
void       records_rate              (CtDatabase     *db,
                                      gint64          goal_id,
                                      const char     *date,
                                      const char     *time_point,
                                      const char     *score);

/* Asserts that @record's field @name reads @expected (NULL: empty). */
void       records_assert_field      (CtRecord       *record,
                                      const char     *name,
                                      const char     *expected);

/* Asserts @error has @code, and, when @field is not NULL, that its message
 * starts with the label of @kind's @field and that @record (if not NULL)
 * blames that field. */
void       records_assert_error      (const GError   *error,
                                      int             code,
                                      CtRecord       *record,
                                      const char     *field);

/* The number that @sql, a SELECT count (*) without parameters, gives. */
guint      records_count             (CtDatabase     *db,
                                      const char     *sql);
/* Audit entries with this action, kind and id. */
guint      records_count_audit       (CtDatabase     *db,
                                      const char     *action,
                                      const char     *kind,
                                      gint64          id);
/* All audit entries and all rows of @table. */
guint      records_count_rows        (CtDatabase     *db,
                                      const char     *table);

G_END_DECLS
