/* test-period.c: financial years, quarters, months and custom periods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-period"

#include "config.h"

#include <string.h>

#include "ct-period.h"

static void
assert_period (CtPeriod     *period,
               CtPeriodKind  kind,
               const char   *from,
               const char   *to,
               const char   *label)
{
  g_assert_nonnull (period);
  g_assert_cmpint (ct_period_get_kind (period), ==, kind);
  g_assert_cmpstr (ct_period_get_from (period), ==, from);
  g_assert_cmpstr (ct_period_get_to (period), ==, to);
  g_assert_cmpstr (ct_period_get_label (period), ==, label);
  ct_period_free (period);
}

static void
test_financial_year (void)
{
  assert_period (ct_period_new_financial_year (2024), CT_PERIOD_FINANCIAL_YEAR,
                 "2024-04-01", "2025-03-31", "2024/25");
  assert_period (ct_period_new_financial_year (1999), CT_PERIOD_FINANCIAL_YEAR,
                 "1999-04-01", "2000-03-31", "1999/00");
}

static void
test_quarters (void)
{
  assert_period (ct_period_new_quarter (2024, 1), CT_PERIOD_QUARTER,
                 "2024-04-01", "2024-06-30", "2024/25 Q1");
  assert_period (ct_period_new_quarter (2024, 2), CT_PERIOD_QUARTER,
                 "2024-07-01", "2024-09-30", "2024/25 Q2");
  assert_period (ct_period_new_quarter (2024, 3), CT_PERIOD_QUARTER,
                 "2024-10-01", "2024-12-31", "2024/25 Q3");
  assert_period (ct_period_new_quarter (2024, 4), CT_PERIOD_QUARTER,
                 "2025-01-01", "2025-03-31", "2024/25 Q4");
}

static void
test_months (void)
{
  assert_period (ct_period_new_month (2025, 3), CT_PERIOD_MONTH,
                 "2025-03-01", "2025-03-31", "March 2025");
  /* Leap years. */
  assert_period (ct_period_new_month (2024, 2), CT_PERIOD_MONTH,
                 "2024-02-01", "2024-02-29", "February 2024");
  assert_period (ct_period_new_month (2025, 2), CT_PERIOD_MONTH,
                 "2025-02-01", "2025-02-28", "February 2025");
  assert_period (ct_period_new_month (2024, 12), CT_PERIOD_MONTH,
                 "2024-12-01", "2024-12-31", "December 2024");
}

static void
test_custom (void)
{
  g_autoptr(GError) error = NULL;

  assert_period (ct_period_new_custom ("2024-04-01", "2024-06-15", &error), CT_PERIOD_CUSTOM,
                 "2024-04-01", "2024-06-15", "2024-04-01 – 2024-06-15");
  g_assert_no_error (error);
  /* One day. */
  assert_period (ct_period_new_custom ("2024-02-29", "2024-02-29", &error), CT_PERIOD_CUSTOM,
                 "2024-02-29", "2024-02-29", "2024-02-29 – 2024-02-29");
  g_assert_no_error (error);
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;

  assert_period (ct_period_parse ("2024/25", &error), CT_PERIOD_FINANCIAL_YEAR,
                 "2024-04-01", "2025-03-31", "2024/25");
  g_assert_no_error (error);
  assert_period (ct_period_parse ("2024/25 Q4", &error), CT_PERIOD_QUARTER,
                 "2025-01-01", "2025-03-31", "2024/25 Q4");
  g_assert_no_error (error);
  assert_period (ct_period_parse ("2025-03", &error), CT_PERIOD_MONTH,
                 "2025-03-01", "2025-03-31", "March 2025");
  g_assert_no_error (error);
}

/* Each bad input fails with a message that names it and says what to give. */
static void
assert_refused (CtPeriod   *period,
                GError     *error,
                const char *input,
                const char *advice)
{
  g_assert_null (period);
  g_assert_error (error, CT_PERIOD_ERROR, CT_PERIOD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, input));
  g_assert_nonnull (strstr (error->message, advice));
}

static void
test_parse_refused (void)
{
  static const struct
  {
    const char *input;
    const char *advice;
  } cases[] = {
    { "2024/26", "2024/25" },
    { "2024/25 Q5", "2024/25 Q2" },
    { "2024/25Q2", "2024/25 Q2" },
    { "2025-13", "2025-03" },
    { "2025-3", "2025-03" },
    { "March 2025", "2025-03" },
    { "", "2024/25" },
    { "0999/00", "2024/25" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      CtPeriod *period = ct_period_parse (cases[i].input, &error);

      assert_refused (period, error, cases[i].input, cases[i].advice);
    }
}

static void
test_custom_refused (void)
{
  static const char *const bad_dates[] = {
    "2025-02-29", "2025-2-28", "25-02-28", "2025/02/28", "2025-02-28x", " 2025-02-28", "",
  };
  g_autoptr(GError) backwards = NULL;
  CtPeriod *period;

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr(GError) from_error = NULL;
      g_autoptr(GError) to_error = NULL;

      period = ct_period_new_custom (bad_dates[i], "2025-03-31", &from_error);
      assert_refused (period, from_error, bad_dates[i], "YYYY-MM-DD");
      period = ct_period_new_custom ("2024-04-01", bad_dates[i], &to_error);
      assert_refused (period, to_error, bad_dates[i], "YYYY-MM-DD");
    }

  period = ct_period_new_custom ("2024-04-01", "2024-03-31", &backwards);
  assert_refused (period, backwards, "2024-03-31", "on or after the start");
}

static void
test_parse_date (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (ct_period_parse_date ("2024-02-29", &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);

  g_assert_false (ct_period_parse_date ("2023-02-29", &date, &error));
  assert_refused (NULL, error, "2023-02-29", "YYYY-MM-DD");
}

static void
test_copy (void)
{
  g_autoptr(CtPeriod) period = ct_period_new_quarter (2024, 2);
  g_autoptr(CtPeriod) copy = ct_period_copy (period);

  g_assert_true (copy != period);
  g_assert_cmpstr (ct_period_get_label (copy), ==, ct_period_get_label (period));
  g_assert_true (ct_period_get_label (copy) != ct_period_get_label (period));
  g_assert_cmpstr (ct_period_get_from (copy), ==, "2024-07-01");
  g_assert_cmpstr (ct_period_get_to (copy), ==, "2024-09-30");
  g_assert_true (G_TYPE_IS_BOXED (CT_TYPE_PERIOD));
}

/* A period under way ends today and says so; one over, or not begun, is
 * left as it is. */
static void
test_to_date (void)
{
  g_autoptr(CtPeriod) quarter = ct_period_new_quarter (2025, 3);
  g_autoptr(CtPeriod) under_way = ct_period_new_to_date (quarter, "2025-11-14");
  g_autoptr(CtPeriod) last_day = ct_period_new_to_date (quarter, "2025-12-31");
  g_autoptr(CtPeriod) first_day = ct_period_new_to_date (quarter, "2025-10-01");
  g_autoptr(CtPeriod) before = ct_period_new_to_date (quarter, "2025-09-30");
  g_autoptr(CtPeriod) copy = ct_period_copy (under_way);

  g_assert_cmpstr (ct_period_get_label (under_way), ==, "2025/26 Q3 to date");
  g_assert_cmpstr (ct_period_get_from (under_way), ==, "2025-10-01");
  g_assert_cmpstr (ct_period_get_to (under_way), ==, "2025-11-14");
  g_assert_cmpint (ct_period_get_kind (under_way), ==, CT_PERIOD_QUARTER);
  g_assert_true (ct_period_is_to_date (under_way));
  g_assert_true (ct_period_is_to_date (copy));
  g_assert_cmpstr (ct_period_get_label (copy), ==, "2025/26 Q3 to date");

  g_assert_cmpstr (ct_period_get_label (first_day), ==, "2025/26 Q3 to date");
  g_assert_cmpstr (ct_period_get_to (first_day), ==, "2025-10-01");
  g_assert_cmpstr (ct_period_get_label (last_day), ==, "2025/26 Q3");
  g_assert_cmpstr (ct_period_get_to (last_day), ==, "2025-12-31");
  g_assert_false (ct_period_is_to_date (last_day));
  g_assert_cmpstr (ct_period_get_label (before), ==, "2025/26 Q3");
  g_assert_false (ct_period_is_to_date (before));
  g_assert_false (ct_period_is_to_date (quarter));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/financial-year", test_financial_year);
  g_test_add_func ("/period/quarters", test_quarters);
  g_test_add_func ("/period/months", test_months);
  g_test_add_func ("/period/custom", test_custom);
  g_test_add_func ("/period/parse", test_parse);
  g_test_add_func ("/period/parse-refused", test_parse_refused);
  g_test_add_func ("/period/custom-refused", test_custom_refused);
  g_test_add_func ("/period/parse-date", test_parse_date);
  g_test_add_func ("/period/copy", test_copy);
  g_test_add_func ("/period/to-date", test_to_date);

  return g_test_run ();
}
