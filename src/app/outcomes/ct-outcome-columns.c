/* ct-outcome-columns.c: the columns of the Outcomes view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-outcome-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-gbo-text.h"
#include "ct-outcome-columns.h"
#include "ct-outcomes.h"
#include "ct-record-tooltip.h"

/* The text of a cell; the sort key is the text, or @key when set (ISO
 * dates), or @number when set (scores). */
typedef struct
{
  const char *title;
  char     *(*dup_text) (CtOutcomeRow *row);
  char     *(*dup_key)  (CtOutcomeRow *row);
  double    (*number)   (CtOutcomeRow *row);
  gboolean    expand;
} Column;

static char *
dup_or_dash (const char *text)
{
  return g_strdup (text != NULL && *text != '\0' ? text : "—");
}

static char *
reference_text (CtOutcomeRow *row)
{
  return dup_or_dash (ct_outcome_row_get_child_reference (row));
}

static char *
child_text (CtOutcomeRow *row)
{
  return dup_or_dash (ct_outcome_row_get_child_name (row));
}

static char *
clinician_text (CtOutcomeRow *row)
{
  return dup_or_dash (ct_outcome_row_get_clinician_name (row));
}

static char *
episode_text (CtOutcomeRow *row)
{
  const char *start = ct_outcome_row_get_start_date (row);
  const char *end = ct_outcome_row_get_end_date (row);
  g_autofree char *start_text = ct_cell_text_format_date (start);
  g_autofree char *end_text = ct_cell_text_format_date (end);

  if (start == NULL)
    return g_strdup (_("Not started"));
  if (end == NULL)
    /* Translators: an episode that started and has not ended, "3 Mar 2025 – open" */
    return g_strdup_printf (_("%s – open"), start_text);
  /* Translators: an episode's first and last day, "3 Mar 2025 – 1 Dec 2025" */
  return g_strdup_printf (_("%s – %s"), start_text, end_text);
}

static char *
episode_key (CtOutcomeRow *row)
{
  const char *start = ct_outcome_row_get_start_date (row);

  return g_strdup (start != NULL ? start : ct_outcome_row_get_referral_date (row));
}

static char *
goal_text (CtOutcomeRow *row)
{
  if (ct_outcome_row_get_goal_id (row) == 0)
    return g_strdup (_("No goals"));
  /* Translators: a goal's number and its words, "1. Sleep in my own bed" */
  return g_strdup_printf (_("%d. %s"), ct_outcome_row_get_goal_number (row),
                          ct_outcome_row_get_goal_description (row));
}

static double
baseline (CtOutcomeRow *row)
{
  return ct_outcome_row_get_scores (row)->baseline;
}

static double
latest (CtOutcomeRow *row)
{
  return ct_outcome_row_get_scores (row)->latest;
}

static double
end (CtOutcomeRow *row)
{
  return ct_outcome_row_get_scores (row)->end;
}

static char *
baseline_text (CtOutcomeRow *row)
{
  return ct_gbo_text_score (baseline (row));
}

static char *
latest_text (CtOutcomeRow *row)
{
  return ct_gbo_text_score (latest (row));
}

static char *
end_text (CtOutcomeRow *row)
{
  return ct_gbo_text_score (end (row));
}

/* Below any real change (−10 … +10) when there is none. */
static double
change (CtOutcomeRow *row)
{
  double difference;

  if (!ct_gbo_scores_get_change (ct_outcome_row_get_scores (row), &difference))
    return -G_MAXDOUBLE;
  return difference;
}

static char *
change_text (CtOutcomeRow *row)
{
  char *badge = ct_gbo_text_badge (ct_outcome_row_get_scores (row));

  return badge != NULL ? badge : g_strdup ("—");
}

static const Column columns[] = {
  { N_("Reference"), reference_text, NULL, NULL, FALSE },
  { N_("Child"), child_text, NULL, NULL, FALSE },
  { N_("Clinician"), clinician_text, NULL, NULL, FALSE },
  { N_("Episode"), episode_text, episode_key, NULL, FALSE },
  { N_("Goal"), goal_text, NULL, NULL, TRUE },
  { N_("Baseline"), baseline_text, NULL, baseline, FALSE },
  { N_("Latest"), latest_text, NULL, latest, FALSE },
  { N_("End"), end_text, NULL, end, FALSE },
  { N_("Change"), change_text, NULL, change, FALSE },
};

/* Cells */

static void
on_setup_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const Column             *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (column->number != NULL)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* The change in words, and in the colour of the style for a reliable one. */
static void
set_change_class (GtkWidget    *label,
                  CtOutcomeRow *row)
{
  const CtGboScores *scores = ct_outcome_row_get_scores (row);
  const char *style_class = NULL;

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  if (ct_gbo_scores_get_change (scores, NULL))
    style_class = ct_gbo_text_style_class (ct_gbo_scores_classify (scores));
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
}

static void
on_bind_cell (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const Column             *column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  CtOutcomeRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = column->dup_text (row);

  gtk_label_set_text (GTK_LABEL (label), text);
  ct_record_tooltip_set_text (label, column->expand ? text : NULL);
  if (column->dup_text == change_text)
    set_change_class (label, row);
}

/* Sorters */

static char *
dup_sort_key (CtOutcomeRow *row,
              const Column *column)
{
  return column->dup_key != NULL ? column->dup_key (row) : column->dup_text (row);
}

static double
get_sort_number (CtOutcomeRow *row,
                 const Column *column)
{
  return column->number (row);
}

static GtkSorter *
create_sorter (const Column *column)
{
  GtkExpression *expression;

  if (column->number != NULL)
    {
      expression = gtk_cclosure_expression_new (G_TYPE_DOUBLE, NULL, 0, NULL,
                                                G_CALLBACK (get_sort_number), (gpointer) column,
                                                NULL);
      return GTK_SORTER (gtk_numeric_sorter_new (expression));
    }
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (dup_sort_key), (gpointer) column, NULL);
  return GTK_SORTER (gtk_string_sorter_new (expression));
}

void
ct_outcome_columns_append (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = create_sorter (&columns[i]);

      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell), (gpointer) &columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell), (gpointer) &columns[i]);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_append_column (view, column);
    }
}

char *
ct_outcome_columns_dup_text (guint    index,
                             gpointer row)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (columns), NULL);
  g_return_val_if_fail (CT_IS_OUTCOME_ROW (row), NULL);

  return columns[index].dup_text (row);
}
