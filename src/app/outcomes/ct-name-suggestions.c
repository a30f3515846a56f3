/* ct-name-suggestions.c: names known to the records, offered under an entry
 *
 * An inline list rather than a popover: it never takes the focus from the
 * entry, stays in view in a narrow window, and Down reaches it from the
 * entry as the next widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-name-suggestions"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-attendee-names.h"
#include "ct-name-suggestions.h"
#include "ct-records.h"

/* Enough to pick from at a glance. */
#define MAX_NAMES 6

#define NAME_KEY "ct-attendee-name"

struct _CtNameSuggestions
{
  AdwBin      parent_instance;

  CtDatabase *database;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CtNameSuggestions, ct_name_suggestions, ADW_TYPE_BIN)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_rows (CtNameSuggestions *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, row);
}

static GtkWidget *
build_row (CtAttendeeName *name)
{
  const CtField *role_field = ct_kind_find_field (ct_kind_lookup ("training_attendance"), "role");
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name->name);
  if (name->role != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ct_enum_label (role_field, name->role));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), NAME_KEY, name,
                          (GDestroyNotify) ct_attendee_name_free);
  return row;
}

static void
on_row_activated (CtNameSuggestions *self,
                  GtkListBoxRow     *row)
{
  CtAttendeeName *name = g_object_get_data (G_OBJECT (row), NAME_KEY);

  g_signal_emit (self, signals[CHOSEN], 0, name->name, name->role, name->organisation);
}

/* Public API */

GtkWidget *
ct_name_suggestions_new (void)
{
  return g_object_new (CT_TYPE_NAME_SUGGESTIONS, NULL);
}

void
ct_name_suggestions_set_database (CtNameSuggestions *self,
                                  CtDatabase        *database)
{
  g_return_if_fail (CT_IS_NAME_SUGGESTIONS (self));

  g_set_object (&self->database, database);
}

void
ct_name_suggestions_update (CtNameSuggestions *self,
                            const char        *typed)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CT_IS_NAME_SUGGESTIONS (self));

  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  text = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  if (self->database == NULL || *text == '\0')
    return;
  names = ct_attendee_names_find (self->database, text, MAX_NAMES, &error);
  if (names == NULL)
    {
      g_warning ("Could not find names to offer: %s", error->message);
      return;
    }
  if (names->len == 1 && g_str_equal (((CtAttendeeName *) names->pdata[0])->name, text))
    return;
  for (guint i = 0; i < names->len; i++)
    gtk_list_box_append (self->list, build_row (g_steal_pointer (&names->pdata[i])));
  gtk_widget_set_visible (GTK_WIDGET (self), gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL);
}

gboolean
ct_name_suggestions_focus_first (CtNameSuggestions *self)
{
  GtkListBoxRow *first;

  g_return_val_if_fail (CT_IS_NAME_SUGGESTIONS (self), FALSE);

  first = gtk_list_box_get_row_at_index (self->list, 0);
  return first != NULL && gtk_widget_get_visible (GTK_WIDGET (self)) &&
         gtk_widget_grab_focus (GTK_WIDGET (first));
}

gboolean
ct_name_suggestions_dismiss (CtNameSuggestions *self)
{
  g_return_val_if_fail (CT_IS_NAME_SUGGESTIONS (self), FALSE);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

/* GObject */

static void
ct_name_suggestions_dispose (GObject *object)
{
  CtNameSuggestions *self = CT_NAME_SUGGESTIONS (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (ct_name_suggestions_parent_class)->dispose (object);
}

static void
ct_name_suggestions_class_init (CtNameSuggestionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_name_suggestions_dispose;

  /**
   * CtNameSuggestions::chosen:
   * @name: the name
   * @role: the role word of the person's latest place, or NULL
   * @organisation: the organisation of that place, or NULL
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
ct_name_suggestions_init (CtNameSuggestions *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Names known to the records"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->list));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
