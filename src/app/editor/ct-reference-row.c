/* ct-reference-row.c: another record, chosen by searching for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-reference-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-record-editor.h"
#include "ct-records.h"
#include "ct-reference-row.h"
#include "ct-store-reader.h"

struct _CtReferenceRow
{
  AdwActionRow    parent_instance;

  CtDatabase     *database;
  const CtKind   *kind;         /* the kind referred to */
  GCancellable   *naming;       /* the record chosen, being read for its name */
  gboolean        popup_when_read;
  CtRecordPicker *picker;
  GtkWidget      *menu_button;
  GtkWidget      *add_button;   /* NULL when not added in place */
  gint64          id;           /* the record chosen, 0 for none */
  char           *label;
};

static void ct_reference_row_field_row_init (CtFieldRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtReferenceRow, ct_reference_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (CT_TYPE_FIELD_ROW,
                                                      ct_reference_row_field_row_init))

/* What the row says when there is nothing to choose, and the button that
 * adds one in place (NULL: added elsewhere). */
static const struct
{
  const char *kind;
  const char *nothing;
  const char *add;
} empty_texts[] = {
  { "staff", N_("There are no staff members yet. Add yourself or a colleague here."),
    N_("_Add a Staff Member") },
  { "child", N_("There are no children yet. Add the child here."), N_("_Add a Child") },
  { "referral", N_("There are no referrals yet: add one from the child’s page."), NULL },
  { "goal", N_("There are no goals yet: add one from an episode on the child’s page."), NULL },
  { "training_event", N_("There are no training events yet: add one in the Training section."),
    NULL },
};

static guint
find_empty_texts (const CtKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (empty_texts); i++)
    if (g_str_equal (empty_texts[i].kind, ct_kind_get_name (kind)))
      return i;
  g_return_val_if_reached (0);
}

/* The value */

static void
show_value (CtReferenceRow *self)
{
  gboolean empty = !ct_record_picker_is_reading (self->picker) &&
                   !ct_record_picker_has_records (self->picker);
  const char *subtitle;

  if (self->label != NULL)
    subtitle = self->label;
  else if (self->id != 0)
    /* TRANSLATORS: a record chosen, while its name is read */
    subtitle = _("Reading…");
  else if (empty)
    subtitle = _(empty_texts[find_empty_texts (self->kind)].nothing);
  else
    /* TRANSLATORS: a choice of a record not made yet */
    subtitle = ct_field_is_required (ct_field_row_get_field (CT_FIELD_ROW (self)))
               ? _("Choose…") : _("None");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_visible (self->menu_button, !empty);
  if (self->add_button != NULL)
    gtk_widget_set_visible (self->add_button, empty);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self),
                                         empty && self->add_button != NULL ? self->add_button
                                                                           : self->menu_button);
}

/* @id, named by @label (NULL: not known yet, or none). */
static void
choose_labelled (CtReferenceRow *self,
                 gint64          id,
                 char           *label)
{
  gboolean changed = id != self->id;

  if (self->naming != NULL)
    g_cancellable_cancel (self->naming);
  g_clear_object (&self->naming);
  g_free (self->label);
  self->label = label;
  self->id = id;
  show_value (self);
  if (changed)
    ct_field_row_changed (CT_FIELD_ROW (self));
}

static void
choose (CtReferenceRow *self,
        CtRecord       *record)
{
  choose_labelled (self, record != NULL ? ct_record_get_id (record) : 0,
                   record != NULL ? ct_record_picker_dup_label (record) : NULL);
}

/* The record chosen arrives from the store's reader with its name. */
static void
on_chosen_read (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CtReferenceRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) record = ct_store_get_finish (CT_DATABASE (source_object), result,
                                                    &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->naming);
  g_free (self->label);
  if (record != NULL)
    self->label = ct_record_picker_dup_label (record);
  else
    {
      /* The record chosen stays chosen: a save must not drop it (nor
       * keep a record deleted: the form's check says so). */
      g_message ("Cannot read the %s chosen: %s", ct_kind_get_name (self->kind),
                 error->message);
      /* TRANSLATORS: a record chosen whose name could not be read */
      self->label = g_strdup (_("Chosen (its details cannot be read now)"));
    }
  show_value (self);
}

/* A record chosen by its id: named once it is read. */
static void
choose_id (CtReferenceRow *self,
           gint64          id)
{
  choose_labelled (self, id, NULL);
  if (id == 0)
    return;
  self->naming = g_cancellable_new ();
  ct_store_get_async (self->database, self->kind, id, self->naming, on_chosen_read,
                      g_object_ref (self));
}

static char *
ct_reference_row_dup_text (CtFieldRow *row)
{
  CtReferenceRow *self = CT_REFERENCE_ROW (row);

  return self->id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, self->id) : NULL;
}

/* No text chooses nothing. */
static void
ct_reference_row_set_text (CtFieldRow *row,
                           const char *text)
{
  CtReferenceRow *self = CT_REFERENCE_ROW (row);
  gint64 id = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;

  if (id != self->id || (id != 0 && self->label == NULL && self->naming == NULL))
    choose_id (self, id);
}

static void
ct_reference_row_field_row_init (CtFieldRowInterface *iface)
{
  iface->dup_text = ct_reference_row_dup_text;
  iface->set_text = ct_reference_row_set_text;
}

static void
on_picked (CtReferenceRow *self,
           CtRecord       *record)
{
  choose (self, record);
  ct_field_row_focus_next_empty (CT_FIELD_ROW (self));
}

/* The records */

/* TRUE when the keyboard focus is on the row (or nowhere): a person who
 * moved on meanwhile is not interrupted by the picker. */
static gboolean
has_focus (CtReferenceRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus == NULL || focus == GTK_WIDGET (self) ||
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

/* The records to choose from were read: a new record's picker opens if it
 * was to open and the focus is still on the row. */
static void
on_picker_reading (CtReferenceRow *self)
{
  if (ct_record_picker_is_reading (self->picker))
    return;
  show_value (self);
  if (self->popup_when_read && gtk_widget_get_mapped (GTK_WIDGET (self)) && has_focus (self))
    ct_reference_row_popup (self);
  self->popup_when_read = FALSE;
}

/* Adding a record in place */

static void
on_added (CtReferenceRow *self,
          CtRecord       *record)
{
  choose (self, record);
  ct_record_picker_reload (self->picker);
  show_value (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_add_clicked (CtReferenceRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CtRecordEditor *editor;

  gtk_popover_popdown (GTK_POPOVER (self->picker));
  editor = ct_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 self->database, self->kind, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* GObject */

static void
ct_reference_row_dispose (GObject *object)
{
  CtReferenceRow *self = CT_REFERENCE_ROW (object);

  if (self->naming != NULL)
    g_cancellable_cancel (self->naming);
  g_clear_object (&self->naming);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ct_reference_row_parent_class)->dispose (object);
}

static void
ct_reference_row_finalize (GObject *object)
{
  g_free (CT_REFERENCE_ROW (object)->label);

  G_OBJECT_CLASS (ct_reference_row_parent_class)->finalize (object);
}

static void
ct_reference_row_class_init (CtReferenceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ct_reference_row_dispose;
  G_OBJECT_CLASS (klass)->finalize = ct_reference_row_finalize;
}

static void
ct_reference_row_init (CtReferenceRow *self)
{
}

static void
add_buttons (CtReferenceRow *self)
{
  const char *add = empty_texts[find_empty_texts (self->kind)].add;

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "edit-find-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), GTK_WIDGET (self->picker));
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Search"));
  /* The row takes the focus and opens the picker: one Tab stop, not two.
   * (Its inner toggle button, not the menu button: the picker inside it
   * must still take the focus.) */
  for (GtkWidget *child = gtk_widget_get_first_child (self->menu_button); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_widget_set_focusable (child, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->menu_button);

  if (add == NULL)
    return;
  self->add_button = gtk_button_new_with_mnemonic (_(add));
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->add_button);
}

GtkWidget *
ct_reference_row_new (const CtField *field,
                      CtDatabase    *database)
{
  CtReferenceRow *self = g_object_new (CT_TYPE_REFERENCE_ROW, "subtitle-lines", 0,
                                       "title-lines", 0, NULL);

  self->database = g_object_ref (database);
  self->kind = ct_field_get_reference_kind (field);
  self->picker = ct_record_picker_new (database, self->kind, !ct_field_is_required (field));
  g_signal_connect_swapped (self->picker, "picked", G_CALLBACK (on_picked), self);
  g_signal_connect_object (self->picker, "notify::reading", G_CALLBACK (on_picker_reading),
                           self, G_CONNECT_SWAPPED);
  add_buttons (self);
  ct_field_row_set_up (CT_FIELD_ROW (self), field, GTK_WIDGET (self));
  show_value (self);
  return GTK_WIDGET (self);
}

gboolean
ct_reference_row_popup (CtReferenceRow *self)
{
  g_return_val_if_fail (CT_IS_REFERENCE_ROW (self), FALSE);

  self->popup_when_read = ct_record_picker_is_reading (self->picker);
  if (self->id != 0 || !ct_record_picker_has_records (self->picker))
    return FALSE;
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
  return TRUE;
}

gboolean
ct_reference_row_is_loading (CtReferenceRow *self)
{
  g_return_val_if_fail (CT_IS_REFERENCE_ROW (self), FALSE);

  return ct_record_picker_is_reading (self->picker) || self->naming != NULL;
}

CtRecordPicker *
ct_reference_row_get_picker (CtReferenceRow *self)
{
  g_return_val_if_fail (CT_IS_REFERENCE_ROW (self), NULL);

  return self->picker;
}

GtkWidget *
ct_reference_row_get_add_button (CtReferenceRow *self)
{
  g_return_val_if_fail (CT_IS_REFERENCE_ROW (self), NULL);

  return self->add_button;
}
