/* ct-audit-log-window.c: the audit trail, read-only, newest first
 *
 * Filters by dates, kind of record, person, action and child: "who has
 * looked at this child's records, and when" is the child and the action
 * "Opened"; "what has this person opened" the person and "Opened".
 * The choices, then the entries' ids and their first page, are read on the
 * store's reader (ct-audit-log-read.h, ct-audit-pages.h): until they arrive
 * the window says it is reading; the other pages are read as they scroll
 * into view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-audit-log-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-audit-log-window.h"
#include "ct-audit-log-read.h"
#include "ct-audit-pages.h"
#include "ct-cell-text.h"
#include "ct-date-range-button.h"
#include "ct-kind.h"
#include "ct-record-tooltip.h"
#include "ct-string-choices.h"

struct _CtAuditLogWindow
{
  AdwWindow          parent_instance;

  CtDatabase        *database;
  /* The words behind the filters' choices, after "All ..." at 0. */
  GStrv              kinds;
  GStrv              people;
  GArray            *children;  /* gint64 ids */
  GCancellable      *reading;   /* the choices or the entries, NULL once read */

  AdwWindowTitle    *window_title;
  CtDateRangeButton *date_range;
  GtkDropDown       *kind_dropdown;
  GtkDropDown       *staff_dropdown;
  GtkDropDown       *action_dropdown;
  GtkDropDown       *child_dropdown;
  GtkStack          *stack;
  GtkColumnView     *column_view;
  AdwStatusPage     *error_page;
};

G_DEFINE_FINAL_TYPE (CtAuditLogWindow, ct_audit_log_window, ADW_TYPE_WINDOW)

/* What the columns show */

/* "2025-03-03T14:05:00Z" → "3 Mar 2025 14:05", in local time. */
static char *
dup_when (CtAuditEntry *entry)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (ct_audit_entry_get_when (entry), NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (utc == NULL)
    return g_strdup (ct_audit_entry_get_when (entry));

  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  date = ct_cell_text_format_date (day);
  time = g_date_time_format (local, "%H:%M");
  /* TRANSLATORS: when an audit entry was made: a date ("3 Mar 2025") and a time ("14:05") */
  return g_strdup_printf (C_("audit entry time", "%s %s"), date, time);
}

static char *
dup_who (CtAuditEntry *entry)
{
  return g_strdup (ct_audit_entry_get_who (entry));
}

static char *
dup_action (CtAuditEntry *entry)
{
  return g_strdup (ct_audit_action_get_label (ct_audit_entry_get_action (entry)));
}

/* A record kind as a person calls it; NULL: the records file itself. */
static const char *
get_kind_label (const char *kind)
{
  const CtKind *record_kind;

  if (kind == NULL)
    return _("Records file");
  if (g_str_equal (kind, "setting"))
    return _("Preferences");

  record_kind = ct_kind_lookup (kind);
  return record_kind != NULL ? ct_kind_get_label (record_kind) : kind;
}

static char *
dup_record (CtAuditEntry *entry)
{
  const char *label = get_kind_label (ct_audit_entry_get_record_kind (entry));
  gint64 id = ct_audit_entry_get_record_id (entry);
  g_autofree char *number = NULL;

  if (id == 0)
    return g_strdup (label);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* TRANSLATORS: a record in the audit log: its kind and number, "Consultation 42" */
  return g_strdup_printf (C_("audit entry record", "%s %s"), label, number);
}

static char *
dup_description (CtAuditEntry *entry)
{
  return g_strdup (ct_audit_entry_get_description (entry));
}

static const struct {
  const char *title;
  char     *(*dup_text) (CtAuditEntry *entry);
  gboolean    expand;
} columns[] = {
  { N_("When"), dup_when, FALSE },
  { N_("Who"), dup_who, FALSE },
  { N_("Action"), dup_action, FALSE },
  { N_("Record"), dup_record, FALSE },
  { N_("Description"), dup_description, TRUE },
};

/* The columns */

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  column)
{
  CtAuditEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  /* An entry whose page is on its way is empty for a moment. */
  g_autofree char *text = ct_audit_entry_is_read (entry) ?
                          columns[GPOINTER_TO_UINT (column)].dup_text (entry) : NULL;

  gtk_label_set_label (GTK_LABEL (label), text);
  /* Long descriptions are cut short: the tooltip has them whole. */
  ct_record_tooltip_set_text (label, text);
}

static void
add_columns (CtAuditLogWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (on_setup), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* The filters */

static void
fill_dropdown (GtkDropDown        *dropdown,
               const char         *all_label,
               const char * const *words,
               const char       *(*get_label) (const char *word))
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CtStringChoices) labels = NULL;

  g_ptr_array_add (strings, g_strdup (all_label));
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    g_ptr_array_add (strings, g_strdup (get_label != NULL ? get_label (words[i]) : words[i]));
  labels = ct_string_choices_new (strings);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  /* What the search of a searchable drop-down matches. */
  gtk_drop_down_set_expression (dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
}

/* The actions a person may want to see alone, in the order offered. */
static const char *const actions[] = {
  "view", "create", "update", "delete", "export", "import", "unlock", "passphrase_change",
  "backup", NULL
};

/* The child chosen, or 0 for "All Children". */
static gint64
get_chosen_child (CtAuditLogWindow *self)
{
  guint chosen = gtk_drop_down_get_selected (self->child_dropdown);

  if (chosen == 0 || chosen == GTK_INVALID_LIST_POSITION || self->children == NULL)
    return 0;
  return g_array_index (self->children, gint64, chosen - 1);
}

/* The word chosen, or NULL for "All ...". */
static const char *
get_chosen_word (GtkDropDown *dropdown,
                 GStrv        words)
{
  guint chosen = gtk_drop_down_get_selected (dropdown);

  if (chosen == 0 || chosen == GTK_INVALID_LIST_POSITION || words == NULL)
    return NULL;
  return words[chosen - 1];
}

/* Also when a page of entries cannot be read (CtAuditPages::read-failed). */
static void
show_error (CtAuditLogWindow *self,
            const char       *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
show_entries (CtAuditLogWindow *self,
              GListModel       *entries)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (entries));
  guint n_entries = g_list_model_get_n_items (entries);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry",
                                                         "%u entries", n_entries),
                                            n_entries);

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  adw_window_title_set_subtitle (self->window_title, count);
  gtk_stack_set_visible_child_name (self->stack, n_entries > 0 ? "list" : "empty");
}

/* The filters' choices; until they are read (@choices NULL), each filter
 * offers "All ..." alone and cannot be changed. */
static void
fill_choices (CtAuditLogWindow *self,
              CtAuditChoices   *choices)
{
  GtkWidget *filters[] = {
    GTK_WIDGET (self->date_range), GTK_WIDGET (self->kind_dropdown),
    GTK_WIDGET (self->staff_dropdown), GTK_WIDGET (self->action_dropdown),
    GTK_WIDGET (self->child_dropdown),
  };

  if (choices != NULL)
    {
      self->kinds = g_steal_pointer (&choices->kinds);
      self->people = g_steal_pointer (&choices->people);
      self->children = g_steal_pointer (&choices->child_ids);
    }
  fill_dropdown (self->kind_dropdown, _("All Records"),
                 (const char * const *) self->kinds, get_kind_label);
  fill_dropdown (self->staff_dropdown, _("All Staff"),
                 (const char * const *) self->people, NULL);
  fill_dropdown (self->action_dropdown, _("All Actions"),
                 choices != NULL ? actions : NULL, ct_audit_action_get_label);
  fill_dropdown (self->child_dropdown, _("All Children"),
                 choices != NULL ? (const char * const *) choices->child_references : NULL,
                 NULL);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    gtk_widget_set_sensitive (filters[i], choices != NULL);
}

/* Stops the read under way, if any: its result will not be shown. */
static void
stop_reading (CtAuditLogWindow *self)
{
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
}

static void
start_reading (CtAuditLogWindow *self)
{
  stop_reading (self);
  self->reading = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

static void
on_entries_read (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CtAuditLogWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtAuditPages) entries = NULL;

  entries = ct_audit_pages_read_finish (CT_DATABASE (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->reading);
  if (entries == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_connect_object (entries, "read-failed", G_CALLBACK (show_error), self,
                           G_CONNECT_SWAPPED);
  show_entries (self, G_LIST_MODEL (entries));
}

/* Reads the entries that match the filters (once their choices are read). */
static void
reload (CtAuditLogWindow *self)
{
  CtAuditFilter filter = { 0 };

  if (self->database == NULL || self->children == NULL)
    return;

  filter.from = ct_date_range_button_get_from (self->date_range);
  filter.to = ct_date_range_button_get_to (self->date_range);
  filter.kind = get_chosen_word (self->kind_dropdown, self->kinds);
  filter.staff = get_chosen_word (self->staff_dropdown, self->people);
  filter.action = get_chosen_word (self->action_dropdown, (GStrv) actions);
  filter.child_id = get_chosen_child (self);
  start_reading (self);
  ct_audit_pages_read_async (self->database, &filter, self->reading, on_entries_read,
                             g_object_ref (self));
}

/* The choices arrive: the filters offer them, and the entries are read. */
static void
on_choices_read (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CtAuditLogWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtAuditChoices) choices = NULL;

  choices = ct_audit_log_read_choices_finish (CT_DATABASE (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->reading);
  if (choices == NULL)
    {
      show_error (self, error->message);
      return;
    }
  fill_choices (self, choices);
  reload (self);
}

gboolean
ct_audit_log_window_is_loading (CtAuditLogWindow *self)
{
  g_return_val_if_fail (CT_IS_AUDIT_LOG_WINDOW (self), FALSE);

  return self->reading != NULL;
}

/* The window */

CtAuditLogWindow *
ct_audit_log_window_new (GtkWindow  *parent,
                         CtDatabase *database)
{
  CtAuditLogWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);

  self = g_object_new (CT_TYPE_AUDIT_LOG_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->database = g_object_ref (database);
  start_reading (self);
  ct_audit_log_read_choices_async (database, self->reading, on_choices_read,
                                   g_object_ref (self));
  return self;
}

static void
ct_audit_log_window_dispose (GObject *object)
{
  CtAuditLogWindow *self = CT_AUDIT_LOG_WINDOW (object);

  stop_reading (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_AUDIT_LOG_WINDOW);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ct_audit_log_window_parent_class)->dispose (object);
}

static void
ct_audit_log_window_finalize (GObject *object)
{
  CtAuditLogWindow *self = CT_AUDIT_LOG_WINDOW (object);

  g_strfreev (self->kinds);
  g_strfreev (self->people);
  g_clear_pointer (&self->children, g_array_unref);

  G_OBJECT_CLASS (ct_audit_log_window_parent_class)->finalize (object);
}

static void
ct_audit_log_window_class_init (CtAuditLogWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_audit_log_window_dispose;
  object_class->finalize = ct_audit_log_window_finalize;

  g_type_ensure (CT_TYPE_DATE_RANGE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-audit-log-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtAuditLogWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CtAuditLogWindow, date_range);
  gtk_widget_class_bind_template_child (widget_class, CtAuditLogWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CtAuditLogWindow, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CtAuditLogWindow, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CtAuditLogWindow, child_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CtAuditLogWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CtAuditLogWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, CtAuditLogWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, reload);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ct_audit_log_window_init (CtAuditLogWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self);
  fill_choices (self, NULL);
}
