/* ct-choice-row.c: one value from a list, chosen by its label
 *
 * A combo row over the labels, with the field's text of each position
 * alongside. The first entry stands for no value: "None" or "Not recorded"
 * for an optional field, "Choose…" for a required one, so that a required
 * field is never filled in by accident. (A combo row of libadwaita 1.2
 * cannot show no entry at all.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-choice-row.h"

struct _CtChoiceRow
{
  AdwComboRow    parent_instance;

  GtkStringList *labels;
  /* The value of each position; NULL for the first, "none" entry. */
  GPtrArray     *values;
  gboolean       setting;  /* the value comes from ct_field_row_set_text() */
  GtkWidget     *popover;  /* the row's list of choices */
};

static void ct_choice_row_field_row_init (CtFieldRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtChoiceRow, ct_choice_row, ADW_TYPE_COMBO_ROW,
                               G_IMPLEMENT_INTERFACE (CT_TYPE_FIELD_ROW,
                                                      ct_choice_row_field_row_init))

static char *
ct_choice_row_dup_text (CtFieldRow *row)
{
  CtChoiceRow *self = CT_CHOICE_ROW (row);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));

  return selected < self->values->len ? g_strdup (g_ptr_array_index (self->values, selected)) : NULL;
}

static gboolean
same_value (gconstpointer a,
            gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

/* No text, or a value not in the list, chooses the "none" entry. */
static void
ct_choice_row_set_text (CtFieldRow *row,
                        const char *text)
{
  CtChoiceRow *self = CT_CHOICE_ROW (row);
  guint position = 0;

  if (text != NULL)
    g_ptr_array_find_with_equal_func (self->values, text, same_value, &position);
  self->setting = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
  self->setting = FALSE;
}

static void
ct_choice_row_field_row_init (CtFieldRowInterface *iface)
{
  iface->dup_text = ct_choice_row_dup_text;
  iface->set_text = ct_choice_row_set_text;
}

static void
ct_choice_row_finalize (GObject *object)
{
  CtChoiceRow *self = CT_CHOICE_ROW (object);

  g_ptr_array_unref (self->values);
  g_object_unref (self->labels);

  G_OBJECT_CLASS (ct_choice_row_parent_class)->finalize (object);
}

static void
ct_choice_row_class_init (CtChoiceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_choice_row_finalize;
}

static void
ct_choice_row_init (CtChoiceRow *self)
{
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->values = g_ptr_array_new_with_free_func (g_free);
  self->labels = gtk_string_list_new (NULL);
  adw_combo_row_set_expression (ADW_COMBO_ROW (self), expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->labels));
}

/* The first widget of @type in @widget or below, depth first. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list opened with nothing chosen starts on the first real choice, not
 * on "Choose…": Enter, Enter picks it. Enter picks what the list has
 * selected; the focus follows, once the popover has laid out its list and
 * put the focus on it. */
static gboolean
select_first_choice (CtChoiceRow *self)
{
  GtkWidget *list = find_descendant (self->popover, GTK_TYPE_LIST_VIEW);

  if (!gtk_widget_get_mapped (self->popover) ||
      adw_combo_row_get_selected (ADW_COMBO_ROW (self)) != 0)
    return FALSE;
  gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), 1, TRUE);
  return TRUE;
}

static gboolean
focus_first_choice (gpointer data)
{
  CtChoiceRow *self = data;
  GtkWidget *list = find_descendant (self->popover, GTK_TYPE_LIST_VIEW);
  GtkWidget *first = gtk_widget_get_first_child (list);
  GtkWidget *second = first != NULL ? gtk_widget_get_next_sibling (first) : NULL;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (!select_first_choice (self))
    return G_SOURCE_REMOVE;
  if (second == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, list))
    return G_SOURCE_CONTINUE;
  gtk_widget_grab_focus (second);
  return G_SOURCE_REMOVE;
}

static void
on_popover_map (CtChoiceRow *self)
{
  if (select_first_choice (self))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_first_choice, g_object_ref (self),
                     g_object_unref);
}

/* A choice made in the row's list moves on to the next empty field. */
static void
on_selected (CtChoiceRow *self)
{
  ct_field_row_changed (CT_FIELD_ROW (self));
  if (!self->setting && adw_combo_row_get_selected (ADW_COMBO_ROW (self)) != 0)
    ct_field_row_focus_next_empty (CT_FIELD_ROW (self));
}

CtChoiceRow *
ct_choice_row_new (const CtField *field,
                   const char    *none_label)
{
  CtChoiceRow *self;

  g_return_val_if_fail (ct_field_is_required (field) == (none_label == NULL), NULL);

  self = g_object_new (CT_TYPE_CHOICE_ROW, NULL);

  /* TRANSLATORS: shown in a required choice until one is made */
  ct_choice_row_append (self, NULL, none_label != NULL ? none_label : _("Choose…"));
  g_signal_connect_swapped (self, "notify::selected", G_CALLBACK (on_selected), self);
  self->popover = find_descendant (GTK_WIDGET (self), GTK_TYPE_POPOVER);
  g_signal_connect_object (self->popover, "map",
                           G_CALLBACK (on_popover_map), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  ct_field_row_set_up (CT_FIELD_ROW (self), field, GTK_WIDGET (self));
  return self;
}

void
ct_choice_row_append (CtChoiceRow *self,
                      const char  *value,
                      const char  *label)
{
  g_return_if_fail (CT_IS_CHOICE_ROW (self));

  g_ptr_array_add (self->values, g_strdup (value));
  gtk_string_list_append (self->labels, label);
}
