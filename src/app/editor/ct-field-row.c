/* ct-field-row.c: the interface of the editor's field rows, and the
 * factory that picks a row class for a field's type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-field-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-date-row.h"
#include "ct-enum-list-row.h"
#include "ct-enum-row.h"
#include "ct-field-row.h"
#include "ct-number-row.h"
#include "ct-reference-row.h"
#include "ct-switch-row.h"
#include "ct-text-row.h"
#include "ct-text-view-row.h"

G_DEFINE_INTERFACE (CtFieldRow, ct_field_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  VALUE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark field_quark;
static GQuark input_quark;

/* Text fields that hold a paragraph rather than a line. */
static const char *const long_text_fields[] = { "notes", "themes", "description", NULL };

static void
ct_field_row_default_init (CtFieldRowInterface *iface)
{
  field_quark = g_quark_from_static_string ("ct-field-row-field");
  input_quark = g_quark_from_static_string ("ct-field-row-input");

  /**
   * CtFieldRow::value-changed:
   *
   * The value shown changed, by the user or by ct_field_row_set_text().
   */
  signals[VALUE_CHANGED] =
    g_signal_new ("value-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

GtkWidget *
ct_field_row_new (const CtField *field,
                  CtDatabase    *database)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (!ct_field_is_display (field), NULL);

  switch (ct_field_get_value_type (field))
    {
    case CT_FIELD_DATE:
      return ct_date_row_new (field);
    case CT_FIELD_INTEGER:
    case CT_FIELD_REAL:
      return ct_number_row_new (field);
    case CT_FIELD_BOOLEAN:
      return ct_switch_row_new (field);
    case CT_FIELD_ENUM:
      return ct_enum_row_new (field);
    case CT_FIELD_ENUM_LIST:
      return ct_enum_list_row_new (field);
    case CT_FIELD_REFERENCE:
      return ct_reference_row_new (field, database);
    case CT_FIELD_TEXT:
    default:
      if (g_strv_contains (long_text_fields, ct_field_get_name (field)))
        return ct_text_view_row_new (field);
      return ct_text_row_new (field);
    }
}

const CtField *
ct_field_row_get_field (CtFieldRow *self)
{
  g_return_val_if_fail (CT_IS_FIELD_ROW (self), NULL);

  return g_object_get_qdata (G_OBJECT (self), field_quark);
}

GtkWidget *
ct_field_row_get_input (CtFieldRow *self)
{
  g_return_val_if_fail (CT_IS_FIELD_ROW (self), NULL);

  return g_object_get_qdata (G_OBJECT (self), input_quark);
}

char *
ct_field_row_dup_text (CtFieldRow *self)
{
  g_return_val_if_fail (CT_IS_FIELD_ROW (self), NULL);

  return CT_FIELD_ROW_GET_IFACE (self)->dup_text (self);
}

void
ct_field_row_set_text (CtFieldRow *self,
                       const char *text)
{
  g_return_if_fail (CT_IS_FIELD_ROW (self));

  CT_FIELD_ROW_GET_IFACE (self)->set_text (self, text);
}

void
ct_field_row_set_up (CtFieldRow    *self,
                     const CtField *field,
                     GtkWidget     *input)
{
  const char *label = ct_field_get_label (field);
  gboolean required = ct_field_is_required (field);
  g_autofree char *title = NULL;

  g_object_set_qdata (G_OBJECT (self), field_quark, (gpointer) field);
  g_object_set_qdata (G_OBJECT (self), input_quark, input);

  /* TRANSLATORS: the title of a field that must be filled in; the editor
   * explains the mark. */
  title = required ? g_strdup_printf (_("%s *"), label) : g_strdup (label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_widget_set_name (GTK_WIDGET (self), ct_field_get_name (field));

  gtk_accessible_update_property (GTK_ACCESSIBLE (input),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                  -1);
}

void
ct_field_row_changed (CtFieldRow *self)
{
  g_return_if_fail (CT_IS_FIELD_ROW (self));

  g_signal_emit (self, signals[VALUE_CHANGED], 0);
}

/* The next field row after @row; with @empty, the next one still empty. */
static GtkWidget *
find_next_field (GtkWidget *row,
                 gboolean   empty)
{
  for (GtkWidget *next = gtk_widget_get_next_sibling (row); next != NULL;
       next = gtk_widget_get_next_sibling (next))
    {
      g_autofree char *text = NULL;

      if (!CT_IS_FIELD_ROW (next) || !gtk_widget_get_visible (next))
        continue;
      if (!empty || (text = ct_field_row_dup_text (CT_FIELD_ROW (next))) == NULL)
        return next;
    }
  return NULL;
}

/* The popover that holds @focus, or NULL. */
static GtkWidget *
popover_of (GtkWidget *focus)
{
  return focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) : NULL;
}

/* After a pick, the next field that is still empty (else the next one):
 * the person chose with the keyboard and goes on typing. */
static void
move_to_next_field (GtkWidget *row)
{
  GtkWidget *next = find_next_field (row, TRUE);

  if (next == NULL)
    next = find_next_field (row, FALSE);
  if (next != NULL)
    gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD);
}

/* A closed popover gives the focus back to its row a moment later (when
 * the X server says so): move on from there, not before, or the row takes
 * the focus back from the next field. */
static void
on_focus_given_back (GtkRoot    *root,
                     GParamSpec *pspec,
                     GtkWidget  *row)
{
  GtkWidget *focus = gtk_root_get_focus (root);

  if (focus == NULL || (popover_of (focus) != NULL && !gtk_widget_get_mapped (popover_of (focus))))
    return;
  g_signal_handlers_disconnect_by_func (root, on_focus_given_back, row);
  if (popover_of (focus) == NULL)
    move_to_next_field (row);
}

/* Once the popover of the pick has given the focus back; not when the
 * person has gone on to a popover (the picker again). */
static gboolean
focus_next_field (gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (data);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (root == NULL)
    return G_SOURCE_REMOVE;
  if (popover_of (focus) == NULL)
    move_to_next_field (data);
  else if (!gtk_widget_get_mapped (popover_of (focus)))
    g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (on_focus_given_back),
                             data, 0);
  return G_SOURCE_REMOVE;
}

void
ct_field_row_focus_next_empty (CtFieldRow *self)
{
  g_return_if_fail (CT_IS_FIELD_ROW (self));

  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_next_field, g_object_ref (self), g_object_unref);
}
