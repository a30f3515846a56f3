/* ct-passphrase-dialog.c: asks for the records file's passphrase, to back
 * the file up or to change its passphrase
 *
 * The slow part (key derivation, the copy and its check) runs in a worker
 * thread on a connection of its own, so the window's stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-passphrase-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-passphrase-dialog.h"
#include "ct-passphrase-quality.h"
#include "ct-secret.h"

typedef enum
{
  PURPOSE_BACKUP,
  PURPOSE_CHANGE,
} Purpose;

struct _CtPassphraseDialog
{
  AdwWindow     parent_instance;

  CtDatabase   *database;
  Purpose       purpose;
  char         *dest_path;    /* of a backup */
  GCancellable *cancellable;
  gboolean      busy;
  gboolean      ready;

  GtkLabel     *description_label;
  GtkEditable  *current_row;
  GtkEditable  *new_row;
  GtkEditable  *repeat_row;
  GtkButton    *accept_button;
  GtkSpinner   *spinner;
  GtkLabel     *hint_label;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (CtPassphraseDialog, ct_passphrase_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_text (GtkEditable *editable)
{
  return gtk_editable_get_text (editable);
}

/* What still stops the dialog from going ahead, or NULL. */
static char *
describe_problem (CtPassphraseDialog *self)
{
  const char *current = get_text (self->current_row);
  const char *new_passphrase = get_text (self->new_row);
  const char *repeat = get_text (self->repeat_row);
  g_autoptr(GError) weak = NULL;

  if (*current == '\0')
    return g_strdup (_("Type the passphrase that opens the records file now."));
  if (self->purpose == PURPOSE_BACKUP)
    return NULL;
  if (!ct_passphrase_check_quality (new_passphrase, NULL, &weak))
    return g_strdup (weak->message);
  if (g_str_equal (new_passphrase, current))
    return g_strdup (_("The new passphrase is the same as the current one."));
  if (*repeat == '\0')
    return g_strdup (_("Type the new passphrase again to confirm it."));
  if (!g_str_equal (new_passphrase, repeat))
    return g_strdup (_("The two new passphrases are not the same."));
  return NULL;
}

static void
update (CtPassphraseDialog *self)
{
  g_autofree char *problem = describe_problem (self);

  self->ready = problem == NULL && !self->busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.accept", self->ready);
  if (self->busy)
    gtk_label_set_label (self->hint_label, self->purpose == PURPOSE_BACKUP
                                           ? _("Writing the backup and checking it…")
                                           : _("Checking the current passphrase…"));
  else
    gtk_label_set_label (self->hint_label, problem != NULL ? problem : "");
}

static void
on_changed (CtPassphraseDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update (self);
}

/* Enter goes ahead once the form is complete; until then it moves on. */
static void
on_entry_activated (CtPassphraseDialog *self)
{
  if (self->ready)
    gtk_widget_activate_action (GTK_WIDGET (self), "dialog.accept", NULL);
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
set_busy (CtPassphraseDialog *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->current_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->repeat_row), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update (self);
}

/* The work, in a worker thread */

typedef struct
{
  Purpose  purpose;
  char    *path;
  char    *passphrase;
  char    *actor;
  char    *dest_path;
} Work;

static void
work_free (Work *work)
{
  g_free (work->path);
  ct_passphrase_free (work->passphrase);
  g_free (work->actor);
  g_free (work->dest_path);
  g_free (work);
}

/* A backup opens the file as the command line's `backup` does, so the
 * audit trail reads the same: an unlock, then the backup begun and written. */
static void
work_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;
  CtDatabaseOpenMode mode = work->purpose == PURPOSE_BACKUP ? CT_DATABASE_OPEN_NO_UPGRADE
                                                            : CT_DATABASE_OPEN_READ_ONLY;
  g_autoptr(CtDatabase) db = ct_database_open_with_mode (work->path, work->passphrase,
                                                         work->actor, mode, &error);

  if (db != NULL && work->purpose == PURPOSE_BACKUP)
    ct_database_backup (db, work->dest_path, work->passphrase, &error);
  if (db != NULL)
    ct_database_close (db);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_worked (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CtPassphraseDialog *self = CT_PASSPHRASE_DIALOG (source_object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
      return;
    }

  if (self->purpose == PURPOSE_BACKUP)
    /* Translators: %s is the backup file */
    message = g_strdup_printf (_("Backup written to %s and checked. It opens with the same "
                                 "passphrase."), self->dest_path);
  g_signal_emit (self, signals[DONE], 0, message);
  if (self->purpose == PURPOSE_BACKUP)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtPassphraseDialog *self = CT_PASSPHRASE_DIALOG (widget);
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_worked, NULL);
  Work *work = g_new0 (Work, 1);

  work->purpose = self->purpose;
  work->path = g_strdup (ct_database_get_path (self->database));
  work->passphrase = g_strdup (get_text (self->current_row));
  work->actor = g_strdup (ct_database_get_actor (self->database));
  work->dest_path = g_strdup (self->dest_path);

  g_task_set_source_tag (task, accept_action);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, work_in_thread);
}

/* Public API */

static CtPassphraseDialog *
new_dialog (GtkWindow  *parent,
            CtDatabase *database,
            Purpose     purpose)
{
  CtPassphraseDialog *self;

  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (ct_database_get_path (database) != NULL, NULL);

  self = g_object_new (CT_TYPE_PASSPHRASE_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->purpose = purpose;
  gtk_widget_set_visible (GTK_WIDGET (self->new_row), purpose == PURPOSE_CHANGE);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), purpose == PURPOSE_CHANGE);
  gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
  return self;
}

CtPassphraseDialog *
ct_passphrase_dialog_new_backup (GtkWindow  *parent,
                                 CtDatabase *database,
                                 const char *dest_path)
{
  CtPassphraseDialog *self = new_dialog (parent, database, PURPOSE_BACKUP);
  /* Translators: %s is the file the backup is written to */
  g_autofree char *description =
    g_strdup_printf (_("The backup is written to %s, encrypted with the passphrase of the "
                       "records file, and checked by opening it."), dest_path);

  self->dest_path = g_strdup (dest_path);
  gtk_window_set_title (GTK_WINDOW (self), _("Back Up Records"));
  gtk_button_set_label (self->accept_button, _("_Back Up"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), _("Passphrase"));
  gtk_label_set_label (self->description_label, description);
  update (self);
  return self;
}

CtPassphraseDialog *
ct_passphrase_dialog_new_change (GtkWindow  *parent,
                                 CtDatabase *database)
{
  CtPassphraseDialog *self = new_dialog (parent, database, PURPOSE_CHANGE);

  gtk_window_set_title (GTK_WINDOW (self), _("Change Passphrase"));
  gtk_button_set_label (self->accept_button, _("C_hange"));
  gtk_label_set_label (self->description_label,
                       _("The records are locked while the file is encrypted again with "
                         "the new passphrase, then open again. Backups made before keep "
                         "the old passphrase."));
  update (self);
  return self;
}

void
ct_passphrase_dialog_steal_passphrases (CtPassphraseDialog  *self,
                                        char               **current,
                                        char               **new_passphrase)
{
  g_return_if_fail (CT_IS_PASSPHRASE_DIALOG (self));

  *current = g_strdup (get_text (self->current_row));
  *new_passphrase = g_strdup (get_text (self->new_row));
  gtk_editable_set_text (self->current_row, "");
  gtk_editable_set_text (self->new_row, "");
  gtk_editable_set_text (self->repeat_row, "");
}

static void
ct_passphrase_dialog_dispose (GObject *object)
{
  CtPassphraseDialog *self = CT_PASSPHRASE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_PASSPHRASE_DIALOG);
  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ct_passphrase_dialog_parent_class)->dispose (object);
}

static void
ct_passphrase_dialog_finalize (GObject *object)
{
  g_free (CT_PASSPHRASE_DIALOG (object)->dest_path);

  G_OBJECT_CLASS (ct_passphrase_dialog_parent_class)->finalize (object);
}

static void
ct_passphrase_dialog_class_init (CtPassphraseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_passphrase_dialog_dispose;
  object_class->finalize = ct_passphrase_dialog_finalize;

  /**
   * CtPassphraseDialog::done:
   * @message: (nullable): what to tell the person (a backup's file)
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-passphrase-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CtPassphraseDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, CtPassphraseDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, CtPassphraseDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, CtPassphraseDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, CtPassphraseDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, CtPassphraseDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CtPassphraseDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CtPassphraseDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "dialog.accept", NULL, accept_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ct_passphrase_dialog_init (CtPassphraseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
