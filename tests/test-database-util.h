/* test-database-util.h: temporary directories and file bytes for the tests
 * of the records file and of clinical-team-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-database.h"
#include "ct-statement.h"

G_BEGIN_DECLS

/* Invented passphrases: long enough for CT_PASSPHRASE_MIN_LENGTH. */
#define TEST_PASSPHRASE       "correct horse battery staple"
#define TEST_OTHER_PASSPHRASE "tr0ubadour and three"

/* A fresh temporary directory per test, with @path a records file in it
 * that does not exist yet. */
typedef struct
{
  char *dir;
  char *path;
} TestFixture;

void      test_fixture_setup     (TestFixture   *fixture,
                                  gconstpointer  data);
void      test_fixture_teardown  (TestFixture   *fixture,
                                  gconstpointer  data);
char     *test_fixture_file      (TestFixture   *fixture,
                                  const char    *name);

/* The file's bytes, or NULL when it does not exist. */
GBytes   *test_read_bytes        (const char    *path);
void      test_write_bytes       (const char    *path,
                                  const void    *data,
                                  gsize          len);
/* TRUE when the file exists and holds @needle anywhere. */
gboolean  test_file_contains     (const char    *path,
                                  const char    *needle);

/* Flips bytes in a page a third of the way into the file (it has at
 * least five pages): past the schema, among the first records written,
 * which unlocking does not read (it reads the audit trail's last pages,
 * written later). */
void      test_damage_deep_page (const char   *path);

/* Runs @sql, statements without results, asserting that they succeed. */
void      test_exec              (CtDatabase    *db,
                                  const char    *sql);

/* Steps @stmt, asserting that it succeeds: TRUE when it gave a row. */
gboolean  test_step              (CtStatement   *stmt);

G_END_DECLS
