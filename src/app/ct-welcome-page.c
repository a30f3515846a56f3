/* ct-welcome-page.c: the first run, which creates the records file (or
 * leads to opening one, or to a team server)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-records.h"
#include "ct-records-file-chooser.h"
#include "ct-passphrase-quality.h"
#include "ct-welcome-page.h"

#define LONG_PASSPHRASE      16
#define VERY_LONG_PASSPHRASE 24

struct _CtWelcomePage
{
  CtPassphrasePage  parent_instance;

  GtkEditable      *passphrase_entry;
  GtkEditable      *confirm_entry;
  GtkEditable      *name_entry;
  GtkDropDown      *role_dropdown;
  GtkLevelBar      *strength_bar;
  GtkLabel         *strength_label;
  GtkWidget        *form;
  GtkSpinner       *spinner;
  GtkLabel         *hint_label;
  GtkLabel         *error_label;
  GtkLabel         *location_label;

  char             *role;     /* the role of the profile being created */
  gboolean          ready;
};

G_DEFINE_FINAL_TYPE (CtWelcomePage, ct_welcome_page, CT_TYPE_PASSPHRASE_PAGE)

static guint
count_character_classes (const char *text)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      lower |= g_unichar_islower (c);
      upper |= g_unichar_isupper (c);
      digit |= g_unichar_isdigit (c);
      other |= !g_unichar_isalnum (c);
    }
  return lower + upper + digit + other;
}

guint
ct_welcome_page_rate_passphrase (const char *passphrase)
{
  glong length = g_utf8_strlen (passphrase, -1);

  if (length < CT_PASSPHRASE_MIN_LENGTH)
    return 0;

  return 1 + (length >= LONG_PASSPHRASE)
           + (length >= VERY_LONG_PASSPHRASE || count_character_classes (passphrase) >= 3);
}

static void
show_strength (CtWelcomePage *self,
               const char    *passphrase)
{
  static const char *const names[] = {
    N_("Too short"), N_("Weak"), N_("Fair"), N_("Strong"),
  };
  guint strength = ct_welcome_page_rate_passphrase (passphrase);

  gtk_level_bar_set_value (self->strength_bar, strength);
  gtk_label_set_label (self->strength_label, *passphrase != '\0' ? _(names[strength]) : "");
}

static const char *
get_text (GtkEditable *editable)
{
  return gtk_editable_get_text (editable);
}

/* The name as typed, without surrounding spaces. */
static char *
dup_name (CtWelcomePage *self)
{
  return g_strstrip (g_strdup (get_text (self->name_entry)));
}

/* What still stops the file from being created, or NULL. */
static char *
describe_problem (CtWelcomePage *self)
{
  const char *passphrase = get_text (self->passphrase_entry);
  const char *confirmation = get_text (self->confirm_entry);
  g_autofree char *name = dup_name (self);
  g_autoptr(GError) weak = NULL;

  /* The length first, then libpwquality's judgement, in its words. */
  if (!ct_passphrase_check_quality (passphrase, NULL, &weak))
    return g_strdup (weak->message);
  if (*confirmation == '\0')
    return g_strdup (_("Type the passphrase again to confirm it."));
  if (g_strcmp0 (passphrase, confirmation) != 0)
    return g_strdup (_("The two passphrases are not the same."));
  if (*name == '\0')
    return g_strdup (_("Type your name: the audit trail records who made each change."));
  return NULL;
}

static void
update (CtWelcomePage *self)
{
  g_autofree char *problem = describe_problem (self);
  gboolean busy = ct_passphrase_page_get_busy (CT_PASSPHRASE_PAGE (self));

  self->ready = problem == NULL && !busy;
  show_strength (self, get_text (self->passphrase_entry));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.create", self->ready);

  if (busy)
    gtk_label_set_label (self->hint_label, _("Creating the encrypted records file…"));
  else
    gtk_label_set_label (self->hint_label, problem != NULL ? problem : "");
}

static void
on_changed (CtWelcomePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update (self);
}

/* Enter creates the file once the form is complete; until then it moves on
 * to the next field. */
static void
on_entry_activate (CtWelcomePage *self)
{
  if (self->ready)
    gtk_widget_activate_action (GTK_WIDGET (self), "welcome.create", NULL);
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/* The staff field of a profile's role, in the order of the drop-down. */
static const CtField *
get_role_field (void)
{
  return ct_kind_find_field (ct_kind_lookup ("staff"), "role");
}

static void
fill_roles (CtWelcomePage *self)
{
  const CtField *role = get_role_field ();
  const char * const *words = ct_enum_words (role);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    gtk_string_list_append (labels, ct_enum_label (role, words[i]));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (labels));
}

static const char *
get_role (CtWelcomePage *self)
{
  return ct_enum_words (get_role_field ())[gtk_drop_down_get_selected (self->role_dropdown)];
}

/* The new file's first record is its creator's staff profile, so that a
 * consultation can be logged at once. */
static void
on_created (CtWelcomePage *self,
            CtDatabase    *database)
{
  g_autoptr(CtRecord) staff = ct_record_new (ct_kind_lookup ("staff"));
  g_autoptr(GError) error = NULL;

  ct_record_set_string_by_name (staff, "name", ct_database_get_actor (database), NULL);
  ct_record_set_string_by_name (staff, "role", self->role, NULL);
  if (!ct_store_insert (database, staff, &error))
    g_warning ("The staff profile could not be added: %s", error->message);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtWelcomePage *self = CT_WELCOME_PAGE (widget);
  g_autofree char *name = dup_name (self);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  char *passphrase = g_strdup (get_text (self->passphrase_entry));

  gtk_editable_set_text (self->passphrase_entry, "");
  gtk_editable_set_text (self->confirm_entry, "");
  g_settings_set_string (settings, "staff-profile", name);
  g_free (self->role);
  self->role = g_strdup (get_role (self));

  ct_passphrase_page_open (CT_PASSPHRASE_PAGE (self), CT_OPEN_MODE_CREATE, passphrase, name);
}

/* Where the file goes */

static void
on_path_changed (CtWelcomePage *self)
{
  const char *path = ct_passphrase_page_get_path (CT_PASSPHRASE_PAGE (self));
  g_autofree char *shown = path != NULL ? g_filename_display_name (path) : g_strdup ("");

  gtk_label_set_label (self->location_label, shown);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->location_label), shown);
}

static void
on_location_chosen (const char *path,
                    gpointer    user_data)
{
  ct_passphrase_page_set_path (CT_PASSPHRASE_PAGE (user_data), path);
}

static void
choose_location_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CtWelcomePage *self = CT_WELCOME_PAGE (widget);

  ct_records_file_chooser_run (GTK_WINDOW (gtk_widget_get_root (widget)),
                               GTK_FILE_CHOOSER_ACTION_SAVE,
                               _("Choose Where to Keep the Records File"), _("_Choose"),
                               ct_passphrase_page_get_path (CT_PASSPHRASE_PAGE (self)),
                               on_location_chosen, g_object_ref (self), g_object_unref);
}

static void
ct_welcome_page_set_busy (CtPassphrasePage *page,
                          gboolean          busy)
{
  CtWelcomePage *self = CT_WELCOME_PAGE (page);

  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update (self);
}

static void
ct_welcome_page_show_error (CtPassphrasePage *page,
                            const GError     *error)
{
  CtWelcomePage *self = CT_WELCOME_PAGE (page);

  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static gboolean
ct_welcome_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CT_WELCOME_PAGE (widget)->passphrase_entry));
}

static void
ct_welcome_page_finalize (GObject *object)
{
  g_free (CT_WELCOME_PAGE (object)->role);

  G_OBJECT_CLASS (ct_welcome_page_parent_class)->finalize (object);
}

static void
ct_welcome_page_class_init (CtWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CtPassphrasePageClass *page_class = CT_PASSPHRASE_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ct_welcome_page_finalize;
  widget_class->grab_focus = ct_welcome_page_grab_focus;
  page_class->set_busy = ct_welcome_page_set_busy;
  page_class->show_error = ct_welcome_page_show_error;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, strength_label);
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, form);
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CtWelcomePage, location_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);

  gtk_widget_class_install_action (widget_class, "welcome.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "welcome.choose-location", NULL,
                                   choose_location_action);
}

static void
ct_welcome_page_init (CtWelcomePage *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = g_settings_get_string (settings, "staff-profile");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_text (self->name_entry, name);
  fill_roles (self);
  /* Runs before the window's handler shows the records. */
  g_signal_connect (self, "unlocked", G_CALLBACK (on_created), NULL);
  g_signal_connect (self, "notify::path", G_CALLBACK (on_path_changed), NULL);
  update (self);
}
