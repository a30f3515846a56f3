/* test-disclosure.c: what a public committee summary withholds
 *
 * Summaries of chosen figures, one rule of DOMAIN.md's disclosure control
 * at a time. (test-summary-json.c checks the whole public document.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-disclosure"

#include "config.h"

#include <string.h>

#include "ct-disclosure.h"
#include "ct-summary-json.h"
#include "ct-summary-private.h"

static const char *const words[] = { "a", "b", "c", "d", NULL };

/* A breakdown "s.by_x" of the first @n_cells words. */
static CtFigure
breakdown (const char   *section,
           const gint64 *counts,
           guint         n_cells)
{
  CtCell *cells = g_new0 (CtCell, n_cells);
  CtFigure figure = { section, "by_x", CT_FIGURE_BREAKDOWN };

  for (guint i = 0; i < n_cells; i++)
    cells[i] = (CtCell) { words[i], counts[i] };
  figure.cells = cells;
  figure.n_cells = n_cells;
  return figure;
}

static CtFigure
mean (const char *key,
      gint64      items)
{
  CtFigure figure = { "s", key, CT_FIGURE_MEAN };

  figure.has_value = items > 0;
  figure.value = items > 0 ? 2.5 : 0.0;
  figure.items = items;
  return figure;
}

static CtSummary *
summary_of (CtFigure *figures,
            guint     n_figures)
{
  g_autoptr(CtPeriod) period = ct_period_new_financial_year (2024);

  return ct_summary_new (period, "", g_memdup2 (figures, n_figures * sizeof *figures), n_figures);
}

/* @expected: the withheld paths, space-separated ("" for none). */
static void
assert_withheld (CtSummary  *summary,
                 CtAudience  audience,
                 const char *expected)
{
  g_auto(GStrv) paths = ct_disclosure_withheld (summary, audience);
  g_autofree char *joined = g_strjoinv (" ", paths);

  g_assert_cmpstr (joined, ==, expected);
}

static void
assert_withheld_under (CtDisclosureRule  rule,
                       const gint64     *counts,
                       guint             n_cells,
                       const char       *expected)
{
  CtFigure figure = breakdown ("s", counts, n_cells);
  g_autoptr(CtSummary) summary = summary_of (&figure, 1);

  ct_summary_set_choices (summary, 245, rule);
  assert_withheld (summary, CT_AUDIENCE_PUBLIC, expected);
  assert_withheld (summary, CT_AUDIENCE_INTERNAL, "");
}

static void
assert_breakdown_withheld (const gint64 *counts,
                           guint         n_cells,
                           const char   *expected)
{
  assert_withheld_under (CT_DISCLOSURE_SUPPRESS_1_4, counts, n_cells, expected);
}

static void
test_cells (void)
{
  /* Zeros and counts of five and over are shown. */
  assert_breakdown_withheld ((gint64[]) { 5, 0, 7, 120 }, 4, "");
  /* Two or more small cells: only those. */
  assert_breakdown_withheld ((gint64[]) { 9, 1, 4, 0 }, 4, "s.by_x.b s.by_x.c");
  assert_breakdown_withheld ((gint64[]) { 1, 2, 3, 4 }, 4,
                             "s.by_x.a s.by_x.b s.by_x.c s.by_x.d");
}

static void
test_secondary (void)
{
  /* One small cell: the smallest other cell goes too. */
  assert_breakdown_withheld ((gint64[]) { 7, 3, 6 }, 3, "s.by_x.b s.by_x.c");
  /* Zeros count as the smallest; the first of equal cells goes. */
  assert_breakdown_withheld ((gint64[]) { 6, 2, 0, 0 }, 4, "s.by_x.b s.by_x.c");
  assert_breakdown_withheld ((gint64[]) { 5, 5, 1 }, 3, "s.by_x.a s.by_x.c");
  assert_breakdown_withheld ((gint64[]) { 8, 4, 5, 5 }, 4, "s.by_x.b s.by_x.c");
  /* Two cells: both. */
  assert_breakdown_withheld ((gint64[]) { 0, 1 }, 2, "s.by_x.a s.by_x.b");
  assert_breakdown_withheld ((gint64[]) { 13, 4 }, 2, "s.by_x.a s.by_x.b");
}

static void
test_means (void)
{
  CtFigure figures[] = {
    mean ("four", 4),
    mean ("five", 5),
    mean ("one", 1),
    mean ("nothing", 0),
    { "s", "count", CT_FIGURE_COUNT, 1 },
    { "s", "hours", CT_FIGURE_HOURS, 0, TRUE, 0.1 },
  };
  g_autoptr(CtSummary) summary = summary_of (figures, G_N_ELEMENTS (figures));

  /* Over nothing is not withheld; counts and hours outside breakdowns are
   * shown, however small. */
  assert_withheld (summary, CT_AUDIENCE_PUBLIC, "s.four s.one");
  assert_withheld (summary, CT_AUDIENCE_INTERNAL, "");
}

/* The list is sorted by byte order, whatever the order of the figures. */
static void
test_sorted (void)
{
  CtFigure figures[] = {
    breakdown ("zeta", (gint64[]) { 1, 2 }, 2),
    mean ("m", 3),
    breakdown ("alpha", (gint64[]) { 3, 0, 9 }, 3),
  };
  g_autoptr(CtSummary) summary = summary_of (figures, G_N_ELEMENTS (figures));

  assert_withheld (summary, CT_AUDIENCE_PUBLIC,
                   "alpha.by_x.a alpha.by_x.b s.m zeta.by_x.a zeta.by_x.b");
}

/* NHS Digital's rule on the breakdowns of test_cells() and
 * test_secondary(): 1 to 7 withheld, never a second cell. */
static void
test_nhs_digital_cells (void)
{
  const CtDisclosureRule nhs = CT_DISCLOSURE_NHS_DIGITAL;

  assert_withheld_under (nhs, (gint64[]) { 5, 0, 7, 120 }, 4, "s.by_x.a s.by_x.c");
  assert_withheld_under (nhs, (gint64[]) { 9, 1, 4, 0 }, 4, "s.by_x.b s.by_x.c");
  assert_withheld_under (nhs, (gint64[]) { 7, 3, 6 }, 3, "s.by_x.a s.by_x.b s.by_x.c");
  assert_withheld_under (nhs, (gint64[]) { 8, 4, 5, 5 }, 4, "s.by_x.b s.by_x.c s.by_x.d");
  /* one small cell and no second one: rounding protects it instead */
  assert_withheld_under (nhs, (gint64[]) { 13, 4 }, 2, "s.by_x.b");
  assert_withheld_under (nhs, (gint64[]) { 6, 2, 0, 0 }, 4, "s.by_x.a s.by_x.b");
  assert_withheld_under (nhs, (gint64[]) { 8, 0, 9 }, 3, "");
}

/* Shown cells are rounded to the nearest 5, halves up, in a public
 * summary under nhs-digital only. */
static void
test_nhs_digital_rounding (void)
{
  static const gint64 counts[][2] = {
    { 0, 0 }, { 8, 10 }, { 10, 10 }, { 12, 10 }, { 13, 15 }, { 17, 15 }, { 18, 20 },
    { 122, 120 }, { 123, 125 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_assert_cmpint (ct_disclosure_shown_count (CT_DISCLOSURE_NHS_DIGITAL,
                                                  CT_AUDIENCE_PUBLIC, counts[i][0]),
                       ==, counts[i][1]);
      g_assert_cmpint (ct_disclosure_shown_count (CT_DISCLOSURE_NHS_DIGITAL,
                                                  CT_AUDIENCE_INTERNAL, counts[i][0]),
                       ==, counts[i][0]);
      g_assert_cmpint (ct_disclosure_shown_count (CT_DISCLOSURE_SUPPRESS_1_4,
                                                  CT_AUDIENCE_PUBLIC, counts[i][0]),
                       ==, counts[i][0]);
    }
}

static void
test_nhs_digital_means (void)
{
  CtFigure figures[] = {
    mean ("four", 4),
    mean ("seven", 7),
    mean ("eight", 8),
    mean ("nothing", 0),
  };
  g_autoptr(CtSummary) summary = summary_of (figures, G_N_ELEMENTS (figures));

  ct_summary_set_choices (summary, 245, CT_DISCLOSURE_NHS_DIGITAL);
  assert_withheld (summary, CT_AUDIENCE_PUBLIC, "s.four s.seven");
  assert_withheld (summary, CT_AUDIENCE_INTERNAL, "");
}

/* The same summary as a public document under each rule: the disclosure
 * object names the rule, withheld cells are null, shown cells rounded, and
 * counts outside breakdowns stay exact. */
static void
test_document_under_each_rule (void)
{
  static const struct
  {
    CtDisclosureRule  rule;
    const char       *expected[6];
  } cases[] = {
    { CT_DISCLOSURE_SUPPRESS_1_4,
      { "\"rule\": \"suppress-1-4\",\n    \"min_cell\": 5,\n    \"rounding\": 1,",
        "\"a\": 8,\n      \"b\": 12,\n      \"c\": null,\n      \"d\": null",
        "\"count\": 7", "\"seven\": 2.5", "\"s.by_x.c\",\n      \"s.by_x.d\"" } },
    { CT_DISCLOSURE_NHS_DIGITAL,
      { "\"rule\": \"nhs-digital\",\n    \"min_cell\": 8,\n    \"rounding\": 5,",
        "\"a\": 10,\n      \"b\": 10,\n      \"c\": null,\n      \"d\": 0",
        "\"count\": 7", "\"seven\": null",
        "\"s.by_x.c\",\n      \"s.seven\"" } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      CtFigure figures[] = {
        breakdown ("s", (gint64[]) { 8, 12, 3, 0 }, 4),
        mean ("seven", 7),
        { "s", "count", CT_FIGURE_COUNT, 7 },
      };
      g_autoptr(CtSummary) summary = summary_of (figures, G_N_ELEMENTS (figures));
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      ct_summary_set_choices (summary, 245, cases[c].rule);
      root = ct_summary_to_json (summary, CT_AUDIENCE_PUBLIC, NULL);
      text = ct_summary_json_to_text (root);
      for (guint i = 0; cases[c].expected[i] != NULL; i++)
        if (strstr (text, cases[c].expected[i]) == NULL)
          g_error ("The document lacks %s:\n%s", cases[c].expected[i], text);
    }
}

static void
test_rule_words (void)
{
  CtDisclosureRule rule = CT_DISCLOSURE_SUPPRESS_1_4;

  g_assert_cmpstr (ct_disclosure_rule_to_string (CT_DISCLOSURE_NHS_DIGITAL), ==, "nhs-digital");
  g_assert_true (ct_disclosure_rule_parse ("nhs-digital", &rule));
  g_assert_cmpint (rule, ==, CT_DISCLOSURE_NHS_DIGITAL);
  g_assert_true (ct_disclosure_rule_parse ("suppress-1-4", &rule));
  g_assert_cmpint (rule, ==, CT_DISCLOSURE_SUPPRESS_1_4);
  g_assert_false (ct_disclosure_rule_parse ("nhs", &rule));
  g_assert_cmpint (ct_disclosure_rule_min_cell (CT_DISCLOSURE_NHS_DIGITAL), ==, 8);
  g_assert_cmpint (ct_disclosure_rule_rounding (CT_DISCLOSURE_NHS_DIGITAL), ==, 5);
  g_assert_cmpint (ct_disclosure_rule_min_cell (CT_DISCLOSURE_SUPPRESS_1_4), ==, 5);
  g_assert_cmpint (ct_disclosure_rule_rounding (CT_DISCLOSURE_SUPPRESS_1_4), ==, 1);
}

static void
test_audience_words (void)
{
  CtAudience audience = CT_AUDIENCE_INTERNAL;

  g_assert_cmpstr (ct_audience_to_string (CT_AUDIENCE_PUBLIC), ==, "public");
  g_assert_cmpstr (ct_audience_to_string (CT_AUDIENCE_INTERNAL), ==, "internal");
  g_assert_true (ct_audience_parse ("public", &audience));
  g_assert_cmpint (audience, ==, CT_AUDIENCE_PUBLIC);
  g_assert_true (ct_audience_parse ("internal", &audience));
  g_assert_cmpint (audience, ==, CT_AUDIENCE_INTERNAL);
  g_assert_false (ct_audience_parse ("Public", &audience));
  g_assert_false (ct_audience_parse ("", &audience));
  g_assert_false (ct_audience_parse (NULL, &audience));
  g_assert_cmpint (audience, ==, CT_AUDIENCE_INTERNAL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/disclosure/cells", test_cells);
  g_test_add_func ("/disclosure/secondary", test_secondary);
  g_test_add_func ("/disclosure/means", test_means);
  g_test_add_func ("/disclosure/sorted", test_sorted);
  g_test_add_func ("/disclosure/audience-words", test_audience_words);
  g_test_add_func ("/disclosure/nhs-digital/cells", test_nhs_digital_cells);
  g_test_add_func ("/disclosure/nhs-digital/rounding", test_nhs_digital_rounding);
  g_test_add_func ("/disclosure/nhs-digital/means", test_nhs_digital_means);
  g_test_add_func ("/disclosure/document", test_document_under_each_rule);
  g_test_add_func ("/disclosure/rule-words", test_rule_words);

  return g_test_run ();
}
