/* ct-preferences-window.c: the team name, the figures' preferences, the
 * staff profile and locking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-editor-launcher.h"
#include "ct-figure-preferences.h"
#include "ct-keyring.h"
#include "ct-preferences-window.h"
#include "ct-preferences.h"
#include "ct-record-button.h"
#include "ct-records.h"
#include "ct-setting.h"
#include "ct-store-reader.h"

struct _CtPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CtDatabase           *database;
  GSettings            *settings;
  GCancellable         *cancellable;
  guint                 n_reading;      /* reads under way (ct_preferences_window_is_loading()) */

  AdwEntryRow          *team_name_row;
  AdwPreferencesGroup  *staff_profile_group;
  AdwEntryRow          *staff_row;
  GtkMenuButton        *staff_button;
  AdwPreferencesGroup  *staff_group;
  GtkWidget            *add_staff_button;
  GPtrArray            *staff_rows;     /* the rows of staff_group */
  GtkSpinButton        *auto_lock_spin;
  AdwActionRow         *remember_row;
  GtkSwitch            *remember_switch;
  CtFigurePreferences  *figure_group;
};

G_DEFINE_FINAL_TYPE (CtPreferencesWindow, ct_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (CtPreferencesWindow *self,
            const char          *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* The row's text without surrounding spaces; NULL (after saying what to
 * type) when nothing is left. */
static char *
dup_typed_text (CtPreferencesWindow *self,
                AdwEntryRow         *row,
                const char          *hint)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text != '\0')
    return text;

  g_free (text);
  show_error (self, hint);
  return NULL;
}

/* The team name */

static void
show_team_name (CtPreferencesWindow *self,
                const char          *name)
{
  gtk_editable_set_text (GTK_EDITABLE (self->team_name_row), name != NULL ? name : "");
}

static void
on_team_name_apply (CtPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name =
    dup_typed_text (self, self->team_name_row,
                    _("Type the team’s name: it is printed on the committee summary."));

  if (name == NULL)
    return;

  if (!ct_setting_set (self->database, CT_SETTING_TEAM_NAME, name, &error))
    show_error (self, error->message);
  gtk_editable_set_text (GTK_EDITABLE (self->team_name_row), name);
}

static void
on_figure_error (CtPreferencesWindow *self,
                 const char          *message)
{
  show_error (self, message);
}

/* The staff profile */

static void
apply_staff_profile (CtPreferencesWindow *self,
                     const char          *name)
{
  g_settings_set_string (self->settings, "staff-profile", name);
  ct_database_set_actor (self->database, name);
  gtk_editable_set_text (GTK_EDITABLE (self->staff_row), name);
}

static void
on_staff_apply (CtPreferencesWindow *self)
{
  g_autofree char *name =
    dup_typed_text (self, self->staff_row,
                    _("Type your name: the audit trail records who made each change."));

  if (name != NULL)
    apply_staff_profile (self, name);
}

static void
use_staff_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  apply_staff_profile (CT_PREFERENCES_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The active staff of @staff (every member), to pick from instead of
 * typing. */
static void
show_staff_choices (CtPreferencesWindow *self,
                    GListModel          *staff)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *profile = g_settings_get_string (self->settings, "staff-profile");
  guint n_staff = g_list_model_get_n_items (staff);
  guint n_active = 0;

  gtk_editable_set_text (GTK_EDITABLE (self->staff_row), profile);
  for (guint i = 0; i < n_staff; i++)
    {
      g_autoptr(CtRecord) member = g_list_model_get_item (staff, i);
      g_autofree char *active = ct_record_get_string_by_name (member, "active");
      g_autofree char *name = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (active, "yes") != 0)
        continue;
      name = ct_record_get_string_by_name (member, "name");
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target (item, "prefs.use-staff", "s", name);
      g_menu_append_item (menu, item);
      n_active++;
    }
  gtk_menu_button_set_menu_model (self->staff_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->staff_button), n_active > 0);
}

/* The staff list: everyone, active or not, each with an edit button */

static GtkWidget *
create_staff_row (CtPreferencesWindow *self,
                  CtRecord            *member)
{
  const CtKind *kind = ct_record_get_kind (member);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = ct_record_get_string_by_name (member, "name");
  g_autofree char *role = ct_cell_text_dup (member, ct_kind_find_field (kind, "role"));
  g_autofree char *active = ct_record_get_string_by_name (member, "active");
  /* Translators: an icon button's name, "Edit Alex Example" */
  g_autofree char *edit = g_strdup_printf (_("Edit %s"), name);
  g_autofree char *subtitle = NULL;

  /* Translators: a member of staff who no longer works in the team,
   * "Family therapist · Not active" */
  subtitle = g_strcmp0 (active, "yes") == 0 ? g_strdup (role)
                                            : g_strdup_printf (_("%s · Not active"), role);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ct_record_button_new (self->database, CT_PERMISSION_CHANGE, edit,
                                                   "document-edit-symbolic", "prefs.edit-staff",
                                                   member));
  return row;
}

static void
show_staff_list (CtPreferencesWindow *self,
                 GListModel          *staff)
{
  guint n_staff = g_list_model_get_n_items (staff);

  for (guint i = 0; i < self->staff_rows->len; i++)
    adw_preferences_group_remove (self->staff_group, g_ptr_array_index (self->staff_rows, i));
  g_ptr_array_set_size (self->staff_rows, 0);
  for (guint i = 0; i < n_staff; i++)
    {
      g_autoptr(CtRecord) member = g_list_model_get_item (staff, i);
      GtkWidget *row = create_staff_row (self, member);

      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->staff_rows, row);
    }
}

/* Reading, on the store's reader: when the window opens, the team name and
 * the figures' preferences (not read again under what someone typed), and
 * every member of staff, then again after a member is saved. */

typedef struct
{
  gboolean          opening;
  char             *team_name;
  gint64            threshold;
  CtDisclosureRule  rule;
  guint             days;
  GListModel       *staff;
} PreferencesRead;

static void
preferences_read_free (PreferencesRead *read)
{
  g_free (read->team_name);
  g_clear_object (&read->staff);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PreferencesRead, preferences_read_free)

static gpointer
read_preferences (CtDatabase  *db,
                  gpointer     data,
                  GError     **error)
{
  const gboolean *opening = data;
  g_autoptr(PreferencesRead) read = g_new0 (PreferencesRead, 1);
  GError *local_error = NULL;

  read->opening = *opening;
  if (read->opening)
    {
      read->team_name = ct_setting_get (db, CT_SETTING_TEAM_NAME, &local_error);
      if (local_error == NULL)
        read->threshold = ct_preferences_get_threshold (db, &local_error);
      if (local_error == NULL)
        read->rule = ct_preferences_get_rule (db, &local_error);
      if (local_error == NULL)
        read->days = ct_preferences_get_prompt_days (db, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  read->staff = ct_store_list (db, ct_kind_for_type (CT_TYPE_STAFF), NULL, error);
  return read->staff != NULL ? g_steal_pointer (&read) : NULL;
}

/* Where a read arrives: the window, by a weak reference (a toplevel kept
 * past its parent's end would outlive its parent). NULL once closed. */
static CtPreferencesWindow *
take_window (gpointer user_data)
{
  GWeakRef *window = user_data;
  CtPreferencesWindow *self = g_weak_ref_get (window);

  g_weak_ref_clear (window);
  g_free (window);
  if (self != NULL)
    self->n_reading--;
  return self;
}

/* Whether what a read brings has nowhere to go: the window closed, or is
 * closing (its records locked). */
static gboolean
arrived_too_late (CtPreferencesWindow *self,
                  const GError        *error)
{
  return self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         self->database == NULL;
}

static gpointer
arrival_for (CtPreferencesWindow *self)
{
  GWeakRef *window = g_new0 (GWeakRef, 1);

  g_weak_ref_init (window, self);
  self->n_reading++;
  return window;
}

static void
on_preferences_read (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CtPreferencesWindow) self = take_window (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(PreferencesRead) read = ct_store_read_finish (CT_DATABASE (source_object), result,
                                                          &error);

  if (arrived_too_late (self, error))
    return;
  if (read == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (read->opening)
    {
      show_team_name (self, read->team_name);
      ct_figure_preferences_show (self->figure_group, read->threshold, read->rule, read->days);
    }
  show_staff_choices (self, read->staff);
  show_staff_list (self, read->staff);
}

static void
read_async (CtPreferencesWindow *self,
            gboolean             opening)
{
  ct_store_read_async (self->database, read_preferences,
                       g_memdup2 (&opening, sizeof opening), g_free,
                       (GDestroyNotify) preferences_read_free, self->cancellable,
                       on_preferences_read, arrival_for (self));
}

static void
on_staff_saved (CtPreferencesWindow *self)
{
  read_async (self, FALSE);
}

static void
open_staff_editor (CtPreferencesWindow *self,
                   CtRecord            *member)
{
  ct_editor_launcher_open (GTK_WIDGET (self), self->database, member,
                           G_CALLBACK (on_staff_saved));
}

static void
add_staff_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(CtRecord) member = ct_record_new (ct_kind_for_type (CT_TYPE_STAFF));

  open_staff_editor (CT_PREFERENCES_WINDOW (widget), member);
}

/* Edit: the member is read again on the reader, then edited; when gone,
 * the window says so and reads the staff again. */

static void
on_member_read (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CtPreferencesWindow) self = take_window (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtRecord) member = ct_store_get_finish (CT_DATABASE (source_object), result, &error);

  if (arrived_too_late (self, error))
    return;
  if (member == NULL)
    {
      show_error (self, error->message);
      read_async (self, FALSE);
      return;
    }
  open_staff_editor (self, member);
}

static void
edit_staff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CtPreferencesWindow *self = CT_PREFERENCES_WINDOW (widget);
  gint64 id = 0;
  const CtKind *kind = ct_record_button_parse_target (parameter, &id);

  g_return_if_fail (kind != NULL);

  ct_store_get_async (self->database, kind, id, self->cancellable, on_member_read,
                      arrival_for (self));
}

/* Locking */

static void
bind_settings (CtPreferencesWindow *self)
{
  g_settings_bind (self->settings, "auto-lock-minutes",
                   gtk_spin_button_get_adjustment (self->auto_lock_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

/* The window */

/* On a team server the login says who is signed in, and the role whether
 * staff can be added. */
static void
apply_role (CtPreferencesWindow *self)
{
  g_autoptr(GError) why_not = NULL;
  gboolean allowed = ct_permission_check_kind (self->database, ct_kind_for_type (CT_TYPE_STAFF),
                                               CT_PERMISSION_CREATE, &why_not);

  gtk_widget_set_visible (GTK_WIDGET (self->staff_profile_group),
                          ct_database_get_path (self->database) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-staff", allowed);
  ct_record_button_explain (self->add_staff_button, NULL, why_not);
}

CtPreferencesWindow *
ct_preferences_window_new (GtkWindow  *parent,
                           CtDatabase *database)
{
  CtPreferencesWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);

  self = g_object_new (CT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  ct_figure_preferences_set_database (self->figure_group, database);
  read_async (self, TRUE);
  apply_role (self);
  ct_keyring_bind_switch (self->settings, ct_database_get_path (database), self->remember_row,
                          self->remember_switch, self->cancellable);
  return self;
}

gboolean
ct_preferences_window_is_loading (CtPreferencesWindow *self)
{
  g_return_val_if_fail (CT_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->n_reading > 0;
}

static void
ct_preferences_window_dispose (GObject *object)
{
  CtPreferencesWindow *self = CT_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->staff_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ct_preferences_window_parent_class)->dispose (object);
}

static void
ct_preferences_window_class_init (CtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, team_name_row);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, staff_profile_group);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, staff_button);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, add_staff_button);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, auto_lock_spin);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, remember_row);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, CtPreferencesWindow, figure_group);
  gtk_widget_class_bind_template_callback (widget_class, on_team_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_figure_error);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_apply);

  gtk_widget_class_install_action (widget_class, "prefs.use-staff", "s", use_staff_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-staff", NULL, add_staff_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-staff", "(sx)", edit_staff_action);
}

static void
ct_preferences_window_init (CtPreferencesWindow *self)
{
  g_type_ensure (CT_TYPE_FIGURE_PREFERENCES);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->staff_rows = g_ptr_array_new ();
  bind_settings (self);
}
