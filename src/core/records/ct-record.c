/* ct-record.c: the base class of every record
 *
 * The values live in one GValue per field of the kind's table; the
 * properties that a subclass installs from its table (ct_record_class_set_kind())
 * read and write them generically, so a subclass holds no code for its
 * fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ct-record-private.h"

typedef struct
{
  GValue        *values;
  gint64         id;
  gint64         version;
  char          *created_at;
  char          *updated_at;
  const CtField *invalid_field;
} CtRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CtRecord, ct_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CtKind *
kind_of (CtRecord *self)
{
  return CT_RECORD_GET_CLASS (self)->kind;
}

static GType
gtype_of_field (const CtField *field)
{
  switch (field->type)
    {
    case CT_FIELD_INTEGER:
      return G_TYPE_INT;
    case CT_FIELD_REAL:
      return G_TYPE_DOUBLE;
    case CT_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case CT_FIELD_ENUM_LIST:
      return G_TYPE_STRV;
    case CT_FIELD_REFERENCE:
      return G_TYPE_INT64;
    case CT_FIELD_TEXT:
    case CT_FIELD_DATE:
    case CT_FIELD_ENUM:
    default:
      return G_TYPE_STRING;
    }
}

/* An empty field: NULL, 0 or CT_RECORD_NO_NUMBER. */
static void
init_empty_value (const CtField *field,
                  GValue        *value)
{
  g_value_init (value, gtype_of_field (field));
  if (field->type == CT_FIELD_INTEGER)
    g_value_set_int (value, CT_RECORD_NO_NUMBER);
  else if (field->type == CT_FIELD_REAL)
    g_value_set_double (value, CT_RECORD_NO_NUMBER);
}

static gboolean parse_into (CtRecord       *self,
                            const CtField  *field,
                            const char     *text,
                            GValue         *value,
                            GError        **error);

static GValue *
values_of (CtRecord *self)
{
  CtRecordPrivate *priv = ct_record_get_instance_private (self);
  const CtKind *kind = kind_of (self);

  if (priv->values != NULL)
    return priv->values;

  priv->values = g_new0 (GValue, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      init_empty_value (&kind->fields[i], &priv->values[i]);
      if (kind->fields[i].default_text != NULL)
        parse_into (self, &kind->fields[i], kind->fields[i].default_text,
                    &priv->values[i], NULL);
    }
  return priv->values;
}

GValue *
ct_record_peek_value (CtRecord *self,
                      guint     index)
{
  g_return_val_if_fail (CT_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < kind_of (self)->n_fields, NULL);

  return &values_of (self)[index];
}

GValue *
ct_record_peek_field (CtRecord      *self,
                      const CtField *field)
{
  return ct_record_peek_value (self, ct_field_get_index (kind_of (self), field));
}

/* GObject */

static void
ct_record_finalize (GObject *object)
{
  CtRecord *self = CT_RECORD (object);
  CtRecordPrivate *priv = ct_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < kind_of (self)->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }
  g_free (priv->created_at);
  g_free (priv->updated_at);

  G_OBJECT_CLASS (ct_record_parent_class)->finalize (object);
}

static void
ct_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CtRecord *self = CT_RECORD (object);
  CtRecordPrivate *priv = ct_record_get_instance_private (self);

  if (pspec->owner_type != CT_TYPE_RECORD)
    {
      g_value_copy (ct_record_peek_value (self, prop_id - 1), value);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Stores @value in @slot; an empty string is stored as NULL. Returns
 * whether the value changed. */
static gboolean
store_value (GValue       *slot,
             const GValue *value,
             GParamSpec   *pspec)
{
  g_auto(GValue) old = G_VALUE_INIT;

  g_value_init (&old, G_VALUE_TYPE (slot));
  g_value_copy (slot, &old);
  g_value_copy (value, slot);
  if (G_VALUE_HOLDS_STRING (slot) && g_strcmp0 (g_value_get_string (slot), "") == 0)
    g_value_set_string (slot, NULL);

  return pspec == NULL || g_param_values_cmp (pspec, &old, slot) != 0;
}

static void
ct_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CtRecord *self = CT_RECORD (object);

  if (pspec->owner_type == CT_TYPE_RECORD)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (store_value (ct_record_peek_value (self, prop_id - 1), value, pspec))
    g_object_notify_by_pspec (object, pspec);
}

static void
ct_record_class_init (CtRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ct_record_finalize;
  object_class->get_property = ct_record_get_property;
  object_class->set_property = ct_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ct_record_init (CtRecord *self)
{
}

static GParamSpec *
param_spec_for_field (const CtField *field)
{
  const char *name = ct_field_get_property_name (field);
  GParamFlags flags = G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS |
                      (field->flags & CT_FIELD_DISPLAY ? G_PARAM_READABLE : G_PARAM_READWRITE);

  switch (field->type)
    {
    case CT_FIELD_INTEGER:
      return g_param_spec_int (name, field->label, NULL, G_MININT, G_MAXINT,
                               CT_RECORD_NO_NUMBER, flags);
    case CT_FIELD_REAL:
      return g_param_spec_double (name, field->label, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                  CT_RECORD_NO_NUMBER, flags);
    case CT_FIELD_BOOLEAN:
      return g_param_spec_boolean (name, field->label, NULL, FALSE, flags);
    case CT_FIELD_ENUM_LIST:
      return g_param_spec_boxed (name, field->label, NULL, G_TYPE_STRV, flags);
    case CT_FIELD_REFERENCE:
      return g_param_spec_int64 (name, field->label, NULL, 0, G_MAXINT64, 0, flags);
    case CT_FIELD_TEXT:
    case CT_FIELD_DATE:
    case CT_FIELD_ENUM:
    default:
      return g_param_spec_string (name, field->label, NULL, NULL, flags);
    }
}

void
ct_record_class_set_kind (CtRecordClass *klass,
                          const CtKind  *kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject does not inherit these: each class that installs properties
   * has its own. */
  object_class->get_property = ct_record_get_property;
  object_class->set_property = ct_record_set_property;
  klass->kind = kind;
  for (guint i = 0; i < kind->n_fields; i++)
    g_object_class_install_property (object_class, i + 1,
                                     param_spec_for_field (&kind->fields[i]));
}

/* Public API */

CtRecord *
ct_record_new (const CtKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (kind->get_type (), NULL);
}

const CtKind *
ct_record_get_kind (CtRecord *self)
{
  g_return_val_if_fail (CT_IS_RECORD (self), NULL);

  return kind_of (self);
}

gint64
ct_record_get_id (CtRecord *self)
{
  CtRecordPrivate *priv = ct_record_get_instance_private (self);

  g_return_val_if_fail (CT_IS_RECORD (self), 0);

  return priv->id;
}

gint64
ct_record_get_version (CtRecord *self)
{
  CtRecordPrivate *priv = ct_record_get_instance_private (self);

  g_return_val_if_fail (CT_IS_RECORD (self), 0);

  return priv->version;
}

const char *
ct_record_get_created_at (CtRecord *self)
{
  CtRecordPrivate *priv = ct_record_get_instance_private (self);

  g_return_val_if_fail (CT_IS_RECORD (self), NULL);

  return priv->created_at;
}

const char *
ct_record_get_updated_at (CtRecord *self)
{
  CtRecordPrivate *priv = ct_record_get_instance_private (self);

  g_return_val_if_fail (CT_IS_RECORD (self), NULL);

  return priv->updated_at;
}

static void
set_string_property (CtRecord    *self,
                     char       **slot,
                     const char  *value,
                     int          prop_id)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
ct_record_set_saved (CtRecord   *self,
                     gint64      id,
                     gint64      version,
                     const char *created_at,
                     const char *updated_at)
{
  CtRecordPrivate *priv = ct_record_get_instance_private (self);

  g_return_if_fail (CT_IS_RECORD (self));

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  priv->version = version;
  set_string_property (self, &priv->created_at, created_at, PROP_CREATED_AT);
  set_string_property (self, &priv->updated_at, updated_at, PROP_UPDATED_AT);
}

void
ct_record_assign (CtRecord *self,
                  CtRecord *source)
{
  const CtKind *kind = kind_of (self);
  GObjectClass *klass = G_OBJECT_GET_CLASS (self);

  g_return_if_fail (kind_of (source) == kind);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass,
                                                        ct_field_get_property_name (&kind->fields[i]));

      if (store_value (ct_record_peek_value (self, i), ct_record_peek_value (source, i), pspec))
        g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }
  ct_record_set_saved (self, ct_record_get_id (source), ct_record_get_version (source),
                       ct_record_get_created_at (source), ct_record_get_updated_at (source));
  g_object_thaw_notify (G_OBJECT (self));
}

CtRecord *
ct_record_dup (CtRecord *self)
{
  CtRecord *copy;

  g_return_val_if_fail (CT_IS_RECORD (self), NULL);

  copy = ct_record_new (kind_of (self));
  ct_record_assign (copy, self);
  return copy;
}

void
ct_record_get_value (CtRecord      *self,
                     const CtField *field,
                     GValue        *value)
{
  g_return_if_fail (CT_IS_RECORD (self));

  g_value_init (value, gtype_of_field (field));
  g_value_copy (ct_record_peek_field (self, field), value);
}

void
ct_record_set_value (CtRecord      *self,
                     const CtField *field,
                     const GValue  *value)
{
  g_return_if_fail (CT_IS_RECORD (self));
  g_return_if_fail (!(field->flags & CT_FIELD_DISPLAY));

  g_object_set_property (G_OBJECT (self), ct_field_get_property_name (field), value);
}

/* Text */

static char *
format_real (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

char *
ct_record_get_string (CtRecord      *self,
                      const CtField *field)
{
  const GValue *value;

  g_return_val_if_fail (CT_IS_RECORD (self), NULL);

  value = ct_record_peek_field (self, field);
  switch (field->type)
    {
    case CT_FIELD_INTEGER:
      return g_value_get_int (value) == CT_RECORD_NO_NUMBER
             ? NULL : g_strdup_printf ("%d", g_value_get_int (value));
    case CT_FIELD_REAL:
      return g_value_get_double (value) == CT_RECORD_NO_NUMBER
             ? NULL : format_real (g_value_get_double (value));
    case CT_FIELD_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? "yes" : "no");
    case CT_FIELD_ENUM_LIST:
      {
        const char * const *words = g_value_get_boxed (value);
        return words != NULL && words[0] != NULL ? g_strjoinv (";", (char **) words) : NULL;
      }
    case CT_FIELD_REFERENCE:
      return g_value_get_int64 (value) == 0
             ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    case CT_FIELD_TEXT:
    case CT_FIELD_DATE:
    case CT_FIELD_ENUM:
    default:
      return g_value_dup_string (value);
    }
}

/* "a; b;;a" → { "a", "b" }: trimmed, no empty words, no repeats. */
static GStrv
split_words (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *word = g_strstrip (parts[i]);

      if (*word != '\0' && g_hash_table_add (seen, word))
        g_strv_builder_add (builder, word);
    }
  return g_strv_builder_end (builder);
}

static gboolean
parse_number (CtRecord       *self,
              const CtField  *field,
              const char     *text,
              GValue         *value,
              GError        **error)
{
  gint64 whole;
  char *end = NULL;
  double real;

  if (field->type == CT_FIELD_REAL)
    {
      real = g_ascii_strtod (text, &end);
      if (*end == '\0' && end != text && isfinite (real) && real >= 0)
        {
          g_value_set_double (value, real);
          return TRUE;
        }
      return ct_record_fail (self, field, error, CT_DATABASE_ERROR_INVALID,
                             _("enter a number, such as 6.5."));
    }

  if (g_ascii_string_to_signed (text, 10, field->type == CT_FIELD_REFERENCE ? 1 : 0,
                                field->type == CT_FIELD_REFERENCE ? G_MAXINT64 : G_MAXINT,
                                &whole, NULL) && g_ascii_isdigit (*text))
    {
      if (field->type == CT_FIELD_REFERENCE)
        g_value_set_int64 (value, whole);
      else
        g_value_set_int (value, (int) whole);
      return TRUE;
    }
  return ct_record_fail (self, field, error, CT_DATABASE_ERROR_INVALID,
                         field->type == CT_FIELD_REFERENCE
                         ? _("enter the id of a record, a whole number.")
                         : _("enter a whole number of 0 or more, such as 60."));
}

static gboolean
parse_boolean (CtRecord       *self,
               const CtField  *field,
               const char     *text,
               GValue         *value,
               GError        **error)
{
  if (g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "no") == 0)
    {
      g_value_set_boolean (value, g_ascii_strcasecmp (text, "yes") == 0);
      return TRUE;
    }
  return ct_record_fail (self, field, error, CT_DATABASE_ERROR_INVALID,
                         _("enter “yes” or “no”."));
}

/* Parses trimmed, non-empty @text into @value, of the field's type. */
static gboolean
parse_into (CtRecord       *self,
            const CtField  *field,
            const char     *text,
            GValue         *value,
            GError        **error)
{
  switch (field->type)
    {
    case CT_FIELD_INTEGER:
    case CT_FIELD_REAL:
    case CT_FIELD_REFERENCE:
      return parse_number (self, field, text, value, error);
    case CT_FIELD_BOOLEAN:
      return parse_boolean (self, field, text, value, error);
    case CT_FIELD_ENUM_LIST:
      g_value_take_boxed (value, split_words (text));
      return TRUE;
    case CT_FIELD_TEXT:
    case CT_FIELD_DATE:
    case CT_FIELD_ENUM:
    default:
      g_value_set_string (value, text);
      return TRUE;
    }
}

gboolean
ct_record_set_string (CtRecord       *self,
                      const CtField  *field,
                      const char     *text,
                      GError        **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (CT_IS_RECORD (self), FALSE);
  g_return_val_if_fail (!(field->flags & CT_FIELD_DISPLAY), FALSE);

  init_empty_value (field, &value);
  if (*trimmed != '\0' && !parse_into (self, field, trimmed, &value, error))
    return FALSE;

  ct_record_set_value (self, field, &value);
  return TRUE;
}

static const CtField *
find_field (CtRecord   *self,
            const char *name)
{
  const CtField *field = ct_kind_find_field (kind_of (self), name);

  if (field == NULL)
    g_critical ("A %s has no field called %s", kind_of (self)->name, name);
  return field;
}

char *
ct_record_get_string_by_name (CtRecord   *self,
                              const char *name)
{
  const CtField *field;

  g_return_val_if_fail (CT_IS_RECORD (self), NULL);

  field = find_field (self, name);
  return field != NULL ? ct_record_get_string (self, field) : NULL;
}

gboolean
ct_record_set_string_by_name (CtRecord    *self,
                              const char  *name,
                              const char  *text,
                              GError     **error)
{
  const CtField *field;

  g_return_val_if_fail (CT_IS_RECORD (self), FALSE);

  field = find_field (self, name);
  return field != NULL && ct_record_set_string (self, field, text, error);
}

gint64
ct_record_get_reference (CtRecord   *self,
                         const char *name)
{
  const CtField *field;

  g_return_val_if_fail (CT_IS_RECORD (self), 0);

  field = find_field (self, name);
  g_return_val_if_fail (field != NULL && field->type == CT_FIELD_REFERENCE, 0);

  return g_value_get_int64 (ct_record_peek_field (self, field));
}

void
ct_record_set_reference (CtRecord   *self,
                         const char *name,
                         gint64      id)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const CtField *field;

  g_return_if_fail (CT_IS_RECORD (self));

  field = find_field (self, name);
  g_return_if_fail (field != NULL && field->type == CT_FIELD_REFERENCE);

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, id);
  ct_record_set_value (self, field, &value);
}

/* Errors */

const CtField *
ct_record_get_invalid_field (CtRecord *self)
{
  CtRecordPrivate *priv = ct_record_get_instance_private (self);

  g_return_val_if_fail (CT_IS_RECORD (self), NULL);

  return priv->invalid_field;
}

void
ct_record_clear_invalid (CtRecord *self)
{
  CtRecordPrivate *priv = ct_record_get_instance_private (self);

  priv->invalid_field = NULL;
}

static gboolean
fail_valist (CtRecord        *self,
             const CtField   *field,
             GError         **error,
             CtDatabaseError  code,
             const char      *format,
             va_list          args) G_GNUC_PRINTF (5, 0);

static gboolean
fail_valist (CtRecord        *self,
             const CtField   *field,
             GError         **error,
             CtDatabaseError  code,
             const char      *format,
             va_list          args)
{
  CtRecordPrivate *priv = ct_record_get_instance_private (self);
  g_autofree char *detail = g_strdup_vprintf (format, args);

  priv->invalid_field = field;
  /* TRANSLATORS: a field's label, then what is wrong with it and how to fix
   * it, e.g. "Date of birth: enter a real date as YYYY-MM-DD." */
  g_set_error (error, CT_DATABASE_ERROR, code, _("%s: %s"), ct_field_get_label (field), detail);
  return FALSE;
}

gboolean
ct_record_fail (CtRecord        *self,
                const CtField   *field,
                GError         **error,
                CtDatabaseError  code,
                const char      *format,
                ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (self, field, error, code, format, args);
  va_end (args);
  return FALSE;
}

gboolean
ct_record_invalid (CtRecord    *self,
                   const char  *field_name,
                   GError     **error,
                   const char  *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (self, find_field (self, field_name), error, CT_DATABASE_ERROR_INVALID,
               format, args);
  va_end (args);
  return FALSE;
}
