/* ct-store-reader.c: reading the records off the window's thread
 *
 * Each store with a reader has a thread of its own, fed by a queue of
 * reads (GTasks). The thread opens the reader's connection first, then
 * runs each read on it and returns its result to the task's main context.
 * Stopping pushes a last item that closes the connection and ends the
 * thread; the reads still queued before it return "cancelled".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-background.h"
#include "ct-database-private.h"
#include "ct-search-text.h"
#include "ct-secret.h"
#include "ct-store-reader.h"

#define READER_KEY "ct-store-reader"

/* How long a reader on a server that went away tries to connect again
 * before a read gives up (each attempt waits at most a quarter second). */
#define RECONNECT_US (10 * G_USEC_PER_SEC)

/* Shared by the store (its key) and the thread; the last to let go frees it. */
typedef struct
{
  GAsyncQueue *reads;     /* GTask *, then the `stop` item */
  gint         stopping;  /* atomic: the store was closed */
  char        *address;
  char        *secret;    /* until the connection is open */
  CtSearchText *search_text; /* the store's, until lent to the connection */
  CtDatabase *(*open) (const char  *address,
                       const char  *secret,
                       GError     **error);
} Reader;

/* The item that ends the thread. */
static int stop;

typedef struct
{
  CtReadFunc      func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Read;

static void
read_free (Read *read)
{
  if (read->data_free != NULL)
    read->data_free (read->data);
  g_free (read);
}

static void
reader_clear (Reader *reader)
{
  g_async_queue_unref (reader->reads);
  g_free (reader->address);
  g_clear_pointer (&reader->secret, ct_passphrase_free);
  g_clear_pointer (&reader->search_text, ct_search_text_unref);
}

static void
reader_unref (Reader *reader)
{
  g_atomic_rc_box_release_full (reader, (GDestroyNotify) reader_clear);
}

/* Runs @task's read on @connection, in whichever thread calls. */
static void
run_read (GTask      *task,
          CtDatabase *connection,
          gboolean    stopping)
{
  Read *read = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (stopping)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The records were locked."));
      return;
    }
  result = read->func (connection, read->data, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, read->result_free);
}

/* Without a reader: the store's own connection, in its main context. */
static gboolean
run_on_store (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;

  run_read (task, g_task_get_source_object (task), FALSE);
  ct_background_release ();
  return G_SOURCE_REMOVE;
}

static void
run_on_store_later (GTask *task)
{
  g_main_context_invoke (g_task_get_context (task), run_on_store, task);
}

/* A server's connection that dropped is made again before a read. */
static gboolean
make_connected (CtDatabase  *connection,
                GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + RECONNECT_US;

  while (!ct_database_reconnect (connection, error))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_clear_error (error);
    }
  return TRUE;
}

static void
run_in_reader (GTask      *task,
               CtDatabase *connection,
               Reader     *reader)
{
  g_autoptr(GError) error = NULL;

  if (!make_connected (connection, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    run_read (task, connection, g_atomic_int_get (&reader->stopping));
  g_object_unref (task);
  ct_background_release ();
}

static gpointer
reader_thread (gpointer user_data)
{
  Reader *reader = user_data;
  g_autoptr(GError) error = NULL;
  CtDatabase *connection;
  gpointer item;

  connection = reader->open (reader->address, reader->secret, &error);
  g_clear_pointer (&reader->secret, ct_passphrase_free);
  ct_background_release ();
  if (connection == NULL)
    g_message ("Reading the records in the window's thread: %s", error->message);
  else
    ct_search_text_lend (connection, g_steal_pointer (&reader->search_text));

  while ((item = g_async_queue_pop (reader->reads)) != &stop)
    if (connection != NULL)
      run_in_reader (item, connection, reader);
    else
      run_on_store_later (item);

  if (connection != NULL)
    ct_database_close (connection);
  g_clear_object (&connection);
  reader_unref (reader);
  ct_background_end_thread ();
  return NULL;
}

static void
stop_reader (gpointer data)
{
  Reader *reader = data;

  g_atomic_int_set (&reader->stopping, TRUE);
  ct_background_hold ();
  g_async_queue_push (reader->reads, &stop);
  reader_unref (reader);
}

void
ct_store_reader_start (CtDatabase *db,
                       const char *secret)
{
  CtDatabaseClass *klass;
  Reader *reader;

  g_return_if_fail (CT_IS_DATABASE (db));

  klass = CT_DATABASE_GET_CLASS (db);
  if (klass->open_reader == NULL || g_object_get_data (G_OBJECT (db), READER_KEY) != NULL)
    return;

  reader = g_atomic_rc_box_new0 (Reader);
  reader->reads = g_async_queue_new ();
  reader->address = klass->dup_address (db);
  reader->secret = g_strdup (secret);
  reader->open = klass->open_reader;
  reader->search_text = ct_search_text_ref_for (db);
  ct_background_hold ();
  g_thread_unref (g_thread_new ("ct-store-reader", reader_thread,
                                g_atomic_rc_box_acquire (reader)));
  g_object_set_data_full (G_OBJECT (db), READER_KEY, reader, stop_reader);
}

void
ct_store_reader_stop (CtDatabase *db)
{
  g_return_if_fail (CT_IS_DATABASE (db));

  g_object_set_data (G_OBJECT (db), READER_KEY, NULL);
}

void
ct_store_read_async (CtDatabase          *db,
                     CtReadFunc           func,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GDestroyNotify       result_free,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;
  Read *read;
  Reader *reader;

  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (func != NULL);

  read = g_new0 (Read, 1);
  read->func = func;
  read->data = data;
  read->data_free = data_free;
  read->result_free = result_free;
  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_store_read_async);
  g_task_set_task_data (task, read, (GDestroyNotify) read_free);

  ct_background_hold ();
  reader = g_object_get_data (G_OBJECT (db), READER_KEY);
  if (reader != NULL)
    g_async_queue_push (reader->reads, task);
  else
    run_on_store_later (task);
}

gpointer
ct_store_read_finish (CtDatabase    *db,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* One record */

typedef struct
{
  const CtKind *kind;
  gint64        id;
} GetRead;

static gpointer
read_record (CtDatabase  *db,
             gpointer     data,
             GError     **error)
{
  GetRead *get = data;

  return ct_store_get (db, get->kind, get->id, error);
}

void
ct_store_get_async (CtDatabase          *db,
                    const CtKind        *kind,
                    gint64               id,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GetRead *get;

  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (kind != NULL);

  get = g_new0 (GetRead, 1);
  get->kind = kind;
  get->id = id;
  ct_store_read_async (db, read_record, get, g_free, g_object_unref, cancellable, callback,
                       user_data);
}

CtRecord *
ct_store_get_finish (CtDatabase    *db,
                     GAsyncResult  *result,
                     GError       **error)
{
  return ct_store_read_finish (db, result, error);
}

/* The signed-in staff member */

typedef struct
{
  char   *actor;
  gint64  id;
} OwnStaffRead;

static void
own_staff_read_free (OwnStaffRead *read)
{
  g_free (read->actor);
  g_free (read);
}

/* The reader's connection has no actor of its own: @data is the store's. */
static gpointer
read_own_staff (CtDatabase  *db,
                gpointer     data,
                GError     **error)
{
  GError *local_error = NULL;
  gint64 id = ct_store_find_staff_of_login (db, data, &local_error);
  OwnStaffRead *read;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  read = g_new0 (OwnStaffRead, 1);
  read->actor = g_strdup (data);
  read->id = id;
  return read;
}

void
ct_store_find_own_staff_async (CtDatabase          *db,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (ct_database_get_actor (db) != NULL);

  ct_store_read_async (db, read_own_staff, g_strdup (ct_database_get_actor (db)), g_free,
                       (GDestroyNotify) own_staff_read_free, cancellable, callback, user_data);
}

gint64
ct_store_find_own_staff_finish (CtDatabase    *db,
                                GAsyncResult  *result,
                                GError       **error)
{
  OwnStaffRead *read = ct_store_read_finish (db, result, error);
  gint64 id;

  if (read == NULL)
    return 0;
  id = read->id;
  /* Known from now on, unless someone else signed in meanwhile. */
  if (id != 0 && g_strcmp0 (read->actor, ct_database_get_actor (db)) == 0)
    ct_database_set_own_staff (db, id);
  own_staff_read_free (read);
  return id;
}
