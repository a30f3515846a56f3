/* ct-record-columns.c: the columns of a record list, from field descriptors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-columns"

#include "config.h"

#include "ct-cell-text.h"
#include "ct-record-columns.h"
#include "ct-record-tooltip.h"

#define LIST_ITEM_KEY "ct-record-columns-list-item"

static gboolean
is_number (const CtField *field)
{
  CtFieldType type = ct_field_get_value_type (field);

  return type == CT_FIELD_INTEGER || type == CT_FIELD_REAL;
}

/* Free text and word lists get the room left; the rest fit their text. */
static gboolean
is_wide (const CtField *field)
{
  CtFieldType type = ct_field_get_value_type (field);

  return type == CT_FIELD_TEXT || type == CT_FIELD_ENUM_LIST;
}

/* A display field read through a reference ("clinician_name",
 * "child_reference") is titled like that reference ("Clinician", "Child"). */
static const char *
column_title (const CtKind  *kind,
              const CtField *field)
{
  static const char *const suffixes[] = { "_name", "_reference" };
  const char *name = ct_field_get_name (field);

  if (!ct_field_is_display (field))
    return ct_field_get_label (field);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name, suffixes[i]))
      {
        g_autofree char *base = g_strndup (name, strlen (name) - strlen (suffixes[i]));
        const CtField *reference = ct_kind_find_field (kind, base);

        if (reference != NULL && ct_field_get_value_type (reference) == CT_FIELD_REFERENCE)
          return ct_field_get_label (reference);
      }
  return ct_field_get_label (field);
}

static void
on_setup_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const CtField            *field)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Left-aligned like the column titles (GTK 4.8 cannot align a title);
   * digits of equal width keep numbers readable. Only free text is cut
   * short, and never below a readable width. */
  if (is_wide (field))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (is_number (field))
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), LIST_ITEM_KEY, item);
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cell (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const CtField            *field)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = ct_cell_text_dup (gtk_list_item_get_item (item), field);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* Long text is cut short in the cell; the tooltip shows all of it. */
  ct_record_tooltip_set_text (label, is_wide (field) && *text != '\0' ? text : NULL);
}

static GtkListItemFactory *
create_factory (const CtField *field)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell), (gpointer) field);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell), (gpointer) field);
  return factory;
}

/* ISO dates sort as text; other fields by what the cell shows. */
static char *
dup_sort_key (CtRecord      *record,
              const CtField *field)
{
  if (ct_field_get_value_type (field) == CT_FIELD_DATE)
    return ct_record_get_string (record, field);
  return ct_cell_text_dup (record, field);
}

static GtkSorter *
create_sorter (const CtKind  *kind,
               const CtField *field)
{
  GtkExpression *expression;

  if (is_number (field))
    {
      expression = gtk_property_expression_new (ct_kind_get_record_type (kind), NULL,
                                                ct_field_get_property_name (field));
      return GTK_SORTER (gtk_numeric_sorter_new (expression));
    }
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (dup_sort_key), (gpointer) field, NULL);
  return GTK_SORTER (gtk_string_sorter_new (expression));
}

void
ct_record_columns_append (GtkColumnView *view,
                          const CtKind  *kind,
                          const CtField *field)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = create_sorter (kind, field);

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (field != NULL);

  column = gtk_column_view_column_new (column_title (kind, field), create_factory (field));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, is_wide (field));
  gtk_column_view_append_column (view, column);
}

guint
ct_record_columns_get_position (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (widget), LIST_ITEM_KEY);

      if (item != NULL)
        return gtk_list_item_get_position (item);
    }
  return GTK_INVALID_LIST_POSITION;
}
