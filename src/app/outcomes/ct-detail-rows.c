/* ct-detail-rows.c: a record's fields as labelled rows of a boxed list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-detail-rows"

#include "config.h"

#include "ct-cell-text.h"
#include "ct-detail-rows.h"

GtkWidget *
ct_detail_row_new (const char *title,
                   const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value != NULL && *value != '\0' ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Shares the row's width with the title, so that a long value wraps
   * instead of squeezing into its longest word. */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

/* A reference shows its display field "<name>_name" (the clinician's name
 * for "clinician"), under the reference's own label. */
static void
add_field (AdwPreferencesGroup *group,
           CtRecord            *record,
           const CtField       *field)
{
  const CtField *shown = field;
  g_autofree char *value = NULL;

  if (ct_field_get_value_type (field) == CT_FIELD_REFERENCE)
    {
      g_autofree char *name = g_strconcat (ct_field_get_name (field), "_name", NULL);

      shown = ct_kind_find_field (ct_record_get_kind (record), name);
      g_return_if_fail (shown != NULL);
    }
  value = ct_cell_text_dup (record, shown);
  adw_preferences_group_add (group, ct_detail_row_new (ct_field_get_label (field), value));
}

void
ct_detail_rows_add (AdwPreferencesGroup *group,
                    CtRecord            *record,
                    const char * const  *names)
{
  const CtKind *kind;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (CT_IS_RECORD (record));

  kind = ct_record_get_kind (record);
  if (names != NULL)
    {
      for (guint i = 0; names[i] != NULL; i++)
        add_field (group, record, ct_kind_find_field (kind, names[i]));
      return;
    }

  for (guint i = 0; i < ct_kind_get_n_fields (kind); i++)
    {
      const CtField *field = ct_kind_get_field (kind, i);

      if (!ct_field_is_display (field) && ct_field_get_value_type (field) != CT_FIELD_REFERENCE)
        add_field (group, record, field);
    }
}
