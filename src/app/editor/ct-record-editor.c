/* ct-record-editor.c: the dialog that creates or edits one record of any
 * kind
 *
 * The rows come from the kind's field descriptors (ct_field_row_new()).
 * After every change the form is read into a record and validated against
 * the database; the field at fault is marked with the message under it
 * (once the person has touched it), and Save stays off while the record is
 * invalid. A failed save keeps the form as typed and says why; a save
 * over someone else's newer version asks what to do (ct-conflict-dialog.h)
 * and never overwrites it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-conflict-dialog.h"
#include "ct-editor-defaults.h"
#include "ct-episode-closer.h"
#include "ct-field-row.h"
#include "ct-form-check.h"
#include "ct-record-editor.h"
#include "ct-record-tooltip.h"
#include "ct-permission.h"
#include "ct-records.h"
#include "ct-reference-row.h"
#include "ct-store-reader.h"

/* One row of the form and the message under it. */
typedef struct
{
  CtFieldRow *row;
  GtkLabel   *message;
  gboolean    touched;
} FormField;

struct _CtRecordEditor
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *group;
  GtkRevealer         *banner;
  GtkLabel            *banner_label;
  GtkRevealer         *typed_revealer;
  GtkExpander         *typed_expander;
  GtkWidget           *save_button;

  CtDatabase          *database;
  const CtKind        *kind;
  CtRecord            *record;      /* the record edited; NULL when new */
  GArray              *fields;      /* of FormField, in descriptor order */
  GVariant            *opened_with; /* the draft as opened, for has_changes */
  gboolean             filling;     /* changes are the editor's, not the person's */
  gboolean             done;        /* saved or discarded: close without asking */
  gboolean             read_only;   /* the person's role may not change the record */
  GCancellable        *reading;     /* the signed-in staff member, being read */
  GCancellable        *checking;    /* the form, being checked against the store */
  GCancellable        *judging;     /* whether the person may change the record */
  gboolean             check_always; /* the check's fault is marked even untouched */
  gboolean             store_fault;  /* the last check against the store failed */
};

G_DEFINE_FINAL_TYPE (CtRecordEditor, ct_record_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *kind;
  const char *new_title;
  const char *edit_title;
} titles[] = {
  { "staff", N_("New staff member"), N_("Edit staff member") },
  { "child", N_("New child"), N_("Edit child") },
  { "referral", N_("New referral"), N_("Edit referral") },
  { "consultation", N_("New consultation"), N_("Edit consultation") },
  { "reflective_practice", N_("New reflective practice session"),
    N_("Edit reflective practice session") },
  { "goal", N_("New goal"), N_("Edit goal") },
  { "goal_rating", N_("New goal rating"), N_("Edit goal rating") },
  { "training_event", N_("New training event"), N_("Edit training event") },
  { "training_attendance", N_("New training attendance"), N_("Edit training attendance") },
  { "sdq_score", N_("New SDQ score"), N_("Edit SDQ score") },
};

static FormField *
get_field (CtRecordEditor *self,
           guint           i)
{
  return &g_array_index (self->fields, FormField, i);
}

static const CtField *
field_of (FormField *field)
{
  return ct_field_row_get_field (field->row);
}

/* Reading the form */

/* The form as a record (a copy of the record edited, or a new one). FALSE
 * with @error when a value cannot be read or breaks a rule of its own;
 * ct_record_get_invalid_field() names the field. What the store holds is
 * checked by the store's write, and while typing by ct_form_check_async(). */
static gboolean
read_form (CtRecordEditor  *self,
           CtRecord       **record,
           GError         **error)
{
  *record = self->record != NULL ? ct_record_dup (self->record) : ct_record_new (self->kind);

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = get_field (self, i);
      g_autofree char *text = ct_field_row_dup_text (field->row);

      if (!ct_record_set_string (*record, field_of (field), text, error))
        return FALSE;
    }
  return ct_record_validate (*record, NULL, error);
}

static void
fill_form (CtRecordEditor *self,
           CtRecord       *record)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = get_field (self, i);
      g_autofree char *text = ct_record_get_string (record, field_of (field));

      ct_field_row_set_text (field->row, text);
    }
  self->filling = FALSE;
}

/* Showing what is wrong */

static void
show_message (FormField  *field,
              const char *message)
{
  GtkWidget *row = GTK_WIDGET (field->row);
  GtkWidget *message_row = gtk_widget_get_parent (GTK_WIDGET (field->message));

  if (message != NULL)
    {
      gtk_label_set_label (field->message, message);
      gtk_widget_add_css_class (row, "error");
    }
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (message_row, message != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (ct_field_row_get_input (field->row)),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                               : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* Marks the field at fault, when the person has touched it or @always; the
 * message is also the Save button's tooltip. */
static void
show_invalid (CtRecordEditor *self,
              const CtField  *invalid,
              const char     *message,
              gboolean        always)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = get_field (self, i);
      gboolean at_fault = field_of (field) == invalid && (field->touched || always);

      show_message (field, at_fault ? message : NULL);
    }
  ct_record_tooltip_set_text (self->save_button, message);
}

/* Save is on while the form is valid. @always: mark the field at fault
 * even when untouched (after a save was tried). */
static void
show_verdict (CtRecordEditor *self,
              CtRecord       *record,
              const GError   *error,
              gboolean        always)
{
  /* No word on the form while the team server is away: Save stays on, to
   * try again when it is back. */
  if (g_error_matches (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_DISCONNECTED))
    {
      show_invalid (self, NULL, NULL, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
      return;
    }
  if (self->read_only)
    return;
  show_invalid (self, record != NULL ? ct_record_get_invalid_field (record) : NULL,
                error != NULL ? error->message : NULL, always);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", error == NULL);
}

/* Stops a read of the editor's: its answer will not arrive. */
static void
stop_reading (GCancellable **reading)
{
  if (*reading != NULL)
    g_cancellable_cancel (*reading);
  g_clear_object (reading);
}

static void
on_form_checked (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CtRecordEditor *self = user_data;
  g_autoptr(CtRecord) checked = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid = ct_form_check_finish (CT_DATABASE (source_object), result, &checked, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->checking);
  self->store_fault = !valid;
  show_verdict (self, checked, error, self->check_always);
}

/* The form's own rules are checked at once; what the store holds (a
 * reference taken, a record deleted, whose record it is) on the store's
 * reader. Until that answer arrives, what the last one found stays said.
 * No reference to the editor is held: a window destroyed is finalized at
 * once, and its dispose cancels the check. */
static void
revalidate (CtRecordEditor *self,
            gboolean        always)
{
  g_autoptr(CtRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  stop_reading (&self->checking);
  if (!read_form (self, &record, &error))
    {
      self->store_fault = FALSE;
      show_verdict (self, record, error, always);
      return;
    }
  if (!self->store_fault)
    show_verdict (self, record, NULL, always);
  self->check_always = always;
  self->checking = g_cancellable_new ();
  ct_form_check_async (self->database, record, self->checking, on_form_checked, self);
}

static void
show_banner (CtRecordEditor *self,
             const char     *message)
{
  if (message != NULL)
    gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner, message != NULL);
}

static void
on_row_changed (CtRecordEditor *self,
                CtFieldRow     *row)
{
  if (self->filling)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    if (get_field (self, i)->row == row)
      get_field (self, i)->touched = TRUE;
  show_banner (self, NULL);
  revalidate (self, FALSE);
}

/* A record the person's role may not change (someone else's
 * consultation) is shown, not offered for editing: the banner says why.
 * Asked on the store's reader (on a team server, whose record it is may
 * take a look-up); until the answer, the form is as for any record, and
 * the server refuses a save all the same. */
static void
on_may_change_checked (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  CtRecordEditor *self = user_data;
  g_autoptr(CtRecord) checked = NULL;
  g_autoptr(GError) why_not = NULL;
  gboolean allowed = ct_form_check_finish (CT_DATABASE (source_object), result, &checked,
                                           &why_not);

  if (g_error_matches (why_not, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->judging);
  if (allowed || !g_error_matches (why_not, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_ALLOWED))
    return;
  self->read_only = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->group), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  ct_record_tooltip_set_text (self->save_button, why_not->message);
  show_banner (self, why_not->message);
}

static void
offer_only_what_is_allowed (CtRecordEditor *self)
{
  if (self->record == NULL)
    return;
  self->judging = g_cancellable_new ();
  ct_form_check_may_change_async (self->database, self->record, self->judging,
                                  on_may_change_checked, self);
}

/* Someone else saved first */

/* The form as a person reads it: a line per field that is not empty. */
static char *
dup_typed_text (CtRecordEditor *self,
                CtRecord       *typed)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const CtField *field = field_of (get_field (self, i));
      g_autofree char *value = ct_cell_text_dup (typed, field);

      /* A record chosen, as its row shows it ("TEST-0001 — Robin T."),
       * not its id. */
      if (*value != '\0' && CT_IS_REFERENCE_ROW (get_field (self, i)->row))
        {
          g_free (value);
          value = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_field (self, i)->row)));
        }
      if (*value != '\0')
        /* TRANSLATORS: a field's label and its value, as typed */
        g_string_append_printf (text, _("%s: %s\n"), ct_field_get_label (field), value);
    }
  return g_string_free (text, FALSE);
}

/* Their version, read on the store's reader, for an editor that may be
 * closed before it arrives. */
typedef struct
{
  CtRecordEditor *editor;   /* a weak pointer */
  char           *typed;
} Reload;

static void
reload_free (Reload *reload)
{
  g_clear_weak_pointer (&reload->editor);
  g_free (reload->typed);
  g_free (reload);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reload, reload_free)

/* Their version in the form, with what was typed kept above it. */
static void
on_theirs_read (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Reload) reload = user_data;
  g_autoptr(CtRecord) theirs = NULL;
  g_autoptr(GError) error = NULL;
  CtRecordEditor *self = reload->editor;
  const char *typed = reload->typed;

  theirs = ct_store_get_finish (CT_DATABASE (source_object), result, &error);
  if (self == NULL)
    return;
  if (theirs == NULL)
    {
      show_banner (self, error->message);
      return;
    }
  g_set_object (&self->record, theirs);
  fill_form (self, theirs);
  g_clear_pointer (&self->opened_with, g_variant_unref);
  self->opened_with = ct_record_editor_save_draft (self);
  gtk_expander_set_child (self->typed_expander, ct_conflict_typed_view_new (typed));
  gtk_revealer_set_reveal_child (self->typed_revealer, TRUE);
  revalidate (self, TRUE);
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      CtRecordEditor   *self)
{
  Reload *reload;

  if (!g_str_equal (response, CT_CONFLICT_RESPONSE_RELOAD))
    return;
  reload = g_new0 (Reload, 1);
  g_set_weak_pointer (&reload->editor, self);
  reload->typed = g_strdup (g_object_get_data (G_OBJECT (dialog), "typed"));
  ct_store_get_async (self->database, self->kind, ct_record_get_id (self->record), NULL,
                      on_theirs_read, reload);
}

static void
ask_about_conflict (CtRecordEditor *self,
                    CtRecord       *typed,
                    const char     *message)
{
  char *text = dup_typed_text (self, typed);
  GtkWidget *dialog = ct_conflict_dialog_new (GTK_WINDOW (self), message, text);

  g_object_set_data_full (G_OBJECT (dialog), "typed", text, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving and closing */

/* The form read, checked and written. */
static gboolean
write_form (CtRecordEditor  *self,
            CtRecord       **record,
            GError         **error)
{
  if (!read_form (self, record, error) || !ct_permission_check_save (self->database, *record, error))
    return FALSE;
  return self->record != NULL ? ct_store_update (self->database, *record, error)
                              : ct_store_insert (self->database, *record, error);
}

/* A field the save found at fault (a reference taken meanwhile, say) is
 * what the store holds now: marked, Save off until the form changes.
 * Anything else: the form as it is, checked again. */
static void
reconsider_after_failed_save (CtRecordEditor *self,
                              CtRecord       *record,
                              const GError   *error)
{
  if (record == NULL || ct_record_get_invalid_field (record) == NULL)
    {
      revalidate (self, TRUE);
      return;
    }
  stop_reading (&self->checking);
  self->store_fault = TRUE;
  show_verdict (self, record, error, TRUE);
}

static void
save (CtRecordEditor *self)
{
  g_autoptr(CtRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = write_form (self, &record, &error);

  /* The team server was away (the window's banner says so): once it is
   * back, Save connects again and tries once more. */
  if (!saved && g_error_matches (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_DISCONNECTED) &&
      ct_database_reconnect (self->database, NULL))
    {
      g_clear_object (&record);
      g_clear_error (&error);
      saved = write_form (self, &record, &error);
    }
  /* The form stays as typed; what the records file holds now (a reference
   * taken meanwhile, say) decides whether Save can be tried again. */
  if (!saved && g_error_matches (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_STALE))
    {
      ask_about_conflict (self, record, error->message);
      return;
    }
  if (!saved)
    {
      show_banner (self, error->message);
      reconsider_after_failed_save (self, record, error);
      return;
    }

  /* A handler of "saved" may close the editor itself. */
  self->done = TRUE;
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, record);
  ct_episode_closer_offer (gtk_window_get_transient_for (GTK_WINDOW (self)), self->database,
                           record);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (data);
  return G_SOURCE_REMOVE;
}

/* The dialog closes itself after its response: the editor, its transient
 * parent, closes after that. */
static void
on_discard_response (CtRecordEditor *self,
                     const char     *response)
{
  if (!g_str_equal (response, "discard"))
    return;
  self->done = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (self), g_object_unref);
}

static void
ask_to_discard (CtRecordEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard changes?"),
                                              _("What you typed will be lost."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (on_discard_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closes at once when nothing was typed (nor kept from before a reload);
 * else asks first. */
static gboolean
on_close_request (CtRecordEditor *self)
{
  if (self->done || (!ct_record_editor_has_changes (self) &&
                     !gtk_revealer_get_reveal_child (self->typed_revealer)))
    return FALSE;
  ask_to_discard (self);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (CT_RECORD_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject */

static void
ct_record_editor_dispose (GObject *object)
{
  CtRecordEditor *self = CT_RECORD_EDITOR (object);

  stop_reading (&self->reading);
  stop_reading (&self->checking);
  stop_reading (&self->judging);
  g_clear_object (&self->database);
  g_clear_object (&self->record);
  g_clear_pointer (&self->opened_with, g_variant_unref);

  G_OBJECT_CLASS (ct_record_editor_parent_class)->dispose (object);
}

static void
ct_record_editor_finalize (GObject *object)
{
  CtRecordEditor *self = CT_RECORD_EDITOR (object);

  g_array_unref (self->fields);

  G_OBJECT_CLASS (ct_record_editor_parent_class)->finalize (object);
}

static void
ct_record_editor_class_init (CtRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_record_editor_dispose;
  object_class->finalize = ct_record_editor_finalize;

  /**
   * CtRecordEditor::saved:
   * @record: the record as written, with its id
   *
   * The record was inserted or updated; the editor closes next.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CT_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/editor/ct-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CtRecordEditor, group);
  gtk_widget_class_bind_template_child (widget_class, CtRecordEditor, banner);
  gtk_widget_class_bind_template_child (widget_class, CtRecordEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, CtRecordEditor, typed_revealer);
  gtk_widget_class_bind_template_child (widget_class, CtRecordEditor, typed_expander);
  gtk_widget_class_bind_template_child (widget_class, CtRecordEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
ct_record_editor_init (CtRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_array_new (FALSE, TRUE, sizeof (FormField));
}

/* Building the form */

static GtkLabel *
add_message_row (CtRecordEditor *self,
                 GtkWidget      *input)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  g_object_set (label, "margin-top", 6, "margin-bottom", 6, "margin-start", 12,
                "margin-end", 12, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set (row, "activatable", FALSE, "selectable", FALSE, "focusable", FALSE,
                "visible", FALSE, NULL);
  adw_preferences_group_add (self->group, row);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (input),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                  -1);
  return GTK_LABEL (label);
}

static void
add_rows (CtRecordEditor *self)
{
  for (guint i = 0; i < ct_kind_get_n_fields (self->kind); i++)
    {
      const CtField *descriptor = ct_kind_get_field (self->kind, i);
      FormField field = { 0 };

      if (ct_field_is_display (descriptor))
        continue;
      field.row = CT_FIELD_ROW (ct_field_row_new (descriptor, self->database));
      adw_preferences_group_add (self->group, GTK_WIDGET (field.row));
      field.message = add_message_row (self, ct_field_row_get_input (field.row));
      g_signal_connect_swapped (field.row, "value-changed", G_CALLBACK (on_row_changed), self);
      g_array_append_val (self->fields, field);
    }
}

static void
set_title (CtRecordEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].kind, ct_kind_get_name (self->kind)))
      gtk_window_set_title (GTK_WINDOW (self),
                            _(self->record != NULL ? titles[i].edit_title : titles[i].new_title));
}

/* Where typing starts: a new record's first field still empty (the date
 * and the clinician come filled in, or the clinician is being read), else
 * the first field. */
static CtFieldRow *
get_first_to_fill (CtRecordEditor *self)
{
  const CtField *staff = self->reading != NULL ? ct_editor_defaults_find_staff_field (self->kind)
                                               : NULL;

  for (guint i = 0; self->record == NULL && i < self->fields->len; i++)
    {
      g_autofree char *text = ct_field_row_dup_text (get_field (self, i)->row);

      if (text == NULL && field_of (get_field (self, i)) != staff)
        return get_field (self, i)->row;
    }
  return self->fields->len > 0 ? get_field (self, 0)->row : NULL;
}

/* A new record whose first field is another record (a rating's goal, an
 * attendance's event) starts by searching for it. */
static void
on_first_map (CtRecordEditor *self)
{
  GtkWidget *first = self->fields->len > 0 ? GTK_WIDGET (get_field (self, 0)->row) : NULL;

  g_signal_handlers_disconnect_by_func (self, on_first_map, NULL);
  if (self->record == NULL && CT_IS_REFERENCE_ROW (first))
    ct_reference_row_popup (CT_REFERENCE_ROW (first));
}

/* Opening a saved record is audited (which record, never its content). A
 * failure to write the entry does not keep the person from their work. */
static void
audit_opening (CtRecordEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!ct_store_audit_view (self->database, self->record, &error))
    g_message ("Opening %s %" G_GINT64_FORMAT " was not audited: %s",
               ct_kind_get_name (self->kind), ct_record_get_id (self->record), error->message);
}

/* The signed-in staff member of a new record, the first time: the store
 * reads who they are on its reader, and the form takes them once it has,
 * unless the person chose someone meanwhile. */

static FormField *
find_form_field (CtRecordEditor *self,
                 const CtField  *wanted)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (field_of (get_field (self, i)) == wanted)
      return get_field (self, i);
  return NULL;
}

static void
on_own_staff_found (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CtRecordEditor *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = ct_store_find_own_staff_finish (CT_DATABASE (source_object), result, &error);
  FormField *field;
  g_autofree char *chosen = NULL;
  g_autofree char *text = NULL;
  gboolean unchanged;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);
  if (error != NULL)
    g_message ("The signed-in staff member was not found: %s", error->message);
  field = find_form_field (self, ct_editor_defaults_find_staff_field (self->kind));
  chosen = field != NULL ? ct_field_row_dup_text (field->row) : NULL;
  if (id == 0 || field == NULL || chosen != NULL)
    return;

  unchanged = !ct_record_editor_has_changes (self);
  text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  self->filling = TRUE;
  ct_field_row_set_text (field->row, text);
  self->filling = FALSE;
  if (unchanged)
    {
      g_clear_pointer (&self->opened_with, g_variant_unref);
      self->opened_with = ct_record_editor_save_draft (self);
    }
  revalidate (self, FALSE);
}

static void
find_signed_in_staff (CtRecordEditor *self)
{
  const CtField *staff = ct_editor_defaults_find_staff_field (self->kind);
  FormField *field = staff != NULL ? find_form_field (self, staff) : NULL;
  g_autofree char *chosen = field != NULL ? ct_field_row_dup_text (field->row) : NULL;

  if (field == NULL || chosen != NULL || ct_database_get_actor (self->database) == NULL)
    return;
  /* No reference: a window destroyed is finalized at once, and its
   * dispose cancels the read (the answer then never looks at it). */
  self->reading = g_cancellable_new ();
  ct_store_find_own_staff_async (self->database, self->reading, on_own_staff_found, self);
}

/* Public API */

CtRecordEditor *
ct_record_editor_new (GtkWindow    *parent,
                      CtDatabase   *database,
                      const CtKind *kind,
                      CtRecord     *record)
{
  CtRecordEditor *self;
  g_autoptr(CtRecord) shown = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (record == NULL || ct_record_get_kind (record) == kind, NULL);

  self = g_object_new (CT_TYPE_RECORD_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->kind = kind;
  /* The record keeps the version it was read at: a save over someone
   * else's newer one is refused (CT_DATABASE_ERROR_STALE), and the
   * conflict dialog says who changed it and when. A copy: a list's row
   * takes a newer version, or another record (ct-record-pages.c). */
  if (record != NULL && ct_record_get_id (record) != 0)
    {
      self->record = ct_record_dup (record);
      audit_opening (self);
    }
  set_title (self);

  add_rows (self);
  shown = self->record != NULL ? g_object_ref (self->record) : ct_editor_defaults_new_record (database, kind, record);
  fill_form (self, shown);
  self->opened_with = ct_record_editor_save_draft (self);
  if (self->record == NULL)
    find_signed_in_staff (self);
  offer_only_what_is_allowed (self);
  revalidate (self, self->record != NULL);

  if (self->fields->len > 0)
    {
      CtFieldRow *first = get_first_to_fill (self);
      GtkWidget *input = ct_field_row_get_input (first);

      /* A reference row takes the focus itself. */
      gtk_window_set_focus (GTK_WINDOW (self),
                            gtk_widget_get_focusable (input) ? input : GTK_WIDGET (first));
    }
  g_signal_connect_after (self, "map", G_CALLBACK (on_first_map), NULL);
  return self;
}

gboolean
ct_record_editor_is_reading (CtRecordEditor *self)
{
  g_return_val_if_fail (CT_IS_RECORD_EDITOR (self), FALSE);

  return self->reading != NULL || self->checking != NULL || self->judging != NULL;
}

const CtKind *
ct_record_editor_get_kind (CtRecordEditor *self)
{
  g_return_val_if_fail (CT_IS_RECORD_EDITOR (self), NULL);

  return self->kind;
}

gboolean
ct_record_editor_has_changes (CtRecordEditor *self)
{
  g_autoptr(GVariant) now = NULL;

  g_return_val_if_fail (CT_IS_RECORD_EDITOR (self), FALSE);

  now = ct_record_editor_save_draft (self);
  return !g_variant_equal (now, self->opened_with);
}

/* The draft's entry for the version of the record edited, which no field
 * name can be: restored, a save over a change made since is refused. */
#define DRAFT_VERSION ":version"

GVariant *
ct_record_editor_save_draft (CtRecordEditor *self)
{
  GVariantBuilder values;

  g_return_val_if_fail (CT_IS_RECORD_EDITOR (self), NULL);

  g_variant_builder_init (&values, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = get_field (self, i);
      g_autofree char *text = ct_field_row_dup_text (field->row);

      if (text != NULL)
        g_variant_builder_add (&values, "{ss}", ct_field_get_name (field_of (field)), text);
    }
  if (self->record != NULL)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  ct_record_get_version (self->record));

      g_variant_builder_add (&values, "{ss}", DRAFT_VERSION, version);
    }
  return g_variant_ref_sink (g_variant_new ("(sxa{ss})", ct_kind_get_name (self->kind),
                                            self->record != NULL ? ct_record_get_id (self->record) : 0,
                                            &values));
}

static gboolean
draft_is_for (CtRecordEditor *self,
              GVariant       *draft)
{
  const char *kind;
  gint64 id;

  if (!g_variant_is_of_type (draft, CT_RECORD_EDITOR_DRAFT_TYPE))
    return FALSE;
  g_variant_get (draft, "(&sx@a{ss})", &kind, &id, NULL);
  return g_str_equal (kind, ct_kind_get_name (self->kind)) &&
         id == (self->record != NULL ? ct_record_get_id (self->record) : 0);
}

gboolean
ct_record_editor_restore_draft (CtRecordEditor *self,
                                GVariant       *draft)
{
  g_autoptr(GVariant) values = NULL;

  g_return_val_if_fail (CT_IS_RECORD_EDITOR (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (!draft_is_for (self, draft))
    return FALSE;

  values = g_variant_get_child_value (draft, 2);
  self->filling = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = get_field (self, i);
      const char *text = NULL;

      g_variant_lookup (values, ct_field_get_name (field_of (field)), "&s", &text);
      ct_field_row_set_text (field->row, text);
      field->touched = TRUE;
    }
  self->filling = FALSE;
  revalidate (self, TRUE);
  return TRUE;
}

/* The record a draft was typed over, read on the store's reader: at the
 * version the draft was typed over (a draft of an earlier release has
 * none: the version now); for a new record's draft, an empty record. */
static gpointer
read_drafted_record (CtDatabase  *database,
                     gpointer     data,
                     GError     **error)
{
  g_autoptr(GVariant) values = NULL;
  const CtKind *kind;
  const char *kind_name;
  const char *version = NULL;
  gint64 id;

  g_variant_get (data, "(&sx@a{ss})", &kind_name, &id, &values);
  kind = ct_kind_lookup (kind_name);
  if (id == 0)
    return ct_record_new (kind);
  if (g_variant_lookup (values, DRAFT_VERSION, "&s", &version))
    return ct_store_get_at_version (database, kind, id, g_ascii_strtoll (version, NULL, 10),
                                    error);
  return ct_store_get (database, kind, id, error);
}

/* What the editor of a draft opens over, while its record is read. */
typedef struct
{
  GtkWindow *parent;   /* weak */
  GVariant  *draft;
} DraftOpening;

static void
draft_opening_free (DraftOpening *opening)
{
  g_clear_weak_pointer (&opening->parent);
  g_variant_unref (opening->draft);
  g_free (opening);
}

static void
on_drafted_record_read (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DraftOpening *opening = g_task_get_task_data (task);
  CtDatabase *database = CT_DATABASE (source_object);
  GError *error = NULL;
  g_autoptr(CtRecord) record = ct_store_read_finish (database, result, &error);
  CtRecordEditor *self;

  if (record == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self = ct_record_editor_new (opening->parent, database, ct_record_get_kind (record),
                               ct_record_get_id (record) != 0 ? record : NULL);
  ct_record_editor_restore_draft (self, opening->draft);
  g_task_return_pointer (task, self, (GDestroyNotify) gtk_window_destroy);
}

void
ct_record_editor_new_for_draft_async (GtkWindow           *parent,
                                      CtDatabase          *database,
                                      GVariant            *draft,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  DraftOpening *opening;
  GTask *task;
  const char *kind_name;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (CT_IS_DATABASE (database));
  g_return_if_fail (g_variant_is_of_type (draft, CT_RECORD_EDITOR_DRAFT_TYPE));
  g_variant_get (draft, "(&sx@a{ss})", &kind_name, NULL, NULL);
  g_return_if_fail (ct_kind_lookup (kind_name) != NULL);

  opening = g_new0 (DraftOpening, 1);
  g_set_weak_pointer (&opening->parent, parent);
  opening->draft = g_variant_ref (draft);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_record_editor_new_for_draft_async);
  g_task_set_task_data (task, opening, (GDestroyNotify) draft_opening_free);
  ct_store_read_async (database, read_drafted_record, g_variant_ref (draft),
                       (GDestroyNotify) g_variant_unref, g_object_unref, cancellable,
                       on_drafted_record_read, task);
}

CtRecordEditor *
ct_record_editor_new_for_draft_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
