/* bench-memory.c: peak resident memory, one process per measurement
 *
 * Each measurement is a child process (this program again, with
 * --peak-memory) so that the peaks of different lists never mix. The child
 * unlocks the file, loads what it is told, and prints its peak resident set
 * (VmHWM, kB): the libraries (GTK included), the records core and its
 * models; no widgets, as no display is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <string.h>

#include "bench.h"
#include "ct-records.h"

#define TARGET_MB 200

/* What a child holds: nothing but the unlocked file, the list the
 * consultations section shows with its search text built, or the largest
 * list model of all (goal ratings). */
static const struct
{
  const char *what;
  const char *label;
  double      target_mb;
}
measurements[] = {
  { "unlocked", "peak memory: unlocked, no list", 0 },
  { "consultation+search", "peak memory: consultations listed, search text built", TARGET_MB },
  { "goal_rating", "peak memory: goal ratings listed (largest model)", TARGET_MB },
};

/* VmHWM of /proc/self/status: unlike getrusage()'s ru_maxrss, which a
 * child inherits from its parent across fork and exec, it starts afresh. */
static gint64
read_peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

int
bench_memory_child (const char *what,
                    const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDatabase) db = bench_data_open (path, &error);
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GObject) filter = NULL;
  gboolean search = g_str_has_suffix (what, "+search");
  g_autofree char *kind_name = g_strndup (what, strlen (what) - (search ? strlen ("+search") : 0));

  if (db != NULL && !g_str_equal (what, "unlocked"))
    records = ct_store_list (db, ct_kind_lookup (kind_name), NULL, &error);
  if (records != NULL && search)
    filter = bench_search_prepare (records);
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%" G_GINT64_FORMAT "\n", read_peak_kb ());
  return 0;
}

static gboolean
spawn_child (const char  *what,
             const char  *path,
             double      *mb,
             GError     **error)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", error);
  const char *argv[] = { self, "--peak-memory", what, path, NULL };
  g_autofree char *output = NULL;
  int status = 0;

  if (self == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &output, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;
  *mb = g_ascii_strtod (output, NULL) / 1024;
  return TRUE;
}

gboolean
bench_run_memory (BenchData    *data,
                  BenchReport  *report,
                  guint         scale,
                  GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (measurements); i++)
    {
      double mb;

      if (!spawn_child (measurements[i].what, data->work_path, &mb, error))
        return FALSE;
      bench_report_add (report, scale, measurements[i].label, BENCH_UNIT_MB, mb,
                        measurements[i].target_mb);
    }
  return TRUE;
}
