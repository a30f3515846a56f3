/* ct-sdq-prompt-list.c: children whose SDQ asks for a clinical look
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-sdq-prompt-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-editor-launcher.h"
#include "ct-preferences.h"
#include "ct-records.h"
#include "ct-sdq-prompt-list.h"
#include "ct-sdq-prompt.h"

struct _CtSdqPromptList
{
  AdwBin          parent_instance;

  CtDatabase     *database;
  GListStore     *prompts;   /* of CtSdqPrompt */
  AdwExpanderRow *expander;
  GtkListBox     *list;
  GtkWidget      *scrolled;
};

G_DEFINE_FINAL_TYPE (CtSdqPromptList, ct_sdq_prompt_list, ADW_TYPE_BIN)

#define ROW_HEIGHT 58

enum {
  CHILD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CtSdqPrompt *prompt = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *reason = ct_sdq_prompt_dup_reason (prompt);
  g_autofree char *title = NULL;

  /* Translators: a child in the SDQ prompts: "Robin G. (DEMO-00005)" */
  title = g_strdup_printf (_("%s (%s)"), ct_sdq_prompt_get_child_name (prompt),
                           ct_sdq_prompt_get_child_reference (prompt));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
show_summary (CtSdqPromptList *self,
              guint            days)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->prompts));
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (n == 0)
    subtitle = g_strdup_printf (ngettext ("No child’s latest SDQ is in concern or up a band "
                                          "without contact in the last %u day.",
                                          "No child’s latest SDQ is in concern or up a band "
                                          "without contact in the last %u days.", days), days);
  else
    /* Translators: %u days comes from the preferences; the child count is in the title */
    subtitle = g_strdup_printf (ngettext ("Latest SDQ in concern or up a band, and no contact "
                                          "in the last %u day.",
                                          "Latest SDQ in concern or up a band, and no contact "
                                          "in the last %u days.", days), days);
  adw_expander_row_set_subtitle (self->expander, subtitle);
  title = n == 0 ? g_strdup (_("SDQ prompts"))
                 : g_strdup_printf (ngettext ("SDQ prompts: %u child", "SDQ prompts: %u children",
                                              n), n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->expander), title);
  adw_expander_row_set_enable_expansion (self->expander, n > 0);
  /* Room for up to four rows; more scroll. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scrolled),
                                              MIN (n, 4) * ROW_HEIGHT);
}

void
ct_sdq_prompt_list_reload (CtSdqPromptList *self)
{
  g_autoptr(GListModel) prompts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint days = CT_SDQ_PROMPT_DAYS_DEFAULT;
  guint n_prompts;

  g_return_if_fail (CT_IS_SDQ_PROMPT_LIST (self));

  if (self->database != NULL)
    {
      days = ct_preferences_get_prompt_days (self->database, &error);
      if (error == NULL)
        prompts = ct_sdq_prompt_list (self->database, NULL, days, &error);
      if (error != NULL)
        g_warning ("Could not read the SDQ prompts: %s", error->message);
    }
  n_prompts = prompts != NULL ? g_list_model_get_n_items (prompts) : 0;
  for (guint i = 0; i < n_prompts; i++)
    g_ptr_array_add (items, g_list_model_get_item (prompts, i));
  g_list_store_splice (self->prompts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->prompts)),
                       items->pdata, items->len);
  show_summary (self, days);
}

static void
reload_after_save (GtkWidget *widget)
{
  ct_sdq_prompt_list_reload (CT_SDQ_PROMPT_LIST (widget));
}

void
ct_sdq_prompt_list_respond (CtSdqPromptList *self,
                            guint            position,
                            const char      *response)
{
  g_autoptr(CtSdqPrompt) prompt = g_list_model_get_item (G_LIST_MODEL (self->prompts), position);
  g_autoptr(CtRecord) record = NULL;

  if (prompt == NULL)
    return;
  if (g_strcmp0 (response, "page") == 0)
    {
      g_signal_emit (self, signals[CHILD_ACTIVATED], 0, ct_sdq_prompt_get_child_id (prompt));
      return;
    }
  if (g_strcmp0 (response, "consultation") == 0)
    record = ct_record_new (ct_kind_lookup ("consultation"));
  else if (g_strcmp0 (response, "referral") == 0)
    record = ct_record_new (ct_kind_lookup ("referral"));
  else
    return;
  ct_record_set_reference (record, "child", ct_sdq_prompt_get_child_id (prompt));
  ct_editor_launcher_open (GTK_WIDGET (self), self->database, record,
                           G_CALLBACK (reload_after_save));
}

typedef struct
{
  CtSdqPromptList *self;
  guint            position;
} Pending;

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          data)
{
  Pending *pending = data;

  ct_sdq_prompt_list_respond (pending->self, pending->position, response);
  g_object_unref (pending->self);
  g_free (pending);
}

/* "Robin G. (DEMO-00005)": log a consultation, add a referral, open the page. */
static void
on_row_activated (CtSdqPromptList *self,
                  GtkListBoxRow   *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Pending *pending = g_new0 (Pending, 1);
  GtkWidget *dialog;

  pending->self = g_object_ref (self);
  pending->position = gtk_list_box_row_get_index (row);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                   adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "page", _("_Open Page"),
                                    "referral", _("Add _Referral"),
                                    "consultation", _("_Log Consultation"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "consultation",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "consultation");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
ct_sdq_prompt_list_new (void)
{
  return g_object_new (CT_TYPE_SDQ_PROMPT_LIST, NULL);
}

void
ct_sdq_prompt_list_set_database (CtSdqPromptList *self,
                                 CtDatabase      *database)
{
  g_return_if_fail (CT_IS_SDQ_PROMPT_LIST (self));

  g_set_object (&self->database, database);
  ct_sdq_prompt_list_reload (self);
}

GListModel *
ct_sdq_prompt_list_get_model (CtSdqPromptList *self)
{
  g_return_val_if_fail (CT_IS_SDQ_PROMPT_LIST (self), NULL);

  return G_LIST_MODEL (self->prompts);
}

static void
ct_sdq_prompt_list_dispose (GObject *object)
{
  CtSdqPromptList *self = CT_SDQ_PROMPT_LIST (object);

  g_clear_object (&self->database);
  g_clear_object (&self->prompts);
  G_OBJECT_CLASS (ct_sdq_prompt_list_parent_class)->dispose (object);
}

static void
ct_sdq_prompt_list_class_init (CtSdqPromptListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ct_sdq_prompt_list_dispose;

  /**
   * CtSdqPromptList::child-activated:
   * @child_id: the child whose page should be shown
   */
  signals[CHILD_ACTIVATED] =
    g_signal_new ("child-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

/* A boxed list of one expander row; its rows scroll after a few. */
static void
ct_sdq_prompt_list_init (CtSdqPromptList *self)
{
  GtkWidget *outer = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->scrolled = scrolled;
  self->prompts = g_list_store_new (CT_TYPE_SDQ_PROMPT);
  self->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->prompts), create_row, NULL, NULL);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Children the SDQ prompt selects"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 4 * ROW_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  adw_expander_row_add_row (self->expander, scrolled);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (outer), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (outer, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (outer), GTK_WIDGET (self->expander));
  gtk_widget_set_margin_start (outer, 6);
  gtk_widget_set_margin_end (outer, 6);
  gtk_widget_set_margin_bottom (outer, 6);
  adw_bin_set_child (ADW_BIN (self), outer);
  show_summary (self, CT_SDQ_PROMPT_DAYS_DEFAULT);
}
