/* ct-number-row.c: a whole number or a number in whole or half points
 *
 * A spin button over the field's range and step. One step below the
 * minimum stands for "empty" and shows no text, so that an optional number
 * can be left out (and a required one starts empty) while the arrows still
 * work. A number typed outside the range (or not a number) stays as typed
 * rather than being clamped, so that the editor says what is wrong instead
 * of saving another number; the row's subtitle shows the scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-number-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-number-row.h"

/* Wide enough for 99999 and a decimal place. */
#define WIDTH_CHARS 6

struct _CtNumberRow
{
  AdwActionRow   parent_instance;

  GtkSpinButton *spin;
  double         empty;
  double         minimum;
  double         maximum;
  gboolean       keep_typed;  /* the next output leaves the text alone */
};

static void ct_number_row_field_row_init (CtFieldRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtNumberRow, ct_number_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (CT_TYPE_FIELD_ROW,
                                                      ct_number_row_field_row_init))

/* The text as the record reads it: trimmed, with '.' for a decimal comma. */
static char *
ct_number_row_dup_text (CtFieldRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (CT_NUMBER_ROW (row)->spin)));

  g_strstrip (text);
  if (*text == '\0')
    return NULL;
  return g_strdelimit (g_steal_pointer (&text), ",", '.');
}

static void
ct_number_row_set_text (CtFieldRow *row,
                        const char *text)
{
  CtNumberRow *self = CT_NUMBER_ROW (row);
  char *end = NULL;
  double value = text != NULL ? g_ascii_strtod (text, &end) : self->empty;

  if (end == text || (end != NULL && *end != '\0'))
    value = self->empty;
  gtk_spin_button_set_value (self->spin, value);
}

static void
ct_number_row_field_row_init (CtFieldRowInterface *iface)
{
  iface->dup_text = ct_number_row_dup_text;
  iface->set_text = ct_number_row_set_text;
}

/* No text is the empty value; other text is the spin button's to read. */
static int
on_input (CtNumberRow *self,
          double      *value)
{
  g_autofree char *text = ct_number_row_dup_text (CT_FIELD_ROW (self));

  char *end = NULL;
  double typed;

  if (text == NULL)
    {
      *value = self->empty;
      return TRUE;
    }
  typed = g_ascii_strtod (text, &end);
  if (*end != '\0' || typed < self->minimum || typed > self->maximum)
    self->keep_typed = TRUE;
  return FALSE;
}

static gboolean
on_output (CtNumberRow *self)
{
  if (self->keep_typed)
    {
      self->keep_typed = FALSE;
      return TRUE;
    }
  if (gtk_spin_button_get_value (self->spin) > self->empty)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->spin), "");
  return TRUE;
}

static void
ct_number_row_class_init (CtNumberRowClass *klass)
{
}

static void
ct_number_row_init (CtNumberRow *self)
{
  GtkEditable *text;

  self->spin = GTK_SPIN_BUTTON (gtk_spin_button_new (NULL, 1, 0));
  gtk_widget_set_valign (GTK_WIDGET (self->spin), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->spin), WIDTH_CHARS);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->spin));
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  text = gtk_editable_get_delegate (GTK_EDITABLE (self->spin));
  gtk_text_set_activates_default (GTK_TEXT (text), TRUE);

  g_signal_connect_swapped (self->spin, "input", G_CALLBACK (on_input), self);
  g_signal_connect_swapped (self->spin, "output", G_CALLBACK (on_output), self);
  g_signal_connect_swapped (self->spin, "changed", G_CALLBACK (ct_field_row_changed), self);
}

/* "From 0 to 10, in whole or half points.": bounded numbers only (a
 * duration has no upper bound worth saying). */
static void
show_scale (CtNumberRow *self,
            double       step)
{
  g_autofree char *scale = NULL;

  if (self->maximum >= G_MAXINT)
    return;
  if (step == 0.5)
    scale = g_strdup_printf (_("From %g to %g, in whole or half points."), self->minimum,
                             self->maximum);
  else
    scale = g_strdup_printf (_("From %g to %g."), self->minimum, self->maximum);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), scale);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, scale, -1);
}

GtkWidget *
ct_number_row_new (const CtField *field)
{
  CtNumberRow *self = g_object_new (CT_TYPE_NUMBER_ROW, NULL);
  double minimum, maximum, step;

  ct_field_get_range (field, &minimum, &maximum, &step);
  self->empty = minimum - step;
  self->minimum = minimum;
  self->maximum = maximum;
  gtk_spin_button_configure (self->spin,
                             gtk_adjustment_new (self->empty, self->empty, maximum,
                                                 step, step * 10, 0),
                             step, step < 1 ? 1 : 0);
  ct_field_row_set_up (CT_FIELD_ROW (self), field, GTK_WIDGET (self->spin));
  show_scale (self, step);
  return GTK_WIDGET (self);
}
