/* bench-memory.c: peak resident memory, one process per measurement
 *
 * Each measurement is a child process (this program again, with
 * --peak-memory) so that the peaks of different lists never mix. The child
 * unlocks the file, reads what it is told, and prints its peak resident set
 * (VmHWM, kB): the libraries (GTK included), the records core and its
 * models; no widgets, as no display is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <string.h>

#include "bench.h"
#include "ct-record-pages.h"
#include "ct-records.h"
#include "ct-section.h"

#define TARGET_MB 150

/* What a child holds: nothing but the unlocked file, every section's
 * list as the window holds it once visited, or once searched too (the
 * store then keeps the text of every row of each: ct-search-text.h). */
static const struct
{
  const char *what;
  const char *label;
  double      target_mb;
}
measurements[] = {
  { "unlocked", "peak memory: unlocked, no list", 0 },
  { "sections", "peak memory: every section's list read", TARGET_MB },
  { "searched", "peak memory: every section's list read and searched", TARGET_MB },
};

/* A letter nearly every row shows somewhere. */
#define SEARCHED "a"

/* The rows GTK 4.8 makes at once when a list is shown (about 200). */
#define ROWS_SHOWN 205

static const char *const sections[] = {
  "children", "consultations", "reflective-practice", "sdq-scores", "training",
};

static void
on_read (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A section's list as the window reads it: every id, then the pages of
 * the rows shown. */
static CtRecordPages *
visit (CtDatabase       *db,
       const CtSection  *section,
       const char       *search,
       GError          **error)
{
  const CtField *fields[CT_SECTION_MAX_SEARCHED + 1] = { NULL };
  CtFilter filter = { .search = search, .search_fields = fields };
  g_autoptr(GAsyncResult) result = NULL;
  CtRecordPages *pages;

  ct_section_get_searched_fields (section, fields);
  ct_record_pages_read_async (db, ct_section_get_kind (section), &filter, NULL, on_read, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  pages = ct_record_pages_read_finish (db, result, error);
  for (guint i = 0; pages != NULL && i < ROWS_SHOWN; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (pages), i));
  while (pages != NULL && ct_record_pages_is_reading (pages))
    g_main_context_iteration (NULL, TRUE);
  return pages;
}

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
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);

  gboolean searched = g_str_equal (what, "searched");
  gboolean visited = searched || g_str_equal (what, "sections");

  for (guint i = 0; db != NULL && visited && i < G_N_ELEMENTS (sections); i++)
    {
      CtRecordPages *pages = visit (db, ct_section_lookup (sections[i]),
                                    searched ? SEARCHED : NULL, &error);

      if (pages == NULL)
        break;
      g_ptr_array_add (lists, pages);
    }
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
