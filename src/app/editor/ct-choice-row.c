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
