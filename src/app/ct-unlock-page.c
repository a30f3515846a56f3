/* ct-unlock-page.c: asks for the passphrase of an existing records file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-unlock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-unlock-page.h"

struct _CtUnlockPage
{
  CtPassphrasePage  parent_instance;

  GtkEditable      *passphrase_entry;
  GtkSpinner       *spinner;
  GtkLabel         *file_label;
  GtkLabel         *status_label;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (CtUnlockPage, ct_unlock_page, CT_TYPE_PASSPHRASE_PAGE)

static void
update (CtUnlockPage *self)
{
  gboolean busy = ct_passphrase_page_get_busy (CT_PASSPHRASE_PAGE (self));
  gboolean typed = *gtk_editable_get_text (self->passphrase_entry) != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.unlock", typed && !busy);
}

static void
on_changed (CtUnlockPage *self)
{
  if (*gtk_editable_get_text (self->passphrase_entry) != '\0')
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update (self);
}

static void
on_entry_activate (CtUnlockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock.unlock", NULL);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtUnlockPage *self = CT_UNLOCK_PAGE (widget);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *actor = g_settings_get_string (settings, "staff-profile");
  char *passphrase = g_strdup (gtk_editable_get_text (self->passphrase_entry));

  gtk_editable_set_text (self->passphrase_entry, "");
  ct_passphrase_page_open (CT_PASSPHRASE_PAGE (self), CT_OPEN_MODE_OPEN, passphrase, actor);
}

static void
ct_unlock_page_set_busy (CtPassphrasePage *page,
                         gboolean          busy)
{
  CtUnlockPage *self = CT_UNLOCK_PAGE (page);

  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_entry), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), busy);
  gtk_label_set_label (self->status_label,
                       ct_passphrase_page_get_mode (page) == CT_OPEN_MODE_CHANGE
                       ? _("Changing the passphrase…") : _("Unlocking…"));
  update (self);
}

static void
ct_unlock_page_show_error (CtPassphrasePage *page,
                           const GError     *error)
{
  CtUnlockPage *self = CT_UNLOCK_PAGE (page);

  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_error_bell (GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

void
ct_unlock_page_reset (CtUnlockPage *self)
{
  g_return_if_fail (CT_IS_UNLOCK_PAGE (self));

  gtk_editable_set_text (self->passphrase_entry, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Which file, now that the window can open others. */
static void
on_path_changed (CtUnlockPage *self)
{
  const char *path = ct_passphrase_page_get_path (CT_PASSPHRASE_PAGE (self));
  g_autofree char *shown = path != NULL ? g_filename_display_name (path) : g_strdup ("");

  gtk_label_set_label (self->file_label, shown);
}

static gboolean
ct_unlock_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CT_UNLOCK_PAGE (widget)->passphrase_entry));
}

static void
ct_unlock_page_class_init (CtUnlockPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CtPassphrasePageClass *page_class = CT_PASSPHRASE_PAGE_CLASS (klass);

  widget_class->grab_focus = ct_unlock_page_grab_focus;
  page_class->set_busy = ct_unlock_page_set_busy;
  page_class->show_error = ct_unlock_page_show_error;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/ct-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CtUnlockPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, CtUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CtUnlockPage, file_label);
  gtk_widget_class_bind_template_child (widget_class, CtUnlockPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CtUnlockPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);

  gtk_widget_class_install_action (widget_class, "unlock.unlock", NULL, unlock_action);
}

static void
ct_unlock_page_init (CtUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::path", G_CALLBACK (on_path_changed), NULL);
  update (self);
}
