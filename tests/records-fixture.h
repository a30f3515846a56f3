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
/* A referral of the fixture's child, accepted on @date (also its start). */
gint64     records_insert_referral   (RecordsFixture *fixture,
                                      const char     *date);

/* Asserts @error has @code, and, when @field is not NULL, that its message
 * starts with the label of @kind's @field and that @record (if not NULL)
 * blames that field. */
void       records_assert_error      (const GError   *error,
                                      int             code,
                                      CtRecord       *record,
                                      const char     *field);

/* Audit entries with this action, kind and id. */
guint      records_count_audit       (CtDatabase     *db,
                                      const char     *action,
                                      const char     *kind,
                                      gint64          id);
/* All audit entries and all rows of @table. */
guint      records_count_rows        (CtDatabase     *db,
                                      const char     *table);

G_END_DECLS
