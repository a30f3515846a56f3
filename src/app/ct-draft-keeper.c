/* ct-draft-keeper.c: nothing readable stays on screen when the app locks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-draft-keeper"

#include "config.h"

#include "ct-draft-keeper.h"
#include "ct-draft.h"
#include "ct-record-editor.h"

/* Whether @window is transient for @parent, directly or through others. */
static gboolean
is_over (GtkWindow *window,
         GtkWindow *parent)
{
  for (GtkWindow *w = gtk_window_get_transient_for (window); w != NULL;
       w = gtk_window_get_transient_for (w))
    if (w == parent)
      return TRUE;
  return FALSE;
}

static GPtrArray *
list_windows_over (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);

      if (is_over (window, parent))
        g_ptr_array_add (windows, window);
      else
        g_object_unref (window);
    }
  return windows;
}

static gboolean
has_changes (GtkWindow *window)
{
  return CT_IS_RECORD_EDITOR (window) && ct_record_editor_has_changes (CT_RECORD_EDITOR (window));
}

/* TRUE when @window is an editor with changes whose draft is now kept. */
static gboolean
keep_draft (GtkWindow  *window,
            CtDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) draft = NULL;

  if (!has_changes (window))
    return FALSE;

  draft = ct_record_editor_save_draft (CT_RECORD_EDITOR (window));
  if (ct_draft_store (database, draft, &error))
    return TRUE;

  /* Locking goes on regardless: the screen must be cleared. */
  g_warning ("Could not keep the unsaved draft: %s", error->message);
  return FALSE;
}

void
ct_draft_keeper_close_windows (GtkWindow  *window,
                               CtDatabase *database)
{
  g_autoptr(GPtrArray) windows = NULL;
  gboolean kept = FALSE;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (CT_IS_DATABASE (database));

  windows = list_windows_over (window);
  /* One draft is kept; the editors are modal, so there is one at most. */
  for (guint i = 0; i < windows->len && !kept; i++)
    kept = keep_draft (g_ptr_array_index (windows, i), database);

  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));
}

gboolean
ct_draft_keeper_has_unsaved_work (GtkWindow *window)
{
  g_autoptr(GPtrArray) windows = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  windows = list_windows_over (window);
  for (guint i = 0; i < windows->len; i++)
    if (has_changes (g_ptr_array_index (windows, i)))
      return TRUE;
  return FALSE;
}
