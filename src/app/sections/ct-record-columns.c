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

/* The store sorts the rows (CtFilter.sort_field); a column's sorter only
 * says which column the view sorts by. GTK 4.8 cannot tell (its column
 * view sorter has no getters), so ct_record_columns_get_sort() asks the
 * view's sorter to compare two rows and notes the first column's sorter
 * that answers: the primary one. */
static const CtField *answered;

static int
note_sort_column (gconstpointer a,
                  gconstpointer b,
                  gpointer      field)
{
  if (answered == NULL)
    answered = field;
  return GTK_ORDERING_SMALLER;
}

const CtField *
ct_record_columns_get_sort (GtkColumnView *view,
                            gboolean      *descending)
{
  GtkSorter *sorter;
  GtkOrdering order;
  const CtField *field;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  sorter = gtk_column_view_get_sorter (view);
  *descending = FALSE;
  if (sorter == NULL || gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    return NULL;
  answered = NULL;
  /* Two objects: GTK answers "equal" for one and the same. */
  order = gtk_sorter_compare (sorter, view, sorter);
  field = g_steal_pointer (&answered);
  *descending = order == GTK_ORDERING_LARGER;
  return field;
}

void
ct_record_columns_append (GtkColumnView *view,
                          const CtKind  *kind,
                          const CtField *field)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (note_sort_column,
                                                                   (gpointer) field, NULL));

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
