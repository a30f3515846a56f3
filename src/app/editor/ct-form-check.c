/* ct-form-check.c: checking an editor's record against the records, on
 * the store's reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-form-check"

#include "config.h"

#include "ct-form-check.h"
#include "ct-permission.h"
#include "ct-records.h"
#include "ct-store-reader.h"

/* A check's result is never NULL: the record checked and what was wrong. */
typedef struct
{
  CtRecord *record;
  GError   *error;
} Verdict;

static void
verdict_free (Verdict *verdict)
{
  g_clear_object (&verdict->record);
  g_clear_error (&verdict->error);
  g_free (verdict);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Verdict, verdict_free)

/* What is checked: the record as it would be saved, or whether the
 * person may change the record as read. */
typedef enum
{
  CHECK_SAVE,
  CHECK_CHANGE,
} Check;

typedef struct
{
  CtRecord *record;
  Check     check;
} Asked;

static void
asked_free (Asked *asked)
{
  g_object_unref (asked->record);
  g_free (asked);
}

static gpointer
check_record (CtDatabase  *database,
              gpointer     data,
              GError     **error)
{
  Asked *asked = data;
  Verdict *verdict = g_new0 (Verdict, 1);

  verdict->record = g_object_ref (asked->record);
  if (asked->check == CHECK_CHANGE)
    ct_permission_check_record (database, verdict->record, CT_PERMISSION_CHANGE,
                                &verdict->error);
  else if (ct_record_validate (verdict->record, database, &verdict->error))
    ct_permission_check_save (database, verdict->record, &verdict->error);
  return verdict;
}

static void
ask (CtDatabase          *database,
     CtRecord            *record,
     Check                check,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  Asked *asked = g_new0 (Asked, 1);

  asked->record = ct_record_dup (record);
  asked->check = check;
  ct_store_read_async (database, check_record, asked, (GDestroyNotify) asked_free,
                       (GDestroyNotify) verdict_free, cancellable, callback, user_data);
}

void
ct_form_check_may_change_async (CtDatabase          *database,
                                CtRecord            *record,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CT_IS_DATABASE (database));
  g_return_if_fail (CT_IS_RECORD (record));

  ask (database, record, CHECK_CHANGE, cancellable, callback, user_data);
}

void
ct_form_check_async (CtDatabase          *database,
                     CtRecord            *record,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (CT_IS_DATABASE (database));
  g_return_if_fail (CT_IS_RECORD (record));

  ask (database, record, CHECK_SAVE, cancellable, callback, user_data);
}

gboolean
ct_form_check_finish (CtDatabase    *database,
                      GAsyncResult  *result,
                      CtRecord     **checked,
                      GError       **error)
{
  g_autoptr(Verdict) verdict = ct_store_read_finish (database, result, error);

  *checked = NULL;
  if (verdict == NULL)
    return FALSE;
  *checked = g_steal_pointer (&verdict->record);
  if (verdict->error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&verdict->error));
  return FALSE;
}
