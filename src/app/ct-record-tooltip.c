/* ct-record-tooltip.c: tooltips that show a record's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-tooltip"

#include "config.h"

#include "ct-record-tooltip.h"

#define TEXT_KEY "ct-record-tooltip-text"

/* Like GTK's own tooltip label. */
#define MAX_WIDTH_CHARS 70

/* The one label record tooltips are shown in (a tooltip shows one at a time). */
static GtkWidget *shown_label;

static GtkWidget *
get_label (void)
{
  if (shown_label == NULL)
    {
      shown_label = g_object_ref_sink (gtk_label_new (NULL));
      gtk_label_set_wrap (GTK_LABEL (shown_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (shown_label), MAX_WIDTH_CHARS);
      gtk_label_set_xalign (GTK_LABEL (shown_label), 0.0);
    }
  return shown_label;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);
  GtkWidget *label;

  if (text == NULL)
    return FALSE;

  label = get_label ();
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

void
ct_record_tooltip_set_text (GtkWidget  *widget,
                            const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_query_tooltip, NULL))
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
ct_record_tooltip_get_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), TEXT_KEY);
}

void
ct_record_tooltip_forget (void)
{
  if (shown_label != NULL)
    gtk_label_set_text (GTK_LABEL (shown_label), "");
}
