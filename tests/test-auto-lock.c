/* test-auto-lock.c: the window locks itself when idle and when the screen
 * saver starts; an editor's unsaved draft is kept across the lock, in the
 * records file, and offered back after unlocking.
 *
 * The idle time is set to one second for these tests
 * (ct_auto_lock_set_timeout_for_testing()). GtkApplication:screensaver-active
 * is read-only and needs a session manager, so the screensaver test emits
 * its notification itself with ct_auto_lock_set_screensaver_for_testing():
 * that exercises the real connection to a real application and the lock,
 * but not GTK's own D-Bus tracking of the screensaver.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-auto-lock"

#include "config.h"

#include "ct-auto-lock.h"
#include "ct-draft-banner.h"
#include "ct-draft.h"
#include "ct-main-view.h"
#include "ct-records.h"
#include "ct-unlock-page.h"
#include "editor/ct-field-row.h"
#include "editor/ct-record-editor.h"
#include "window-test-util.h"

#define TYPED_TEAM  "Invented Team Kestrel"
#define TYPED_NOTES "Invented notes typed before the lock"

static gboolean
shows_unlock_page (gpointer window)
{
  GtkStack *stack = GTK_STACK (test_find_by_id (window, "stack"));
  GtkStack *locked_stack = GTK_STACK (test_find_by_id (window, "locked_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "locked") == 0 &&
         CT_IS_UNLOCK_PAGE (gtk_stack_get_visible_child (locked_stack));
}

static void
assert_locked (CtWindow *window)
{
  g_assert_null (ct_window_get_database (window));
  g_assert_true (shows_unlock_page (window));
  g_assert_null (test_find_of_type (window, CT_TYPE_MAIN_VIEW));
}

static void
test_idle_locks (void)
{
  CtWindow *window;

  ct_auto_lock_set_timeout_for_testing (1);
  window = test_window_open (NULL);
  g_assert_nonnull (ct_window_get_database (window));

  test_wait_until (test_window_is_locked, window);
  assert_locked (window);

  /* Unlocked again, it locks again. */
  test_window_unlock (window);
  test_wait_until (test_window_is_locked, window);
  assert_locked (window);

  ct_auto_lock_set_timeout_for_testing (0);
  test_window_close (window);
}

/* Editors */

/* A new consultation with something typed, over @window. */
static CtRecordEditor *
open_typed_editor (CtWindow *window)
{
  CtRecordEditor *editor = ct_record_editor_new (GTK_WINDOW (window),
                                                 ct_window_get_database (window),
                                                 ct_kind_lookup ("consultation"), NULL);

  gtk_window_present (GTK_WINDOW (editor));
  ct_field_row_set_text (test_editor_get_row (editor, "team"), TYPED_TEAM);
  ct_field_row_set_text (test_editor_get_row (editor, "notes"), TYPED_NOTES);
  g_assert_true (ct_record_editor_has_changes (editor));
  return editor;
}

static void
assert_typed_text (CtRecordEditor *editor)
{
  g_autofree char *team = ct_field_row_dup_text (test_editor_get_row (editor, "team"));
  g_autofree char *notes = ct_field_row_dup_text (test_editor_get_row (editor, "notes"));

  g_assert_cmpstr (team, ==, TYPED_TEAM);
  g_assert_cmpstr (notes, ==, TYPED_NOTES);
}

static CtDraftBanner *
get_banner (CtWindow *window)
{
  GtkWidget *banner = test_find_of_type (window, CT_TYPE_DRAFT_BANNER);

  g_assert_nonnull (banner);
  return CT_DRAFT_BANNER (banner);
}

static gboolean
is_draft_read (gpointer banner)
{
  return !ct_draft_banner_is_reading (banner);
}

/* The banner, once it has read the draft kept (on the store's reader). */
static CtDraftBanner *
get_read_banner (CtWindow *window)
{
  CtDraftBanner *banner = get_banner (window);

  test_wait_until (is_draft_read, banner);
  return banner;
}

static gboolean
has_kept_draft (CtWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) draft = ct_draft_peek (ct_window_get_database (window), &error);

  g_assert_no_error (error);
  return draft != NULL;
}

/* Locks with a typed editor open (by idling); the editor is gone at once,
 * and the unlocked window offers its draft. */
static CtWindow *
lock_with_typed_editor (void)
{
  CtWindow *window;
  GtkWidget *editor;

  ct_auto_lock_set_timeout_for_testing (1);
  window = test_window_open (NULL);
  /* Nothing runs the main loop until the editor holds the typed text. */
  editor = g_object_ref (GTK_WIDGET (open_typed_editor (window)));

  test_wait_until (test_window_is_locked, window);
  assert_locked (window);
  g_assert_null (test_find_toplevel (CT_TYPE_RECORD_EDITOR));
  g_assert_finalize_object (editor);

  /* The normal idle time again, so that nothing locks while the test looks. */
  ct_auto_lock_set_timeout_for_testing (0);
  test_window_unlock (window);
  g_assert_true (ct_draft_banner_is_offering (get_read_banner (window)));
  g_assert_true (has_kept_draft (window));
  return window;
}

static void
test_draft_restored (void)
{
  CtWindow *window = lock_with_typed_editor ();
  CtDraftBanner *banner = get_banner (window);
  GtkWindow *editor;

  g_signal_emit_by_name (test_find_by_id (banner, "restore_button"), "clicked");
  /* The record typed over is read on the store's reader. */
  g_assert_true (ct_draft_banner_is_reading (banner));
  g_assert_null (test_find_toplevel (CT_TYPE_RECORD_EDITOR));

  editor = test_wait_for_toplevel (CT_TYPE_RECORD_EDITOR);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (window));
  assert_typed_text (CT_RECORD_EDITOR (editor));
  g_assert_false (ct_draft_banner_is_offering (banner));
  g_assert_false (has_kept_draft (window));

  gtk_window_destroy (editor);
  test_window_close (window);
}

static void
test_draft_discarded (void)
{
  CtWindow *window = lock_with_typed_editor ();
  CtDraftBanner *banner = get_banner (window);

  g_signal_emit_by_name (test_find_by_id (banner, "discard_button"), "clicked");

  g_assert_null (test_find_toplevel (CT_TYPE_RECORD_EDITOR));
  g_assert_false (ct_draft_banner_is_offering (banner));
  g_assert_false (has_kept_draft (window));

  /* Gone for good: not offered after the next unlock either. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  test_window_unlock (window);
  g_assert_false (ct_draft_banner_is_offering (get_read_banner (window)));
  test_window_close (window);
}

/* An editor without changes leaves no draft, but it is closed all the same. */
static void
test_unchanged_editor_closed (void)
{
  CtWindow *window = test_window_open (NULL);
  CtRecordEditor *editor = ct_record_editor_new (GTK_WINDOW (window),
                                                 ct_window_get_database (window),
                                                 ct_kind_lookup ("consultation"), NULL);

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_null (test_find_toplevel (CT_TYPE_RECORD_EDITOR));

  test_window_unlock (window);
  g_assert_false (ct_draft_banner_is_offering (get_read_banner (window)));
  g_assert_false (has_kept_draft (window));
  test_window_close (window);
}

static void
test_screensaver_locks (void)
{
  g_autoptr(GtkApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  CtWindow *window;

  application = gtk_application_new ("org.council.ClinicalTeam.TestAutoLock",
                                     G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  window = test_window_open (application);

  /* The screensaver is not on: a notification alone does not lock. */
  g_object_notify (G_OBJECT (application), "screensaver-active");
  g_assert_nonnull (ct_window_get_database (window));

  /* It turns on: locked at once, without waiting. */
  ct_auto_lock_set_screensaver_for_testing (TRUE);
  g_object_notify (G_OBJECT (application), "screensaver-active");
  assert_locked (window);
  ct_auto_lock_set_screensaver_for_testing (FALSE);

  test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add_func ("/auto-lock/idle-locks", test_idle_locks);
  g_test_add_func ("/auto-lock/draft-restored", test_draft_restored);
  g_test_add_func ("/auto-lock/draft-discarded", test_draft_discarded);
  g_test_add_func ("/auto-lock/unchanged-editor-closed", test_unchanged_editor_closed);
  g_test_add_func ("/auto-lock/screensaver-locks", test_screensaver_locks);

  return g_test_run ();
}
