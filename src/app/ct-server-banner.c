/* ct-server-banner.c: says so when the connection to the team server is
 * lost, and connects again by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-server-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-server-banner.h"

/* As often as the window looks for others' changes (ct-change-watch.h). */
#define LOOK_INTERVAL_MS 2000

struct _CtServerBanner
{
  AdwBin       parent_instance;

  CtDatabase  *database;
  guint        look_id;

  GtkInfoBar  *info_bar;
};

G_DEFINE_FINAL_TYPE (CtServerBanner, ct_server_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESPONSE_RETRY = 1,
};

void
ct_server_banner_retry (CtServerBanner *self)
{
  g_autoptr(GError) error = NULL;
  gboolean connected;

  g_return_if_fail (CT_IS_SERVER_BANNER (self));

  if (self->database == NULL || !ct_database_is_open (self->database))
    return;
  connected = ct_database_is_connected (self->database) ||
              ct_database_reconnect (self->database, &error);
  if (!connected)
    g_debug ("Not connected again yet: %s", error->message);
  gtk_info_bar_set_revealed (self->info_bar, !connected);
}

static gboolean
on_look (gpointer data)
{
  ct_server_banner_retry (data);
  return G_SOURCE_CONTINUE;
}

static void
on_response (CtServerBanner *self,
             int             response)
{
  if (response == RESPONSE_RETRY)
    ct_server_banner_retry (self);
}

void
ct_server_banner_set_database (CtServerBanner *self,
                               CtDatabase     *database)
{
  g_return_if_fail (CT_IS_SERVER_BANNER (self));
  g_return_if_fail (database == NULL || CT_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  g_clear_handle_id (&self->look_id, g_source_remove);
  if (database != NULL)
    self->look_id = g_timeout_add (LOOK_INTERVAL_MS, on_look, self);
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gboolean
ct_server_banner_is_shown (CtServerBanner *self)
{
  g_return_val_if_fail (CT_IS_SERVER_BANNER (self), FALSE);

  return gtk_info_bar_get_revealed (self->info_bar);
}

static void
ct_server_banner_dispose (GObject *object)
{
  CtServerBanner *self = CT_SERVER_BANNER (object);

  g_clear_handle_id (&self->look_id, g_source_remove);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ct_server_banner_parent_class)->dispose (object);
}

static void
ct_server_banner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, CT_SERVER_BANNER (object)->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_server_banner_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DATABASE:
      ct_server_banner_set_database (CT_SERVER_BANNER (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_server_banner_class_init (CtServerBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ct_server_banner_dispose;
  object_class->get_property = ct_server_banner_get_property;
  object_class->set_property = ct_server_banner_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ct_server_banner_init (CtServerBanner *self)
{
  GtkWidget *title = gtk_label_new (_("The connection to the team server was lost"));
  GtkWidget *label = gtk_label_new (_("Nothing you typed is lost, and open editors keep their "
                                      "text. Trying again every few seconds…"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->info_bar = GTK_INFO_BAR (gtk_info_bar_new ());
  gtk_info_bar_set_message_type (self->info_bar, GTK_MESSAGE_WARNING);
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
  gtk_info_bar_add_button (self->info_bar, _("_Retry"), RESPONSE_RETRY);
  g_signal_connect_swapped (self->info_bar, "response", G_CALLBACK (on_response), self);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), label);
  gtk_info_bar_add_child (self->info_bar, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->info_bar));
}
