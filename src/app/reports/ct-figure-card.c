/* ct-figure-card.c: a section's headline figures, one tile each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-figure-card"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-figure-card.h"
#include "ct-report-widgets.h"
#include "ct-summary-text.h"

#define TILE_PADDING 12

struct _CtFigureCard
{
  AdwBin      parent_instance;

  GtkFlowBox *tiles;
};

G_DEFINE_FINAL_TYPE (CtFigureCard, ct_figure_card, ADW_TYPE_BIN)

/* The value, large; the figure's name below it; then, for a value not
 * shown, "withheld" or "no data". */
static GtkWidget *
tile_new (CtReport       *report,
          const CtFigure *figure)
{
  g_autofree char *path = g_strconcat (figure->section, ".", figure->key, NULL);
  g_autofree char *text = ct_report_dup_text (report, figure);
  CtValueState state = ct_report_get_state (report, figure, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *value = ct_report_label_new (text, "title-1");

  gtk_widget_set_name (value, path);
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box),
                  ct_report_label_new (ct_summary_text_figure (figure), "dim-label"));
  if (state != CT_VALUE_SHOWN)
    {
      GtkWidget *mark = ct_report_label_new (ct_value_state_mark (state), "caption-heading");

      gtk_widget_add_css_class (mark, state == CT_VALUE_WITHHELD ? "warning" : "dim-label");
      gtk_box_append (GTK_BOX (box), mark);
      gtk_widget_set_tooltip_text (box, ct_value_state_describe (state));
      gtk_accessible_update_property (GTK_ACCESSIBLE (value),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      ct_value_state_describe (state), -1);
    }
  ct_report_set_padding (box, TILE_PADDING);
  return box;
}

static void
add_tile (CtFigureCard *self,
          GtkWidget    *tile)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), tile);
  gtk_widget_set_focusable (child, FALSE);
  gtk_widget_add_css_class (child, "card");
  gtk_flow_box_append (self->tiles, child);
}

GtkWidget *
ct_figure_card_new (CtReport   *report,
                    const char *section)
{
  g_autoptr(GPtrArray) figures = NULL;
  CtFigureCard *self;

  g_return_val_if_fail (CT_IS_REPORT (report), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  self = g_object_new (CT_TYPE_FIGURE_CARD, NULL);
  figures = ct_report_dup_figures (report, section, FALSE);
  for (guint i = 0; i < figures->len; i++)
    add_tile (self, tile_new (report, figures->pdata[i]));
  return GTK_WIDGET (self);
}

static void
ct_figure_card_class_init (CtFigureCardClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "figure-card");
}

static void
ct_figure_card_init (CtFigureCard *self)
{
  self->tiles = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->tiles, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->tiles, TRUE);
  gtk_flow_box_set_min_children_per_line (self->tiles, 1);
  gtk_flow_box_set_max_children_per_line (self->tiles, 4);
  gtk_flow_box_set_column_spacing (self->tiles, 12);
  gtk_flow_box_set_row_spacing (self->tiles, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tiles), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Headline figures"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->tiles));
}
