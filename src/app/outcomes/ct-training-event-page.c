/* ct-training-event-page.c: one training event and its attendance register
 *
 * Two queries per reading, on the store's reader: the event and its
 * attendance rows. Each row of the register saves its own changes
 * (ct-attendance-row.c); the page keeps the counts under the register's
 * title up to date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-training-event-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-attendance-row.h"
#include "ct-cell-text.h"
#include "ct-detail-rows.h"
#include "ct-editor-launcher.h"
#include "ct-name-suggestions.h"
#include "ct-records.h"
#include "ct-training-event-page.h"

struct _CtTrainingEventPage
{
  CtRecordPage         parent_instance;

  CtRecord            *event;
  GListStore          *register_rows;  /* of CtTrainingAttendance, as read */

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  AdwStatusPage       *missing_page;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  AdwBin              *details_bin;
  AdwPreferencesGroup *register_group;
  GtkListBox          *register_list;
  GtkEntry            *attendee_entry;
  CtNameSuggestions   *name_suggestions;
  GtkDropDown         *role_dropdown;
};

G_DEFINE_FINAL_TYPE (CtTrainingEventPage, ct_training_event_page, CT_TYPE_RECORD_PAGE)

static CtDatabase *
get_database (CtTrainingEventPage *self)
{
  return ct_record_page_get_database (CT_RECORD_PAGE (self));
}

static gint64
get_event_id (CtTrainingEventPage *self)
{
  return ct_record_page_get_record_id (CT_RECORD_PAGE (self));
}

static const CtKind *
attendance_kind (void)
{
  return ct_kind_lookup ("training_attendance");
}

static const CtField *
attendance_field (const char *name)
{
  return ct_kind_find_field (attendance_kind (), name);
}

static void
show_message (CtTrainingEventPage *self,
              const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The counts: "Booked 1 · Attended 9 · Did not attend 2 · Cancelled 1" */

/* From the rows, which hold each record as last saved. */
static guint
count_status (CtTrainingEventPage *self,
              const char          *word)
{
  GtkListBoxRow *row;
  guint n = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->register_list, i)) != NULL; i++)
    {
      CtRecord *attendance = ct_attendance_row_get_attendance (CT_ATTENDANCE_ROW (row));
      g_autofree char *status = ct_record_get_string_by_name (attendance, "status");

      n += g_strcmp0 (status, word) == 0;
    }
  return n;
}

static void
show_counts (CtTrainingEventPage *self)
{
  const CtField *status = attendance_field ("status");
  const char * const *words = ct_enum_words (status);
  g_autofree char *capacity = self->event != NULL
                              ? ct_record_get_string_by_name (self->event, "capacity") : NULL;
  GString *text = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    /* Translators: how many attendance rows have a status, "Attended 9" */
    g_string_append_printf (text, _("%s%s %u"), i > 0 ? " · " : "",
                            ct_enum_label (status, words[i]), count_status (self, words[i]));
  if (capacity != NULL)
    /* Translators: the places of a training event, " · Capacity 20" */
    g_string_append_printf (text, _(" · Capacity %s"), capacity);
  g_string_append (text, "\n");
  g_string_append (text, _("Confidence is rated from 1 to 10 before and after the training; "
                           "— means not rated."));
  adw_preferences_group_set_description (self->register_group, text->str);
  g_string_free (text, TRUE);
}

/* The register */

static void
on_row_saved (CtTrainingEventPage *self)
{
  show_counts (self);
}

static void
on_row_save_failed (CtTrainingEventPage *self,
                    const char          *message)
{
  show_message (self, message);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CtTrainingEventPage *self = user_data;
  GtkWidget *row = ct_attendance_row_new (get_database (self), item);

  g_signal_connect_object (row, "saved", G_CALLBACK (on_row_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "save-failed", G_CALLBACK (on_row_save_failed), self,
                           G_CONNECT_SWAPPED);
  return row;
}

/* Reading */

static void
show_event (CtTrainingEventPage *self)
{
  g_autofree char *title = ct_record_get_string_by_name (self->event, "title");
  g_autofree char *code = ct_record_get_string_by_name (self->event, "code");
  g_autofree char *date = ct_cell_text_dup (self->event,
                                            ct_kind_find_field (ct_record_get_kind (self->event),
                                                                "date"));
  g_autofree char *subtitle = NULL;
  GtkWidget *details = adw_preferences_group_new ();

  /* Translators: a training event's code and date, "TR-2024-07 · 12 Mar 2025" */
  subtitle = g_strdup_printf (_("%s · %s"), code, date);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (details), _("Details"));
  ct_detail_rows_add (ADW_PREFERENCES_GROUP (details), self->event, NULL);
  adw_bin_set_child (self->details_bin, details);
  ct_record_page_set_title (CT_RECORD_PAGE (self), title);
}

/* What one reading finds. */
typedef struct
{
  CtRecord   *event;
  GListModel *rows;     /* its attendance */
} EventRead;

static void
event_read_free (EventRead *read)
{
  g_clear_object (&read->event);
  g_clear_object (&read->rows);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EventRead, event_read_free)

/* On the store's reader. */
static gpointer
read_event (CtDatabase  *database,
            gint64       event_id,
            GError     **error)
{
  CtFilter filter = { .event_id = event_id };
  g_autoptr(EventRead) read = g_new0 (EventRead, 1);

  read->event = ct_store_get (database, ct_kind_lookup ("training_event"), event_id, error);
  if (read->event == NULL)
    return NULL;
  read->rows = ct_store_list (database, attendance_kind (), &filter, error);
  if (read->rows == NULL)
    return NULL;
  return g_steal_pointer (&read);
}

static void
show_rows (CtTrainingEventPage *self,
           GListModel          *rows)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_rows = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (items, g_list_model_get_item (rows, i));
  g_list_store_splice (self->register_rows,
                       0, g_list_model_get_n_items (G_LIST_MODEL (self->register_rows)),
                       items->pdata, items->len);
}

static void
ct_training_event_page_show (CtRecordPage *page,
                             gpointer      data,
                             const GError *error)
{
  CtTrainingEventPage *self = CT_TRAINING_EVENT_PAGE (page);
  EventRead *read = data;

  g_clear_object (&self->event);
  if (read == NULL)
    {
      if (!g_error_matches (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND))
        adw_status_page_set_description (self->missing_page, error->message);
      g_list_store_remove_all (self->register_rows);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return;
    }
  self->event = g_object_ref (read->event);
  show_rows (self, read->rows);
  ct_name_suggestions_set_database (self->name_suggestions, get_database (self));
  show_event (self);
  show_counts (self);
  gtk_stack_set_visible_child_name (self->stack, "event");
}

/* Actions */

static void
edit_event (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CtTrainingEventPage *self = CT_TRAINING_EVENT_PAGE (widget);

  if (self->event != NULL)
    ct_editor_launcher_open (widget, get_database (self), self->event,
                             G_CALLBACK (ct_record_page_reload));
}

static void
edit_record (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtTrainingEventPage *self = CT_TRAINING_EVENT_PAGE (widget);

  ct_record_page_edit_target (CT_RECORD_PAGE (self), self->toast_overlay, parameter);
}

static void
delete_record (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtTrainingEventPage *self = CT_TRAINING_EVENT_PAGE (widget);

  ct_record_page_delete_target (CT_RECORD_PAGE (self), self->toast_overlay, parameter,
                                _("Attendance deleted"));
}

static const char *
get_selected_role (CtTrainingEventPage *self)
{
  const char * const *roles = ct_enum_words (attendance_field ("role"));

  return roles[gtk_drop_down_get_selected (self->role_dropdown)];
}

/* Every booked row becomes attended, in one transaction: after the event,
 * ticking ten names one by one is most of the register's work. An event
 * still to come cannot have been attended. */
static gboolean
mark_booked_attended (CtTrainingEventPage  *self,
                      GError              **error)
{
  GtkListBoxRow *row;

  if (!ct_database_begin (get_database (self), error))
    return FALSE;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->register_list, i)) != NULL; i++)
    {
      g_autoptr(CtRecord) attendance =
        ct_record_dup (ct_attendance_row_get_attendance (CT_ATTENDANCE_ROW (row)));
      g_autofree char *status = ct_record_get_string_by_name (attendance, "status");

      if (g_strcmp0 (status, "booked") != 0)
        continue;
      ct_record_set_string_by_name (attendance, "status", "attended", NULL);
      if (!ct_store_update (get_database (self), attendance, error))
        {
          ct_database_rollback (get_database (self));
          return FALSE;
        }
    }
  return ct_database_commit (get_database (self), error);
}

/* The core refuses it for an event still to come, and says so. */
static void
mark_attended (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtTrainingEventPage *self = CT_TRAINING_EVENT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!mark_booked_attended (self, &error))
    show_message (self, error->message);
  ct_record_page_reload (CT_RECORD_PAGE (self));
}

/* A new row of the register, booked; the entry emptied for the next name. */
static void
insert_attendee (CtTrainingEventPage *self,
                 const char          *name,
                 const char          *role,
                 const char          *organisation)
{
  g_autoptr(CtRecord) attendance = ct_record_new (attendance_kind ());
  g_autoptr(GError) error = NULL;

  ct_record_set_reference (attendance, "event", get_event_id (self));
  g_object_set (attendance, "attendee-name", name, "role", role,
                "organisation", organisation, "status", "booked", NULL);
  if (!ct_store_insert (get_database (self), attendance, &error))
    {
      show_message (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->attendee_entry), "");
  ct_record_page_reload (CT_RECORD_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->attendee_entry));
}

/* With the name and role typed. */
static void
add_attendee (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CtTrainingEventPage *self = CT_TRAINING_EVENT_PAGE (widget);

  insert_attendee (self, gtk_editable_get_text (GTK_EDITABLE (self->attendee_entry)),
                   get_selected_role (self), NULL);
}

/* A known name: booked at once, in the role and organisation of the
 * person's latest place (else the role chosen). */
static void
on_name_chosen (CtTrainingEventPage *self,
                const char          *name,
                const char          *role,
                const char          *organisation)
{
  insert_attendee (self, name, role != NULL ? role : get_selected_role (self), organisation);
}

/* Down goes from the entry to the names offered. */
static gboolean
on_attendee_key_pressed (CtTrainingEventPage *self,
                         guint                keyval,
                         guint                keycode,
                         GdkModifierType      state)
{
  return (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
         ct_name_suggestions_focus_first (self->name_suggestions);
}

/* Escape, in the entry or the names offered, closes the names and keeps
 * what was typed (and the page: it does not go back). */
static gboolean
on_register_key_pressed (CtTrainingEventPage *self,
                         guint                keyval,
                         guint                keycode,
                         GdkModifierType      state)
{
  if (keyval != GDK_KEY_Escape || !ct_name_suggestions_dismiss (self->name_suggestions))
    return FALSE;
  gtk_entry_grab_focus_without_selecting (self->attendee_entry);
  return TRUE;
}

/* The entry and the names offered under it in view, at the bottom of the
 * page when the names need the room, never scrolled above its top. */
static void
show_entry_and_names (GdkFrameClock       *clock,
                      CtTrainingEventPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *last = gtk_widget_get_visible (GTK_WIDGET (self->name_suggestions))
                    ? GTK_WIDGET (self->name_suggestions) : GTK_WIDGET (self->attendee_entry);
  graphene_rect_t entry, below;
  double overflow;

  g_signal_handlers_disconnect_by_func (clock, show_entry_and_names, self);
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->attendee_entry), GTK_WIDGET (self->scroller),
                                  &entry) ||
      !gtk_widget_compute_bounds (last, GTK_WIDGET (self->scroller), &below))
    return;
  overflow = below.origin.y + below.size.height - gtk_adjustment_get_page_size (adjustment);
  if (overflow > 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                          MIN (overflow, entry.origin.y));
}

/* Once the names offered are laid out (after the next frame's layout). */
static void
keep_entry_in_view (CtTrainingEventPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, show_entry_and_names, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (show_entry_and_names), self, 0);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
on_attendee_changed (CtTrainingEventPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->attendee_entry));
  g_autofree char *name = g_strstrip (g_strdup (text));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.add-attendee", *name != '\0');
  ct_name_suggestions_update (self->name_suggestions, text);
  keep_entry_in_view (self);
}

static void
on_attendee_activate (CtTrainingEventPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "event.add-attendee", NULL);
}

static void
fill_roles (CtTrainingEventPage *self)
{
  const CtField *role = attendance_field ("role");
  const char * const *words = ct_enum_words (role);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    gtk_string_list_append (labels, ct_enum_label (role, words[i]));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (labels));
}

/* Public API */

GtkWidget *
ct_training_event_page_new (CtDatabase *database,
                            gint64      event_id)
{
  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);

  return g_object_new (CT_TYPE_TRAINING_EVENT_PAGE,
                       "database", database, "record-id", event_id, NULL);
}

/* GObject */

static void
ct_training_event_page_dispose (GObject *object)
{
  CtTrainingEventPage *self = CT_TRAINING_EVENT_PAGE (object);

  if (self->register_list != NULL)
    gtk_list_box_bind_model (self->register_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->register_rows);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (ct_training_event_page_parent_class)->dispose (object);
}

static void
ct_training_event_page_class_init (CtTrainingEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_training_event_page_dispose;
  CT_RECORD_PAGE_CLASS (klass)->read = read_event;
  CT_RECORD_PAGE_CLASS (klass)->read_free = (GDestroyNotify) event_read_free;
  CT_RECORD_PAGE_CLASS (klass)->show = ct_training_event_page_show;

  g_type_ensure (CT_TYPE_NAME_SUGGESTIONS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/outcomes/ct-training-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, missing_page);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, details_bin);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, register_group);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, register_list);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, attendee_entry);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, name_suggestions);
  gtk_widget_class_bind_template_child (widget_class, CtTrainingEventPage, role_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_attendee_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_attendee_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_attendee_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_register_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_chosen);

  gtk_widget_class_install_action (widget_class, "event.edit", NULL, edit_event);
  gtk_widget_class_install_action (widget_class, "event.add-attendee", NULL, add_attendee);
  gtk_widget_class_install_action (widget_class, "event.mark-attended", NULL, mark_attended);
  gtk_widget_class_install_action (widget_class, "event.edit-record", "(sx)", edit_record);
  gtk_widget_class_install_action (widget_class, "event.delete-record", "(sx)", delete_record);
}

static void
add_mark_attended_button (CtTrainingEventPage *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("All _Attended"));

  gtk_widget_set_tooltip_text (button, _("Mark everyone booked as attended"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mark everyone booked as attended"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "event.mark-attended");
  adw_preferences_group_set_header_suffix (self->register_group, button);
}

static void
ct_training_event_page_init (CtTrainingEventPage *self)
{
  GtkWidget *placeholder = gtk_label_new (_("No one has booked a place yet."));

  gtk_widget_init_template (GTK_WIDGET (self));
  ct_record_page_add_loading (self->stack);

  self->register_rows = g_list_store_new (CT_TYPE_TRAINING_ATTENDANCE);
  gtk_list_box_bind_model (self->register_list, G_LIST_MODEL (self->register_rows),
                           create_row, self, NULL);
  gtk_widget_add_css_class (placeholder, "dim-label");
  g_object_set (placeholder, "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_list_box_set_placeholder (self->register_list, placeholder);
  fill_roles (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.add-attendee", FALSE);
  add_mark_attended_button (self);
}
