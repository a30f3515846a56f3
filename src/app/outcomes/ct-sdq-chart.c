/* ct-sdq-chart.c: a child's SDQ totals over time, against the bands
 *
 * As the goal chart: the widget's own colours, and every value also as
 * text, so that nothing is told by colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-sdq-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-chart-draw.h"
#include "ct-records.h"
#include "ct-sdq-chart.h"

#define MAX_TOTAL    40.0
#define POINT_RADIUS 4.0
#define LINE_WIDTH   2.0
#define SPACING      6.0
#define INSET        32.0

typedef struct
{
  char    *date;       /* YYYY-MM-DD */
  guint32  day;
  int      total;
  char    *informant;  /* carer, teacher, self */
} Point;

struct _CtSdqChart
{
  GtkWidget  parent_instance;

  GArray    *points;   /* of Point, by date */
};

G_DEFINE_FINAL_TYPE (CtSdqChart, ct_sdq_chart, GTK_TYPE_WIDGET)

/* The bands' lower edges, their names and colours, from the top; each
 * name above (0) or below (1) its edge, so that the two close edges keep
 * their names apart. */
static const struct
{
  int         from;
  const char *name;
  const char *color;
  double      below;
} bands[] = {
  { CT_SDQ_CONCERN_FROM, N_("Concern"), "error_color", 0 },
  { CT_SDQ_BORDERLINE_FROM, N_("Borderline"), "warning_color", 1 },
};

static void
clear_point (gpointer data)
{
  Point *point = data;

  g_free (point->date);
  g_free (point->informant);
}

static const CtField *
informant_field (void)
{
  return ct_kind_find_field (ct_kind_lookup ("sdq_score"), "informant");
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (((const Point *) a)->date, ((const Point *) b)->date);
}

static void
read_points (CtSdqChart *self,
             GListModel *scores)
{
  guint n_scores = scores != NULL ? g_list_model_get_n_items (scores) : 0;

  g_array_set_size (self->points, 0);
  for (guint i = 0; i < n_scores; i++)
    {
      g_autoptr(CtRecord) score = g_list_model_get_item (scores, i);
      Point point = { 0 };

      g_object_get (score, "date", &point.date, "total", &point.total,
                    "informant", &point.informant, NULL);
      if (point.total == CT_RECORD_NO_NUMBER)
        {
          clear_point (&point);
          continue;
        }
      point.day = ct_chart_julian_day (point.date);
      g_array_append_val (self->points, point);
    }
  g_array_sort (self->points, compare_points);
}

/* "Carer: 19 on 3 Mar 2025; Teacher: 12 on 1 Apr 2025" */
static char *
describe (CtSdqChart *self)
{
  GString *text;

  if (self->points->len == 0)
    return g_strdup (_("No SDQ totals yet"));

  text = g_string_new (NULL);
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);
      g_autofree char *date = ct_cell_text_format_date (point->date);

      if (i > 0)
        g_string_append (text, "; ");
      /* Translators: one SDQ score: "Carer: 19 on 3 Mar 2025" */
      g_string_append_printf (text, _("%s: %d on %s"),
                              ct_enum_label (informant_field (), point->informant),
                              point->total, date);
    }
  return g_string_free (text, FALSE);
}

/* Drawing */

static void
compute_plot (CtSdqChart  *self,
              CtChartPlot *plot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int line = ct_chart_text_height (widget);
  int axis_width, axis_height, name_width, name_height;
  g_autoptr(PangoLayout) axis = ct_chart_create_layout (widget, "40", &axis_width, &axis_height);
  g_autoptr(PangoLayout) name = ct_chart_create_layout (widget, _(bands[1].name), &name_width,
                                                        &name_height);
  double left = axis_width + 2 * SPACING;
  double right = name_width + 2 * SPACING;
  double top = line + SPACING;
  /* The informants under the lowest points, then the dates. */
  double bottom = 2 * line + 3 * SPACING;

  graphene_rect_init (&plot->area, left, top,
                      MAX (1, gtk_widget_get_width (widget) - left - right),
                      MAX (1, gtk_widget_get_height (widget) - top - bottom));
  plot->first_day = g_array_index (self->points, Point, 0).day;
  plot->last_day = g_array_index (self->points, Point, self->points->len - 1).day;
  plot->maximum = MAX_TOTAL;
  plot->inset = INSET;
}

/* Each band shaded from its lower edge (between two totals: 13.5 is the
 * line between 13 and 14) up to the next band, its edge dashed and named
 * on the right: "Concern 17". */
static void
draw_bands (CtSdqChart        *self,
            GtkSnapshot       *snapshot,
            cairo_t           *cr,
            const CtChartPlot *plot)
{
  static const double dash[] = { 6, 4 };
  GtkWidget *widget = GTK_WIDGET (self);
  int line = ct_chart_text_height (widget);
  double upper = MAX_TOTAL;

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      double edge = bands[i].from - 0.5;
      double y = ct_chart_plot_y (plot, edge);
      g_autofree char *name = g_strdup_printf ("%s %d", _(bands[i].name), bands[i].from);
      GdkRGBA color, fill;

      ct_chart_lookup_color (widget, bands[i].color, &color);
      fill = color;
      fill.alpha *= 0.08;
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_rectangle (cr, plot->area.origin.x, ct_chart_plot_y (plot, upper),
                       plot->area.size.width,
                       y - ct_chart_plot_y (plot, upper));
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, plot->area.origin.x, y);
      cairo_line_to (cr, plot->area.origin.x + plot->area.size.width, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      ct_chart_draw_text (widget, snapshot, name,
                          plot->area.origin.x + plot->area.size.width + SPACING,
                          y - line + bands[i].below * line, 0, &color);
      upper = edge;
    }
}

static void
draw_points (CtSdqChart        *self,
             GtkSnapshot       *snapshot,
             cairo_t           *cr,
             const CtChartPlot *plot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int line = ct_chart_text_height (widget);
  GdkRGBA accent, label, dim;

  ct_chart_lookup_color (widget, "accent_color", &accent);
  ct_chart_get_foreground (widget, 1, &label);
  ct_chart_get_foreground (widget, 0.7, &dim);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);

      cairo_line_to (cr, ct_chart_plot_x (plot, point->day), ct_chart_plot_y (plot, point->total));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);
      g_autofree char *value = g_strdup_printf ("%d", point->total);
      double x = ct_chart_plot_x (plot, point->day);
      double y = ct_chart_plot_y (plot, point->total);

      cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
      ct_chart_draw_text (widget, snapshot, value, x, y - POINT_RADIUS - 2 - line, 0.5, &label);
      ct_chart_draw_text (widget, snapshot, ct_enum_label (informant_field (), point->informant),
                          x, y + POINT_RADIUS + 2, 0.5, &dim);
    }
}

static void
ct_sdq_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CtSdqChart *self = CT_SDQ_CHART (widget);
  CtChartPlot plot;
  cairo_t *cr;

  if (self->points->len == 0)
    {
      ct_chart_draw_empty (widget, snapshot, _("No SDQ totals yet"));
      return;
    }

  compute_plot (self, &plot);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));
  draw_bands (self, snapshot, cr, &plot);
  ct_chart_draw_grid (widget, snapshot, cr, &plot, 10);
  draw_points (self, snapshot, cr, &plot);
  cairo_destroy (cr);
  /* The dates under the informants of the lowest points. */
  ct_chart_draw_dates (widget, snapshot, &plot, g_array_index (self->points, Point, 0).date,
                       g_array_index (self->points, Point, self->points->len - 1).date,
                       plot.area.origin.y + plot.area.size.height +
                       ct_chart_text_height (widget) + 2 * SPACING);
}

static void
ct_sdq_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  CtSdqChart *self = CT_SDQ_CHART (widget);
  int line = ct_chart_text_height (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 16 * line;
      *natural = 32 * line;
    }
  else
    *minimum = *natural = self->points->len == 0 ? 3 * line : 20 * line;
}

static void
ct_sdq_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ct_sdq_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

GtkWidget *
ct_sdq_chart_new (void)
{
  return g_object_new (CT_TYPE_SDQ_CHART, NULL);
}

void
ct_sdq_chart_set_scores (CtSdqChart *self,
                         GListModel *scores)
{
  g_autofree char *description = NULL;

  g_return_if_fail (CT_IS_SDQ_CHART (self));
  g_return_if_fail (scores == NULL || G_IS_LIST_MODEL (scores));

  read_points (self, scores);
  description = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
ct_sdq_chart_get_n_points (CtSdqChart *self)
{
  g_return_val_if_fail (CT_IS_SDQ_CHART (self), 0);

  return self->points->len;
}

static void
ct_sdq_chart_finalize (GObject *object)
{
  CtSdqChart *self = CT_SDQ_CHART (object);

  g_array_unref (self->points);
  G_OBJECT_CLASS (ct_sdq_chart_parent_class)->finalize (object);
}

static void
ct_sdq_chart_class_init (CtSdqChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ct_sdq_chart_finalize;
  widget_class->snapshot = ct_sdq_chart_snapshot;
  widget_class->measure = ct_sdq_chart_measure;
  widget_class->css_changed = ct_sdq_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "sdq-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ct_sdq_chart_init (CtSdqChart *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, clear_point);
  ct_sdq_chart_set_scores (self, NULL);
}
