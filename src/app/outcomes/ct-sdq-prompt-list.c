/* ct-sdq-prompt-list.c: children whose SDQ asks for a clinical look
 *
 * The prompts (ct_sdq_prompt_list(), which looks at every child's latest
 * SDQ) are read on the store's reader (ct-store-reader.h), and shown in a
 * list view, which makes rows only for the children in view: at county
 * scale they can be a thousand.
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
  GCancellable   *loading;   /* the read under way, or NULL */
  AdwExpanderRow *expander;
  GtkListView    *list;
  GtkWidget      *scrolled;
};

G_DEFINE_FINAL_TYPE (CtSdqPromptList, ct_sdq_prompt_list, ADW_TYPE_BIN)

#define ROW_HEIGHT 58

enum {
  CHILD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_title (CtSdqPrompt *prompt)
{
  /* Translators: a child in the SDQ prompts: "Robin G. (DEMO-00005)" */
  return g_strdup_printf (_("%s (%s)"), ct_sdq_prompt_get_child_name (prompt),
                          ct_sdq_prompt_get_child_reference (prompt));
}

/* A row: the child, the reason below, an arrow. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_widget_add_css_class (reason, "dim-label");
  gtk_widget_add_css_class (reason, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), reason);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  CtSdqPrompt *prompt = gtk_list_item_get_item (item);
  GtkWidget *texts = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  g_autofree char *title = dup_title (prompt);
  g_autofree char *reason = ct_sdq_prompt_dup_reason (prompt);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (texts)), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (texts)), reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
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

/* Shows @prompts (NULL: none), selected by @days without contact. */
static void
show_prompts (CtSdqPromptList *self,
              GListModel      *prompts,
              guint            days)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_prompts = prompts != NULL ? g_list_model_get_n_items (prompts) : 0;

  for (guint i = 0; i < n_prompts; i++)
    g_ptr_array_add (items, g_list_model_get_item (prompts, i));
  g_list_store_splice (self->prompts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->prompts)),
                       items->pdata, items->len);
  show_summary (self, days);
}

/* Reading, on the store's reader */

typedef struct
{
  GListModel *prompts;
  guint       days;
} PromptsFound;

static void
prompts_found_free (PromptsFound *found)
{
  g_clear_object (&found->prompts);
  g_free (found);
}

static gpointer
read_prompts (CtDatabase  *db,
              gpointer     data,
              GError     **error)
{
  g_autoptr(GError) days_error = NULL;
  PromptsFound *found = g_new0 (PromptsFound, 1);

  found->days = ct_preferences_get_prompt_days (db, &days_error);
  if (days_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&days_error));
      prompts_found_free (found);
      return NULL;
    }
  found->prompts = ct_sdq_prompt_list (db, NULL, found->days, error);
  if (found->prompts == NULL)
    {
      prompts_found_free (found);
      return NULL;
    }
  return found;
}

static void
stop_loading (CtSdqPromptList *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

static void
on_prompts_read (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CtSdqPromptList) self = user_data;
  g_autoptr(GError) error = NULL;
  PromptsFound *found = ct_store_read_finish (CT_DATABASE (source_object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (found == NULL)
    {
      g_warning ("Could not read the SDQ prompts: %s", error->message);
      show_prompts (self, NULL, CT_SDQ_PROMPT_DAYS_DEFAULT);
      return;
    }
  show_prompts (self, found->prompts, found->days);
  prompts_found_free (found);
}

void
ct_sdq_prompt_list_reload (CtSdqPromptList *self)
{
  g_return_if_fail (CT_IS_SDQ_PROMPT_LIST (self));

  stop_loading (self);
  if (self->database == NULL)
    {
      show_prompts (self, NULL, CT_SDQ_PROMPT_DAYS_DEFAULT);
      return;
    }
  self->loading = g_cancellable_new ();
  ct_store_read_async (self->database, read_prompts, NULL, NULL,
                       (GDestroyNotify) prompts_found_free, self->loading, on_prompts_read,
                       g_object_ref (self));
}

gboolean
ct_sdq_prompt_list_is_loading (CtSdqPromptList *self)
{
  g_return_val_if_fail (CT_IS_SDQ_PROMPT_LIST (self), FALSE);

  return self->loading != NULL;
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
                  guint            position)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(CtSdqPrompt) prompt = g_list_model_get_item (G_LIST_MODEL (self->prompts), position);
  g_autofree char *title = NULL;
  g_autofree char *reason = NULL;
  Pending *pending;
  GtkWidget *dialog;

  if (prompt == NULL)
    return;
  title = dup_title (prompt);
  reason = ct_sdq_prompt_dup_reason (prompt);
  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->position = position;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title, reason);
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

  stop_loading (self);
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
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->scrolled = scrolled;
  self->prompts = g_list_store_new (CT_TYPE_SDQ_PROMPT);
  self->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (
    GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->prompts)))),
    factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "rich-list");
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (on_row_activated), self);
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
