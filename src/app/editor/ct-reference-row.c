/* ct-reference-row.c: another record, chosen by a readable name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-reference-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-choice-row.h"
#include "ct-records.h"
#include "ct-reference-row.h"

/* The fields that name a record of each kind that others refer to. */
static const struct
{
  const char *kind;
  const char *fields[4];
} names[] = {
  { "staff", { "name" } },
  { "child", { "reference", "name" } },
  { "referral", { "child_reference", "child_name", "referral_date" } },
  { "goal", { "child_reference", "number", "description" } },
  { "training_event", { "code", "title", "date" } },
};

/* "TEST-0001 — Robin T." */
static char *
describe (CtRecord *record)
{
  const char *kind = ct_kind_get_name (ct_record_get_kind (record));
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (!g_str_equal (names[i].kind, kind))
        continue;
      for (guint j = 0; names[i].fields[j] != NULL; j++)
        {
          g_autofree char *text = ct_record_get_string_by_name (record, names[i].fields[j]);

          if (text == NULL)
            continue;
          if (name->len > 0)
            g_string_append (name, " — ");
          g_string_append (name, text);
        }
    }
  return g_string_free (name, FALSE);
}

GtkWidget *
ct_reference_row_new (const CtField *field,
                      CtDatabase    *database)
{
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;
  CtChoiceRow *row;

  row = ct_choice_row_new (field, ct_field_is_required (field) ? NULL : _("None"));
  records = ct_store_list (database, ct_field_get_reference_kind (field), NULL, &error);
  if (records == NULL)
    {
      g_warning ("Cannot list the choices of %s: %s", ct_field_get_name (field), error->message);
      return GTK_WIDGET (row);
    }

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (records, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ct_record_get_id (record));
      g_autofree char *name = describe (record);

      ct_choice_row_append (row, id, name);
    }
  return GTK_WIDGET (row);
}
