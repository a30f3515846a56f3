/* ct-attendance-row.c: one row of a training event's attendance register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-attendance-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-attendance-row.h"
#include "ct-cell-text.h"
#include "ct-record-button.h"
#include "ct-records.h"

#define STATUS_WORD_KEY "ct-attendance-status"

struct _CtAttendanceRow
{
  GtkListBoxRow  parent_instance;

  CtDatabase    *database;
  CtRecord      *attendance;
  GPtrArray     *status_buttons;
  gboolean       filling;

  GtkLabel      *name_label;
  GtkLabel      *details_label;
  GtkFlowBox    *status_box;
  GtkSpinButton *before_spin;
  GtkSpinButton *after_spin;
  GtkBox        *record_buttons_box;
};

G_DEFINE_FINAL_TYPE (CtAttendanceRow, ct_attendance_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CtField *
field (const char *name)
{
  return ct_kind_find_field (ct_kind_lookup ("training_attendance"), name);
}

/* Showing the record */

static void
show_details (CtAttendanceRow *self)
{
  g_autofree char *name = ct_record_get_string_by_name (self->attendance, "attendee_name");
  g_autofree char *role = ct_cell_text_dup (self->attendance, field ("role"));
  g_autofree char *organisation = ct_record_get_string_by_name (self->attendance, "organisation");
  g_autofree char *details = NULL;

  /* Translators: an attendee's role and organisation, "Foster carer · Northshire Fostering" */
  details = organisation != NULL ? g_strdup_printf (_("%s · %s"), role, organisation)
                                 : g_strdup (role);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->details_label, details);
}

static void
show_confidence (GtkSpinButton *spin,
                 CtRecord      *attendance,
                 const char    *name)
{
  g_autofree char *text = ct_record_get_string_by_name (attendance, name);

  gtk_spin_button_set_value (spin, text != NULL ? g_ascii_strtod (text, NULL) : 0);
}

/* Whether the event has been held: who came is known only then (the core
 * refuses it before). */
static gboolean
event_held (CtAttendanceRow *self)
{
  g_autofree char *date = ct_record_get_string_by_name (self->attendance, "event_date");
  g_autofree char *today = ct_validate_dup_today ();

  return date == NULL || strcmp (date, today) <= 0;
}

static gboolean
needs_event_held (const char *word)
{
  return g_str_equal (word, "attended") || g_str_equal (word, "did_not_attend");
}

static void
show_record (CtAttendanceRow *self)
{
  g_autofree char *status = ct_record_get_string_by_name (self->attendance, "status");
  gboolean held = event_held (self);

  self->filling = TRUE;
  show_details (self);
  for (guint i = 0; i < self->status_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->status_buttons, i);
      const char *word = g_object_get_data (G_OBJECT (button), STATUS_WORD_KEY);
      gboolean possible = held || !needs_event_held (word);

      gtk_toggle_button_set_active (button, g_strcmp0 (word, status) == 0);
      gtk_widget_set_sensitive (GTK_WIDGET (button), possible);
      gtk_widget_set_tooltip_text (GTK_WIDGET (button),
                                   possible ? ct_enum_label (field ("status"), word)
                                            : _("The event has not been held yet"));
    }
  show_confidence (self->before_spin, self->attendance, "confidence_before");
  show_confidence (self->after_spin, self->attendance, "confidence_after");
  self->filling = FALSE;
}

/* Saving: one field, at once */

static void
save (CtAttendanceRow *self,
      const char      *name,
      const char      *text)
{
  g_autoptr(CtRecord) copy = ct_record_dup (self->attendance);
  g_autoptr(GError) error = NULL;

  if (!ct_record_set_string_by_name (copy, name, text, &error) ||
      !ct_store_update (self->database, copy, &error))
    {
      show_record (self);
      g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
      return;
    }
  g_set_object (&self->attendance, copy);
  g_signal_emit (self, signals[SAVED], 0, copy);
}

static void
on_status_toggled (CtAttendanceRow *self,
                   GtkToggleButton *button)
{
  const char *word = g_object_get_data (G_OBJECT (button), STATUS_WORD_KEY);
  g_autofree char *status = NULL;

  if (self->filling || !gtk_toggle_button_get_active (button))
    return;
  status = ct_record_get_string_by_name (self->attendance, "status");
  if (g_strcmp0 (status, word) != 0)
    save (self, "status", word);
}

static void
on_confidence_changed (CtAttendanceRow *self,
                       GtkSpinButton   *spin)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value > 0 ? g_strdup_printf ("%d", value) : NULL;

  if (!self->filling)
    save (self, spin == self->before_spin ? "confidence_before" : "confidence_after", text);
}

/* 0 is "not rated", shown as a dash. */
static int
on_spin_input (GtkSpinButton *spin,
               double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;

  if (*text == '\0' || g_str_equal (text, "—") || g_str_equal (text, "-"))
    {
      *value = 0;
      return TRUE;
    }
  *value = g_ascii_strtod (text, &end);
  return *end == '\0' ? TRUE : GTK_INPUT_ERROR;
}

static gboolean
on_spin_output (GtkSpinButton *spin)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("—");

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Building */

static void
add_status_buttons (CtAttendanceRow *self)
{
  const CtField *status = field ("status");
  const char * const *words = ct_enum_words (status);
  GtkToggleButton *first = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *label = ct_enum_label (status, words[i]);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), STATUS_WORD_KEY, (gpointer) words[i]);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (on_status_toggled), self);
      gtk_flow_box_append (self->status_box, button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      g_ptr_array_add (self->status_buttons, button);
    }
}

static void
label_spin (GtkSpinButton *spin,
            const char    *name)
{
  const char *label = ct_field_get_label (field (name));

  gtk_widget_set_tooltip_text (GTK_WIDGET (spin), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Edit (all the fields, in the record editor) and Delete. */
static void
add_record_buttons (CtAttendanceRow *self)
{
  g_autofree char *name = ct_record_get_string_by_name (self->attendance, "attendee_name");
  /* Translators: an icon button's name, "Edit attendance of Alex Example" */
  g_autofree char *edit = g_strdup_printf (_("Edit attendance of %s"), name);
  /* Translators: an icon button's name, "Delete attendance of Alex Example" */
  g_autofree char *delete = g_strdup_printf (_("Delete attendance of %s"), name);

  gtk_box_append (self->record_buttons_box,
                  ct_record_button_new (self->database, CT_PERMISSION_CHANGE, edit,
                                        "document-edit-symbolic", "event.edit-record",
                                        self->attendance));
  gtk_box_append (self->record_buttons_box,
                  ct_record_button_new (self->database, CT_PERMISSION_DELETE, delete,
                                        "user-trash-symbolic", "event.delete-record",
                                        self->attendance));
}

GtkWidget *
ct_attendance_row_new (CtDatabase *database,
                       CtRecord   *attendance)
{
  CtAttendanceRow *self;

  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (CT_IS_RECORD (attendance), NULL);

  self = g_object_new (CT_TYPE_ATTENDANCE_ROW, NULL);
  self->database = g_object_ref (database);
  self->attendance = g_object_ref (attendance);
  show_record (self);
  add_record_buttons (self);
  return GTK_WIDGET (self);
}

CtRecord *
ct_attendance_row_get_attendance (CtAttendanceRow *self)
{
  g_return_val_if_fail (CT_IS_ATTENDANCE_ROW (self), NULL);

  return self->attendance;
}

GtkWidget *
ct_attendance_row_get_status_button (CtAttendanceRow *self,
                                     const char      *status)
{
  g_return_val_if_fail (CT_IS_ATTENDANCE_ROW (self), NULL);

  for (guint i = 0; i < self->status_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->status_buttons, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), STATUS_WORD_KEY), status) == 0)
        return button;
    }
  return NULL;
}

static void
ct_attendance_row_dispose (GObject *object)
{
  CtAttendanceRow *self = CT_ATTENDANCE_ROW (object);

  g_clear_object (&self->database);
  g_clear_object (&self->attendance);

  G_OBJECT_CLASS (ct_attendance_row_parent_class)->dispose (object);
}

static void
ct_attendance_row_finalize (GObject *object)
{
  CtAttendanceRow *self = CT_ATTENDANCE_ROW (object);

  g_ptr_array_unref (self->status_buttons);

  G_OBJECT_CLASS (ct_attendance_row_parent_class)->finalize (object);
}

static void
ct_attendance_row_class_init (CtAttendanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_attendance_row_dispose;
  object_class->finalize = ct_attendance_row_finalize;

  /**
   * CtAttendanceRow::saved:
   * @attendance: the record as saved
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CT_TYPE_RECORD);
  /**
   * CtAttendanceRow::save-failed:
   * @message: what went wrong, for a person
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/outcomes/ct-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CtAttendanceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CtAttendanceRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, CtAttendanceRow, status_box);
  gtk_widget_class_bind_template_child (widget_class, CtAttendanceRow, before_spin);
  gtk_widget_class_bind_template_child (widget_class, CtAttendanceRow, after_spin);
  gtk_widget_class_bind_template_child (widget_class, CtAttendanceRow, record_buttons_box);
  gtk_widget_class_bind_template_callback (widget_class, on_confidence_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_input);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
}

static void
ct_attendance_row_init (CtAttendanceRow *self)
{
  self->status_buttons = g_ptr_array_new ();
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  add_status_buttons (self);
  label_spin (self->before_spin, "confidence_before");
  label_spin (self->after_spin, "confidence_after");
  self->filling = FALSE;
}
