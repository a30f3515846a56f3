/* ct-episode-closer.c: after an end rating, offering to close its episode
 *
 * An end rating usually means the work has ended; the episode's end date
 * and reason are what the committee counts. Asking in the same step saves
 * finding the referral on the child's page afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-episode-closer"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-episode-closer.h"
#include "ct-record-editor.h"
#include "ct-records.h"

typedef struct
{
  GtkWindow  *parent;    /* a weak pointer */
  CtDatabase *database;
  CtRecord   *referral;  /* with the end date set */
} Offer;

static void
offer_free (gpointer  data,
            GClosure *closure)
{
  Offer *offer = data;

  g_clear_weak_pointer (&offer->parent);
  g_object_unref (offer->database);
  g_object_unref (offer->referral);
  g_free (offer);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Offer            *offer)
{
  if (g_str_equal (response, "close"))
    gtk_window_present (GTK_WINDOW (ct_record_editor_new (offer->parent, offer->database,
                                                          ct_record_get_kind (offer->referral),
                                                          offer->referral)));
}

void
ct_episode_closer_offer (GtkWindow  *parent,
                         CtDatabase *database,
                         CtRecord   *rating)
{
  g_autofree char *time_point = NULL;
  g_autofree char *referral_id = NULL;
  g_autofree char *date = NULL;
  g_autoptr(CtRecord) referral = NULL;
  g_autofree char *end_date = NULL;
  GtkWidget *dialog;
  Offer *offer;

  if (!g_str_equal (ct_kind_get_name (ct_record_get_kind (rating)), "goal_rating"))
    return;
  time_point = ct_record_get_string_by_name (rating, "time_point");
  referral_id = ct_record_get_string_by_name (rating, "referral_id");
  date = ct_record_get_string_by_name (rating, "date");
  if (g_strcmp0 (time_point, "end") != 0 || referral_id == NULL)
    return;
  referral = ct_store_get (database, ct_kind_lookup ("referral"),
                           g_ascii_strtoll (referral_id, NULL, 10), NULL);
  if (referral == NULL || (end_date = ct_record_get_string_by_name (referral, "end_date")) != NULL)
    return;
  ct_record_set_string_by_name (referral, "end_date", date, NULL);

  dialog = adw_message_dialog_new (parent, _("Close the Episode Too?"),
                                   _("This is an end rating, and the episode has no end date "
                                     "yet. Close it now with the rating’s date, and choose "
                                     "why it ended."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "close", _("_Close Episode…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  offer = g_new0 (Offer, 1);
  g_set_weak_pointer (&offer->parent, parent);
  offer->database = g_object_ref (database);
  offer->referral = g_steal_pointer (&referral);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), offer, offer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
