/* test-team.c: working as a team, in the real window, with a second
 * connection to the same records standing in for a colleague: their saves
 * appear without any action, and a save over their newer edit asks first
 * (the conflict dialog); on the server, its going away and coming back.
 * Runs on both stores (CT_TEST_STORE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-team"

#include "config.h"

#include "ct-child-page.h"
#include "ct-field-row.h"
#include "ct-record-editor.h"
#include "ct-record-list.h"
#include "ct-server-banner.h"
#include "pg-test-server.h"
#include "records-fixture.h"
#include "test-store.h"
#include "window-test-util.h"

/* The window's change watch looks every two seconds; a reload takes a
 * little more. */
#define LIVE_WITHIN_US (3 * G_USEC_PER_SEC)

typedef struct
{
  RecordsFixture  records;
  CtDatabase     *colleague;  /* a second connection: "Test Clinician B" */
  CtWindow       *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  records_fixture_setup (&fixture->records, data);
  fixture->colleague = test_store_open_again (fixture->records.db, "Test Clinician B");
  fixture->window = g_object_ref_sink (ct_window_new_unlocked (NULL, fixture->records.db));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_window_close (g_steal_pointer (&fixture->window));
  g_clear_object (&fixture->colleague);
  records_fixture_teardown (&fixture->records, data);
}

/* Waiting, as a person would, with no action */

typedef struct
{
  TestCondition condition;
  gpointer      data;
  gint64        deadline;
} Deadline;

static gboolean
holds_or_late (gpointer data)
{
  Deadline *wait = data;

  return wait->condition (wait->data) || g_get_monotonic_time () > wait->deadline;
}

/* Asserts that @condition comes to hold within LIVE_WITHIN_US. */
static void
assert_shown_soon (TestCondition condition,
                   gpointer      data)
{
  Deadline wait = { condition, data, g_get_monotonic_time () + LIVE_WITHIN_US };

  test_wait_until (holds_or_late, &wait);
  g_assert_true (condition (data));
}

static gboolean
list_has_two_rows (gpointer list)
{
  GListModel *model = ct_record_list_get_model (list);

  return model != NULL && g_list_model_get_n_items (model) == 2;
}

static gboolean
page_shows_new_name (gpointer page)
{
  return g_strcmp0 (ct_record_page_get_title (page), "Test Child Renamed") == 0;
}

/* A colleague adds a child while the list is open, then renames the child
 * whose page is open: both show it within the watch's interval. */
static void
test_live (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CtRecord) child = test_window_open_first_record (fixture->window, "children");
  g_autoptr(CtRecord) theirs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = test_find_of_type (fixture->window, CT_TYPE_CHILD_PAGE);
  GtkWidget *list;

  g_assert_nonnull (page);
  g_assert_cmpstr (ct_record_page_get_title (CT_RECORD_PAGE (page)), ==, "Test Child A");

  theirs = ct_store_get (fixture->colleague, ct_kind_lookup ("child"),
                         fixture->records.child_id, &error);
  g_assert_no_error (error);
  g_assert_true (ct_record_set_string_by_name (theirs, "name", "Test Child Renamed", &error));
  g_assert_true (ct_store_update (fixture->colleague, theirs, &error));
  g_assert_no_error (error);
  assert_shown_soon (page_shows_new_name, page);

  g_signal_emit_by_name (test_find_by_id (fixture->window, "back_button"), "clicked");
  list = test_find_of_type (fixture->window, CT_TYPE_RECORD_LIST);
  g_assert_true (gtk_widget_get_mapped (list));
  records_insert_child_b (fixture->colleague);
  assert_shown_soon (list_has_two_rows, list);
}

/* The conflict dialog */

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  name)
{
  return CT_IS_FIELD_ROW (widget) &&
         g_str_equal (ct_field_get_name (ct_field_row_get_field (CT_FIELD_ROW (widget))), name);
}

static char *
get_name_typed (CtRecordEditor *editor)
{
  return ct_field_row_dup_text (CT_FIELD_ROW (test_find_widget (editor, is_row_of, "name")));
}

static char *
get_name_stored (Fixture *fixture)
{
  g_autoptr(CtRecord) now = ct_store_get (fixture->records.db, ct_kind_lookup ("child"),
                                          fixture->records.child_id, NULL);

  return ct_record_get_string_by_name (now, "name");
}

static gboolean
is_message_dialog (GtkWidget     *widget,
                   gconstpointer  data)
{
  return ADW_IS_MESSAGE_DIALOG (widget) && gtk_widget_get_visible (widget);
}

/* The editor of the fixture's child, over the window, shown. */
static CtRecordEditor *
open_child_editor (Fixture *fixture)
{
  const CtKind *kind = ct_kind_lookup ("child");
  g_autoptr(CtRecord) mine = ct_store_get (fixture->records.db, kind, fixture->records.child_id,
                                           NULL);
  CtRecordEditor *editor = ct_record_editor_new (GTK_WINDOW (fixture->window),
                                                 fixture->records.db, kind, mine);

  gtk_window_present (GTK_WINDOW (editor));
  test_wait_until_mapped (GTK_WIDGET (editor));
  return editor;
}

/* Presses Save and returns the conflict dialog it shows. */
static AdwMessageDialog *
save_into_conflict (CtRecordEditor *editor)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dialog = test_find_window (is_message_dialog, NULL);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (editor));
  return ADW_MESSAGE_DIALOG (dialog);
}

static gboolean
is_gone (gpointer weak_pointer)
{
  return *(gpointer *) weak_pointer == NULL;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Clicks the button labelled @label, as a person would, and waits for the
 * dialog to go. */
/* The revealer shows its child (what was typed, above their version). */
static gboolean
is_revealed (gpointer revealer)
{
  return gtk_revealer_get_reveal_child (revealer);
}

static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = test_find_widget (dialog, is_button_labelled, label);
  gpointer weak = dialog;

  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (button, "clicked");
  test_wait_until (is_gone, &weak);
}

/* A colleague renames the child while it is open here: Save shows who and
 * when, with what was typed; Keep Editing keeps it, Reload loads their
 * version and keeps what was typed beside it, and nothing of theirs is
 * overwritten until the person saves over what they have seen. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CtRecord) theirs = ct_store_get (fixture->colleague, ct_kind_lookup ("child"),
                                             fixture->records.child_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stored = NULL;
  CtRecordEditor *editor;
  AdwMessageDialog *dialog;

  editor = open_child_editor (fixture);
  g_assert_true (ct_record_set_string_by_name (theirs, "name", "Test Child Renamed", &error));
  g_assert_true (ct_store_update (fixture->colleague, theirs, &error));
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (test_find_widget (editor, is_row_of, "name")),
                         "Test Child Mine");
  dialog = save_into_conflict (editor);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            ct_database_get_actor (fixture->colleague)));
  typed = test_dup_text_view_text (dialog);
  g_assert_nonnull (strstr (typed, "Name: Test Child Mine\n"));
  g_assert_nonnull (strstr (typed, "Reference: TEST-0001\n"));
  test_wait_until_mapped (GTK_WIDGET (dialog));
  test_save_screenshot (GTK_WIDGET (dialog), "conflict-dialog.png");

  /* Keep Editing: as typed, theirs stands. */
  respond (dialog, "_Keep Editing");
  name = get_name_typed (editor);
  g_assert_cmpstr (name, ==, "Test Child Mine");
  stored = get_name_stored (fixture);
  g_assert_cmpstr (stored, ==, "Test Child Renamed");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&stored, g_free);

  /* Save again: asked again. Reload: theirs, with what was typed above. */
  dialog = save_into_conflict (editor);
  respond (dialog, "_Reload");
  test_wait_until (is_revealed, test_find_by_id (editor, "typed_revealer"));
  name = get_name_typed (editor);
  g_assert_cmpstr (name, ==, "Test Child Renamed");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (test_find_by_id (editor,
                                                                               "typed_revealer"))));
  kept = test_dup_text_view_text (test_find_by_id (editor, "typed_expander"));
  g_assert_cmpstr (kept, ==, typed);
  test_save_screenshot (GTK_WIDGET (editor), "conflict-reloaded.png");

  /* Now over their version: saved. */
  gtk_editable_set_text (GTK_EDITABLE (test_find_widget (editor, is_row_of, "name")),
                         "Test Child Mine");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_null (test_find_window (is_message_dialog, NULL));
  stored = get_name_stored (fixture);
  g_assert_cmpstr (stored, ==, "Test Child Mine");
}

/* The server gone */

static gboolean
banner_is_shown (gpointer banner)
{
  return ct_server_banner_is_shown (banner);
}

static gboolean
banner_is_hidden (gpointer banner)
{
  return !ct_server_banner_is_shown (banner);
}

/* The team server stops while a record is being edited: the window's
 * banner says so, a save fails and keeps the form, closing the window
 * asks first, and once the server is back Save connects again and saves;
 * the banner goes by itself. */
static void
test_server_gone (Fixture       *fixture,
                  gconstpointer  data)
{
  PgTestServer *server = test_store_get_server ();
  CtServerBanner *banner = CT_SERVER_BANNER (test_find_of_type (fixture->window,
                                                                CT_TYPE_SERVER_BANNER));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stored = NULL;
  CtRecordEditor *editor;
  AdwMessageDialog *dialog;
  gpointer weak;

  g_assert_false (ct_server_banner_is_shown (banner));
  editor = open_child_editor (fixture);
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);

  g_assert_true (pg_test_server_pause (server, &error));
  g_assert_no_error (error);
  test_wait_until (banner_is_shown, banner);
  test_save_screenshot (GTK_WIDGET (fixture->window), "server-gone-banner.png");

  gtk_editable_set_text (GTK_EDITABLE (test_find_widget (editor, is_row_of, "name")),
                         "Test Child Typed Offline");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (weak);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (test_find_by_id (editor,
                                                                               "banner"))));
  name = get_name_typed (editor);
  g_assert_cmpstr (name, ==, "Test Child Typed Offline");
  g_assert_true (ct_record_editor_has_changes (editor));

  /* Closing the window would lose it: asked first, and Cancel keeps all. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = ADW_MESSAGE_DIALOG (test_find_window (is_message_dialog, NULL));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (fixture->window));
  respond (dialog, "_Cancel");
  g_assert_nonnull (weak);
  g_assert_nonnull (ct_window_get_database (fixture->window));

  g_assert_true (pg_test_server_resume (server, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  test_wait_until (is_gone, &weak);
  stored = get_name_stored (fixture);
  g_assert_cmpstr (stored, ==, "Test Child Typed Offline");
  test_wait_until (banner_is_hidden, banner);
}

int
main (int   argc,
      char *argv[])
{
  test_widget_init (&argc, &argv);

  g_test_add ("/team/live", Fixture, NULL, fixture_set_up, test_live, fixture_tear_down);
  g_test_add ("/team/conflict", Fixture, NULL, fixture_set_up, test_conflict, fixture_tear_down);
  if (test_store_is_server ())
    g_test_add ("/team/server-gone", Fixture, NULL, fixture_set_up, test_server_gone,
                fixture_tear_down);

  return g_test_run ();
}
