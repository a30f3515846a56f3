/* ct-conflict-dialog.c: asking what to do when someone else saved the
 * record first
 *
 * Nothing is overwritten from here: the person either keeps editing (and
 * a later Save is refused again while their change stands) or loads the
 * other version, with what they typed kept beside it to copy from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-conflict-dialog.h"

GtkWidget *
ct_conflict_typed_view_new (const char *typed)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), typed, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  g_object_set (view, "top-margin", 6, "bottom-margin", 6, "left-margin", 6,
                "right-margin", 6, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What you typed"),
                                  -1);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_widget_add_css_class (scrolled, "card");
  return scrolled;
}

GtkWidget *
ct_conflict_dialog_new (GtkWindow  *parent,
                        const char *message,
                        const char *typed)
{
  GtkWidget *dialog;
  GtkWidget *expander;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (typed != NULL, NULL);

  dialog = adw_message_dialog_new (parent, _("Someone else changed this record"), message);
  expander = gtk_expander_new_with_mnemonic (_("What _you typed"));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  gtk_expander_set_child (GTK_EXPANDER (expander), ct_conflict_typed_view_new (typed));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), expander);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    CT_CONFLICT_RESPONSE_RELOAD, _("_Reload"),
                                    CT_CONFLICT_RESPONSE_KEEP, _("_Keep Editing"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              CT_CONFLICT_RESPONSE_KEEP,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           CT_CONFLICT_RESPONSE_KEEP);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog),
                                         CT_CONFLICT_RESPONSE_KEEP);
  return dialog;
}
