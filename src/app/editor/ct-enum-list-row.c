/* ct-enum-list-row.c: one or more words of an enumeration, as check buttons
 *
 * The text is the checked words in DOMAIN order, joined with ';'.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-enum-list-row"

#include "config.h"

#include "ct-enum-list-row.h"

struct _CtEnumListRow
{
  AdwPreferencesRow   parent_instance;

  GtkFlowBox         *flow_box;
  /* One check button per word, in the same order. */
  GPtrArray          *buttons;
  const char * const *words;
};

static void ct_enum_list_row_field_row_init (CtFieldRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtEnumListRow, ct_enum_list_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (CT_TYPE_FIELD_ROW,
                                                      ct_enum_list_row_field_row_init))

static GtkCheckButton *
get_button (CtEnumListRow *self,
            guint          i)
{
  return g_ptr_array_index (self->buttons, i);
}

static char *
ct_enum_list_row_dup_text (CtFieldRow *row)
{
  CtEnumListRow *self = CT_ENUM_LIST_ROW (row);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->buttons->len; i++)
    {
      if (!gtk_check_button_get_active (get_button (self, i)))
        continue;
      if (text->len > 0)
        g_string_append_c (text, ';');
      g_string_append (text, self->words[i]);
    }
  if (text->len == 0)
    return g_string_free (text, TRUE);
  return g_string_free (text, FALSE);
}

static void
ct_enum_list_row_set_text (CtFieldRow *row,
                           const char *text)
{
  CtEnumListRow *self = CT_ENUM_LIST_ROW (row);
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", ";", -1);

  for (guint i = 0; words[i] != NULL; i++)
    g_strstrip (words[i]);
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_check_button_set_active (get_button (self, i),
                                 g_strv_contains ((const char * const *) words, self->words[i]));
}

static void
ct_enum_list_row_field_row_init (CtFieldRowInterface *iface)
{
  iface->dup_text = ct_enum_list_row_dup_text;
  iface->set_text = ct_enum_list_row_set_text;
}

static void
ct_enum_list_row_finalize (GObject *object)
{
  CtEnumListRow *self = CT_ENUM_LIST_ROW (object);

  g_ptr_array_unref (self->buttons);

  G_OBJECT_CLASS (ct_enum_list_row_parent_class)->finalize (object);
}

static void
ct_enum_list_row_class_init (CtEnumListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ct_enum_list_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/editor/ct-enum-list-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CtEnumListRow, flow_box);
}

/* The check buttons are one stop for Tab (nine topics would be nine
 * presses): Tab leaves the group from whichever button has the focus, and
 * the arrow keys move between the buttons. */
static gboolean
on_key_pressed (CtEnumListRow   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  guint n = self->buttons->len;
  guint index;

  if (focus == NULL || !g_ptr_array_find (self->buttons, focus, &index) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Tab:
      gtk_widget_grab_focus (g_ptr_array_index (self->buttons, n - 1));
      return FALSE;
    case GDK_KEY_ISO_Left_Tab:
      gtk_widget_grab_focus (g_ptr_array_index (self->buttons, 0));
      return FALSE;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      return gtk_widget_grab_focus (g_ptr_array_index (self->buttons, MIN (index + 1, n - 1)));
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      return gtk_widget_grab_focus (g_ptr_array_index (self->buttons, index > 0 ? index - 1 : 0));
    default:
      return FALSE;
    }
}

static void
ct_enum_list_row_init (CtEnumListRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->buttons = g_ptr_array_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* The button alone takes the focus, not the flow box child around it. */
static void
add_button (CtEnumListRow *self,
            const char    *label)
{
  GtkWidget *button = gtk_check_button_new_with_label (label);

  gtk_flow_box_append (self->flow_box, button);
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (ct_field_row_changed), self);
  g_ptr_array_add (self->buttons, button);
}

GtkWidget *
ct_enum_list_row_new (const CtField *field)
{
  CtEnumListRow *self = g_object_new (CT_TYPE_ENUM_LIST_ROW, NULL);

  self->words = ct_enum_words (field);
  g_return_val_if_fail (self->words != NULL, NULL);

  for (guint i = 0; self->words[i] != NULL; i++)
    add_button (self, ct_enum_label (field, self->words[i]));
  ct_field_row_set_up (CT_FIELD_ROW (self), field, GTK_WIDGET (self->flow_box));
  return GTK_WIDGET (self);
}
