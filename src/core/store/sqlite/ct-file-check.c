/* ct-file-check.c: the records file's integrity check, after unlock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-file-check"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include "ct-background.h"
#include "ct-file-check.h"
#include "ct-file-database-private.h"
#include "ct-secret.h"

struct _CtFileCheck
{
  GObject           parent_instance;

  CtFileCheckState  state;
  char             *message;
};

G_DEFINE_FINAL_TYPE (CtFileCheck, ct_file_check, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define CHECK_KEY "ct-file-check"

/* What the thread needs: its own copy of where and how to open. */
typedef struct
{
  char *path;
  char *passphrase;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->path);
  ct_passphrase_free (data->passphrase);
  g_free (data);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CheckData *data = task_data;
  GError *error = NULL;

  if (ct_file_database_quick_check (data->path, data->passphrase, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  ct_background_release ();
}

static void
on_checked (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CtDatabase *db = CT_DATABASE (source_object);
  g_autoptr(CtFileCheck) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) audit_error = NULL;
  gboolean passed = g_task_propagate_boolean (G_TASK (result), &error);

  self->state = passed ? CT_FILE_CHECK_PASSED : CT_FILE_CHECK_FAILED;
  self->message = passed ? NULL : g_strdup (error->message);
  if (ct_database_is_open (db) &&
      !ct_database_audit (db, "unlock", NULL, 0,
                          passed ? _("Integrity check after unlock passed")
                                 : _("Integrity check after unlock failed: the records file "
                                     "is damaged"),
                          &audit_error))
    g_warning ("The integrity check could not be written to the audit trail: %s",
               audit_error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
ct_file_check_start (CtDatabase *db,
                     const char *passphrase)
{
  g_autoptr(GTask) task = NULL;
  CtFileCheck *self;
  CheckData *data;

  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (passphrase != NULL);

  if (ct_database_get_path (db) == NULL)
    return;

  self = g_object_new (CT_TYPE_FILE_CHECK, NULL);
  g_object_set_data_full (G_OBJECT (db), CHECK_KEY, self, g_object_unref);

  data = g_new0 (CheckData, 1);
  data->path = g_strdup (ct_database_get_path (db));
  data->passphrase = g_strdup (passphrase);
  task = g_task_new (db, NULL, on_checked, g_object_ref (self));
  g_task_set_source_tag (task, ct_file_check_start);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  ct_background_hold ();
  g_task_run_in_thread (task, check_in_thread);
}

CtFileCheck *
ct_file_check_get (CtDatabase *db)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);

  return g_object_get_data (G_OBJECT (db), CHECK_KEY);
}

CtFileCheckState
ct_file_check_get_state (CtFileCheck *self)
{
  g_return_val_if_fail (CT_IS_FILE_CHECK (self), CT_FILE_CHECK_RUNNING);

  return self->state;
}

const char *
ct_file_check_get_message (CtFileCheck *self)
{
  g_return_val_if_fail (CT_IS_FILE_CHECK (self), NULL);

  return self->message;
}

static void
ct_file_check_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CtFileCheck *self = CT_FILE_CHECK (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_file_check_finalize (GObject *object)
{
  g_free (CT_FILE_CHECK (object)->message);

  G_OBJECT_CLASS (ct_file_check_parent_class)->finalize (object);
}

static void
ct_file_check_class_init (CtFileCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ct_file_check_get_property;
  object_class->finalize = ct_file_check_finalize;

  /* A CtFileCheckState. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, CT_FILE_CHECK_RUNNING, CT_FILE_CHECK_FAILED,
                      CT_FILE_CHECK_RUNNING, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ct_file_check_init (CtFileCheck *self)
{
}
