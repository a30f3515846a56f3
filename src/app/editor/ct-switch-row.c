/* ct-switch-row.c: a yes / no field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-switch-row"

#include "config.h"

#include "ct-switch-row.h"

struct _CtSwitchRow
{
  AdwActionRow  parent_instance;

  GtkSwitch    *toggle;
};

static void ct_switch_row_field_row_init (CtFieldRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtSwitchRow, ct_switch_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (CT_TYPE_FIELD_ROW,
                                                      ct_switch_row_field_row_init))

static char *
ct_switch_row_dup_text (CtFieldRow *row)
{
  return g_strdup (gtk_switch_get_active (CT_SWITCH_ROW (row)->toggle) ? "yes" : "no");
}

static void
ct_switch_row_set_text (CtFieldRow *row,
                        const char *text)
{
  gtk_switch_set_active (CT_SWITCH_ROW (row)->toggle, g_strcmp0 (text, "yes") == 0);
}

static void
ct_switch_row_field_row_init (CtFieldRowInterface *iface)
{
  iface->dup_text = ct_switch_row_dup_text;
  iface->set_text = ct_switch_row_set_text;
}

static void
ct_switch_row_class_init (CtSwitchRowClass *klass)
{
}

static void
ct_switch_row_init (CtSwitchRow *self)
{
  self->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->toggle), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  g_signal_connect_swapped (self->toggle, "notify::active",
                            G_CALLBACK (ct_field_row_changed), self);
}

GtkWidget *
ct_switch_row_new (const CtField *field)
{
  CtSwitchRow *self = g_object_new (CT_TYPE_SWITCH_ROW, NULL);

  ct_field_row_set_up (CT_FIELD_ROW (self), field, GTK_WIDGET (self->toggle));
  return GTK_WIDGET (self);
}
