/* test-memory-after-lock.c: after Lock, the app's memory holds neither the
 * key nor a record
 *
 * The real window is unlocked as a person would, every section is shown,
 * a child's page and a consultation's editor are opened, and the window is
 * locked. Then the process reads all its own writable memory (what a core
 * dump or a memory-scraping attacker would get) and looks for the child's
 * name, the consultation's notes, the passphrase and the key SQLCipher
 * derives from it. On the way, the pointer brushes the child's name in
 * the list and leaves the window before its tooltip shows: GTK keeps the
 * text of the tooltip it prepared until the pointer comes back.
 *
 * The process is set up as the app's main() sets it up (started again with
 * no cache of freed blocks, then ct_process_guard()), and meson's own
 * MALLOC_PERTURB_ is turned off for this test, so that the result is the
 * app's, not the test runner's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "test-memory-after-lock"

#include "config.h"

#include <X11/Xlib.h>
#include <fcntl.h>
#include <gdk/x11/gdkx.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ct-import.h"
#include "ct-main-view.h"
#include "ct-process-guard.h"
#include "ct-records.h"
#include "editor/ct-record-editor.h"
#include "sections/ct-record-list.h"
#include "window-test-util.h"

/* Invented, and unlike anything GTK or the app would write on its own. */
#define CHILD_NAME "Zephyrine Quillbrook"
#define NOTES      "Marigold otter lantern seventeen"

#define KEY_LENGTH  32
#define SALT_LENGTH 16
/* SQLCipher 4's defaults. */
#define KDF_ITERATIONS 256000

#define CHUNK (1 << 20)

#define SETTLE_MS    300
#define SETTLE_TRIES 10

/* The needles and the scan buffer live in a mapping of their own, which
 * the scan leaves out: finding the needle in the needle proves nothing. */
typedef struct
{
  char   child[64];
  char   notes[64];
  char   passphrase[64];
  guint8 key[KEY_LENGTH];
  guint8 buffer[CHUNK];
} Scan;

static const char children_csv[] =
  "name,reference,date_of_birth,legal_status,placement_type,placement_area,uasc\n"
  "\"" CHILD_NAME "\",TEST-0042,2013-05-06,looked_after,kinship,in_area,no\n";

static const char consultations_csv[] =
  "mode,date,clinician,child_reference,requested_by,team,topics,duration_minutes,attendees,"
  "outcome,notes\n"
  "video,2025-04-02," TEST_WINDOW_STAFF ",TEST-0042,social_worker,Test Team North,"
  "placement_fragility,60,3,advice_given,\"" NOTES "\"\n";

static void
add_records (void)
{
  g_autofree char *path = ct_database_get_default_path ();
  g_autoptr(CtDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = ct_database_open (path, TEST_WINDOW_PASSPHRASE, TEST_WINDOW_STAFF, &error);
  g_assert_no_error (error);
  g_assert_true (ct_import_data (database, ct_kind_lookup ("children"), "children.csv",
                                 children_csv, strlen (children_csv), CT_IMPORT_DEFAULT,
                                 NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ct_import_data (database, ct_kind_lookup ("consultations"),
                                 "consultations.csv", consultations_csv,
                                 strlen (consultations_csv), CT_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  ct_database_close (database);
}

/* The key SQLCipher 4 derives: PBKDF2-HMAC-SHA512 of the passphrase with
 * the salt at the start of the file. */
static void
derive_key (Scan *scan)
{
  g_autofree char *path = ct_database_get_default_path ();
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, SALT_LENGTH);
  g_assert_cmpint (PKCS5_PBKDF2_HMAC (scan->passphrase, strlen (scan->passphrase),
                                      (const guchar *) contents, SALT_LENGTH, KDF_ITERATIONS,
                                      EVP_sha512 (), KEY_LENGTH, scan->key), ==, 1);
}

typedef struct
{
  const char   *what;
  const guint8 *bytes;
  gsize         length;
} Needle;

/* Every needle found in the writable memory of this process, as
 * "what in region" lines. */
static char *
find_in_memory (Scan *scan)
{
  const Needle needles[] = {
    { "the child's name", (const guint8 *) scan->child, strlen (scan->child) },
    { "the consultation's notes", (const guint8 *) scan->notes, strlen (scan->notes) },
    { "the passphrase", (const guint8 *) scan->passphrase, strlen (scan->passphrase) },
    { "the key", scan->key, KEY_LENGTH },
  };
  GString *found = g_string_new (NULL);
  FILE *maps = fopen ("/proc/self/maps", "r");
  int mem = open ("/proc/self/mem", O_RDONLY);
  char line[1024];

  g_assert_nonnull (maps);
  g_assert_cmpint (mem, >=, 0);
  while (fgets (line, sizeof line, maps) != NULL)
    {
      unsigned long start, end;
      char perms[5] = "";
      int name_at = 0;

      if (sscanf (line, "%lx-%lx %4s %*s %*s %*s %n", &start, &end, perms, &name_at) < 3 ||
          perms[0] != 'r' || perms[1] != 'w' ||
          (start <= (unsigned long) scan && (unsigned long) scan < end))
        continue;

      g_strchomp (line);
      /* Chunks overlap by a needle's length, so that none is cut in two. */
      for (unsigned long at = start; at < end; at += CHUNK - 64)
        {
          gsize want = MIN (CHUNK, end - at);
          ssize_t got = pread (mem, scan->buffer, want, (off_t) at);

          if (got <= 0)
            break;
          for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
            if (memmem (scan->buffer, got, needles[i].bytes, needles[i].length) != NULL)
              g_string_append_printf (found, "%s in %s (%lx-%lx)\n", needles[i].what,
                                      *(line + name_at) != '\0' ? line + name_at : "anonymous",
                                      start, end);
          if ((unsigned long) got < want || at + want >= end)
            break;
        }
    }
  fclose (maps);
  close (mem);
  return g_string_free (found, FALSE);
}

static gboolean
is_set (gpointer flag)
{
  return *(gboolean *) flag;
}

static gboolean
on_elapsed (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window work for @ms milliseconds. */
static void
spin (guint ms)
{
  gboolean elapsed = FALSE;

  g_timeout_add (ms, on_elapsed, &elapsed);
  test_wait_until (is_set, &elapsed);
}

static gboolean
is_child_name (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), CHILD_NAME) == 0;
}

/* Moves the real pointer (the tests run on X11) to @x, @y of the screen;
 * negative: from the right or bottom edge. */
static void
move_pointer (Display *display,
              int      x,
              int      y)
{
  int screen = DefaultScreen (display);

  XWarpPointer (display, None, RootWindow (display, screen), 0, 0, 0, 0,
                x >= 0 ? x : DisplayWidth (display, screen) + x,
                y >= 0 ? y : DisplayHeight (display, screen) + y);
}

static gboolean
pointer_is_over (CtWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkDevice *pointer = gdk_seat_get_pointer (gdk_display_get_default_seat (display));

  return gdk_device_get_surface_at_position (pointer, NULL, NULL) ==
         gtk_native_get_surface (GTK_NATIVE (window));
}

/* The pointer passes over the child's name in the list of children, and
 * off the window before the tooltip's delay. The window is at the top left
 * of the screen (no window manager), which it does not fill; other tests'
 * windows may share the screen, so it is raised above them first. */
static void
brush_child_name (CtWindow *window)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  GtkStack *sections = GTK_STACK (test_find_by_id (window, "sections"));
  GtkWidget *name;
  double x = 0, y = 0;

  gtk_stack_set_visible_child_name (sections, "children");
  name = test_find_widget (window, is_child_name, NULL);
  while (name == NULL)
    {
      spin (100);
      name = test_find_widget (window, is_child_name, NULL);
    }
  g_assert_true (gtk_widget_translate_coordinates (name, GTK_WIDGET (window), 4, 4, &x, &y));
  for (guint tries = 0; !pointer_is_over (window); tries++)
    {
      g_assert_cmpuint (tries, <, SETTLE_TRIES);
      XRaiseWindow (display, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
      move_pointer (display, x, y);
      move_pointer (display, x + 2, y + 1);
      XSync (display, False);
    }
  move_pointer (display, -1, -1);
  XSync (display, False);
  g_assert_false (pointer_is_over (window));
  spin (300);
}

static void
show_every_section (CtWindow *window)
{
  GtkWidget *view = test_find_of_type (window, CT_TYPE_MAIN_VIEW);

  for (guint i = 0; i < 8; i++)
    {
      g_assert_true (gtk_widget_activate_action (view, "view.section", "u", i));
      spin (100);
    }
}

static gboolean
has_read (gpointer list)
{
  return !ct_record_list_is_loading (list);
}

/* Every section's list searched for the child's first name, so that the
 * store keeps the text of each list's rows for its search. */
static void
search_every_section (CtWindow *window)
{
  g_autoptr(GPtrArray) lists = test_find_all (window, CT_TYPE_RECORD_LIST);

  g_assert_cmpuint (lists->len, >, 0);
  for (guint i = 0; i < lists->len; i++)
    {
      GtkWidget *entry = test_find_of_type (lists->pdata[i], GTK_TYPE_SEARCH_ENTRY);

      gtk_editable_set_text (GTK_EDITABLE (entry), "Zephyrine");
      g_signal_emit_by_name (entry, "search-changed");
      test_wait_until (has_read, lists->pdata[i]);
    }
}

static void
test_memory_after_lock (void)
{
  Scan *scan = mmap (NULL, sizeof (Scan), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                     -1, 0);
  g_autoptr(CtRecord) child = NULL;
  g_autoptr(CtRecord) consultation = NULL;
  g_autofree char *found = NULL;
  CtWindow *window;

  g_assert_true (scan != MAP_FAILED);
  g_strlcpy (scan->child, CHILD_NAME, sizeof scan->child);
  g_strlcpy (scan->notes, NOTES, sizeof scan->notes);
  g_strlcpy (scan->passphrase, TEST_WINDOW_PASSPHRASE, sizeof scan->passphrase);

  window = test_window_open (NULL);
  add_records ();
  derive_key (scan);

  /* Every section, searched; the child's page, the consultation in its editor. */
  show_every_section (window);
  search_every_section (window);
  brush_child_name (window);
  child = test_window_open_first_record (window, "children");
  spin (200);
  consultation = test_window_open_first_record (window, "consultations");
  spin (200);
  g_assert_nonnull (test_find_toplevel (CT_TYPE_RECORD_EDITOR));
  g_clear_object (&child);
  g_clear_object (&consultation);

  /* Before Lock, the scan finds the records: it can see them. */
  found = find_in_memory (scan);
  g_assert_nonnull (strstr (found, "the child's name"));
  g_assert_nonnull (strstr (found, "the consultation's notes"));
  g_clear_pointer (&found, g_free);

  /* The window settles (pending idles run, the last references go) for up
   * to three seconds: a dump then must find nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  for (guint i = 0; i < SETTLE_TRIES; i++)
    {
      spin (SETTLE_MS);
      g_clear_pointer (&found, g_free);
      found = find_in_memory (scan);
      if (*found == '\0')
        break;
    }
  if (*found != '\0')
    g_error ("After Lock, memory still holds:\n%s", found);

  test_window_close (window);
  munmap (scan, sizeof (Scan));
}

int
main (int    argc,
      char **argv)
{
  ct_process_restart_to_wipe_freed_memory (argv);
  ct_process_guard ();
  test_widget_init (&argc, &argv);
  g_test_add_func ("/memory/after-lock", test_memory_after_lock);
  return g_test_run ();
}
