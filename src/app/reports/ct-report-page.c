/* ct-report-page.c: a committee summary laid out as a dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-report-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-bar-chart.h"
#include "ct-figure-card.h"
#include "ct-report-page.h"
#include "ct-report-widgets.h"
#include "ct-summary-text.h"

#define CARD_PADDING 12
#define PAGE_PADDING 24

struct _CtReportPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (CtReportPage, ct_report_page, ADW_TYPE_BIN)

/* A box with the card style, its children inside a padding. */
static GtkWidget *
card_new (GtkOrientation  orientation,
          GtkWidget     **inside)
{
  GtkWidget *card = adw_bin_new ();

  *inside = gtk_box_new (orientation, 12);
  ct_report_set_padding (*inside, CARD_PADDING);
  adw_bin_set_child (ADW_BIN (card), *inside);
  gtk_widget_add_css_class (card, "card");
  return card;
}

/* "2024/25", then "1 Apr 2024 – 31 Mar 2025 · Invented Clinical Team". */
static GtkWidget *
header_new (CtReport *report)
{
  const CtSummary *summary = ct_report_get_summary (report);
  const char *service = ct_summary_get_service (summary);
  g_autofree char *dates = ct_report_dup_dates (report);
  g_autofree char *subtitle = *service != '\0'
    /* Translators: "1 Apr 2024 – 31 Mar 2025 · Clinical Team North" */
    ? g_strdup_printf (_("%s · %s"), dates, service)
    : g_strdup (dates);
  const char *label = ct_period_get_label (ct_summary_get_period (summary));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (box), ct_report_label_new (label, "title-1"));
  gtk_box_append (GTK_BOX (box), ct_report_label_new (subtitle, "dim-label"));
  return box;
}

/* Public: how many values are withheld and why. Internal: a warning that
 * nothing is. */
static GtkWidget *
notice_new (CtReport *report)
{
  gboolean internal = ct_report_get_audience (report) == CT_AUDIENCE_INTERNAL;
  g_autofree char *notice = ct_report_dup_notice (report);
  g_autofree char *explanation = internal
    ? g_strdup (_("Nothing is withheld, so small numbers could identify a child. Choose Public "
                  "for the committee’s papers."))
    : ct_report_dup_disclosure_note (report);
  GtkWidget *inside, *texts, *heading, *body;
  GtkWidget *card = card_new (GTK_ORIENTATION_HORIZONTAL, &inside);
  GtkWidget *icon = gtk_image_new_from_icon_name (internal ? "dialog-warning-symbolic"
                                                           : "security-high-symbolic");

  gtk_widget_add_css_class (icon, internal ? "warning" : "accent");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = ct_report_label_new (notice, "heading");
  gtk_widget_set_name (heading, "notice");
  gtk_box_append (GTK_BOX (texts), heading);
  body = ct_report_label_new (explanation, "dim-label");
  gtk_widget_set_name (body, "disclosure-note");
  /* Wrapped as wide as the card, not at GTK's default width. */
  gtk_label_set_max_width_chars (GTK_LABEL (body), 200);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), body);
  gtk_box_append (GTK_BOX (inside), icon);
  gtk_box_append (GTK_BOX (inside), texts);
  return card;
}

static GtkWidget *
chart_card_new (const char *heading,
                const char *name,
                GArray     *bars,
                double      maximum)
{
  GtkWidget *inside;
  GtkWidget *card = card_new (GTK_ORIENTATION_VERTICAL, &inside);
  GtkWidget *chart = ct_bar_chart_new ();
  GtkWidget *title = ct_report_label_new (heading, "heading");

  ct_bar_chart_set_bars (CT_BAR_CHART (chart), bars, maximum);
  gtk_widget_set_name (chart, name);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title, NULL, -1);
  gtk_box_append (GTK_BOX (inside), title);
  gtk_box_append (GTK_BOX (inside), chart);
  return card;
}

/* Charts two to a row, all of one size; one to a row in a narrow window. */
static GtkFlowBox *
charts_new (void)
{
  GtkFlowBox *charts = GTK_FLOW_BOX (gtk_flow_box_new ());

  gtk_flow_box_set_selection_mode (charts, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (charts, TRUE);
  gtk_flow_box_set_max_children_per_line (charts, 2);
  gtk_flow_box_set_column_spacing (charts, 12);
  gtk_flow_box_set_row_spacing (charts, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (charts), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Charts"), -1);
  return charts;
}

static void
add_chart (GtkFlowBox *charts,
           GtkWidget  *card)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);
  gtk_flow_box_append (charts, child);
}

/* The heading, the headline figures, the charts. */
static GtkWidget *
section_new (CtReport   *report,
             const char *section)
{
  g_autoptr(GPtrArray) breakdowns = ct_report_dup_figures (report, section, TRUE);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkFlowBox *charts = charts_new ();

  gtk_box_append (GTK_BOX (box),
                  ct_report_label_new (ct_summary_text_section (section), "title-2"));
  gtk_box_append (GTK_BOX (box), ct_figure_card_new (report, section));
  if (g_str_equal (section, "outcomes"))
    {
      g_autoptr(GArray) bars = ct_report_dup_gbo_bars (report);

      add_chart (charts, chart_card_new (ct_report_get_gbo_title (), "outcomes.gbo",
                                         bars, CT_REPORT_GBO_MAX_SCORE));
    }
  for (guint i = 0; i < breakdowns->len; i++)
    {
      const CtFigure *figure = breakdowns->pdata[i];
      g_autofree char *path = g_strconcat (section, ".", figure->key, NULL);
      g_autoptr(GArray) bars = ct_report_dup_bars (report, figure);

      add_chart (charts, chart_card_new (ct_summary_text_figure (figure), path, bars, 0));
    }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (charts));
  return box;
}

GtkWidget *
ct_report_page_new (CtReport *report)
{
  g_autofree const char **sections = NULL;
  CtReportPage *self;
  GtkWidget *box;

  g_return_val_if_fail (CT_IS_REPORT (report), NULL);

  self = g_object_new (CT_TYPE_REPORT_PAGE, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 30);
  ct_report_set_padding (box, PAGE_PADDING);
  gtk_box_append (GTK_BOX (box), header_new (report));
  gtk_box_append (GTK_BOX (box), notice_new (report));
  sections = ct_report_dup_sections (report);
  for (guint i = 0; sections[i] != NULL; i++)
    gtk_box_append (GTK_BOX (box), section_new (report, sections[i]));
  adw_bin_set_child (ADW_BIN (self), box);
  return GTK_WIDGET (self);
}

static void
ct_report_page_class_init (CtReportPageClass *klass)
{
}

static void
ct_report_page_init (CtReportPage *self)
{
}
