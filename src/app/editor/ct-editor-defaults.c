/* ct-editor-defaults.c: the values a new record starts with in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-editor-defaults"

#include "config.h"

#include "ct-editor-defaults.h"
#include "ct-records.h"

/* Values of a new record, besides the descriptors' own defaults, today's
 * date and the signed-in staff member. */
static const struct
{
  const char *field;
  const char *text;
} new_record_defaults[] = {
  { "attendees", "1" },
  { "duration_minutes", "60" },
};

/* The signed-in staff member, as text, when the store knows them (a new
 * record reads nothing); NULL when it does not. */
static char *
dup_signed_in_staff (CtDatabase *database)
{
  gint64 id = ct_store_peek_own_staff (database);

  return id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
}

const CtField *
ct_editor_defaults_find_staff_field (const CtKind *kind)
{
  for (guint i = 0; i < ct_kind_get_n_fields (kind); i++)
    {
      const CtField *field = ct_kind_get_field (kind, i);
      const CtKind *referred = ct_field_get_reference_kind (field);

      if (referred != NULL && ct_field_is_required (field) &&
          g_str_equal (ct_kind_get_name (referred), "staff"))
        return field;
    }
  return NULL;
}

/* Sets the field called @name, if the kind has it and it is not display
 * only (a training attendance is dated by its event's date). */
static void
set_default (CtRecord   *record,
             const char *name,
             const char *text)
{
  const CtField *field = ct_kind_find_field (ct_record_get_kind (record), name);

  if (field != NULL && !ct_field_is_display (field) && text != NULL)
    ct_record_set_string (record, field, text, NULL);
}

CtRecord *
ct_editor_defaults_new_record (CtDatabase   *database,
                               const CtKind *kind,
                               CtRecord     *prefill)
{
  CtRecord *record = ct_record_new (kind);
  const CtField *date = ct_kind_get_date_field (kind);
  const CtField *staff_field = ct_editor_defaults_find_staff_field (kind);

  for (guint i = 0; i < G_N_ELEMENTS (new_record_defaults); i++)
    set_default (record, new_record_defaults[i].field, new_record_defaults[i].text);
  if (date != NULL)
    {
      g_autofree char *today = ct_validate_dup_today ();
      set_default (record, ct_field_get_name (date), today);
    }

  if (staff_field != NULL)
    {
      g_autofree char *staff = dup_signed_in_staff (database);
      set_default (record, ct_field_get_name (staff_field), staff);
    }

  for (guint i = 0; prefill != NULL && i < ct_kind_get_n_fields (kind); i++)
    {
      const CtField *field = ct_kind_get_field (kind, i);
      g_autofree char *text = ct_record_get_string (prefill, field);

      set_default (record, ct_field_get_name (field), text);
    }
  return record;
}
