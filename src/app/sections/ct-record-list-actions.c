/* ct-record-list-actions.c: what can be done with a section's records:
 * new (Ctrl+N), open (Enter, double click), delete (Delete) with Undo
 * (Ctrl+Z, or the toast's button), search (Ctrl+F), and the row menu
 *
 * Undo inserts a copy of the deleted record, under a new id: the core has
 * no undelete. Nothing depends on a deleted record (the core refuses to
 * delete a record that others refer to), so there are no dependents to
 * restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-editor-launcher.h"
#include "ct-record-columns.h"
#include "ct-record-deleter.h"
#include "ct-record-list-private.h"

/* For what the person must read and act on before going on. */
static void
show_message (CtRecordList *self,
              const char   *heading,
              const char   *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Editing */

/* Shows the record saved, even when the search would hide it, with the
 * keyboard focus on its row, so that the next key works from there. */
static void
on_editor_saved (CtRecordList *self,
                 CtRecord     *record)
{
  gint64 id = ct_record_get_id (record);

  /* The list has the record (put in place on the database's "changed"),
   * or selects it once the read under way arrives. */
  if (!ct_record_list_select (self, id))
    {
      ct_record_list_clear_search (self);
      ct_record_list_select (self, id);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
ct_record_list_open_editor (CtRecordList *self,
                            CtRecord     *record)
{
  g_autoptr(CtRecord) blank = NULL;

  if (self->database == NULL)
    return;
  if (record == NULL)
    record = blank = ct_record_new (self->kind);
  ct_editor_launcher_open (GTK_WIDGET (self), self->database, record,
                           G_CALLBACK (on_editor_saved));
}

void
ct_record_list_open_record (CtRecordList *self,
                            CtRecord     *record)
{
  if (self->section->has_page)
    g_signal_emit_by_name (self, "show-record", ct_record_get_id (record));
  else
    ct_record_list_open_editor (self, record);
}

/* Deleting and Undo */

void
ct_record_list_forget_deleted (CtRecordList *self)
{
  AdwToast *toast = g_steal_pointer (&self->undo_toast);

  if (toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
    }
  g_clear_object (&self->deleted);
}

static void
on_undo_toast_dismissed (CtRecordList *self,
                         AdwToast     *toast)
{
  self->undo_toast = NULL;
  g_clear_object (&self->deleted);
  ct_record_list_update_actions (self);
}

static void
offer_undo (CtRecordList *self,
            CtRecord     *deleted)
{
  AdwToast *toast = adw_toast_new (_(self->section->deleted));

  ct_record_list_forget_deleted (self);
  self->deleted = g_object_ref (deleted);
  self->undo_toast = toast;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "section.undo-delete");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  ct_record_list_update_actions (self);
}

static void
delete_selected (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CtRecordList *self = CT_RECORD_LIST (widget);
  CtRecord *record = ct_record_list_get_selected (self);
  g_autoptr(CtRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (record == NULL || self->database == NULL)
    return;

  copy = ct_record_copy_for_undo (record);
  if (!ct_store_delete_record (self->database, record, &error))
    {
      show_message (self, _("Cannot Delete"), error->message);
      if (g_error_matches (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND))
        ct_record_list_reload (self);
      return;
    }

  /* The list has dropped the row on the database's "changed" (or reads
   * the records again). */
  offer_undo (self, copy);
}

static void
undo_delete (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtRecordList *self = CT_RECORD_LIST (widget);
  g_autoptr(CtRecord) record = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  ct_record_list_update_actions (self);
  if (record == NULL || self->database == NULL)
    return;

  if (!ct_store_insert (self->database, record, &error))
    {
      show_message (self, _("Cannot Undo"), error->message);
      return;
    }
  ct_record_list_select (self, ct_record_get_id (record));
}

/* The other actions */

static void
new_record (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ct_record_list_open_editor (CT_RECORD_LIST (widget), NULL);
}

static void
open_selected (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtRecordList *self = CT_RECORD_LIST (widget);
  CtRecord *record = ct_record_list_get_selected (self);

  if (record != NULL)
    ct_record_list_open_record (self, record);
}

static void
start_search (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CtRecordList *self = CT_RECORD_LIST (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
ct_record_list_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "section.new", NULL, new_record);
  gtk_widget_class_install_action (widget_class, "section.open", NULL, open_selected);
  gtk_widget_class_install_action (widget_class, "section.delete", NULL, delete_selected);
  gtk_widget_class_install_action (widget_class, "section.undo-delete", NULL, undo_delete);
  gtk_widget_class_install_action (widget_class, "section.search", NULL, start_search);
}

/* Keys */

static void
add_shortcut (GtkEventController *controller,
              const char         *trigger,
              const char         *action)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

void
ct_record_list_add_shortcuts (CtRecordList *self)
{
  GtkEventController *section = gtk_shortcut_controller_new ();
  GtkEventController *table = gtk_shortcut_controller_new ();

  /* Managed by the window: they work wherever the focus is, but only while
   * this section is shown (GTK skips unmapped widgets' shortcuts). A text
   * field with the focus keeps Ctrl+Z for itself. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (section),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (section, "<Control>n", "section.new");
  add_shortcut (section, "<Control>f", "section.search");
  add_shortcut (section, "<Control>z", "section.undo-delete");
  gtk_widget_add_controller (GTK_WIDGET (self), section);

  /* Only in the table, so that Delete still deletes text in the search. */
  add_shortcut (table, "Delete|KP_Delete", "section.delete");
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), table);
}

/* The row menu */

/* Right click: select the row under the pointer and offer what can be done
 * with it. */
static void
on_secondary_click (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    CtRecordList    *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkWidget *picked = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  guint position = ct_record_columns_get_position (picked);
  double menu_x, menu_y;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_translate_coordinates (view, GTK_WIDGET (self), x, y, &menu_x, &menu_y);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu),
                               &(GdkRectangle) { (int) menu_x, (int) menu_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
ct_record_list_add_row_menu (CtRecordList *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->row_menu = gtk_popover_menu_new_from_model (self->row_menu_model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->row_menu), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->row_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_menu, GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
}
