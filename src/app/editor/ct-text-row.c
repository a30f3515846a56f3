/* ct-text-row.c: a line of free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-text-row"

#include "config.h"

#include "ct-text-row.h"

struct _CtTextRow
{
  AdwEntryRow parent_instance;
};

static void ct_text_row_field_row_init (CtFieldRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtTextRow, ct_text_row, ADW_TYPE_ENTRY_ROW,
                               G_IMPLEMENT_INTERFACE (CT_TYPE_FIELD_ROW,
                                                      ct_text_row_field_row_init))

static char *
ct_text_row_dup_text (CtFieldRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return *text != '\0' ? g_strdup (text) : NULL;
}

static void
ct_text_row_set_text (CtFieldRow *row,
                      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
ct_text_row_field_row_init (CtFieldRowInterface *iface)
{
  iface->dup_text = ct_text_row_dup_text;
  iface->set_text = ct_text_row_set_text;
}

static void
ct_text_row_class_init (CtTextRowClass *klass)
{
}

static void
ct_text_row_init (CtTextRow *self)
{
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self), TRUE);
  g_signal_connect_swapped (self, "changed", G_CALLBACK (ct_field_row_changed), self);
}

GtkWidget *
ct_text_row_new (const CtField *field)
{
  CtTextRow *self = g_object_new (CT_TYPE_TEXT_ROW, NULL);

  ct_field_row_set_up (CT_FIELD_ROW (self), field,
                       GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self))));
  return GTK_WIDGET (self);
}
