/* test-reports-view.c: the Reports view shows the committee summary of
 * DOMAIN.md's worked example figure for figure, withholds for the public
 * audience, exports the CLI's JSON document and a PDF paper (both audited),
 * and drops everything when the file is locked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-reports-view"

#include "config.h"

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>
#include <string.h>

#include "ct-audit-log.h"
#include "ct-bar-chart.h"
#include "ct-import.h"
#include "ct-preferences.h"
#include "ct-reports-view.h"
#include "ct-summary-json.h"
#include "ct-summary-print.h"
#include "ct-summary-text.h"
#include "ct-validate.h"
#include "summary-fixture.h"
#include "test-database-util.h"
#include "test-store.h"
#include "widget-test-util.h"

#define WORKED_EXAMPLE "2024/25"

typedef struct
{
  TestFixture    files;
  CtDatabase    *db;
  GtkWindow     *window;
  CtReportsView *view;
} Fixture;

static gboolean
has_computed (gpointer view)
{
  return !ct_reports_view_is_loading (view);
}

/* The summary chosen (computed on the store's reader) has arrived. */
static void
wait_until_computed (Fixture *fixture)
{
  test_wait_until (has_computed, fixture->view);
}

/* The eight CSV files of the worked example, as test-summary-json.c
 * imports them. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_fixture_setup (&fixture->files, data);
  fixture->db = fixture_create (fixture->files.path);
  test_store_start_reader (fixture->db, FALSE);
  fixture_import_worked_example (fixture->db);
  fixture->view = CT_REPORTS_VIEW (ct_reports_view_new (fixture->db));
  fixture->window = test_present_in_window (GTK_WIDGET (fixture->view), 1200, 900);
  wait_until_computed (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_destroy_window (fixture->window);
  g_clear_object (&fixture->db);
  test_fixture_teardown (&fixture->files, data);
}

/* Finding widgets */

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (Fixture    *fixture,
            const char *name)
{
  return test_find_widget (fixture->view, has_name, name);
}

static GtkWidget *
get_named (Fixture    *fixture,
           const char *name)
{
  GtkWidget *widget = find_named (fixture, name);

  if (widget == NULL)
    g_error ("No widget named “%s”", name);
  return widget;
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (get_named (fixture, name)));
}

static void
select_string (GtkDropDown *dropdown,
               const char  *text)
{
  GListModel *strings = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (strings); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (strings), i), text))
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_error ("“%s” is not in the drop-down", text);
}

/* Chooses a period as a person does: its kind, then the period. */
static void
choose_period (Fixture    *fixture,
               const char *kind,
               const char *label)
{
  select_string (GTK_DROP_DOWN (get_named (fixture, "period-kind")), kind);
  select_string (GTK_DROP_DOWN (get_named (fixture, "period")), label);
  wait_until_computed (fixture);
}

static void
set_audience (Fixture    *fixture,
              CtAudience  audience)
{
  const char *id = audience == CT_AUDIENCE_PUBLIC ? "public_button" : "internal_button";

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_find_by_id (fixture->view, id)), TRUE);
  wait_until_computed (fixture);
}

static const CtSummary *
shown_summary (Fixture *fixture)
{
  CtReport *report = ct_reports_view_get_report (fixture->view);

  g_assert_nonnull (report);
  return ct_report_get_summary (report);
}

/* The expected document */

static JsonNode *
read_document (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "summary-example", file,
                                                 NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
is_percent_key (const char *key)
{
  return g_str_has_suffix (key, "_pct") || g_str_has_prefix (key, "pct_");
}

/* A value of the document as the view writes it in the C locale of the
 * tests: "17", "85.5", "100.0%", "2.45"; "—" for null. */
static char *
expected_text (const char *key,
               JsonNode   *node)
{
  g_autofree char *number = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  number = g_strdup_printf (g_str_equal (key, "reliable_change_threshold") ? "%.2f" : "%.1f",
                            json_node_get_double (node));
  return is_percent_key (key) ? g_strconcat (number, "%", NULL) : g_steal_pointer (&number);
}

/* "Social worker: withheld; Health: 3; ..." */
static char *
expected_chart_text (const CtFigure *figure,
                     JsonObject     *cells)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < figure->n_cells; i++)
    {
      const char *word = figure->cells[i].word;
      JsonNode *node = json_object_get_member (cells, word);

      g_assert_nonnull (node);
      g_string_append_printf (text, "%s%s: ", i > 0 ? "; " : "",
                              ct_summary_text_word (figure, word));
      if (JSON_NODE_HOLDS_NULL (node))
        g_string_append (text, "withheld");
      else
        g_string_append_printf (text, "%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  return g_string_free (text, FALSE);
}

static gboolean
is_suppressed (JsonNode   *document,
               const char *path)
{
  JsonObject *disclosure = json_object_get_object_member (json_node_get_object (document),
                                                          "disclosure");
  JsonArray *suppressed = json_object_get_array_member (disclosure, "suppressed");

  for (guint i = 0; i < json_array_get_length (suppressed); i++)
    if (g_str_equal (json_array_get_string_element (suppressed, i), path))
      return TRUE;
  return FALSE;
}

/* A headline figure: its text, and for null whether it was withheld or
 * has no data, as its tile's tooltip says. */
static void
assert_figure (Fixture    *fixture,
               JsonNode   *document,
               const char *path,
               const char *key,
               JsonNode   *node)
{
  GtkWidget *label = get_named (fixture, path);
  g_autofree char *expected = expected_text (key, node);
  const char *tooltip = gtk_widget_get_tooltip_text (gtk_widget_get_parent (label));

  g_assert_cmpstr (label_text (fixture, path), ==, expected);
  if (!JSON_NODE_HOLDS_NULL (node))
    g_assert_null (tooltip);
  else if (is_suppressed (document, path))
    g_assert_true (g_str_has_prefix (tooltip, "Withheld for publication"));
  else
    g_assert_true (g_str_has_prefix (tooltip, "No data"));
}

static void
assert_chart (Fixture    *fixture,
              const char *path,
              JsonObject *cells)
{
  CtBarChart *chart = CT_BAR_CHART (get_named (fixture, path));
  const CtFigure *figure = ct_summary_lookup (shown_summary (fixture), path);
  g_autofree char *expected = NULL;
  g_autofree char *text = ct_bar_chart_dup_text (chart);

  g_assert_nonnull (figure);
  expected = expected_chart_text (figure, cells);
  g_assert_cmpstr (text, ==, expected);
}

/* Every figure of @document, as the view shows it. */
static void
assert_shows (Fixture  *fixture,
              JsonNode *document)
{
  static const char *const sections[] = {
    "referrals", "caseload", "consultations", "reflective_practice", "outcomes", "training",
    "sdq",
  };
  JsonObject *root = json_node_get_object (document);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      JsonObject *section = json_object_get_object_member (root, sections[i]);
      g_autoptr(GList) keys = json_object_get_members (section);

      for (GList *l = keys; l != NULL; l = l->next)
        {
          g_autofree char *path = g_strconcat (sections[i], ".", l->data, NULL);
          JsonNode *node = json_object_get_member (section, l->data);

          if (JSON_NODE_HOLDS_OBJECT (node))
            assert_chart (fixture, path, json_node_get_object (node));
          else
            assert_figure (fixture, document, path, l->data, node);
        }
    }
}

/* Every figure of the document @name, as the view shows it. */
static void
assert_shows_document (Fixture    *fixture,
                       const char *name)
{
  g_autoptr(JsonNode) document = read_document (name);

  assert_shows (fixture, document);
}

static const char *
notice_text (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (get_named (fixture, "notice")));
}

/* The audit trail's summary entries of @action, newest first. */
static GStrv
summary_entries (Fixture    *fixture,
                 const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = ct_audit_log_list (fixture->db, NULL, NULL, "summary", NULL,
                                                     &error);
  g_autoptr(GStrvBuilder) descriptions = g_strv_builder_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CtAuditEntry) entry = g_list_model_get_item (entries, i);

      if (g_str_equal (ct_audit_entry_get_action (entry), action))
        g_strv_builder_add (descriptions, ct_audit_entry_get_description (entry));
    }
  return g_strv_builder_end (descriptions);
}

static GStrv
summary_audit (Fixture *fixture)
{
  return summary_entries (fixture, "export");
}

/* Tests */

/* The view opens on the last financial quarter that has ended. */
static void
test_default_period (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int month = g_date_time_get_month (now);
  int year = g_date_time_get_year (now) - (month < 4 ? 1 : 0);
  int quarter = month >= 4 ? (month - 4) / 3 + 1 : 4;
  g_autoptr(CtPeriod) expected = quarter > 1 ? ct_period_new_quarter (year, quarter - 1)
                                             : ct_period_new_quarter (year - 1, 4);
  const CtPeriod *shown = ct_summary_get_period (shown_summary (fixture));

  g_assert_cmpstr (ct_period_get_label (shown), ==, ct_period_get_label (expected));
  g_assert_cmpint (ct_report_get_audience (ct_reports_view_get_report (fixture->view)), ==,
                   CT_AUDIENCE_PUBLIC);
}

static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Each summary shown is a view entry of the audit trail, naming the period
 * and the audience, never a figure. */
static void
test_view_audited (Fixture       *fixture,
                   gconstpointer  data)
{
  const CtPeriod *shown = ct_summary_get_period (shown_summary (fixture));
  g_autofree char *expected = g_strdup_printf ("Viewed the public committee summary for %s",
                                               ct_period_get_label (shown));
  g_auto(GStrv) views = summary_entries (fixture, "view");

  g_assert_cmpuint (g_strv_length (views), >=, 1);
  g_assert_cmpstr (views[0], ==, expected);
}

/* The period under way is offered ending today, marked "to date" in the
 * list, on the page, in the JSON document and in the file names. */
static void
test_period_to_date (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) document = NULL;
  JsonObject *period;
  const CtPeriod *shown;
  g_autofree char *file_name = NULL;

  /* The lists are made when a kind is chosen. */
  ct_validate_set_today_for_testing ("2025-11-14");
  select_string (GTK_DROP_DOWN (get_named (fixture, "period-kind")), "Month");
  choose_period (fixture, "Quarter", "2025/26 Q3 to date");
  shown = ct_summary_get_period (shown_summary (fixture));
  g_assert_cmpstr (ct_period_get_label (shown), ==, "2025/26 Q3 to date");
  g_assert_cmpstr (ct_period_get_from (shown), ==, "2025-10-01");
  g_assert_cmpstr (ct_period_get_to (shown), ==, "2025-11-14");
  g_assert_nonnull (test_find_widget (fixture->view, has_text, "2025/26 Q3 to date"));
  /* The quarters that have ended are as they were. */
  choose_period (fixture, "Quarter", "2025/26 Q2");

  choose_period (fixture, "Financial Year", "2025/26 to date");
  document = ct_summary_to_json (shown_summary (fixture), CT_AUDIENCE_PUBLIC, NULL);
  period = json_object_get_object_member (json_node_get_object (document), "period");
  g_assert_cmpstr (json_object_get_string_member (period, "label"), ==, "2025/26 to date");
  g_assert_cmpstr (json_object_get_string_member (period, "to"), ==, "2025-11-14");
  file_name = ct_report_dup_file_name (ct_reports_view_get_report (fixture->view), "pdf");
  g_assert_cmpstr (file_name, ==, "committee-summary-2025-26-to-date-public.pdf");
  test_save_screenshot (GTK_WIDGET (fixture->window), "reports-to-date.png");
  ct_validate_set_today_for_testing (NULL);
}

/* 2024/25, public: every figure and every cell of the worked example's
 * public document, and how many are withheld. */
static void
test_worked_example_public (Fixture       *fixture,
                            gconstpointer  data)
{
  choose_period (fixture, "Financial Year", WORKED_EXAMPLE);

  g_assert_cmpstr (ct_period_get_label (ct_summary_get_period (shown_summary (fixture))), ==,
                   WORKED_EXAMPLE);
  assert_shows_document (fixture, "2024-25-public");
  g_assert_cmpstr (notice_text (fixture), ==, "52 figures withheld for publication");
  g_assert_true (g_str_has_prefix (label_text (fixture, "disclosure-note"),
                                   "Disclosure control (rule suppress-1-4)"));

  /* A few by hand, so that the comparison above is not only with itself. */
  g_assert_cmpstr (label_text (fixture, "referrals.received"), ==, "17");
  g_assert_cmpstr (label_text (fixture, "consultations.hours"), ==, "85.5");
  g_assert_cmpstr (label_text (fixture, "outcomes.pct_goals_reliably_improved"), ==, "35.3%");
  g_assert_cmpstr (label_text (fixture, "training.mean_confidence_before"), ==, "—");
}

/* Under NHS Digital's rule the view shows what the public document of that
 * rule says, cells rounded to 5, and its footnote names the rule. */
static void
test_nhs_digital_rule (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtPeriod) period = NULL;
  g_autoptr(CtSummary) summary = NULL;
  g_autoptr(JsonNode) document = NULL;
  const CtFigure *by_source;

  g_assert_true (ct_preferences_set_rule (fixture->db, CT_DISCLOSURE_NHS_DIGITAL, &error));
  g_assert_no_error (error);
  choose_period (fixture, "Financial Year", WORKED_EXAMPLE);
  g_assert_cmpint (ct_summary_get_rule (shown_summary (fixture)), ==, CT_DISCLOSURE_NHS_DIGITAL);

  period = ct_period_parse (WORKED_EXAMPLE, &error);
  g_assert_no_error (error);
  summary = ct_summary_compute (fixture->db, period, &error);
  g_assert_no_error (error);
  document = ct_summary_to_json (summary, CT_AUDIENCE_PUBLIC, NULL);
  assert_shows (fixture, document);
  g_assert_true (g_str_has_prefix (label_text (fixture, "disclosure-note"),
                                   "Disclosure control (rule nhs-digital, NHS Digital’s rule"));

  /* Every cell shown is a multiple of 5 in the public document. */
  by_source = ct_summary_lookup (summary, "referrals.by_source");
  for (guint i = 0; i < by_source->n_cells; i++)
    {
      JsonObject *cells = json_object_get_object_member (
        json_object_get_object_member (json_node_get_object (document), "referrals"),
        "by_source");
      JsonNode *cell = json_object_get_member (cells, by_source->cells[i].word);

      if (!JSON_NODE_HOLDS_NULL (cell))
        g_assert_cmpint (json_node_get_int (cell) % 5, ==, 0);
    }
}

/* Internal: nothing withheld, every figure of the internal document, and
 * the notice that it is not for publication; public again withholds. */
static void
test_internal_unwithholds (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *chart = NULL;

  choose_period (fixture, "Financial Year", WORKED_EXAMPLE);
  set_audience (fixture, CT_AUDIENCE_INTERNAL);

  g_assert_cmpint (ct_report_get_audience (ct_reports_view_get_report (fixture->view)), ==,
                   CT_AUDIENCE_INTERNAL);
  assert_shows_document (fixture, "2024-25-internal");
  g_assert_cmpstr (notice_text (fixture), ==, "Internal summary: not for publication");
  chart = ct_bar_chart_dup_text (CT_BAR_CHART (get_named (fixture, "referrals.by_source")));
  g_assert_null (strstr (chart, "withheld"));

  set_audience (fixture, CT_AUDIENCE_PUBLIC);
  assert_shows_document (fixture, "2024-25-public");
}

/* Rendering */

typedef struct
{
  int      width;
  int      height;
  gsize    stride;
  guchar  *data;  /* premultiplied ARGB32, as cairo */
} Pixels;

static gboolean
is_laid_out (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* Draws @widget as it draws itself (its snapshot function: the chart has
 * no CSS background) once it is laid out, and reads the pixels back. */
static void
render (GtkWidget *widget,
        Pixels    *pixels)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  test_wait_until (is_laid_out, widget);
  pixels->width = gtk_widget_get_width (widget);
  pixels->height = gtk_widget_get_height (widget);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, pixels->width, pixels->height));
  pixels->stride = 4 * pixels->width;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (texture, pixels->data, pixels->stride);
}

static guint32
pixel_at (const Pixels *pixels,
          int           x,
          int           y)
{
  return *(guint32 *) (pixels->data + y * pixels->stride + 4 * x);
}

/* How often the colour changes along the middle row of @rect, inside it. */
static guint
count_changes (const Pixels          *pixels,
               const graphene_rect_t *rect)
{
  int y = (int) (rect->origin.y + rect->size.height / 2);
  guint changes = 0;

  for (int x = (int) rect->origin.x + 3; x < (int) (rect->origin.x + rect->size.width) - 3; x++)
    if (pixel_at (pixels, x, y) != pixel_at (pixels, x - 1, y))
      changes++;
  return changes;
}

/* A withheld cell is drawn as stripes in its outline; a value shown is
 * one solid bar. */
static void
test_withheld_cell_marked (Fixture       *fixture,
                           gconstpointer  data)
{
  CtBarChart *withheld, *shown;
  g_autofree char *text = NULL;
  graphene_rect_t rect;
  Pixels pixels = { 0 };

  choose_period (fixture, "Financial Year", WORKED_EXAMPLE);
  withheld = CT_BAR_CHART (get_named (fixture, "referrals.by_source"));
  shown = CT_BAR_CHART (get_named (fixture, "referrals.by_age_band"));
  text = ct_bar_chart_dup_text (withheld);
  g_assert_true (g_str_has_prefix (text, "Social worker: withheld;"));

  render (GTK_WIDGET (withheld), &pixels);
  g_assert_true (ct_bar_chart_get_bar_rect (withheld, 0, &rect));
  /* Right of the labels, clear of their text. */
  g_assert_cmpfloat (rect.origin.x, >, gtk_widget_get_width (GTK_WIDGET (withheld)) / 4.0);
  g_assert_cmpfloat (rect.size.width, >=, 20);
  g_assert_cmpuint (count_changes (&pixels, &rect), >=, 4);
  g_free (pixels.data);

  /* 5–10: 9 */
  render (GTK_WIDGET (shown), &pixels);
  g_assert_true (ct_bar_chart_get_bar_rect (shown, 1, &rect));
  g_assert_cmpfloat (rect.size.width, >=, 20);
  g_assert_cmpuint (count_changes (&pixels, &rect), ==, 0);
  g_free (pixels.data);

  /* 16–17: 0 has no bar at all. */
  g_assert_false (ct_bar_chart_get_bar_rect (shown, 3, &rect));
}

static GDateTime *
fixed_time (void)
{
  return g_date_time_new_utc (2026, 11, 25, 9, 30, 0);
}

/* The file exported is the core's document, byte for byte: the CLI's. */
static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = test_fixture_file (&fixture->files, "summary.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) when = fixed_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtPeriod) period = ct_period_parse (WORKED_EXAMPLE, &error);
  g_autoptr(CtSummary) summary = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_auto(GStrv) audit = NULL;

  choose_period (fixture, "Financial Year", WORKED_EXAMPLE);
  g_assert_true (ct_reports_view_export_json (fixture->view, file, when, &error));
  g_assert_no_error (error);

  summary = ct_summary_compute (fixture->db, period, &error);
  g_assert_no_error (error);
  root = ct_summary_to_json (summary, CT_AUDIENCE_PUBLIC, when);
  expected = ct_summary_json_to_text (root);
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);

  audit = summary_audit (fixture);
  g_assert_cmpuint (g_strv_length (audit), ==, 1);
  g_assert_cmpstr (audit[0], ==, "Exported the public committee summary for " WORKED_EXAMPLE);
}

static void
assert_pdf (const char *path)
{
  g_autoptr(GBytes) bytes = test_read_bytes (path);

  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
}

/* The paper as PDF, audited. */
static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = test_fixture_file (&fixture->files, "summary.pdf");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) audit = NULL;
  GStatBuf st;

  choose_period (fixture, "Financial Year", WORKED_EXAMPLE);
  set_audience (fixture, CT_AUDIENCE_INTERNAL);
  g_assert_true (ct_reports_view_export_pdf (fixture->view, path, &error));
  g_assert_no_error (error);
  assert_pdf (path);
  /* Readable by its owner only. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  audit = summary_audit (fixture);
  g_assert_cmpuint (g_strv_length (audit), ==, 1);
  g_assert_cmpstr (audit[0], ==, "Printed the internal committee summary for " WORKED_EXAMPLE);
}

/* Six sections of tables and charts do not fit on one A4 page. */
static void
test_print_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = test_fixture_file (&fixture->files, "paper.pdf");
  g_autoptr(CtSummaryPrint) print = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  choose_period (fixture, "Financial Year", WORKED_EXAMPLE);
  print = ct_summary_print_new (ct_reports_view_get_report (fixture->view));
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (print),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpint (ct_summary_print_get_n_pages (print), >=, 3);
  assert_pdf (path);
}

/* Dates of one's own: the entries start at the period shown; a valid
 * range is computed, a bad date is marked and changes nothing. */
static void
test_custom_period (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkEditable *from = GTK_EDITABLE (get_named (fixture, "period-from"));
  GtkEditable *to = GTK_EDITABLE (get_named (fixture, "period-to"));
  const CtPeriod *period;

  choose_period (fixture, "Financial Year", WORKED_EXAMPLE);
  select_string (GTK_DROP_DOWN (get_named (fixture, "period-kind")), "Dates of My Own");
  g_assert_cmpstr (gtk_editable_get_text (from), ==, "2024-04-01");
  g_assert_cmpstr (gtk_editable_get_text (to), ==, "2025-03-31");

  gtk_editable_set_text (from, "2024-07-01");
  gtk_editable_set_text (to, "2024-09-30");
  wait_until_computed (fixture);
  period = ct_summary_get_period (shown_summary (fixture));
  g_assert_cmpint (ct_period_get_kind (period), ==, CT_PERIOD_CUSTOM);
  g_assert_cmpstr (ct_period_get_from (period), ==, "2024-07-01");
  g_assert_cmpstr (ct_period_get_to (period), ==, "2024-09-30");

  gtk_editable_set_text (to, "2024-09-31");
  wait_until_computed (fixture);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_cmpstr (ct_period_get_to (ct_summary_get_period (shown_summary (fixture))), ==,
                   "2024-09-30");
}

static void
test_file_name (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *quarter = NULL;
  g_autofree char *year = NULL;

  choose_period (fixture, "Quarter", "2024/25 Q2");
  quarter = ct_report_dup_file_name (ct_reports_view_get_report (fixture->view), "json");
  g_assert_cmpstr (quarter, ==, "committee-summary-2024-25-Q2-public.json");

  choose_period (fixture, "Financial Year", WORKED_EXAMPLE);
  set_audience (fixture, CT_AUDIENCE_INTERNAL);
  year = ct_report_dup_file_name (ct_reports_view_get_report (fixture->view), "pdf");
  g_assert_cmpstr (year, ==, "committee-summary-2024-25-internal.pdf");
}

/* Locking drops every figure and refuses to export; unlocking shows them
 * again. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = test_fixture_file (&fixture->files, "summary.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  choose_period (fixture, "Financial Year", WORKED_EXAMPLE);
  g_assert_nonnull (find_named (fixture, "referrals.received"));

  ct_reports_view_set_database (fixture->view, NULL);
  g_assert_null (ct_reports_view_get_database (fixture->view));
  g_assert_null (ct_reports_view_get_report (fixture->view));
  g_assert_null (find_named (fixture, "referrals.received"));
  g_assert_null (find_named (fixture, "referrals.by_source"));
  g_assert_false (ct_reports_view_export_json (fixture->view, file, NULL, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CLOSED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Unlocked again: until the figures arrive, nothing can be exported. */
  g_clear_error (&error);
  ct_reports_view_set_database (fixture->view, fixture->db);
  g_assert_true (ct_reports_view_is_loading (fixture->view));
  g_assert_false (ct_reports_view_export_json (fixture->view, file, NULL, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  wait_until_computed (fixture);
  g_assert_cmpstr (label_text (fixture, "referrals.received"), ==, "17");
}

static void
add (const char *name,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  add ("/reports-view/default-period", test_default_period);
  add ("/reports-view/view-audited", test_view_audited);
  add ("/reports-view/period-to-date", test_period_to_date);
  add ("/reports-view/worked-example-public", test_worked_example_public);
  add ("/reports-view/internal-unwithholds", test_internal_unwithholds);
  add ("/reports-view/nhs-digital-rule", test_nhs_digital_rule);
  add ("/reports-view/withheld-cell-marked", test_withheld_cell_marked);
  add ("/reports-view/export-json", test_export_json);
  add ("/reports-view/export-pdf", test_export_pdf);
  add ("/reports-view/print-pages", test_print_pages);
  add ("/reports-view/custom-period", test_custom_period);
  add ("/reports-view/file-name", test_file_name);
  add ("/reports-view/locked", test_locked);

  return g_test_run ();
}
