/* ct-close-guard.c: closing the window while the team server is away, with
 * unsaved work in an editor, asks first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-close-guard"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ct-close-guard.h"
#include "ct-draft-keeper.h"

/* Set on the window once the person chose to close all the same. */
#define CONFIRMED_KEY "ct-close-guard-confirmed"

static void
on_response (GtkWindow  *window,
             const char *response)
{
  if (!g_str_equal (response, "close"))
    return;
  g_object_set_data (G_OBJECT (window), CONFIRMED_KEY, GINT_TO_POINTER (TRUE));
  gtk_window_close (window);
}

gboolean
ct_close_guard_asks (GtkWindow  *window,
                     CtDatabase *database)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  if (database == NULL || ct_database_is_connected (database) ||
      g_object_get_data (G_OBJECT (window), CONFIRMED_KEY) != NULL ||
      !ct_draft_keeper_has_unsaved_work (window))
    return FALSE;

  dialog = adw_message_dialog_new (window, _("Close without saving?"),
                                   _("The team server cannot be reached, so what you typed in "
                                     "the open editor cannot be kept. Wait for the connection "
                                     "to come back and save, or copy what you typed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), window,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
