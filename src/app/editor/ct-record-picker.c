/* ct-record-picker.c: a popover that finds one record as you type
 *
 * A search entry over the kind's records, read a page at a time
 * (CtRecordPages) and searched by the store as the sections' lists are
 * (every word typed, anywhere in the label, ignoring case and accents not
 * typed), on its reader: ten counties' 50,000 children are a few keys
 * away, and none of them is held in memory but the rows shown. The focus
 * stays in the entry: Up and Down move the selection, Enter picks it.
 * Labels wrap rather than being cut off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-record-pages.h"
#include "ct-record-picker.h"

struct _CtRecordPicker
{
  GtkPopover          parent_instance;

  CtDatabase         *database;
  const CtKind       *kind;
  const CtField      *fields[CT_RECORD_PICKER_MAX_FIELDS + 1]; /* searched, NULL-terminated */
  GListModel         *all;          /* every record, paged; NULL until read */
  char               *search;       /* what the rows shown (or being read) hold */
  GCancellable       *reading;      /* the rows being read, NULL once read */
  gboolean            pick_when_read; /* Enter came before the rows searched for */
  GtkSingleSelection *selection;    /* over the rows shown */
  GtkSearchEntry     *entry;
  GtkListView        *list;
  GtkLabel           *status;
};

G_DEFINE_FINAL_TYPE (CtRecordPicker, ct_record_picker, GTK_TYPE_POPOVER)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_READING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The fields that name a record of each kind that others refer to. */
static const struct
{
  const char *kind;
  const char *fields[CT_RECORD_PICKER_MAX_FIELDS + 1];
  const char *placeholder;
} names[] = {
  { "staff", { "name", "role" }, N_("Search by name or role") },
  { "child", { "reference", "name", "date_of_birth" },
    N_("Search by reference, name or date of birth") },
  { "referral", { "child_reference", "child_name", "referral_date" },
    N_("Search by child’s reference, name or referral date") },
  { "goal", { "child_reference", "child_name", "number", "description" },
    N_("Search by child’s reference, name or the goal’s words") },
  { "training_event", { "code", "title", "date" }, N_("Search by code, title or date") },
};

static guint
find_names (const CtKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].kind, ct_kind_get_name (kind)))
      return i;
  g_return_val_if_reached (0);
}

guint
ct_record_picker_get_label_fields (const CtKind   *kind,
                                   const CtField **fields)
{
  guint index = find_names (kind);
  guint n = 0;

  for (; names[index].fields[n] != NULL; n++)
    fields[n] = ct_kind_find_field (kind, names[index].fields[n]);
  fields[n] = NULL;
  return n;
}

char *
ct_record_picker_dup_label (CtRecord *record)
{
  const CtField *fields[CT_RECORD_PICKER_MAX_FIELDS + 1];
  guint n_fields = ct_record_picker_get_label_fields (ct_record_get_kind (record), fields);
  GString *label = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = ct_cell_text_dup (record, fields[i]);

      if (*text == '\0')
        continue;
      if (label->len > 0)
        g_string_append (label, " — ");
      g_string_append (label, text);
    }
  return g_string_free (label, FALSE);
}

/* Choosing */

static void
pick (CtRecordPicker *self,
      CtRecord       *record)
{
  g_signal_emit (self, signals[PICKED], 0, record);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_activate (CtRecordPicker *self,
             guint           position)
{
  g_autoptr(CtRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (record != NULL && ct_record_pages_is_read (record))
    pick (self, record);
}

static void on_search_changed (CtRecordPicker *self);

static void
pick_selected (CtRecordPicker *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    on_activate (self, selected);
}

/* Enter may come before the entry's delayed ::search-changed, and before
 * the rows it searches for: the picker closes at once, and picks the first
 * of them once they arrive (none, when none was found). */
static void
on_entry_activate (CtRecordPicker *self)
{
  on_search_changed (self);
  if (self->reading == NULL)
    {
      pick_selected (self);
      return;
    }
  self->pick_when_read = TRUE;
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
select_position (CtRecordPicker *self,
                 guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
}

/* Up and Down (picker.select-next, picker.select-previous) move the
 * selection while the focus stays in the entry. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtRecordPicker *self = CT_RECORD_PICKER (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);
  gboolean next = g_str_equal (action_name, "picker.select-next");

  if (n == 0)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;
  else if (next)
    selected = MIN (selected + 1, n - 1);
  else
    selected = selected > 0 ? selected - 1 : 0;
  select_position (self, selected);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  pick (CT_RECORD_PICKER (widget), NULL);
}

/* Searching */

static void
show_count (CtRecordPicker *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  gtk_widget_set_visible (GTK_WIDGET (self->status), n == 0 && self->reading == NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->list)), n > 0);
  if (n > 0 && gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
show_rows (CtRecordPicker *self,
           GListModel     *rows)
{
  gtk_single_selection_set_model (self->selection, rows);
  gtk_single_selection_set_selected (self->selection, 0);
  show_count (self);
}

static void
set_reading (CtRecordPicker *self,
             GCancellable   *reading)
{
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  if (g_set_object (&self->reading, reading))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
}

static void
on_rows_read (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CtRecordPicker *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecordPages) rows = ct_record_pages_read_finish (CT_DATABASE (source_object),
                                                               result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    g_warning ("Cannot read the %s to choose from: %s", ct_kind_get_name (self->kind),
               error->message);
  else if (*self->search == '\0')
    g_set_object (&self->all, G_LIST_MODEL (rows));
  set_reading (self, NULL);
  show_rows (self, G_LIST_MODEL (rows));
  if (self->pick_when_read)
    pick_selected (self);
  self->pick_when_read = FALSE;
}

/* The rows whose label holds @text: every record when it is empty (read
 * once), else as the store finds them. */
static void
show_search (CtRecordPicker *self,
             const char     *text)
{
  g_autoptr(GCancellable) reading = NULL;
  CtFilter filter = { 0 };

  g_free (self->search);
  self->search = g_strdup (text);
  if (*text == '\0' && self->all != NULL)
    {
      set_reading (self, NULL);
      show_rows (self, self->all);
      return;
    }
  reading = g_cancellable_new ();
  set_reading (self, reading);
  filter.search = *text != '\0' ? text : NULL;
  filter.search_fields = self->fields;
  /* No reference: the popover's dispose cancels the read (the rows then
   * never look for it). */
  ct_record_pages_read_first_async (self->database, self->kind, &filter, reading, on_rows_read,
                                    self);
  show_count (self);
}

static void
on_search_changed (CtRecordPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (g_strcmp0 (text, self->search) != 0)
    show_search (self, text);
}

static void
on_show (CtRecordPicker *self)
{
  self->pick_when_read = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  on_search_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* The list's rows: a label that wraps */

static void
on_setup_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  g_object_set (label, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, "margin-end", 6,
                NULL);
  gtk_list_item_set_child (item, label);
}

static void
on_bind_row (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  CtRecord *record = gtk_list_item_get_item (item);
  g_autofree char *label = ct_record_pages_is_read (record) ? ct_record_picker_dup_label (record)
                                                            : NULL;

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), label);
}

/* GObject */

static void
ct_record_picker_dispose (GObject *object)
{
  CtRecordPicker *self = CT_RECORD_PICKER (object);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->selection);
  g_clear_object (&self->all);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ct_record_picker_parent_class)->dispose (object);
}

static void
ct_record_picker_finalize (GObject *object)
{
  g_free (CT_RECORD_PICKER (object)->search);

  G_OBJECT_CLASS (ct_record_picker_parent_class)->finalize (object);
}

static void
ct_record_picker_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CtRecordPicker *self = CT_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_READING:
      g_value_set_boolean (value, self->reading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_record_picker_class_init (CtRecordPickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ct_record_picker_dispose;
  G_OBJECT_CLASS (klass)->finalize = ct_record_picker_finalize;
  G_OBJECT_CLASS (klass)->get_property = ct_record_picker_get_property;

  properties[PROP_READING] =
    g_param_spec_boolean ("reading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  /**
   * CtRecordPicker::picked:
   * @record: (nullable): the record chosen, or NULL for none
   */
  signals[PICKED] =
    g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CT_TYPE_RECORD);

  gtk_widget_class_install_action (widget_class, "picker.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "picker.select-next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "picker.select-previous", NULL, move_action);
}

static void
ct_record_picker_init (CtRecordPicker *self)
{
}

static GtkWidget *
build_list (CtRecordPicker *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (on_activate), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  return scrolled;
}

static GtkWidget *
build_entry (CtRecordPicker *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  const char *placeholder = _(names[find_names (self->kind)].placeholder);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, 0),
                      gtk_named_action_new ("picker.select-next")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, 0),
                      gtk_named_action_new ("picker.select-previous")));
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  return GTK_WIDGET (self->entry);
}

CtRecordPicker *
ct_record_picker_new (CtDatabase   *database,
                      const CtKind *kind,
                      gboolean      can_clear)
{
  CtRecordPicker *self = g_object_new (CT_TYPE_RECORD_PICKER, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->database = g_object_ref (database);
  self->kind = kind;
  ct_record_picker_get_label_fields (kind, self->fields);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  gtk_widget_set_size_request (box, 280, -1);
  gtk_box_append (GTK_BOX (box), build_entry (self));
  gtk_box_append (GTK_BOX (box), build_list (self));
  self->status = GTK_LABEL (gtk_label_new (_("No matches. Try fewer letters.")));
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_label_set_wrap (self->status, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  if (can_clear)
    {
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear the Choice"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "picker.clear");
      gtk_box_append (GTK_BOX (box), clear);
    }
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
  g_signal_connect (self, "show", G_CALLBACK (on_show), NULL);
  show_search (self, "");
  return self;
}

GListModel *
ct_record_picker_get_shown (CtRecordPicker *self)
{
  g_return_val_if_fail (CT_IS_RECORD_PICKER (self), NULL);

  return G_LIST_MODEL (self->selection);
}

gboolean
ct_record_picker_is_reading (CtRecordPicker *self)
{
  g_return_val_if_fail (CT_IS_RECORD_PICKER (self), FALSE);

  return self->reading != NULL;
}

gboolean
ct_record_picker_has_records (CtRecordPicker *self)
{
  g_return_val_if_fail (CT_IS_RECORD_PICKER (self), FALSE);

  return self->all != NULL && g_list_model_get_n_items (self->all) > 0;
}

void
ct_record_picker_reload (CtRecordPicker *self)
{
  g_return_if_fail (CT_IS_RECORD_PICKER (self));

  g_clear_object (&self->all);
  show_search (self, "");
}

void
ct_record_picker_search (CtRecordPicker *self,
                         const char     *text)
{
  g_return_if_fail (CT_IS_RECORD_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  on_search_changed (self);
}
