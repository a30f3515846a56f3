/* ct-bar-chart.c: horizontal bars of a breakdown, each labelled
 *
 * Drawn with GtkSnapshot in the style's colours (the foreground and the
 * named accent_bg_color), so the chart follows the dark style; every value
 * is written as text beside its bar, and a withheld value is told by its
 * hatched outline and the word "withheld", not by colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-bar-chart.h"

#define ROW_PADDING   4.0
#define BAR_INSET     5.0
#define SPACING       12.0
#define HATCH_SPACING 6.0
/* The label column takes at most this share of the width. */
#define LABEL_SHARE   0.45

struct _CtBarChart
{
  GtkWidget  parent_instance;

  GArray    *bars;     /* of CtBar */
  double     maximum;  /* the value of a full bar */
};

G_DEFINE_FINAL_TYPE (CtBarChart, ct_bar_chart, GTK_TYPE_WIDGET)

/* Where things go, in the chart's coordinates. */
typedef struct
{
  double row_height;
  double label_width;   /* the label column */
  double bar_x;         /* where every bar starts */
  double bar_width;     /* a full bar */
  double marker_width;  /* the mark of a withheld value */
} Geometry;

static const CtBar *
get_bar (CtBarChart *self,
         guint       index)
{
  return &g_array_index (self->bars, CtBar, index);
}

/* "Social worker: 12"; with @why, a value not shown says why. */
static char *
describe_bar (const CtBar *bar,
              gboolean     why)
{
  const char *value = why && bar->state != CT_VALUE_SHOWN ? ct_value_state_describe (bar->state)
                                                          : bar->text;

  /* Translators: one bar of a chart, "Social worker: 12" */
  return g_strdup_printf (_("%s: %s"), bar->label, value);
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return width;
}

static int
text_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0");
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return height;
}

static void
compute_geometry (CtBarChart *self,
                  Geometry   *geometry)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double widest_label = 0, widest_value = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      widest_label = MAX (widest_label, text_width (widget, get_bar (self, i)->label));
      widest_value = MAX (widest_value, text_width (widget, get_bar (self, i)->text));
    }

  geometry->row_height = text_height (widget) + 2 * ROW_PADDING;
  geometry->label_width = MIN (widest_label, width * LABEL_SHARE);
  geometry->bar_x = geometry->label_width + SPACING;
  geometry->bar_width = MAX (1, width - geometry->bar_x - SPACING / 2 - widest_value);
  geometry->marker_width = 2 * geometry->row_height;
}

/* The bar of @index: its full length for a value, the mark for a withheld
 * one; empty for 0 or no data. */
static void
bar_rect (CtBarChart      *self,
          const Geometry  *geometry,
          guint            index,
          graphene_rect_t *rect)
{
  const CtBar *bar = get_bar (self, index);
  double length = 0;

  if (bar->state == CT_VALUE_WITHHELD)
    length = geometry->marker_width;
  else if (bar->state == CT_VALUE_SHOWN && self->maximum > 0)
    length = geometry->bar_width * MIN (bar->value / self->maximum, 1.0);

  graphene_rect_init (rect, geometry->bar_x, index * geometry->row_height + BAR_INSET,
                      length, geometry->row_height - 2 * BAR_INSET);
}

/* Drawing */

static void
get_color (GtkWidget  *widget,
           const char *name,
           double      alpha,
           GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (name == NULL || !gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
  color->alpha *= alpha;
}

/* @text in the row @index, starting at @x; ellipsized to @max_width when
 * it is positive. */
static void
draw_text (CtBarChart     *self,
           GtkSnapshot    *snapshot,
           const Geometry *geometry,
           guint           index,
           const char     *text,
           double          x,
           double          max_width,
           const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (x, index * geometry->row_height +
                                                   (geometry->row_height - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Diagonal stripes inside an outline. */
static void
draw_withheld_mark (CtBarChart            *self,
                    GtkSnapshot           *snapshot,
                    const graphene_rect_t *rect)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA stripe, outline, clear;
  GskRoundedRect frame;

  get_color (widget, NULL, 0.45, &stripe);
  get_color (widget, NULL, 0.8, &outline);
  clear = stripe;
  clear.alpha = 0;

  gtk_snapshot_append_repeating_linear_gradient (
    snapshot, rect,
    &GRAPHENE_POINT_INIT (rect->origin.x, rect->origin.y),
    &GRAPHENE_POINT_INIT (rect->origin.x + HATCH_SPACING, rect->origin.y + HATCH_SPACING),
    (GskColorStop[]) { { 0, stripe }, { 0.35, stripe }, { 0.35, clear }, { 1, clear } }, 4);
  gsk_rounded_rect_init_from_rect (&frame, rect, 0);
  gtk_snapshot_append_border (snapshot, &frame, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { outline, outline, outline, outline });
}

static void
draw_bar (CtBarChart     *self,
          GtkSnapshot    *snapshot,
          const Geometry *geometry,
          guint           index)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const CtBar *bar = get_bar (self, index);
  graphene_rect_t rect;
  GdkRGBA label, value, fill;

  get_color (widget, NULL, 1, &label);
  get_color (widget, NULL, bar->state == CT_VALUE_SHOWN ? 1 : 0.7, &value);
  get_color (widget, "accent_bg_color", 1, &fill);

  draw_text (self, snapshot, geometry, index, bar->label, 0, geometry->label_width, &label);
  bar_rect (self, geometry, index, &rect);
  if (bar->state == CT_VALUE_WITHHELD)
    draw_withheld_mark (self, snapshot, &rect);
  else if (rect.size.width > 0)
    {
      GskRoundedRect rounded;

      gsk_rounded_rect_init_from_rect (&rounded, &rect, 3);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &fill, &rect);
      gtk_snapshot_pop (snapshot);
    }
  draw_text (self, snapshot, geometry, index, bar->text,
             rect.origin.x + rect.size.width + SPACING / 2, 0, &value);
}

static void
ct_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CtBarChart *self = CT_BAR_CHART (widget);
  Geometry geometry;

  compute_geometry (self, &geometry);
  for (guint i = 0; i < self->bars->len; i++)
    draw_bar (self, snapshot, &geometry, i);
}

static void
ct_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  CtBarChart *self = CT_BAR_CHART (widget);
  int line = text_height (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 12 * line;
      *natural = 24 * line;
    }
  else
    *minimum = *natural = self->bars->len * (line + 2 * ROW_PADDING);
}

/* The row under the pointer: its label, value and why it is missing. */
static gboolean
ct_bar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  CtBarChart *self = CT_BAR_CHART (widget);
  g_autofree char *text = NULL;
  Geometry geometry;
  guint index;

  compute_geometry (self, &geometry);
  index = (guint) (y / geometry.row_height);
  if (keyboard_mode || y < 0 || index >= self->bars->len)
    return FALSE;

  text = describe_bar (get_bar (self, index), TRUE);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The named colours change with the style (dark, high contrast). */
static void
ct_bar_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ct_bar_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

/* Public API */

GtkWidget *
ct_bar_chart_new (void)
{
  return g_object_new (CT_TYPE_BAR_CHART, NULL);
}

void
ct_bar_chart_set_bars (CtBarChart *self,
                       GArray     *bars,
                       double      maximum)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CT_IS_BAR_CHART (self));
  g_return_if_fail (bars != NULL);

  g_array_ref (bars);
  g_array_unref (self->bars);
  self->bars = bars;
  self->maximum = ct_bars_get_scale (bars, maximum);

  text = ct_bar_chart_dup_text (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

char *
ct_bar_chart_dup_text (CtBarChart *self)
{
  GString *text;

  g_return_val_if_fail (CT_IS_BAR_CHART (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autofree char *bar = describe_bar (get_bar (self, i), FALSE);

      g_string_append (text, bar);
      if (i + 1 < self->bars->len)
        g_string_append (text, "; ");
    }
  return g_string_free (text, FALSE);
}

gboolean
ct_bar_chart_get_bar_rect (CtBarChart      *self,
                           guint            index,
                           graphene_rect_t *rect)
{
  Geometry geometry;

  g_return_val_if_fail (CT_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (index >= self->bars->len)
    return FALSE;
  compute_geometry (self, &geometry);
  bar_rect (self, &geometry, index, rect);
  return rect->size.width > 0;
}

/* GObject */

static void
ct_bar_chart_finalize (GObject *object)
{
  CtBarChart *self = CT_BAR_CHART (object);

  g_array_unref (self->bars);

  G_OBJECT_CLASS (ct_bar_chart_parent_class)->finalize (object);
}

static void
ct_bar_chart_class_init (CtBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ct_bar_chart_finalize;
  widget_class->snapshot = ct_bar_chart_snapshot;
  widget_class->measure = ct_bar_chart_measure;
  widget_class->query_tooltip = ct_bar_chart_query_tooltip;
  widget_class->css_changed = ct_bar_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "bar-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ct_bar_chart_init (CtBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (CtBar));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}
