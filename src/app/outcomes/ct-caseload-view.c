/* ct-caseload-view.c: My Caseload, the signed-in clinician's open episodes
 * and what is due on each
 *
 * The episodes (ct_caseload_list()) are read on the store's reader
 * (ct-store-reader.h); who is signed in is known on the store itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-caseload-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-caseload-view.h"
#include "ct-caseload.h"
#include "ct-cell-text.h"
#include "ct-records.h"

struct _CtCaseloadView
{
  AdwBin          parent_instance;

  CtDatabase     *database;
  GCancellable   *loading;   /* the read under way, or NULL */
  GtkStack       *stack;
  GtkLabel       *summary;
  GtkListBox     *list;
  AdwStatusPage  *empty;
};

G_DEFINE_FINAL_TYPE (CtCaseloadView, ct_caseload_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  CHILD_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GQuark child_id_quark;

/* A row */

static void
add_due_label (GtkWidget  *row,
               const char *text,
               const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (g_utf8_strlen (text, -1), 16));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_add_css_class (label, style);
  gtk_widget_add_css_class (label, "caption-heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static char *
describe_dates (const CtCaseloadEntry *entry)
{
  g_autofree char *started = ct_cell_text_format_date (entry->start_date);
  g_autofree char *contact = NULL;

  if (entry->last_contact == NULL)
    return g_strdup_printf (_("Started %s. No contact recorded yet."), started);
  contact = ct_cell_text_format_date (entry->last_contact);
  return g_strdup_printf (_("Started %s. Last contact %s."), started, contact);
}

static GtkWidget *
create_row (const CtCaseloadEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s — %s", entry->child_reference, entry->child_name);
  g_autofree char *dates = describe_dates (entry);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dates);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (entry->due & CT_CASELOAD_DUE_REVIEW)
    add_due_label (row, _("GBO review due"), "warning");
  if (entry->due & CT_CASELOAD_DUE_END_DATE)
    add_due_label (row, _("End rated: add the end date"), "accent");
  /* Issue 14: an SDQ prompt shows here too. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_qdata_full (G_OBJECT (row), child_id_quark,
                           g_memdup2 (&entry->child_id, sizeof (gint64)), g_free);
  return row;
}

static void
on_row_activated (CtCaseloadView *self,
                  GtkListBoxRow  *row)
{
  gint64 *child_id = g_object_get_qdata (G_OBJECT (row), child_id_quark);

  if (child_id != NULL)
    g_signal_emit (self, signals[CHILD_ACTIVATED], 0, *child_id);
}

/* Reading */

static void
show_empty (CtCaseloadView *self,
            const char     *title,
            const char     *description)
{
  adw_status_page_set_title (self->empty, title);
  adw_status_page_set_description (self->empty, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
show_entries (CtCaseloadView *self,
              GPtrArray      *entries)
{
  guint n_due = 0;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < entries->len; i++)
    {
      CtCaseloadEntry *entry = g_ptr_array_index (entries, i);

      n_due += entry->due != CT_CASELOAD_DUE_NOTHING;
      gtk_list_box_append (self->list, create_row (entry));
    }
  summary = g_strdup_printf (ngettext ("%u open episode, %u with something due.",
                                       "%u open episodes, %u with something due.", entries->len),
                             entries->len, n_due);
  gtk_label_set_label (self->summary, summary);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

typedef struct
{
  char   *actor;
  char   *today;
  guint   review_weeks;
} CaseloadRead;

static void
caseload_read_free (CaseloadRead *read)
{
  g_free (read->actor);
  g_free (read->today);
  g_free (read);
}

/* The staff member signed in, then their episodes; CT_DATABASE_ERROR_NOT_FOUND
 * when there is no staff member to read the caseload of. */
static gpointer
read_caseload (CtDatabase  *db,
               gpointer     data,
               GError     **error)
{
  CaseloadRead *read = data;
  g_autoptr(GError) local_error = NULL;
  gint64 staff_id = ct_store_find_staff_of_login (db, read->actor, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (staff_id == 0)
    {
      g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND,
                           "No staff member is signed in");
      return NULL;
    }
  return ct_caseload_list (db, staff_id, read->today, read->review_weeks, error);
}

/* On a team server the login is linked to a staff member by IT. */
static void
show_no_staff (CtCaseloadView *self)
{
  show_empty (self, _("No Staff Profile"),
              ct_database_get_path (self->database) != NULL
              ? _("Choose who you are in Preferences to see your caseload.")
              : _("Your login is not linked to a staff member. Ask your IT department "
                  "to link it to see your caseload."));
}

static void
stop_loading (CtCaseloadView *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

static void
on_caseload_read (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CtCaseloadView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ct_store_read_finish (CT_DATABASE (source_object), result,
                                                      &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (g_error_matches (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND))
    show_no_staff (self);
  else if (entries == NULL)
    show_empty (self, _("The Caseload Cannot Be Read"), error->message);
  else if (entries->len == 0)
    show_empty (self, _("No Open Episodes"),
                _("Episodes of direct work allocated to you show here once they have started."));
  else
    show_entries (self, entries);
}

gboolean
ct_caseload_view_is_loading (CtCaseloadView *self)
{
  g_return_val_if_fail (CT_IS_CASELOAD_VIEW (self), FALSE);

  return self->loading != NULL;
}

void
ct_caseload_view_reload (CtCaseloadView *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *actor;
  CaseloadRead *read;

  g_return_if_fail (CT_IS_CASELOAD_VIEW (self));

  stop_loading (self);
  if (self->database == NULL || !ct_database_is_open (self->database))
    return;
  if ((actor = ct_database_get_actor (self->database)) == NULL)
    {
      show_no_staff (self);
      return;
    }
  read = g_new0 (CaseloadRead, 1);
  read->actor = g_strdup (actor);
  read->today = ct_validate_dup_today ();
  read->review_weeks = g_settings_get_uint (settings, "gbo-review-weeks");
  self->loading = g_cancellable_new ();
  ct_store_read_async (self->database, read_caseload, read, (GDestroyNotify) caseload_read_free,
                       (GDestroyNotify) g_ptr_array_unref, self->loading, on_caseload_read,
                       g_object_ref (self));
}

/* GObject */

static void
ct_caseload_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ct_caseload_view_parent_class)->map (widget);
  ct_caseload_view_reload (CT_CASELOAD_VIEW (widget));
}

static void
ct_caseload_view_dispose (GObject *object)
{
  stop_loading (CT_CASELOAD_VIEW (object));
  g_clear_object (&CT_CASELOAD_VIEW (object)->database);

  G_OBJECT_CLASS (ct_caseload_view_parent_class)->dispose (object);
}

static void
ct_caseload_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, CT_CASELOAD_VIEW (object)->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_caseload_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CtCaseloadView *self = CT_CASELOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_set_object (&self->database, g_value_get_object (value));
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        ct_caseload_view_reload (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_caseload_view_class_init (CtCaseloadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_caseload_view_dispose;
  object_class->get_property = ct_caseload_view_get_property;
  object_class->set_property = ct_caseload_view_set_property;
  widget_class->map = ct_caseload_view_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtCaseloadView::child-activated:
   * @child_id: the child of the episode activated
   */
  signals[CHILD_ACTIVATED] =
    g_signal_new ("child-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  child_id_quark = g_quark_from_static_string ("ct-caseload-child-id");
}

static GtkWidget *
build_list_page (CtCaseloadView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("My open episodes"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  g_object_set (box, "margin-top", 18, "margin-bottom", 18, "margin-start", 12,
                "margin-end", 12, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

static void
ct_caseload_view_init (CtCaseloadView *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty, "view-list-bullet-symbolic");
  gtk_stack_add_named (self->stack, build_list_page (self), "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty), "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
ct_caseload_view_new (CtDatabase *database)
{
  g_return_val_if_fail (database == NULL || CT_IS_DATABASE (database), NULL);

  return g_object_new (CT_TYPE_CASELOAD_VIEW, "database", database, NULL);
}
