/* ct-enum-row.c: one word of an enumeration, chosen by its label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-enum-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-choice-row.h"
#include "ct-enum-row.h"

GtkWidget *
ct_enum_row_new (const CtField *field)
{
  const char * const *words = ct_enum_words (field);
  CtChoiceRow *row;

  g_return_val_if_fail (words != NULL, NULL);

  row = ct_choice_row_new (field, ct_field_is_required (field) ? NULL : _("Not recorded"));
  for (guint i = 0; words[i] != NULL; i++)
    ct_choice_row_append (row, words[i], ct_enum_label (field, words[i]));
  return GTK_WIDGET (row);
}
