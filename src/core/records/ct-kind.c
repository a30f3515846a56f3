/* ct-kind.c: the registry of record kinds and the field descriptor getters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-kind"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-kind-private.h"
#include "ct-records.h"

/* Dependency order: a kind comes after the kinds it refers to. */
static GType
get_nth_type (guint index)
{
  switch (index)
    {
    case 0: return CT_TYPE_STAFF;
    case 1: return CT_TYPE_CHILD;
    case 2: return CT_TYPE_REFERRAL;
    case 3: return CT_TYPE_CONSULTATION;
    case 4: return CT_TYPE_REFLECTIVE_SESSION;
    case 5: return CT_TYPE_GOAL;
    case 6: return CT_TYPE_GOAL_RATING;
    case 7: return CT_TYPE_TRAINING_EVENT;
    case 8: return CT_TYPE_TRAINING_ATTENDANCE;
    case 9: return CT_TYPE_SDQ_SCORE;
    default: return G_TYPE_INVALID;
    }
}

#define N_KINDS 10

guint
ct_kind_get_n_kinds (void)
{
  return N_KINDS;
}

const CtKind *
ct_kind_get_nth (guint index)
{
  g_return_val_if_fail (index < N_KINDS, NULL);

  return ct_kind_for_type (get_nth_type (index));
}

const CtKind *
ct_kind_for_type (GType record_type)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (g_type_is_a (record_type, CT_TYPE_RECORD), NULL);

  /* Record classes are never unloaded, so the kind outlives the reference. */
  klass = g_type_class_ref (record_type);
  return CT_RECORD_CLASS (klass)->kind;
}

const CtKind *
ct_kind_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < N_KINDS; i++)
    {
      const CtKind *kind = ct_kind_get_nth (i);

      if (g_str_equal (name, kind->name) || g_str_equal (name, kind->cli_word))
        return kind;
    }
  return NULL;
}

const char *
ct_kind_get_name (const CtKind *kind)
{
  return kind->name;
}

const char *
ct_kind_get_cli_word (const CtKind *kind)
{
  return kind->cli_word;
}

const char *
ct_kind_get_label (const CtKind *kind)
{
  return _(kind->label);
}

GType
ct_kind_get_record_type (const CtKind *kind)
{
  return kind->get_type ();
}

guint
ct_kind_get_n_fields (const CtKind *kind)
{
  return kind->n_fields;
}

const CtField *
ct_kind_get_field (const CtKind *kind,
                   guint         index)
{
  g_return_val_if_fail (index < kind->n_fields, NULL);

  return &kind->fields[index];
}

const CtField *
ct_kind_find_field (const CtKind *kind,
                    const char   *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    if (g_str_equal (kind->fields[i].name, name))
      return &kind->fields[i];
  return NULL;
}

const CtField *
ct_kind_get_date_field (const CtKind *kind)
{
  return kind->date_field != NULL ? ct_kind_find_field (kind, kind->date_field) : NULL;
}

guint
ct_field_get_index (const CtKind  *kind,
                    const CtField *field)
{
  g_return_val_if_fail (field >= kind->fields && field < kind->fields + kind->n_fields, 0);

  return field - kind->fields;
}

/* Fields */

const char *
ct_field_get_name (const CtField *field)
{
  return field->name;
}

const char *
ct_field_get_property_name (const CtField *field)
{
  g_autofree char *name = g_strdup (field->name);

  g_strdelimit (name, "_", '-');
  if (field->type == CT_FIELD_REFERENCE && !(field->flags & CT_FIELD_DISPLAY))
    {
      g_autofree char *with_id = g_strconcat (name, "-id", NULL);
      return g_intern_string (with_id);
    }
  return g_intern_string (name);
}

const char *
ct_field_get_label (const CtField *field)
{
  return _(field->label);
}

CtFieldType
ct_field_get_value_type (const CtField *field)
{
  return field->type;
}

gboolean
ct_field_is_required (const CtField *field)
{
  return (field->flags & CT_FIELD_REQUIRED) != 0;
}

gboolean
ct_field_is_display (const CtField *field)
{
  return (field->flags & CT_FIELD_DISPLAY) != 0;
}

gboolean
ct_field_is_sensitive (const CtField *field)
{
  return (field->flags & CT_FIELD_SENSITIVE) != 0;
}

const CtKind *
ct_field_get_reference_kind (const CtField *field)
{
  return field->reference != NULL ? ct_kind_lookup (field->reference) : NULL;
}

void
ct_field_get_range (const CtField *field,
                    double        *minimum,
                    double        *maximum,
                    double        *step)
{
  if (minimum != NULL)
    *minimum = field->minimum;
  if (maximum != NULL)
    *maximum = field->maximum;
  if (step == NULL)
    return;
  if (field->flags & CT_FIELD_HALF_POINTS)
    *step = 0.5;
  else if (field->type == CT_FIELD_REAL)
    *step = 0.1;
  else
    *step = 1.0;
}

char *
ct_field_dup_select_sql (const CtField *field,
                         gboolean       hide_clinical_text)
{
  if (hide_clinical_text && (field->flags & CT_FIELD_CLINICAL_TEXT))
    return g_strdup ("NULL");
  if (field->flags & CT_FIELD_DISPLAY)
    return g_strdup (field->column);
  return g_strconcat ("t.", ct_field_column (field), NULL);
}

/* Enumerations */

const char * const *
ct_enum_words (const CtField *field)
{
  return field->words != NULL ? field->words->words : NULL;
}

static int
enum_index (const CtField *field,
            const char    *word)
{
  if (field->words == NULL || word == NULL)
    return -1;
  for (int i = 0; field->words->words[i] != NULL; i++)
    if (g_str_equal (field->words->words[i], word))
      return i;
  return -1;
}

const char *
ct_enum_label (const CtField *field,
               const char    *word)
{
  int i = enum_index (field, word);

  return i >= 0 ? _(field->words->labels[i]) : word;
}

gboolean
ct_enum_contains (const CtField *field,
                  const char    *word)
{
  return enum_index (field, word) >= 0;
}
