/* ct-check-banner.c: says so when the records file fails the integrity
 * check that runs after unlock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-check-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-check-banner.h"
#include "ct-file-check.h"

struct _CtCheckBanner
{
  AdwBin       parent_instance;

  CtDatabase  *database;
  CtFileCheck *check;

  GtkInfoBar  *info_bar;
  GtkLabel    *label;
};

G_DEFINE_FINAL_TYPE (CtCheckBanner, ct_check_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_state (CtCheckBanner *self)
{
  gboolean failed = self->check != NULL &&
                    ct_file_check_get_state (self->check) == CT_FILE_CHECK_FAILED;

  if (failed)
    gtk_label_set_label (self->label, ct_file_check_get_message (self->check));
  gtk_info_bar_set_revealed (self->info_bar, failed);
}

static void
watch_check (CtCheckBanner *self,
             CtFileCheck   *check)
{
  if (self->check != NULL)
    g_signal_handlers_disconnect_by_data (self->check, self);
  g_set_object (&self->check, check);
  if (check != NULL)
    g_signal_connect_object (check, "notify::state", G_CALLBACK (show_state), self,
                             G_CONNECT_SWAPPED);
  show_state (self);
}

void
ct_check_banner_set_database (CtCheckBanner *self,
                              CtDatabase    *database)
{
  g_return_if_fail (CT_IS_CHECK_BANNER (self));
  g_return_if_fail (database == NULL || CT_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  watch_check (self, database != NULL ? ct_file_check_get (database) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gboolean
ct_check_banner_is_shown (CtCheckBanner *self)
{
  g_return_val_if_fail (CT_IS_CHECK_BANNER (self), FALSE);

  return gtk_info_bar_get_revealed (self->info_bar);
}

static void
ct_check_banner_dispose (GObject *object)
{
  CtCheckBanner *self = CT_CHECK_BANNER (object);

  watch_check (self, NULL);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ct_check_banner_parent_class)->dispose (object);
}

static void
ct_check_banner_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, CT_CHECK_BANNER (object)->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_check_banner_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DATABASE:
      ct_check_banner_set_database (CT_CHECK_BANNER (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_check_banner_class_init (CtCheckBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_check_banner_dispose;
  object_class->get_property = ct_check_banner_get_property;
  object_class->set_property = ct_check_banner_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ct_check_banner_init (CtCheckBanner *self)
{
  GtkWidget *title = gtk_label_new (_("The records file failed its integrity check"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->info_bar = GTK_INFO_BAR (gtk_info_bar_new ());
  gtk_info_bar_set_message_type (self->info_bar, GTK_MESSAGE_ERROR);
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_info_bar_add_child (self->info_bar, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->info_bar));
}
