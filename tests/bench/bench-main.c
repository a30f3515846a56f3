/* bench-main.c: the performance benchmark (meson test --benchmark)
 *
 *   bench --cache-dir DIR [--factor N] [--only GROUP]
 *                                        measure at county scale, and at N
 *                                        times county when N > 1; without
 *                                        --factor, also on a throwaway team
 *                                        server (the ratios server / file)
 *   bench --explain                      the query plan of every hot query
 *
 * Prints a table of medians (at least five runs each) with the targets of
 * county scale, PASS or MISS per target, and with two scales how much each
 * time grew against the data. A miss does not fail the run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

typedef gboolean (*BenchGroup) (BenchData    *data,
                                BenchReport  *report,
                                guint         scale,
                                GError      **error);

static const struct
{
  const char *name;
  BenchGroup  run;
  gboolean    county_run_only;  /* not when a run also measures ×N */
}
groups[] = {
  { "database", bench_run_database, FALSE },
  { "first-frame", bench_run_first_frame, FALSE },
  { "stall", bench_run_stall, FALSE },
  { "search", bench_run_search, FALSE },
  { "import", bench_run_import, FALSE },
  { "memory", bench_run_memory, FALSE },
  { "server", bench_run_server, TRUE },
};

/* Runs the groups of measurements named in @only (NULL: all); with
 * @with_scales (a run of two scales), not those of a county run only. */
static gboolean
measure_scale (const char   *cache_dir,
               guint         factor,
               const char   *only,
               gboolean      with_scales,
               BenchReport  *report,
               guint         scale,
               GError      **error)
{
  BenchData data = { 0 };
  gboolean ok;

  g_printerr ("Measuring at %u× county…\n", factor);
  ok = bench_data_prepare (&data, cache_dir, factor, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (groups); i++)
    if ((only == NULL || g_str_equal (only, groups[i].name)) &&
        !(groups[i].county_run_only && with_scales))
      ok = groups[i].run (&data, report, scale, error);
  bench_data_clear (&data);
  return ok;
}

/* "AMD EPYC …, 2 cores, 23 GB RAM", for the README's table. */
static void
print_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *model = NULL;
  const char *line;
  long pages = sysconf (_SC_PHYS_PAGES);
  long page_size = sysconf (_SC_PAGE_SIZE);

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL) &&
      (line = strstr (cpuinfo, "model name")) != NULL && strchr (line, ':') != NULL)
    model = g_strstrip (g_strndup (strchr (line, ':') + 1, strcspn (strchr (line, ':') + 1, "\n")));
  g_print ("Machine: %s, %u cores, %.0f GB RAM\n", model != NULL ? model : "unknown CPU",
           g_get_num_processors (), (double) pages * page_size / (1024.0 * 1024 * 1024));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- measure the records core");
  g_autoptr(GError) error = NULL;
  g_autoptr(BenchReport) report = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *peak_memory = NULL;
  g_autofree char *only = NULL;
  gboolean explain = FALSE;
  int factor = 1;
  GOptionEntry entries[] = {
    { "cache-dir", 0, 0, G_OPTION_ARG_FILENAME, &cache_dir,
      "Where the generated data sets are kept between runs", "DIR" },
    { "factor", 0, 0, G_OPTION_ARG_INT, &factor,
      "Also measure at this many times county scale", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Measure only this: database, first-frame, stall, search, import, memory or server", "GROUP" },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain,
      "Print EXPLAIN QUERY PLAN of the hot queries", NULL },
    { "peak-memory", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &peak_memory,
      "(internal) the child process of a memory measurement", "WHAT" },
    { NULL },
  };
  guint factors[2] = { 1, 1 };
  guint n_scales;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || factor < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--factor must be 1 or more");
      return 2;
    }

  if (peak_memory != NULL)
    return argc == 2 ? bench_memory_child (peak_memory, argv[1]) : 2;
  if (explain)
    {
      if (bench_explain (&error))
        return 0;
      g_printerr ("%s\n", error->message);
      return 1;
    }

  factors[1] = factor;
  n_scales = factor > 1 ? 2 : 1;
  report = bench_report_new (n_scales, factors);
  for (guint i = 0; i < n_scales; i++)
    if (!measure_scale (cache_dir != NULL ? cache_dir : ".", factors[i], only, n_scales > 1,
                        report, i, &error))
      {
        g_printerr ("The benchmark could not measure: %s\n", error->message);
        return 1;
      }

  print_machine ();
  bench_report_print (report);
  return 0;
}
