/* test-goal-chart.c: the goal chart draws the ratings in the style's
 * colours, marks a reliable change, and says when there is nothing to draw;
 * the SDQ chart, drawn with the same helpers, draws totals against the bands
 *
 * The chart is rendered the way GTK renders it on screen (its paintable,
 * through the window's renderer) and the pixels are read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-goal-chart"

#include "config.h"

#include "ct-gbo-text.h"
#include "ct-goal-chart.h"
#include "ct-records.h"
#include "ct-sdq-chart.h"
#include "widget-test-util.h"

/* Colour channels may differ by rounding, never by more. */
#define TOLERANCE 2

typedef struct
{
  GtkWindow   *window;
  CtGoalChart *chart;
} Fixture;

typedef struct
{
  const char *date;
  const char *time_point;
  double      score;
} Rating;

static const Rating improving[] = {
  { "2024-04-10", "baseline", 2 },
  { "2024-08-01", "review", 4 },
  { "2024-12-01", "end", 6 },
};

static const Rating worsening[] = {
  { "2024-12-01", "end", 3.5 },
  { "2024-04-10", "baseline", 6 },
};

static GListModel *
ratings_new (const Rating *ratings,
             guint         n_ratings)
{
  GListStore *store = g_list_store_new (CT_TYPE_GOAL_RATING);

  for (guint i = 0; i < n_ratings; i++)
    {
      g_autoptr(CtRecord) rating = ct_record_new (ct_kind_lookup ("goal_rating"));

      g_object_set (rating, "date", ratings[i].date, "time-point", ratings[i].time_point,
                    "score", ratings[i].score, NULL);
      g_list_store_append (store, rating);
    }
  return G_LIST_MODEL (store);
}

/* Waiting */

static void
on_after_paint (GdkFrameClock *clock,
                guint         *n_paints)
{
  (*n_paints)++;
}

static gboolean
has_painted (gpointer n_paints)
{
  return *(guint *) n_paints > 0;
}

/* Waits until @widget is on screen and a frame has been painted since the
 * call: the frame that holds its latest drawing, which its paintable shows. */
static void
wait_until_drawn (GtkWidget *widget)
{
  GdkFrameClock *clock;
  guint n_paints = 0;
  gulong handler;

  test_wait_until_mapped (widget);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n_paints);
  gtk_widget_queue_draw (widget);
  test_wait_until (has_painted, &n_paints);
  g_signal_handler_disconnect (clock, handler);
}

/* Rendering */

typedef struct
{
  int      width;
  int      height;
  gsize    stride;
  guchar  *data;  /* premultiplied ARGB32, native endian, as cairo */
} Pixels;

static void
render (GtkWidget *widget,
        Pixels    *pixels)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  pixels->width = gtk_widget_get_width (widget);
  pixels->height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, pixels->width, pixels->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, pixels->width, pixels->height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, pixels->width);

  pixels->stride = 4 * pixels->width;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (texture, pixels->data, pixels->stride);
}

/* 0–1 → 0–255 */
static int
channel (float value)
{
  return (int) (value * 255 + 0.5);
}

static guint
count_pixels (const Pixels  *pixels,
              const GdkRGBA *color)
{
  guint n = 0;

  for (int y = 0; y < pixels->height; y++)
    for (int x = 0; x < pixels->width; x++)
      {
        guint32 argb = *(guint32 *) (pixels->data + y * pixels->stride + 4 * x);
        int red = (argb >> 16) & 0xff, green = (argb >> 8) & 0xff, blue = argb & 0xff;

        if ((argb >> 24) == 0xff &&
            ABS (red - channel (color->red)) <= TOLERANCE &&
            ABS (green - channel (color->green)) <= TOLERANCE &&
            ABS (blue - channel (color->blue)) <= TOLERANCE)
          n++;
      }
  return n;
}

static guint
count_painted (const Pixels *pixels)
{
  guint n = 0;

  for (int y = 0; y < pixels->height; y++)
    for (int x = 0; x < pixels->width; x++)
      if (*(guint32 *) (pixels->data + y * pixels->stride + 4 * x) >> 24 != 0)
        n++;
  return n;
}

static void
lookup_color (CtGoalChart *chart,
              const char  *name,
              GdkRGBA     *color)
{
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (chart)),
                                                 name, color));
  g_assert_cmpfloat (color->alpha, ==, 1);
}

/* The fixture: a chart alone in a window */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->chart = CT_GOAL_CHART (ct_goal_chart_new ());
  fixture->window = test_present_in_window (GTK_WIDGET (fixture->chart), 480, 280);
  wait_until_drawn (GTK_WIDGET (fixture->chart));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_destroy_window (fixture->window);
}

static void
show_ratings (Fixture      *fixture,
              const Rating *ratings,
              guint         n_ratings)
{
  g_autoptr(GListModel) model = ratings_new (ratings, n_ratings);

  ct_goal_chart_set_ratings (fixture->chart, model);
  wait_until_drawn (GTK_WIDGET (fixture->chart));
}

/* Tests */

static void
test_draws_line (Fixture       *fixture,
                 gconstpointer  data)
{
  Pixels pixels = { 0 };
  GdkRGBA accent, success, error;

  show_ratings (fixture, improving, G_N_ELEMENTS (improving));
  g_assert_cmpuint (ct_goal_chart_get_n_points (fixture->chart), ==, 3);
  render (GTK_WIDGET (fixture->chart), &pixels);

  lookup_color (fixture->chart, "accent_color", &accent);
  lookup_color (fixture->chart, "success_color", &success);
  lookup_color (fixture->chart, "error_color", &error);
  g_assert_cmpuint (count_painted (&pixels), >, 1000);
  /* Three points of radius 4 are ~150 pixels of the line's colour. */
  g_assert_cmpuint (count_pixels (&pixels, &accent), >=, 100);
  /* The badge: a reliable improvement, framed in the success colour. */
  g_assert_cmpuint (count_pixels (&pixels, &success), >=, 50);
  g_assert_cmpuint (count_pixels (&pixels, &error), ==, 0);
  g_free (pixels.data);

  gtk_test_accessible_assert_property (fixture->chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Baseline: 2.0 on 10 Apr 2024; Review: 4.0 on 1 Aug 2024; "
                                       "End: 6.0 on 1 Dec 2024. Reliable improvement +4.0 "
                                       "(reliable change is 2.45 or more)");
  /* Judged by another threshold, and saying so. */
  ct_goal_chart_set_threshold (fixture->chart, 4.5);
  gtk_test_accessible_assert_property (fixture->chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Baseline: 2.0 on 10 Apr 2024; Review: 4.0 on 1 Aug 2024; "
                                       "End: 6.0 on 1 Dec 2024. No reliable change +4.0 "
                                       "(reliable change is 4.50 or more)");
}

static void
test_marks_deterioration (Fixture       *fixture,
                          gconstpointer  data)
{
  Pixels pixels = { 0 };
  GdkRGBA success, error;
  double change = 0;

  show_ratings (fixture, worsening, G_N_ELEMENTS (worsening));
  g_assert_true (ct_gbo_scores_get_change (ct_goal_chart_get_scores (fixture->chart), &change));
  g_assert_cmpfloat (change, ==, -2.5);
  render (GTK_WIDGET (fixture->chart), &pixels);

  lookup_color (fixture->chart, "success_color", &success);
  lookup_color (fixture->chart, "error_color", &error);
  g_assert_cmpuint (count_pixels (&pixels, &error), >=, 50);
  g_assert_cmpuint (count_pixels (&pixels, &success), ==, 0);
  g_free (pixels.data);

  gtk_test_accessible_assert_property (fixture->chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Baseline: 6.0 on 10 Apr 2024; End: 3.5 on 1 Dec 2024. "
                                       "Reliable deterioration −2.5 (reliable change is 2.45 "
                                       "or more)");
}

/* No ratings: a text and nothing in the line's colour. */
static void
test_no_ratings (Fixture       *fixture,
                 gconstpointer  data)
{
  Pixels pixels = { 0 };
  GdkRGBA accent;

  show_ratings (fixture, NULL, 0);
  g_assert_cmpuint (ct_goal_chart_get_n_points (fixture->chart), ==, 0);
  render (GTK_WIDGET (fixture->chart), &pixels);

  lookup_color (fixture->chart, "accent_color", &accent);
  g_assert_cmpuint (count_painted (&pixels), >, 20);
  g_assert_cmpuint (count_pixels (&pixels, &accent), ==, 0);
  g_free (pixels.data);

  gtk_test_accessible_assert_property (fixture->chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No ratings yet");
}

/* The dark style's colours, not the light one's: nothing is hard-coded. */
static void
test_follows_dark_style (Fixture       *fixture,
                         gconstpointer  data)
{
  Pixels pixels = { 0 };
  GdkRGBA light_accent, dark_accent;

  show_ratings (fixture, improving, G_N_ELEMENTS (improving));
  lookup_color (fixture->chart, "accent_color", &light_accent);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  wait_until_drawn (GTK_WIDGET (fixture->chart));
  lookup_color (fixture->chart, "accent_color", &dark_accent);
  g_assert_false (gdk_rgba_equal (&light_accent, &dark_accent));

  render (GTK_WIDGET (fixture->chart), &pixels);
  g_assert_cmpuint (count_pixels (&pixels, &dark_accent), >=, 100);
  g_assert_cmpuint (count_pixels (&pixels, &light_accent), ==, 0);
  g_free (pixels.data);
}

/* The words and numbers the chart, the cards and the view share. */
static void
test_gbo_text (void)
{
  const CtGboScores paired = { 6, 3.5, 3.5 };
  const CtGboScores unpaired = { 6, 7, CT_RECORD_NO_NUMBER };
  g_autofree char *badge = ct_gbo_text_badge (&paired);
  struct { double change; const char *text; } changes[] = {
    { 4, "+4.0" }, { -2.5, "−2.5" }, { 1.25, "+1.3" }, { -1.25, "−1.3" },
    { 0.04, "0.0" }, { -0.04, "0.0" }, { 0, "0.0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *text = ct_gbo_text_change (changes[i].change);

      g_assert_cmpstr (text, ==, changes[i].text);
    }
  g_assert_cmpstr (badge, ==, "Reliable deterioration −2.5");
  g_assert_null (ct_gbo_text_badge (&unpaired));
  g_assert_cmpstr (ct_gbo_text_style_class (CT_GBO_CHANGE_IMPROVED), ==, "success");
  g_assert_null (ct_gbo_text_style_class (CT_GBO_CHANGE_NONE));
}

/* The SDQ chart, drawn with the same helpers: its totals in the accent
 * colour, the concern band in the error colour, and every score in its
 * accessible description, informant first. A reason without a total is
 * not drawn. */
static void
test_sdq_chart (void)
{
  static const struct { const char *date; const char *informant; const char *total; } scores[] = {
    { "2024-09-01", "teacher", "17" },
    { "2024-03-01", "carer", "13" },
    { "2025-03-01", "carer", NULL },
  };
  g_autoptr(GListStore) store = g_list_store_new (CT_TYPE_SDQ_SCORE);
  CtSdqChart *chart;
  GtkWindow *window;
  Pixels pixels = { 0 };
  GdkRGBA accent, error;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autoptr(CtRecord) score = ct_record_new (ct_kind_lookup ("sdq_score"));

      g_assert_true (ct_record_set_string_by_name (score, "date", scores[i].date, NULL));
      g_assert_true (ct_record_set_string_by_name (score, "informant", scores[i].informant,
                                                   NULL));
      g_assert_true (ct_record_set_string_by_name (score, "total", scores[i].total, NULL));
      g_list_store_append (store, score);
    }
  chart = CT_SDQ_CHART (ct_sdq_chart_new ());
  window = test_present_in_window (GTK_WIDGET (chart), 480, 320);
  ct_sdq_chart_set_scores (chart, G_LIST_MODEL (store));
  g_assert_cmpuint (ct_sdq_chart_get_n_points (chart), ==, 2);
  wait_until_drawn (GTK_WIDGET (chart));
  render (GTK_WIDGET (chart), &pixels);

  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (chart)),
                                                 "accent_color", &accent));
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (chart)),
                                                 "error_color", &error));
  g_assert_cmpuint (count_pixels (&pixels, &accent), >=, 50);
  g_assert_cmpuint (count_pixels (&pixels, &error), >=, 20);
  g_free (pixels.data);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Carer: 13 on 1 Mar 2024; Teacher: 17 on 1 Sep 2024");
  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible description is checked: GTK's test backend keeps it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_widget_init (&argc, &argv);

  g_test_add ("/goal-chart/draws-line", Fixture, NULL,
              fixture_set_up, test_draws_line, fixture_tear_down);
  g_test_add ("/goal-chart/marks-deterioration", Fixture, NULL,
              fixture_set_up, test_marks_deterioration, fixture_tear_down);
  g_test_add ("/goal-chart/no-ratings", Fixture, NULL,
              fixture_set_up, test_no_ratings, fixture_tear_down);
  g_test_add ("/goal-chart/follows-dark-style", Fixture, NULL,
              fixture_set_up, test_follows_dark_style, fixture_tear_down);
  g_test_add_func ("/goal-chart/gbo-text", test_gbo_text);
  g_test_add_func ("/goal-chart/sdq-chart", test_sdq_chart);

  return g_test_run ();
}
