/* ct-text-view-row.c: a paragraph of free text (notes, themes, a goal)
 *
 * The title sits above the text, as in an entry row that has text. Tab
 * moves to the next field rather than typing a tab.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-text-view-row"

#include "config.h"

#include "ct-text-view-row.h"

struct _CtTextViewRow
{
  AdwPreferencesRow  parent_instance;

  GtkTextView       *text_view;
};

static void ct_text_view_row_field_row_init (CtFieldRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtTextViewRow, ct_text_view_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (CT_TYPE_FIELD_ROW,
                                                      ct_text_view_row_field_row_init))

static GtkTextBuffer *
get_buffer (CtFieldRow *row)
{
  return gtk_text_view_get_buffer (CT_TEXT_VIEW_ROW (row)->text_view);
}

static char *
ct_text_view_row_dup_text (CtFieldRow *row)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (get_buffer (row), &start, &end);
  if (gtk_text_iter_equal (&start, &end))
    return NULL;
  return gtk_text_buffer_get_text (get_buffer (row), &start, &end, FALSE);
}

static void
ct_text_view_row_set_text (CtFieldRow *row,
                           const char *text)
{
  gtk_text_buffer_set_text (get_buffer (row), text != NULL ? text : "", -1);
}

static void
ct_text_view_row_field_row_init (CtFieldRowInterface *iface)
{
  iface->dup_text = ct_text_view_row_dup_text;
  iface->set_text = ct_text_view_row_set_text;
}

static void
ct_text_view_row_class_init (CtTextViewRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/editor/ct-text-view-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CtTextViewRow, text_view);
  gtk_widget_class_bind_template_callback (widget_class, ct_field_row_changed);
}

static void
ct_text_view_row_init (CtTextViewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ct_text_view_row_new (const CtField *field)
{
  CtTextViewRow *self = g_object_new (CT_TYPE_TEXT_VIEW_ROW, NULL);

  ct_field_row_set_up (CT_FIELD_ROW (self), field, GTK_WIDGET (self->text_view));
  return GTK_WIDGET (self);
}
