/* ct-sdq-group.c: a child's SDQ history, as a chart and a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-sdq-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-record-button.h"
#include "ct-records.h"
#include "ct-sdq-chart.h"
#include "ct-sdq-group.h"

/* "19, concern" / "No score: Carer refused" */
static char *
describe_score (CtRecord *score)
{
  const CtField *reason = ct_kind_find_field (ct_record_get_kind (score), "reason");
  g_autofree char *code = ct_record_get_string (score, reason);
  int total;

  if (code != NULL)
    /* Translators: an SDQ record without a score, with the reason's label */
    return g_strdup_printf (_("No score: %s"), ct_enum_label (reason, code));
  g_object_get (score, "total", &total, NULL);
  if (total >= CT_SDQ_CONCERN_FROM)
    return g_strdup_printf (_("Total %d, concern"), total);
  if (total >= CT_SDQ_BORDERLINE_FROM)
    return g_strdup_printf (_("Total %d, borderline"), total);
  return g_strdup_printf (_("Total %d, normal"), total);
}

static GtkWidget *
create_score_row (CtDatabase *database,
                  CtRecord   *score)
{
  const CtKind *kind = ct_record_get_kind (score);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *date = ct_cell_text_dup (score, ct_kind_find_field (kind, "date"));
  g_autofree char *informant = ct_cell_text_dup (score, ct_kind_find_field (kind, "informant"));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe_score (score);

  /* Translators: an SDQ score's date and who answered: "3 Mar 2025, Carer" */
  title = g_strdup_printf (_("%s, %s"), date, informant);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons),
                  ct_record_button_new (database, CT_PERMISSION_CHANGE, _("Edit SDQ Score"),
                                        "document-edit-symbolic", "child.edit-record", score));
  gtk_box_append (GTK_BOX (buttons),
                  ct_record_button_new (database, CT_PERMISSION_DELETE, _("Delete SDQ Score"),
                                        "user-trash-symbolic", "child.delete-record", score));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
  return row;
}

/* The chart, then the rows: a preferences group puts widgets that are not
 * rows after its rows, so the rows have a group of their own. */
GtkWidget *
ct_sdq_group_new (CtDatabase *database,
                  GListModel *scores)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *rows = adw_preferences_group_new ();
  GtkWidget *add_button = gtk_button_new_with_mnemonic (_("Add _SDQ Score"));
  GtkWidget *chart = ct_sdq_chart_new ();
  guint n_scores = g_list_model_get_n_items (scores);

  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (scores), NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _("Strengths and Difficulties Questionnaire"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         n_scores == 0
                                         ? _("No SDQ scores yet.")
                                         : _("Total difficulties: normal 0–13, borderline "
                                             "14–16, concern 17–40."));
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "child.add-sdq");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add_button);
  gtk_box_append (GTK_BOX (box), group);
  if (n_scores == 0)
    return box;

  ct_sdq_chart_set_scores (CT_SDQ_CHART (chart), scores);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), chart);
  for (guint i = 0; i < n_scores; i++)
    {
      g_autoptr(CtRecord) score = g_list_model_get_item (scores, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows), create_score_row (database, score));
    }
  gtk_box_append (GTK_BOX (box), rows);
  return box;
}
