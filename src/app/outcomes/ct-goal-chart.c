/* ct-goal-chart.c: one goal's ratings over time
 *
 * Everything is drawn in the widget's own colours (the foreground, and the
 * named colours accent_color, success_color and error_color of the style),
 * so the chart follows the dark style; and every value is also written as
 * text, so nothing is told by colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-goal-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-chart-draw.h"
#include "ct-gbo-text.h"
#include "ct-goal-chart.h"
#include "ct-records.h"

#define MAX_SCORE      10.0
#define POINT_RADIUS   4.0
#define LINE_WIDTH     2.0
#define SPACING        6.0
#define BADGE_PADDING  4.0
#define INSET          24.0

typedef struct
{
  char   *date;        /* YYYY-MM-DD */
  guint32 day;         /* Julian day of date */
  char   *time_point;  /* baseline, review, end */
  double  score;
} Point;

struct _CtGoalChart
{
  GtkWidget    parent_instance;

  GArray      *points;  /* of Point, by date */
  CtGboScores  scores;
  double       threshold;
};

G_DEFINE_FINAL_TYPE (CtGoalChart, ct_goal_chart, GTK_TYPE_WIDGET)

static void
clear_point (gpointer data)
{
  Point *point = data;

  g_free (point->date);
  g_free (point->time_point);
}

/* Reading the ratings */

static const CtField *
time_point_field (void)
{
  return ct_kind_find_field (ct_kind_lookup ("goal_rating"), "time_point");
}

static int
time_point_order (const char *time_point)
{
  const char * const *words = ct_enum_words (time_point_field ());

  for (int i = 0; words[i] != NULL; i++)
    if (g_strcmp0 (words[i], time_point) == 0)
      return i;
  return -1;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *point_a = a;
  const Point *point_b = b;
  int by_date = g_strcmp0 (point_a->date, point_b->date);

  if (by_date != 0)
    return by_date;
  return time_point_order (point_a->time_point) - time_point_order (point_b->time_point);
}

static void
read_points (CtGoalChart *self,
             GListModel  *ratings)
{
  guint n_ratings = ratings != NULL ? g_list_model_get_n_items (ratings) : 0;

  g_array_set_size (self->points, 0);
  for (guint i = 0; i < n_ratings; i++)
    {
      g_autoptr(CtRecord) rating = g_list_model_get_item (ratings, i);
      Point point = { 0 };

      g_object_get (rating, "date", &point.date, "time-point", &point.time_point,
                    "score", &point.score, NULL);
      point.day = ct_chart_julian_day (point.date);
      g_array_append_val (self->points, point);
    }
  g_array_sort (self->points, compare_points);
}

/* The accessible description */

static char *
describe (CtGoalChart *self)
{
  g_autofree char *badge = ct_gbo_text_badge (&self->scores);
  GString *text;

  if (self->points->len == 0)
    return g_strdup (_("No ratings yet"));

  text = g_string_new (NULL);
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);
      g_autofree char *score = ct_gbo_text_score (point->score);
      g_autofree char *date = ct_cell_text_format_date (point->date);

      if (i > 0)
        g_string_append (text, "; ");
      /* Translators: one rating of a goal: "Baseline: 2.0 on 10 Apr 2024" */
      g_string_append_printf (text, _("%s: %s on %s"),
                              ct_enum_label (time_point_field (), point->time_point), score, date);
    }
  g_string_append (text, ". ");
  if (badge == NULL)
    g_string_append (text, _("No end rating yet"));
  else
    {
      g_autofree char *threshold = g_strdup_printf ("%.2f", self->scores.threshold);

      /* Translators: the change in words, "Reliable improvement +4.0", and the
       * team's reliable-change threshold, "2.45" */
      g_string_append_printf (text, _("%s (reliable change is %s or more)"), badge, threshold);
    }
  return g_string_free (text, FALSE);
}

/* Drawing */

static void
compute_plot (CtGoalChart *self,
              CtChartPlot *plot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int line = ct_chart_text_height (widget);
  int axis_width, axis_height;
  g_autoptr(PangoLayout) axis = ct_chart_create_layout (widget, "10", &axis_width, &axis_height);
  /* Room for the badge, a value over the top point and the dates below. */
  double top = line + 2 * BADGE_PADDING + SPACING + line + SPACING;
  int baseline_width, baseline_height;
  g_autoptr(PangoLayout) baseline = ct_chart_create_layout (widget, _("Baseline"),
                                                            &baseline_width, &baseline_height);
  double left = axis_width + 2 * SPACING;
  /* The baseline's name, right of the plot. */
  double right = baseline_width + 2 * SPACING;
  double bottom = line + 2 * SPACING;

  graphene_rect_init (&plot->area, left, top,
                      MAX (1, gtk_widget_get_width (widget) - left - right),
                      MAX (1, gtk_widget_get_height (widget) - top - bottom));
  plot->first_day = g_array_index (self->points, Point, 0).day;
  plot->last_day = g_array_index (self->points, Point, self->points->len - 1).day;
  plot->maximum = MAX_SCORE;
  plot->inset = INSET;
}

static void
draw_dates (CtGoalChart       *self,
            GtkSnapshot       *snapshot,
            const CtChartPlot *plot)
{
  ct_chart_draw_dates (GTK_WIDGET (self), snapshot, plot,
                       g_array_index (self->points, Point, 0).date,
                       g_array_index (self->points, Point, self->points->len - 1).date,
                       plot->area.origin.y + plot->area.size.height + SPACING);
}

static void
draw_baseline (CtGoalChart       *self,
               GtkSnapshot       *snapshot,
               cairo_t           *cr,
               const CtChartPlot *plot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  static const double dash[] = { 6, 4 };
  double y;
  GdkRGBA color;

  if (self->scores.baseline == CT_RECORD_NO_NUMBER)
    return;

  y = ct_chart_plot_y (plot, self->scores.baseline);
  ct_chart_get_foreground (widget, 0.6, &color);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, plot->area.origin.x, y);
  cairo_line_to (cr, plot->area.origin.x + plot->area.size.width, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  ct_chart_draw_text (widget, snapshot, _("Baseline"),
                      plot->area.origin.x + plot->area.size.width + SPACING,
                      y - ct_chart_text_height (widget) / 2.0, 0, &color);
}

static void
draw_points (CtGoalChart       *self,
             GtkSnapshot       *snapshot,
             cairo_t           *cr,
             const CtChartPlot *plot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int line = ct_chart_text_height (widget);
  GdkRGBA accent, label;

  ct_chart_lookup_color (widget, "accent_color", &accent);
  ct_chart_get_foreground (widget, 1, &label);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);

      cairo_line_to (cr, ct_chart_plot_x (plot, point->day), ct_chart_plot_y (plot, point->score));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);
      g_autofree char *value = ct_gbo_text_score (point->score);
      double x = ct_chart_plot_x (plot, point->day);
      double y = ct_chart_plot_y (plot, point->score);

      cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
      ct_chart_draw_text (widget, snapshot, value, x, y - POINT_RADIUS - 2 - line, 0.5, &label);
    }
}

/* The change, top right: "Reliable improvement +4.0" in a framed box. */
static void
draw_badge (CtGoalChart *self,
            GtkSnapshot *snapshot)
{
  static const char *color_names[] = {
    [CT_GBO_CHANGE_NONE] = NULL,
    [CT_GBO_CHANGE_IMPROVED] = "success_color",
    [CT_GBO_CHANGE_DETERIORATED] = "error_color",
  };
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *text = ct_gbo_text_badge (&self->scores);
  g_autoptr(PangoLayout) layout = NULL;
  GskRoundedRect frame;
  GdkRGBA color, fill;
  int width, height;

  if (text == NULL)
    return;

  ct_chart_lookup_color (widget, color_names[ct_gbo_scores_classify (&self->scores)], &color);
  fill = color;
  fill.alpha *= 0.12;
  layout = ct_chart_create_layout (widget, text, &width, &height);
  gsk_rounded_rect_init_from_rect (&frame,
                                   &GRAPHENE_RECT_INIT (MAX (0, gtk_widget_get_width (widget) -
                                                                width - 2 * BADGE_PADDING - 1),
                                                        1, width + 2 * BADGE_PADDING,
                                                        height + 2 * BADGE_PADDING),
                                   6);
  gtk_snapshot_push_rounded_clip (snapshot, &frame);
  gtk_snapshot_append_color (snapshot, &fill, &frame.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &frame, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { color, color, color, color });
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (frame.bounds.origin.x + BADGE_PADDING,
                                                          frame.bounds.origin.y + BADGE_PADDING));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
ct_goal_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CtGoalChart *self = CT_GOAL_CHART (widget);
  CtChartPlot plot;
  cairo_t *cr;

  if (self->points->len == 0)
    {
      ct_chart_draw_empty (widget, snapshot, _("No ratings yet"));
      return;
    }

  compute_plot (self, &plot);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));
  ct_chart_draw_grid (widget, snapshot, cr, &plot, 5);
  draw_baseline (self, snapshot, cr, &plot);
  draw_points (self, snapshot, cr, &plot);
  cairo_destroy (cr);
  draw_dates (self, snapshot, &plot);
  draw_badge (self, snapshot);
}

static void
ct_goal_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CtGoalChart *self = CT_GOAL_CHART (widget);
  int line = ct_chart_text_height (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 16 * line;
      *natural = 32 * line;
    }
  else if (self->points->len == 0)
    {
      /* Room for "No ratings yet", no more. */
      *minimum = *natural = 3 * line;
    }
  else
    {
      *minimum = 12 * line;
      *natural = 16 * line;
    }
}

/* The named colours change with the style (dark, high contrast). */
static void
ct_goal_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ct_goal_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

/* Public API */

GtkWidget *
ct_goal_chart_new (void)
{
  return g_object_new (CT_TYPE_GOAL_CHART, NULL);
}

static void
update_description (CtGoalChart *self)
{
  g_autofree char *description = describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
ct_goal_chart_set_ratings (CtGoalChart *self,
                           GListModel  *ratings)
{
  g_autoptr(GListStore) none = NULL;

  g_return_if_fail (CT_IS_GOAL_CHART (self));
  g_return_if_fail (ratings == NULL || G_IS_LIST_MODEL (ratings));

  if (ratings == NULL)
    ratings = G_LIST_MODEL (none = g_list_store_new (CT_TYPE_GOAL_RATING));
  read_points (self, ratings);
  ct_gbo_scores_from_ratings (&self->scores, ratings);
  self->scores.threshold = self->threshold;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ct_goal_chart_set_threshold (CtGoalChart *self,
                             double       threshold)
{
  g_return_if_fail (CT_IS_GOAL_CHART (self));

  self->threshold = threshold;
  self->scores.threshold = threshold;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ct_goal_chart_get_n_points (CtGoalChart *self)
{
  g_return_val_if_fail (CT_IS_GOAL_CHART (self), 0);

  return self->points->len;
}

const CtGboScores *
ct_goal_chart_get_scores (CtGoalChart *self)
{
  g_return_val_if_fail (CT_IS_GOAL_CHART (self), NULL);

  return &self->scores;
}

static void
ct_goal_chart_finalize (GObject *object)
{
  CtGoalChart *self = CT_GOAL_CHART (object);

  g_array_unref (self->points);

  G_OBJECT_CLASS (ct_goal_chart_parent_class)->finalize (object);
}

static void
ct_goal_chart_class_init (CtGoalChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ct_goal_chart_finalize;
  widget_class->snapshot = ct_goal_chart_snapshot;
  widget_class->measure = ct_goal_chart_measure;
  widget_class->css_changed = ct_goal_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "goal-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ct_goal_chart_init (CtGoalChart *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, clear_point);
  self->threshold = CT_GBO_RELIABLE_CHANGE;
  ct_goal_chart_set_ratings (self, NULL);
}
