/* bench-report.c: medians, and the table of results with their targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include "bench.h"

#define MAX_SCALES    2
#define GROWTH_MIN_MS 1.0

typedef struct
{
  char      *name;
  BenchUnit  unit;
  double     target;
  double     values[MAX_SCALES];
  gboolean   measured[MAX_SCALES];
} BenchRow;

struct _BenchReport
{
  guint      n_scales;
  guint      factors[MAX_SCALES];
  GPtrArray *rows;
};

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median_of (GArray *values)
{
  guint n = values->len;

  g_return_val_if_fail (n > 0, 0);

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

gboolean
bench_median (BenchFunc   func,
              BenchFunc   cleanup,
              gpointer    user_data,
              guint       runs,
              double     *median_ms,
              GError    **error)
{
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);

  for (guint i = 0; i < runs; i++)
    {
      double start = bench_now_ms ();
      double elapsed;

      if (!func (user_data, error))
        return FALSE;
      elapsed = bench_now_ms () - start;
      g_array_append_val (times, elapsed);
      if (cleanup != NULL && !cleanup (user_data, error))
        return FALSE;
    }
  *median_ms = bench_median_of (times);
  return TRUE;
}

static void
row_free (gpointer data)
{
  BenchRow *row = data;

  g_free (row->name);
  g_free (row);
}

BenchReport *
bench_report_new (guint        n_scales,
                  const guint *factors)
{
  BenchReport *report = g_new0 (BenchReport, 1);

  g_return_val_if_fail (n_scales >= 1 && n_scales <= MAX_SCALES, NULL);

  report->n_scales = n_scales;
  for (guint i = 0; i < n_scales; i++)
    report->factors[i] = factors[i];
  report->rows = g_ptr_array_new_with_free_func (row_free);
  return report;
}

void
bench_report_free (BenchReport *report)
{
  g_ptr_array_unref (report->rows);
  g_free (report);
}

static BenchRow *
find_row (BenchReport *report,
          const char  *name)
{
  BenchRow *row;

  for (guint i = 0; i < report->rows->len; i++)
    {
      row = g_ptr_array_index (report->rows, i);
      if (g_str_equal (row->name, name))
        return row;
    }
  row = g_new0 (BenchRow, 1);
  row->name = g_strdup (name);
  g_ptr_array_add (report->rows, row);
  return row;
}

void
bench_report_add (BenchReport *report,
                  guint        scale,
                  const char  *name,
                  BenchUnit    unit,
                  double       value,
                  double       target)
{
  BenchRow *row = find_row (report, name);

  g_return_if_fail (scale < report->n_scales);

  row->unit = unit;
  row->target = target;
  row->values[scale] = value;
  row->measured[scale] = TRUE;
  /* Progress, for a long run; the table comes at the end. */
  g_printerr ("  %s ×%u: %.2f\n", name, report->factors[scale], value);
}

gboolean
bench_report_lookup (BenchReport *report,
                     guint        scale,
                     const char  *name,
                     double      *value)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      const BenchRow *row = g_ptr_array_index (report->rows, i);

      if (g_str_equal (row->name, name) && row->measured[scale])
        {
          *value = row->values[scale];
          return TRUE;
        }
    }
  return FALSE;
}

static char *
format_value (const BenchRow *row,
              guint           scale)
{
  if (!row->measured[scale])
    return g_strdup ("-");
  switch (row->unit)
    {
    case BENCH_UNIT_MB:
      return g_strdup_printf ("%.0f MB", row->values[scale]);
    case BENCH_UNIT_RATIO:
      return g_strdup_printf ("%.2f×", row->values[scale]);
    case BENCH_UNIT_COUNT:
      return g_strdup_printf ("%.4g", row->values[scale]);
    case BENCH_UNIT_MS:
    default:
      return g_strdup_printf ("%.1f ms", row->values[scale]);
    }
}

static char *
format_target (const BenchRow *row)
{
  if (row->target <= 0)
    return g_strdup ("");
  switch (row->unit)
    {
    case BENCH_UNIT_MB:
      return g_strdup_printf ("< %.0f MB", row->target);
    case BENCH_UNIT_RATIO:
      return g_strdup_printf ("≤ %.1f×", row->target);
    case BENCH_UNIT_COUNT:
      return g_strdup_printf ("≤ %.0f", row->target);
    case BENCH_UNIT_MS:
    default:
      return g_strdup_printf ("< %.0f ms", row->target);
    }
}

/* "PASS" / "MISS" for the target at county scale (the first column). */
static const char *
verdict (const BenchRow *row,
         guint          *misses)
{
  if (row->target <= 0 || !row->measured[0])
    return "";
  if (row->values[0] <= row->target)
    return "PASS";
  (*misses)++;
  return "MISS";
}

/* With two scales: a time may grow at most as much as the data. */
static char *
growth (BenchReport    *report,
        const BenchRow *row,
        guint          *misses)
{
  double ratio;
  double allowed = (double) report->factors[1] / report->factors[0];
  gboolean ok;

  if (report->n_scales < 2 || row->unit != BENCH_UNIT_MS ||
      !row->measured[0] || !row->measured[1])
    return g_strdup ("");
  /* Below a millisecond the ratio is noise. */
  if (row->values[0] < GROWTH_MIN_MS)
    return g_strdup ("(too short)");
  ratio = row->values[1] / row->values[0];
  ok = ratio <= allowed;
  if (!ok)
    (*misses)++;
  return g_strdup_printf ("%.1f× %s", ratio, ok ? "PASS" : "MISS");
}

static void
print_header (BenchReport *report)
{
  g_print ("\n| measurement | ");
  for (guint i = 0; i < report->n_scales; i++)
    g_print (report->factors[i] == 1 ? "county | " : "county ×%u | ", report->factors[i]);
  g_print ("target (county) | result |%s\n", report->n_scales > 1 ? " growth (≤ data) |" : "");
  g_print ("|---|");
  for (guint i = 0; i < report->n_scales; i++)
    g_print ("---:|");
  g_print ("---|---|%s\n", report->n_scales > 1 ? "---|" : "");
}

guint
bench_report_print (BenchReport *report)
{
  guint misses = 0;

  print_header (report);
  for (guint r = 0; r < report->rows->len; r++)
    {
      const BenchRow *row = g_ptr_array_index (report->rows, r);
      g_autofree char *target = format_target (row);
      g_autofree char *grew = growth (report, row, &misses);
      const char *result = verdict (row, &misses);

      g_print ("| %s | ", row->name);
      for (guint i = 0; i < report->n_scales; i++)
        {
          g_autofree char *value = format_value (row, i);
          g_print ("%s | ", value);
        }
      g_print ("%s | %s |", target, result);
      if (report->n_scales > 1)
        g_print (" %s |", grew);
      g_print ("\n");
    }
  g_print ("\n%u miss%s (targets and growth). A miss is reported, not failed: the "
           "benchmark exits 0 once it has measured.\n", misses, misses == 1 ? "" : "es");
  return misses;
}
