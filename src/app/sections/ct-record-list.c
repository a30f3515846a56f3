/* ct-record-list.c: one section's records as a sortable, searchable table
 *
 * The rows are a CtRecordPages: the store finds, searches and sorts them
 * on its reader and the list holds their ids, reading the records a page
 * at a time as they scroll into view, so that 400,000 consultations
 * neither fill memory nor hold the window up. The date range, the search
 * typed and the column clicked all go into the one read (CtFilter), and
 * "inclusive" means what it means everywhere else (the committee
 * summary).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-csv-columns.h"
#include "ct-record-button.h"
#include "ct-record-columns.h"
#include "ct-record-list-private.h"
#include "ct-search-text.h"

G_DEFINE_FINAL_TYPE (CtRecordList, ct_record_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_DATABASE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void read_rows (CtRecordList *self);

/* State */

CtRecord *
ct_record_list_get_selected (CtRecordList *self)
{
  CtRecord *selected = gtk_single_selection_get_selected_item (self->selection);

  return selected != NULL && ct_record_pages_is_read (selected) ? selected : NULL;
}

void
ct_record_list_update_actions (CtRecordList *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CtRecord *selected = self->database != NULL ? ct_record_list_get_selected (self) : NULL;
  g_autoptr(GError) why_not_new = NULL;
  g_autoptr(GError) why_not_delete = NULL;
  gboolean may_add, may_delete;

  /* What the role cannot do is not offered, and the button says why. */
  may_add = self->database != NULL &&
            ct_permission_check_kind (self->database, self->kind, CT_PERMISSION_CREATE,
                                      &why_not_new);
  may_delete = selected != NULL &&
               ct_permission_check_record (self->database, selected, CT_PERMISSION_DELETE,
                                           &why_not_delete);
  ct_record_button_explain (GTK_WIDGET (self->new_button), _(self->section->new_label),
                            why_not_new);
  ct_record_button_explain (GTK_WIDGET (self->delete_button), _("Delete the Selected Record"),
                            why_not_delete);
  gtk_widget_action_set_enabled (widget, "section.new", may_add);
  gtk_widget_action_set_enabled (widget, "section.open", selected != NULL);
  gtk_widget_action_set_enabled (widget, "section.delete", may_delete);
  gtk_widget_action_set_enabled (widget, "section.undo-delete", self->deleted != NULL);
}

static gboolean
has_date_range (CtRecordList *self)
{
  return ct_date_range_button_get_from (self->date_range) != NULL ||
         ct_date_range_button_get_to (self->date_range) != NULL;
}

static gboolean
is_searching (CtRecordList *self)
{
  return self->search_text != NULL && *self->search_text != '\0';
}

/* The table; "loading" while the first read is under way; "empty" when
 * there are no records at all; "no-results" when there are some but the
 * search or the date range hides them all. */
static void
update_state (CtRecordList *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean first_read = self->pages == NULL && self->loading != NULL;
  g_autofree char *count = NULL;

  gtk_spinner_set_spinning (self->loading_spinner, first_read);
  if (first_read)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (n_shown > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->loading != NULL)
    ;  /* what a read under way will show is not known yet */
  else if (!is_searching (self) && !has_date_range (self))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "no-results");

  if (self->pages != NULL)
    count = ct_csv_dup_count_text (self->kind, n_shown);
  gtk_label_set_text (self->count_label, count != NULL ? count : "");
  ct_record_list_update_actions (self);
}

/* Messages */

void
ct_record_list_show_message (CtRecordList *self,
                             const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Reading */

/* GTK 4.8 has no gtk_column_view_scroll_to(): the list view inside the
 * column view has an action for it. */
static void
scroll_to (CtRecordList *self,
           guint         position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

gboolean
ct_record_list_select (CtRecordList *self,
                       gint64        id)
{
  /* No record has id 0: nothing to look for among the rows. */
  guint position = id != 0 && self->pages != NULL ? ct_record_pages_find (self->pages, id)
                                                  : GTK_INVALID_LIST_POSITION;

  gtk_single_selection_set_selected (self->selection, position);
  /* A record just saved may be in the read under way. */
  self->select_when_read = position == GTK_INVALID_LIST_POSITION && self->loading != NULL ? id : 0;
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  scroll_to (self, position);
  return TRUE;
}

void
ct_record_list_clear_search (CtRecordList *self)
{
  gboolean searched = is_searching (self);

  g_clear_pointer (&self->search_text, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (searched)
    read_rows (self);
}

gboolean
ct_record_list_is_loading (CtRecordList *self)
{
  g_return_val_if_fail (CT_IS_RECORD_LIST (self), FALSE);

  return self->loading != NULL || (self->pages != NULL && ct_record_pages_is_reading (self->pages));
}

void
ct_record_list_notify_loading (CtRecordList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
stop_loading (CtRecordList *self)
{
  if (self->loading == NULL)
    return;
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The rows read arrive, keeping the selection. */
static void
on_records_read (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CtRecordList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecordPages) pages = NULL;
  CtRecord *selected;
  gint64 selected_id;
  GtkRoot *root;
  GtkWidget *focus;
  gboolean had_focus;

  pages = ct_record_pages_read_finish (CT_DATABASE (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->loading);
  selected = gtk_single_selection_get_selected_item (self->selection);
  selected_id = self->select_when_read != 0 ? self->select_when_read
              : selected != NULL ? ct_record_get_id (selected) : 0;
  /* Rows in the table may go: the keyboard focus on one stays in the table. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view));
  if (pages == NULL)
    ct_record_list_show_message (self, error->message);
  else
    ct_record_list_take_rows (self, pages);
  ct_record_list_select (self, selected_id);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Reads the rows again on the reader: the ids, and of the records those
 * written since (noted from CtDatabase::changed); the rows the window holds
 * keep theirs. */
static void
read_rows (CtRecordList *self)
{
  CtFilter filter = { 0 };

  if (self->database == NULL)
    return;

  self->stale = FALSE;
  stop_loading (self);
  if (ct_kind_get_date_field (self->kind) != NULL)
    {
      filter.from = ct_date_range_button_get_from (self->date_range);
      filter.to = ct_date_range_button_get_to (self->date_range);
    }
  filter.search = is_searching (self) ? self->search_text : NULL;
  filter.search_fields = self->searched;
  filter.sort_field = ct_record_columns_get_sort (self->column_view, &filter.sort_descending);
  self->loading = g_cancellable_new ();
  /* Shown for the first time: the first rows first. */
  if (self->pages == NULL)
    ct_record_pages_read_first_async (self->database, self->kind, &filter, self->loading,
                                      on_records_read, g_object_ref (self));
  else
    ct_record_pages_read_async (self->database, self->kind, &filter, self->loading,
                                on_records_read, g_object_ref (self));
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
ct_record_list_reload (CtRecordList *self)
{
  g_return_if_fail (CT_IS_RECORD_LIST (self));

  if (self->database != NULL)
    ct_search_text_forget (self->database);
  self->all_changed = TRUE;
  read_rows (self);
}

static void
forget_rows (CtRecordList *self)
{
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->pages);
  g_array_set_size (self->changed, 0);
  self->all_changed = FALSE;
  update_state (self);
}

/* Forgets every record and everything typed about them. */
static void
drop_records (CtRecordList *self)
{
  ct_record_list_forget_deleted (self);
  ct_record_list_clear_search (self);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  forget_rows (self);
}

static void
on_row_activated (CtRecordList *self,
                  guint         position)
{
  g_autoptr(CtRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  /* A row whose page is still on its way has nothing to open yet. */
  if (record != NULL && ct_record_pages_is_read (record))
    ct_record_list_open_record (self, record);
}

/* Each search reads the rows again, in the store's reader: the window
 * only waits for the typing. */
static void
on_search_changed (CtRecordList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_strcmp0 (text, self->search_text != NULL ? self->search_text : "") == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_strdup (text);
  read_rows (self);
}

static void
on_sort_changed (CtRecordList *self)
{
  read_rows (self);
}

static void
on_date_range_changed (CtRecordList *self)
{
  read_rows (self);
}

/* Setting up */

static void
add_columns (CtRecordList *self)
{
  ct_section_get_searched_fields (self->section, self->searched);
  for (guint i = 0; self->section->columns[i] != NULL; i++)
    ct_record_columns_append (self->column_view, self->kind, self->searched[i]);
}

static void
build_models (CtRecordList *self)
{
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (ct_record_list_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
}

static void
describe_section (CtRecordList *self)
{
  const CtSection *section = self->section;

  adw_status_page_set_icon_name (self->empty_page, section->icon_name);
  adw_status_page_set_title (self->empty_page, _(section->empty_title));
  adw_status_page_set_description (self->empty_page, _(section->empty_description));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->new_label), -1);
  g_object_set (self->search_entry, "placeholder-text", _(section->search_label), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->search_label), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->date_range),
                          ct_kind_get_date_field (self->kind) != NULL);
}

/* GtkWidget: one child (the toast overlay) and the row menu */

static void
ct_record_list_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CtRecordList *self = CT_RECORD_LIST (widget);

  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
ct_record_list_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CtRecordList *self = CT_RECORD_LIST (widget);

  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->row_menu));
}

/* Records changed somewhere (another section, a page, an import): read
 * them again now if shown, else when next shown. A read under way may
 * have started before the change, so it starts again. */
static void
on_records_changed (CtRecordList *self,
                    GArray       *changes)
{
  if (!ct_record_list_note_changes (self, changes))
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else
    read_rows (self);
}

static void
ct_record_list_map (GtkWidget *widget)
{
  CtRecordList *self = CT_RECORD_LIST (widget);

  GTK_WIDGET_CLASS (ct_record_list_parent_class)->map (widget);
  if (self->stale)
    read_rows (self);
}

/* GObject */

static void
ct_record_list_constructed (GObject *object)
{
  CtRecordList *self = CT_RECORD_LIST (object);

  G_OBJECT_CLASS (ct_record_list_parent_class)->constructed (object);

  g_assert (self->section != NULL);
  self->kind = ct_section_get_kind (self->section);
  add_columns (self);
  build_models (self);
  describe_section (self);
  update_state (self);
}

static void
ct_record_list_dispose (GObject *object)
{
  CtRecordList *self = CT_RECORD_LIST (object);

  /* The models go first, and removing the columns (which changes the
   * sorter) reads nothing. */
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                            on_sort_changed, self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->pages);
  stop_loading (self);
  ct_record_list_forget_deleted (self);
  g_clear_pointer (&self->row_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_RECORD_LIST);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_records_changed, self);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ct_record_list_parent_class)->dispose (object);
}

static void
ct_record_list_finalize (GObject *object)
{
  CtRecordList *self = CT_RECORD_LIST (object);

  g_array_unref (self->changed);
  g_free (self->search_text);

  G_OBJECT_CLASS (ct_record_list_parent_class)->finalize (object);
}

static void
ct_record_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CtRecordList *self = CT_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section->name);
      break;
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, ct_record_list_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_record_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CtRecordList *self = CT_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      self->section = ct_section_lookup (g_value_get_string (value));
      break;
    case PROP_DATABASE:
      ct_record_list_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_record_list_class_init (CtRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ct_record_list_constructed;
  object_class->dispose = ct_record_list_dispose;
  object_class->finalize = ct_record_list_finalize;
  object_class->get_property = ct_record_list_get_property;
  object_class->set_property = ct_record_list_set_property;
  widget_class->map = ct_record_list_map;
  widget_class->measure = ct_record_list_measure;
  widget_class->size_allocate = ct_record_list_size_allocate;

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A read of the rows, or of a page of them, is under way (they arrive
   * from the store's reader). */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtRecordList::show-record:
   * @id: the record opened
   *
   * A record of a section with pages (children, training events) was
   * opened; whoever holds the list shows its page.
   */
  g_signal_new ("show-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  ct_record_list_install_actions (widget_class);

  g_type_ensure (CT_TYPE_DATE_RANGE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/sections/ct-record-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, row_menu_model);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, new_button);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, count_label);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, date_range);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, stack);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, column_view);
  gtk_widget_class_bind_template_child (widget_class, CtRecordList, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_range_changed);
}

static void
ct_record_list_init (CtRecordList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  ct_record_list_add_row_menu (self);
  ct_record_list_add_shortcuts (self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
}

/* Public */

GtkWidget *
ct_record_list_new (const char *section,
                    CtDatabase *database)
{
  g_return_val_if_fail (section != NULL && ct_section_lookup (section) != NULL, NULL);
  g_return_val_if_fail (database == NULL || CT_IS_DATABASE (database), NULL);

  return g_object_new (CT_TYPE_RECORD_LIST, "section", section, "database", database, NULL);
}

const CtKind *
ct_record_list_get_kind (CtRecordList *self)
{
  g_return_val_if_fail (CT_IS_RECORD_LIST (self), NULL);

  return self->kind;
}

CtDatabase *
ct_record_list_get_database (CtRecordList *self)
{
  g_return_val_if_fail (CT_IS_RECORD_LIST (self), NULL);

  return self->database;
}

void
ct_record_list_set_database (CtRecordList *self,
                             CtDatabase   *database)
{
  g_return_if_fail (CT_IS_RECORD_LIST (self));
  g_return_if_fail (database == NULL || CT_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_records_changed, self);
  stop_loading (self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_records_changed), self,
                             G_CONNECT_SWAPPED);

  /* A section is read when it is first shown, not all of them on unlocking. */
  self->stale = database != NULL;
  if (database == NULL)
    drop_records (self);
  else
    {
      /* Rows of another store are none of this one's. */
      forget_rows (self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        read_rows (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

GListModel *
ct_record_list_get_model (CtRecordList *self)
{
  g_return_val_if_fail (CT_IS_RECORD_LIST (self), NULL);

  return G_LIST_MODEL (self->selection);
}

void
ct_record_list_set_date_range (CtRecordList *self,
                               const char   *from,
                               const char   *to)
{
  g_return_if_fail (CT_IS_RECORD_LIST (self));

  if (ct_kind_get_date_field (self->kind) != NULL)
    ct_date_range_button_set_range (self->date_range, from, to);
}
