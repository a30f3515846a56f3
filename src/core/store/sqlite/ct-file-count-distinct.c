/* ct-file-count-distinct.c: ct_count_distinct (x), the file's count of
 * distinct values
 *
 * SQLite counts count (DISTINCT x) by inserting every value into a b-tree
 * of its own, whose pages and cells SQLCipher's memory security locks and
 * wipes one allocation at a time (two system calls each): the children of
 * a year's 40,000 consultations at ten times county took 24 ms to count
 * that way, where reading them took 3. This aggregate keeps the values it
 * has seen in a hash table instead (4 ms) and wipes each when it is done,
 * as SQLCipher would. It counts the values that are not NULL, told apart
 * by their text byte by byte, as count (DISTINCT x) tells apart a column's
 * integers and its text under SQLite's default collation. The team server
 * counts with count (DISTINCT x) itself (the dialects' count_distinct).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-file-database"

#include "config.h"

#include <string.h>

#include "ct-file-database-private.h"

/* A value seen: its text, which a stored one owns, allocated with it. */
typedef struct
{
  gsize         length;
  const guchar *bytes;
} Value;

static guint
value_hash (gconstpointer data)
{
  const Value *value = data;
  guint hash = 5381;

  for (gsize i = 0; i < value->length; i++)
    hash = hash * 33 + value->bytes[i];
  return hash;
}

static gboolean
value_equal (gconstpointer a,
             gconstpointer b)
{
  const Value *one = a, *other = b;

  return one->length == other->length && memcmp (one->bytes, other->bytes, one->length) == 0;
}

static void
value_free (gpointer data)
{
  Value *value = data;

  explicit_bzero (value, sizeof *value + value->length);
  g_free (value);
}

static Value *
value_copy (const Value *value)
{
  Value *copy = g_malloc (sizeof *copy + value->length);
  guchar *bytes = (guchar *) (copy + 1);

  memcpy (bytes, value->bytes, value->length);
  copy->length = value->length;
  copy->bytes = bytes;
  return copy;
}

static void
count_step (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  GHashTable **seen = sqlite3_aggregate_context (context, sizeof *seen);
  Value value;

  if (seen == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }
  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    return;

  value.bytes = sqlite3_value_text (argv[0]);
  value.length = sqlite3_value_bytes (argv[0]);
  if (value.bytes == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }
  if (*seen == NULL)
    *seen = g_hash_table_new_full (value_hash, value_equal, value_free, NULL);
  if (!g_hash_table_contains (*seen, &value))
    g_hash_table_add (*seen, value_copy (&value));
}

/* Also when a statement stops before its end: SQLite finalizes every
 * aggregate it started. */
static void
count_final (sqlite3_context *context)
{
  GHashTable **seen = sqlite3_aggregate_context (context, 0);
  guint count = seen != NULL && *seen != NULL ? g_hash_table_size (*seen) : 0;

  if (seen != NULL)
    g_clear_pointer (seen, g_hash_table_destroy);
  sqlite3_result_int64 (context, count);
}

gboolean
ct_file_database_add_functions (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, CT_FILE_COUNT_DISTINCT, 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                     NULL, NULL, count_step, count_final, NULL) == SQLITE_OK;
}
