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
#include "ct-store-reader.h"

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

/* Asks whether to close @referral's episode on @date. */
static void
ask (GtkWindow  *parent,
     CtDatabase *database,
     CtRecord   *referral,
     const char *date)
{
  GtkWidget *dialog;
  Offer *offer;

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
  offer->referral = g_object_ref (referral);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), offer, offer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The episode is read on the store's reader; the question waits for it. */

typedef struct
{
  GtkWindow *parent;   /* a weak pointer */
  char      *date;     /* the rating's */
} Arrival;

static void
arrival_free (Arrival *arrival)
{
  g_clear_weak_pointer (&arrival->parent);
  g_free (arrival->date);
  g_free (arrival);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Arrival, arrival_free)

static void
on_referral_read (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Arrival) arrival = user_data;
  CtDatabase *database = CT_DATABASE (source_object);
  g_autoptr(CtRecord) referral = ct_store_get_finish (database, result, NULL);
  g_autofree char *end_date = NULL;

  /* Gone, closed meanwhile, or the window with it. */
  if (referral == NULL || arrival->parent == NULL ||
      (end_date = ct_record_get_string_by_name (referral, "end_date")) != NULL)
    return;
  ask (arrival->parent, database, referral, arrival->date);
}

void
ct_episode_closer_offer (GtkWindow  *parent,
                         CtDatabase *database,
                         CtRecord   *rating)
{
  g_autofree char *time_point = NULL;
  g_autofree char *referral_id = NULL;
  Arrival *arrival;

  if (!g_str_equal (ct_kind_get_name (ct_record_get_kind (rating)), "goal_rating"))
    return;
  time_point = ct_record_get_string_by_name (rating, "time_point");
  referral_id = ct_record_get_string_by_name (rating, "referral_id");
  if (g_strcmp0 (time_point, "end") != 0 || referral_id == NULL)
    return;
  arrival = g_new0 (Arrival, 1);
  g_set_weak_pointer (&arrival->parent, parent);
  arrival->date = ct_record_get_string_by_name (rating, "date");
  ct_store_get_async (database, ct_kind_lookup ("referral"), g_ascii_strtoll (referral_id, NULL, 10),
                      NULL, on_referral_read, arrival);
}
