/* test-store-reader.c: reads on the store's reader, off the calling thread
 *
 * On both stores: a read runs on a connection of its own and arrives as a
 * finished result; it sees what was committed before it; closing the
 * store cancels the reads still queued; without a reader, or with one
 * that could not connect, a read runs on the store itself. On the team
 * server, a reader whose session was ended connects again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-database-private.h"
#include "pg-test-server.h"
#include "records-fixture.h"
#include "test-store.h"

/* Waiting for a result */

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return wait->result;
}

/* Every record of the kind named @data, on whichever connection reads. */
static gpointer
read_list (CtDatabase  *db,
           gpointer     data,
           GError     **error)
{
  return ct_store_list (db, ct_kind_lookup (data), NULL, error);
}

static void
list_async (CtDatabase   *db,
            const char   *kind,
            GCancellable *cancellable,
            Wait         *wait)
{
  ct_store_read_async (db, read_list, (gpointer) kind, NULL, g_object_unref, cancellable,
                       on_done, wait);
}

static GListModel *
list_and_wait (CtDatabase  *db,
               const char  *kind,
               GError     **error)
{
  Wait wait = { NULL };
  g_autoptr(GAsyncResult) result = NULL;

  list_async (db, kind, NULL, &wait);
  result = wait_for (&wait);
  return ct_store_read_finish (db, result, error);
}

/* A read that says which connection it ran on, and in which thread. */
typedef struct
{
  CtDatabase *connection;
  GThread    *thread;
} Where;

static gpointer
note_where (CtDatabase  *db,
            gpointer     data,
            GError     **error)
{
  Where *where = data;

  where->connection = db;
  where->thread = g_thread_self ();
  return g_strdup ("read");
}

static char *
read_where (CtDatabase  *db,
            Where       *where,
            GError     **error)
{
  Wait wait = { NULL };
  g_autoptr(GAsyncResult) result = NULL;

  ct_store_read_async (db, note_where, where, NULL, g_free, NULL, on_done, &wait);
  result = wait_for (&wait);
  return ct_store_read_finish (db, result, error);
}

static void
assert_same_ids (GListModel *a,
                 GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(CtRecord) x = g_list_model_get_item (a, i);
      g_autoptr(CtRecord) y = g_list_model_get_item (b, i);

      g_assert_cmpint (ct_record_get_id (x), ==, ct_record_get_id (y));
    }
}

static void
insert_consultation (RecordsFixture *fixture,
                     const char     *date)
{
  g_autofree char *staff = records_id_text (fixture->staff_id);

  records_insert (fixture->db, "consultation", "date", date, "clinician", staff,
                  "requested_by", "social_worker", "topics", "transitions",
                  "mode", "video", "duration_minutes", "45", "attendees", "2",
                  "outcome", "advice_given", NULL);
}

/* Tests */

static void
test_reads_on_its_own_connection (RecordsFixture *fixture,
                                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GListModel) read = NULL;
  g_autofree char *answer = NULL;
  Where where = { NULL };

  insert_consultation (fixture, "2025-04-02");
  insert_consultation (fixture, "2025-05-09");
  test_store_start_reader (fixture->db, FALSE);

  answer = read_where (fixture->db, &where, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (answer, ==, "read");
  g_assert_true (where.connection != fixture->db);
  g_assert_true (where.thread != g_thread_self ());

  read = list_and_wait (fixture->db, "consultation", &error);
  g_assert_no_error (error);
  listed = ct_store_list (fixture->db, ct_kind_lookup ("consultation"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (read), ==, 2);
  assert_same_ids (read, listed);
}

static void
test_sees_what_was_committed (RecordsFixture *fixture,
                              gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;

  test_store_start_reader (fixture->db, FALSE);
  before = list_and_wait (fixture->db, "consultation", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 0);

  insert_consultation (fixture, "2025-04-02");
  after = list_and_wait (fixture->db, "consultation", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
}

/* Locking closes the store: what is still queued does not read. */
static void
test_closing_cancels_what_is_queued (RecordsFixture *fixture,
                                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  TestReaderHold *hold;
  Wait wait_second = { NULL };

  test_store_start_reader (fixture->db, FALSE);
  hold = test_store_hold_reader (fixture->db);
  list_async (fixture->db, "child", NULL, &wait_second);
  test_store_wait_until_held (hold);
  ct_database_close (fixture->db);
  test_store_release_reader (hold);

  second = wait_for (&wait_second);
  g_assert_null (ct_store_read_finish (fixture->db, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_cancelled_read_returns_cancelled (RecordsFixture *fixture,
                                       gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { NULL };

  test_store_start_reader (fixture->db, FALSE);
  g_cancellable_cancel (cancellable);
  list_async (fixture->db, "child", cancellable, &wait);
  result = wait_for (&wait);
  g_assert_null (ct_store_read_finish (fixture->db, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* No reader, or one whose connection failed: the store's own connection,
 * in the thread that asked, and the result still arrives. */
static void
test_reads_on_the_store_without_a_reader (RecordsFixture *fixture,
                                          gconstpointer   data)
{
  gboolean wrong_secret = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) read = NULL;
  g_autofree char *answer = NULL;
  Where where = { NULL };

  if (wrong_secret)
    test_store_start_reader (fixture->db, TRUE);

  answer = read_where (fixture->db, &where, &error);
  g_assert_no_error (error);
  g_assert_true (where.connection == fixture->db);
  g_assert_true (where.thread == g_thread_self ());

  read = list_and_wait (fixture->db, "child", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (read), ==, 1);
}

/* The team server: the reader's connection, and its backend's pid. */
static gpointer
read_backend_pid (CtDatabase  *db,
                  gpointer     data,
                  GError     **error)
{
  CtStatement *stmt = ct_database_prepare (db, "SELECT pg_backend_pid ()", error);
  gboolean has_row = FALSE;
  gint64 *pid;

  if (stmt == NULL || !ct_statement_step (stmt, &has_row, "read the pid", error) || !has_row)
    return NULL;
  pid = g_new (gint64, 1);
  *pid = ct_statement_column_int64 (stmt, 0);
  ct_statement_reset (stmt);
  return pid;
}

/* Waits (at most two seconds) until the reader sees its connection gone. */
static gpointer
wait_until_dropped (CtDatabase  *db,
                    gpointer     data,
                    GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (ct_database_is_connected (db) && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
  return g_strdup ("waited");
}

static gpointer
run_read (CtDatabase *db,
          CtReadFunc  func)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { NULL };
  gpointer answer;

  ct_store_read_async (db, func, NULL, NULL, g_free, NULL, on_done, &wait);
  result = wait_for (&wait);
  answer = ct_store_read_finish (db, result, &error);
  g_assert_no_error (error);
  return answer;
}

/* The server ends the reader's session (a restart, a network that
 * dropped): the next read connects again, and reads. */
static void
test_connects_again (RecordsFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) read = NULL;
  g_autofree gint64 *pid = NULL;
  g_autofree char *kill = NULL;
  g_autofree char *waited = NULL;

  test_store_start_reader (fixture->db, FALSE);
  pid = run_read (fixture->db, read_backend_pid);
  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", *pid);
  g_assert_true (pg_test_server_exec (test_store_get_server (), "postgres", kill, &error));
  g_assert_no_error (error);
  waited = run_read (fixture->db, wait_until_dropped);

  read = list_and_wait (fixture->db, "child", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (read), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-reader/reads-on-its-own-connection", RecordsFixture, NULL,
              records_fixture_setup, test_reads_on_its_own_connection, records_fixture_teardown);
  g_test_add ("/store-reader/sees-what-was-committed", RecordsFixture, NULL,
              records_fixture_setup, test_sees_what_was_committed, records_fixture_teardown);
  g_test_add ("/store-reader/closing-cancels-what-is-queued", RecordsFixture, NULL,
              records_fixture_setup, test_closing_cancels_what_is_queued,
              records_fixture_teardown);
  g_test_add ("/store-reader/cancelled-read", RecordsFixture, NULL,
              records_fixture_setup, test_cancelled_read_returns_cancelled,
              records_fixture_teardown);
  g_test_add ("/store-reader/without-a-reader", RecordsFixture, GINT_TO_POINTER (FALSE),
              records_fixture_setup, test_reads_on_the_store_without_a_reader,
              records_fixture_teardown);
  g_test_add ("/store-reader/reader-that-could-not-connect", RecordsFixture,
              GINT_TO_POINTER (TRUE), records_fixture_setup,
              test_reads_on_the_store_without_a_reader, records_fixture_teardown);

  if (test_store_is_server ())
    g_test_add ("/store-reader/connects-again", RecordsFixture, NULL, records_fixture_setup,
                test_connects_again, records_fixture_teardown);

  return g_test_run ();
}
