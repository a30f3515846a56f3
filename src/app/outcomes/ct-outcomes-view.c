/* ct-outcomes-view.c: every episode with its goals and scores
 *
 * The rows come from one core query (ct_outcomes_list()) with the
 * clinician, "ended without end ratings" and the date range as its filter,
 * read on the store's reader (ct-store-reader.h) with the staff for the
 * clinician drop-down; the columns sort them and the search (Ctrl+F)
 * narrows them in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-outcomes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-date-range-button.h"
#include "ct-outcome-columns.h"
#include "ct-outcomes-view.h"
#include "ct-outcomes.h"
#include "ct-preferences.h"
#include "ct-records.h"
#include "ct-sdq-prompt-list.h"

typedef struct
{
  guint episodes;
  guint goals;
} OutcomesCount;

struct _CtOutcomesView
{
  AdwBin             parent_instance;

  CtDatabase        *database;
  GListModel        *rows;           /* of CtOutcomeRow, as read; NULL before */
  GtkSortListModel  *sorted;
  GtkFilterListModel *found;        /* sorted, narrowed by the search */
  GtkStringFilter   *search;
  GArray            *clinician_ids;  /* gint64 per item of the drop-down; 0: all */
  GtkStringList     *clinician_names;
  gboolean           filling;
  CtOutcomesFilter   filter;         /* of the rows shown */
  OutcomesCount      count;          /* of the rows read, counted on the reader */
  GCancellable      *loading;        /* the read under way, or NULL */

  AdwToastOverlay   *toast_overlay;
  GtkDropDown       *clinician_dropdown;
  GtkToggleButton   *missing_toggle;
  CtDateRangeButton *date_range;
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *query_entry;
  GtkLabel          *count_label;
  GtkStack          *stack;
  GtkColumnView     *column_view;
  AdwStatusPage     *empty_page;
  CtSdqPromptList   *prompt_list;
  double             threshold;      /* of the rows shown */
};

G_DEFINE_FINAL_TYPE (CtOutcomesView, ct_outcomes_view, ADW_TYPE_BIN)

/* How many episodes and goals @rows hold (in any order). */
static OutcomesCount
count_rows (GListModel *rows)
{
  guint n_rows = rows != NULL ? g_list_model_get_n_items (rows) : 0;
  g_autoptr(GHashTable) referrals = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, NULL);
  OutcomesCount count = { 0 };

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(CtOutcomeRow) row = g_list_model_get_item (rows, i);
      gint64 *referral = g_new (gint64, 1);

      *referral = ct_outcome_row_get_referral_id (row);
      g_hash_table_add (referrals, referral);
      if (ct_outcome_row_get_goal_id (row) != 0)
        count.goals++;
    }
  count.episodes = g_hash_table_size (referrals);
  return count;
}

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  CHILD_ACTIVATED,
  GOAL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The clinician drop-down */

static gint64
get_selected_clinician (CtOutcomesView *self)
{
  guint position = gtk_drop_down_get_selected (self->clinician_dropdown);

  if (position >= self->clinician_ids->len)
    return 0;
  return g_array_index (self->clinician_ids, gint64, position);
}

static void
add_clinician (CtOutcomesView *self,
               gint64          id,
               const char     *name)
{
  g_array_append_val (self->clinician_ids, id);
  gtk_string_list_append (self->clinician_names, name);
}

static gboolean
same_clinicians (CtOutcomesView *self,
                 GListModel     *staff)
{
  guint n_staff = staff != NULL ? g_list_model_get_n_items (staff) : 0;

  if (self->clinician_ids->len != n_staff + 1)
    return FALSE;
  for (guint i = 0; i < n_staff; i++)
    {
      g_autoptr(CtRecord) member = g_list_model_get_item (staff, i);

      if (ct_record_get_id (member) != g_array_index (self->clinician_ids, gint64, i + 1))
        return FALSE;
    }
  return TRUE;
}

/* Every staff member, "All Clinicians" first; keeps the one chosen. The
 * list is rebuilt only when the staff changed (a rebuild moves the
 * selection, which reads the rows again). */
static void
fill_clinicians (CtOutcomesView *self,
                 GListModel     *staff)
{
  gint64 selected = get_selected_clinician (self);
  guint n_staff = staff != NULL ? g_list_model_get_n_items (staff) : 0;
  guint n_names = g_list_model_get_n_items (G_LIST_MODEL (self->clinician_names));
  guint position = 0;

  if (same_clinicians (self, staff))
    return;
  self->filling = TRUE;
  g_array_set_size (self->clinician_ids, 0);
  gtk_string_list_splice (self->clinician_names, 0, n_names, NULL);
  add_clinician (self, 0, _("All Clinicians"));
  for (guint i = 0; i < n_staff; i++)
    {
      g_autoptr(CtRecord) member = g_list_model_get_item (staff, i);
      g_autofree char *name = ct_record_get_string_by_name (member, "name");

      if (ct_record_get_id (member) == selected)
        position = self->clinician_ids->len;
      add_clinician (self, ct_record_get_id (member), name);
    }
  gtk_drop_down_set_selected (self->clinician_dropdown, position);
  self->filling = FALSE;
}

/* What the rows say */

/* "4 episodes · 6 goals" among the rows shown: those read, unless a
 * search narrows them. */
static void
show_count (CtOutcomesView *self)
{
  const char *search = gtk_string_filter_get_search (self->search);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->found));
  OutcomesCount count = search != NULL && *search != '\0' ? count_rows (G_LIST_MODEL (self->found))
                                                           : self->count;
  g_autofree char *episodes = NULL;
  g_autofree char *goals = NULL;
  g_autofree char *threshold = NULL;
  g_autofree char *text = NULL;

  episodes = g_strdup_printf (ngettext ("%u episode", "%u episodes", count.episodes),
                              count.episodes);
  goals = g_strdup_printf (ngettext ("%u goal", "%u goals", count.goals), count.goals);
  threshold = g_strdup_printf ("%.2f", self->threshold);
  /* Translators: "4 episodes · 6 goals · reliable change is 2.45 or more";
   * the last number is the team's threshold */
  text = g_strdup_printf (_("%s · %s · reliable change is %s or more"), episodes, goals,
                          threshold);
  gtk_label_set_label (self->count_label, n_rows > 0 ? text : "");
}

static void
show_empty_or_list (CtOutcomesView *self)
{
  gboolean missing_only = gtk_toggle_button_get_active (self->missing_toggle);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->found)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (self->rows != NULL && g_list_model_get_n_items (self->rows) > 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Results Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words, or clear the search."));
    }
  else if (missing_only)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing to Chase"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every ended episode has its end ratings."));
    }
  else if (get_selected_clinician (self) != 0 ||
           ct_date_range_button_get_from (self->date_range) != NULL ||
           ct_date_range_button_get_to (self->date_range) != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Episodes"));
      adw_status_page_set_description (self->empty_page,
                                       _("No accepted referral matches the clinician and "
                                         "dates chosen."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Episodes Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Accepted referrals will be listed here with their "
                                         "goals and their baseline, latest and end scores."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The rows read (NULL: none) become the rows shown, not copied. */
static void
show_rows (CtOutcomesView *self,
           GListModel     *rows,
           OutcomesCount   count)
{
  g_set_object (&self->rows, rows);
  gtk_sort_list_model_set_model (self->sorted, rows);
  self->count = count;
  show_count (self);
  show_empty_or_list (self);
}

static void
show_error (CtOutcomesView *self,
            const GError   *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* Reading, on the store's reader */

typedef struct
{
  CtOutcomesFilter  filter;
  char             *from;
  char             *to;
} OutcomesRead;

typedef struct
{
  GListModel   *staff;
  GListModel   *rows;
  OutcomesCount count;
  double        threshold;
} OutcomesFound;

static void
outcomes_read_free (OutcomesRead *read)
{
  g_free (read->from);
  g_free (read->to);
  g_free (read);
}

static void
outcomes_found_free (OutcomesFound *found)
{
  g_clear_object (&found->staff);
  g_clear_object (&found->rows);
  g_free (found);
}

static gpointer
read_outcomes (CtDatabase  *db,
               gpointer     data,
               GError     **error)
{
  OutcomesRead *read = data;
  g_autoptr(GListModel) staff = NULL;
  GListModel *rows;
  OutcomesFound *found;

  staff = ct_store_list (db, ct_kind_lookup ("staff"), NULL, error);
  if (staff == NULL)
    return NULL;
  rows = ct_outcomes_list (db, &read->filter, error);
  if (rows == NULL)
    return NULL;
  found = g_new0 (OutcomesFound, 1);
  found->staff = g_steal_pointer (&staff);
  found->rows = rows;
  found->count = count_rows (rows);
  found->threshold = ct_preferences_get_threshold (db, NULL) / 100.0;
  return found;
}

static void
stop_loading (CtOutcomesView *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

static void
on_outcomes_read (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CtOutcomesView) self = user_data;
  g_autoptr(GError) error = NULL;
  OutcomesFound *found = ct_store_read_finish (CT_DATABASE (source_object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (found == NULL)
    {
      show_error (self, error);
      show_rows (self, NULL, (OutcomesCount) { 0 });
      return;
    }
  self->threshold = found->threshold;
  fill_clinicians (self, found->staff);
  show_rows (self, found->rows, found->count);
  outcomes_found_free (found);
}

gboolean
ct_outcomes_view_is_loading (CtOutcomesView *self)
{
  g_return_val_if_fail (CT_IS_OUTCOMES_VIEW (self), FALSE);

  return self->loading != NULL || ct_sdq_prompt_list_is_loading (self->prompt_list);
}

void
ct_outcomes_view_reload (CtOutcomesView *self)
{
  OutcomesRead *read;

  g_return_if_fail (CT_IS_OUTCOMES_VIEW (self));

  /* Hidden, it reads nothing: it reads when shown (map). */
  if (self->database != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  stop_loading (self);
  ct_sdq_prompt_list_set_database (self->prompt_list, self->database);
  if (self->database == NULL)
    {
      fill_clinicians (self, NULL);
      show_rows (self, NULL, (OutcomesCount) { 0 });
      return;
    }

  self->filter.clinician_id = get_selected_clinician (self);
  self->filter.ended_without_end_rating = gtk_toggle_button_get_active (self->missing_toggle);
  self->filter.from = ct_date_range_button_get_from (self->date_range);
  self->filter.to = ct_date_range_button_get_to (self->date_range);
  read = g_new0 (OutcomesRead, 1);
  read->filter = self->filter;
  read->filter.from = read->from = g_strdup (self->filter.from);
  read->filter.to = read->to = g_strdup (self->filter.to);
  self->loading = g_cancellable_new ();
  ct_store_read_async (self->database, read_outcomes, read, (GDestroyNotify) outcomes_read_free,
                       (GDestroyNotify) outcomes_found_free, self->loading, on_outcomes_read,
                       g_object_ref (self));
}

/* Callbacks */

/* Reads again when the filter really changed. */
static void
on_filter_changed (CtOutcomesView *self)
{
  gboolean missing_only = gtk_toggle_button_get_active (self->missing_toggle);

  if (self->filling ||
      (self->filter.clinician_id == get_selected_clinician (self) &&
       self->filter.ended_without_end_rating == missing_only))
    return;
  ct_outcomes_view_reload (self);
}

static void
on_date_range_changed (CtOutcomesView *self)
{
  ct_outcomes_view_reload (self);
}

static void
on_search_changed (CtOutcomesView *self)
{
  gtk_string_filter_set_search (self->search,
                                gtk_editable_get_text (GTK_EDITABLE (self->query_entry)));
  show_count (self);
  show_empty_or_list (self);
}

static void
start_search (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CtOutcomesView *self = CT_OUTCOMES_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->query_entry));
}

/* What the search looks in: the child, the clinician and the goal. */
static char *
dup_search_text (CtOutcomeRow *row)
{
  return g_strjoin (" ",
                    ct_outcome_row_get_child_reference (row),
                    ct_outcome_row_get_child_name (row),
                    ct_outcome_row_get_clinician_name (row) != NULL
                      ? ct_outcome_row_get_clinician_name (row) : "",
                    ct_outcome_row_get_goal_description (row) != NULL
                      ? ct_outcome_row_get_goal_description (row) : "",
                    NULL);
}

static void
on_row_activated (CtOutcomesView *self,
                  guint           position)
{
  g_autoptr(CtOutcomeRow) row = g_list_model_get_item (G_LIST_MODEL (self->found), position);

  if (row == NULL)
    return;
  g_signal_emit (self, signals[CHILD_ACTIVATED], 0, ct_outcome_row_get_child_id (row));
  if (ct_outcome_row_get_goal_id (row) != 0)
    g_signal_emit (self, signals[GOAL_ACTIVATED], 0, ct_outcome_row_get_goal_id (row));
}

static void
on_prompt_child_activated (CtOutcomesView *self,
                           gint64          child_id)
{
  g_signal_emit (self, signals[CHILD_ACTIVATED], 0, child_id);
}

static void
ct_outcomes_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ct_outcomes_view_parent_class)->map (widget);
  ct_outcomes_view_reload (CT_OUTCOMES_VIEW (widget));
}

/* Public API */

GtkWidget *
ct_outcomes_view_new (CtDatabase *database)
{
  g_return_val_if_fail (database == NULL || CT_IS_DATABASE (database), NULL);

  return g_object_new (CT_TYPE_OUTCOMES_VIEW, "database", database, NULL);
}

CtDatabase *
ct_outcomes_view_get_database (CtOutcomesView *self)
{
  g_return_val_if_fail (CT_IS_OUTCOMES_VIEW (self), NULL);

  return self->database;
}

void
ct_outcomes_view_set_database (CtOutcomesView *self,
                               CtDatabase     *database)
{
  g_return_if_fail (CT_IS_OUTCOMES_VIEW (self));
  g_return_if_fail (database == NULL || CT_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  ct_outcomes_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

GListModel *
ct_outcomes_view_get_model (CtOutcomesView *self)
{
  g_return_val_if_fail (CT_IS_OUTCOMES_VIEW (self), NULL);

  return G_LIST_MODEL (self->found);
}

CtSdqPromptList *
ct_outcomes_view_get_prompt_list (CtOutcomesView *self)
{
  g_return_val_if_fail (CT_IS_OUTCOMES_VIEW (self), NULL);

  return self->prompt_list;
}

/* GObject */

static void
ct_outcomes_view_dispose (GObject *object)
{
  CtOutcomesView *self = CT_OUTCOMES_VIEW (object);

  stop_loading (self);
  g_clear_object (&self->database);
  g_clear_object (&self->rows);
  g_clear_object (&self->sorted);
  g_clear_object (&self->found);
  g_clear_object (&self->search);
  g_clear_object (&self->clinician_names);

  G_OBJECT_CLASS (ct_outcomes_view_parent_class)->dispose (object);
}

static void
ct_outcomes_view_finalize (GObject *object)
{
  CtOutcomesView *self = CT_OUTCOMES_VIEW (object);

  g_array_unref (self->clinician_ids);

  G_OBJECT_CLASS (ct_outcomes_view_parent_class)->finalize (object);
}

static void
ct_outcomes_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CtOutcomesView *self = CT_OUTCOMES_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_outcomes_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CtOutcomesView *self = CT_OUTCOMES_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      ct_outcomes_view_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_outcomes_view_class_init (CtOutcomesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_outcomes_view_dispose;
  object_class->finalize = ct_outcomes_view_finalize;
  object_class->get_property = ct_outcomes_view_get_property;
  object_class->set_property = ct_outcomes_view_set_property;
  widget_class->map = ct_outcomes_view_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtOutcomesView::child-activated:
   * @child_id: the id of the child of the row activated
   *
   * A row was activated: the child's page should be shown.
   */
  signals[CHILD_ACTIVATED] =
    g_signal_new ("child-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * CtOutcomesView::goal-activated:
   * @goal_id: the goal of the row activated
   *
   * Emitted after ::child-activated when the row is a goal's: the child's
   * page should show that goal.
   */
  signals[GOAL_ACTIVATED] =
    g_signal_new ("goal-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/outcomes/ct-outcomes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, clinician_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, missing_toggle);
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, date_range);
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, query_entry);
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, stack);
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CtOutcomesView, prompt_list);
  gtk_widget_class_bind_template_callback (widget_class, on_prompt_child_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_date_range_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "outcomes.search", NULL, start_search);
}

static void
ct_outcomes_view_init (CtOutcomesView *self)
{
  GtkSorter *sorter;
  GtkSingleSelection *selection;
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_type_ensure (CT_TYPE_DATE_RANGE_BUTTON);
  g_type_ensure (CT_TYPE_SDQ_PROMPT_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+F wherever the focus is, while this view is shown. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("outcomes.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  ct_outcome_columns_append (self->column_view);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (sorter));
  self->search = gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                    G_CALLBACK (dup_search_text),
                                                                    NULL, NULL));
  self->found = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sorted)),
                                           g_object_ref (GTK_FILTER (self->search)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->found)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  self->clinician_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->clinician_names = gtk_string_list_new (NULL);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->clinician_dropdown, G_LIST_MODEL (self->clinician_names));
  self->filling = FALSE;
  ct_outcomes_view_reload (self);
}
