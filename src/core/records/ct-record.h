/* ct-record.h: the base class of every record
 *
 * A record's properties come from its kind's field table (ct-kind.h): the
 * property names are the field names with '-' ("date-of-birth"), a
 * reference is an id ("clinician-id"), and display fields ("clinician-name")
 * are read-only and filled when the record is read from the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ct-kind.h"

G_BEGIN_DECLS

/* The value of an empty number (integer or real) field. */
#define CT_RECORD_NO_NUMBER (-1)

#define CT_TYPE_RECORD (ct_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (CtRecord, ct_record, CT, RECORD, GObject)

struct _CtRecordClass
{
  GObjectClass  parent_class;

  /*< private >*/
  const CtKind *kind;
  gpointer      padding[4];
};

/* A new, unsaved record (id 0) of @kind, with the fields' defaults. */
CtRecord       *ct_record_new                (const CtKind    *kind);
/* A copy with the same id, e.g. for an editor to change and then save. */
CtRecord       *ct_record_dup                (CtRecord        *self);

const CtKind   *ct_record_get_kind           (CtRecord        *self);
/* 0 until the record is saved. */
gint64          ct_record_get_id             (CtRecord        *self);
/* The version of the record that was read (0 until saved): each save
 * counts it up, and a save or a delete of a record read at an older
 * version fails with CT_DATABASE_ERROR_STALE (ct-store.h). */
gint64          ct_record_get_version        (CtRecord        *self);
/* UTC, ISO 8601 ("2024-05-01T09:30:00Z"); NULL until saved. */
const char     *ct_record_get_created_at     (CtRecord        *self);
const char     *ct_record_get_updated_at     (CtRecord        *self);

/* Generic access by field. get_value initialises @value to the property's
 * type. */
void            ct_record_get_value          (CtRecord        *self,
                                              const CtField   *field,
                                              GValue          *value);
void            ct_record_set_value          (CtRecord        *self,
                                              const CtField   *field,
                                              const GValue    *value);

/* The field as text, as in a CSV cell: dates as YYYY-MM-DD, numbers with a
 * '.', booleans as yes/no, word lists joined with ';', references as ids.
 * NULL when the field is empty. */
char           *ct_record_get_string         (CtRecord        *self,
                                              const CtField   *field);
/* The inverse. Text is trimmed; NULL or "" empties the field. Fails with
 * CT_DATABASE_ERROR_INVALID, naming the field, when the text is not a
 * number / yes or no / an id. Words and dates are checked by
 * ct_record_validate(), not here. Display fields cannot be set. */
gboolean        ct_record_set_string         (CtRecord        *self,
                                              const CtField   *field,
                                              const char      *text,
                                              GError         **error);

/* Shorthand for the same by field name; the name must exist. */
char           *ct_record_get_string_by_name (CtRecord        *self,
                                              const char      *name);
gboolean        ct_record_set_string_by_name (CtRecord        *self,
                                              const char      *name,
                                              const char      *text,
                                              GError         **error);

/* Typed shorthand for ids: references and display ids such as a goal
 * rating's "referral_id". */
gint64          ct_record_get_reference      (CtRecord        *self,
                                              const char      *name);
void            ct_record_set_reference      (CtRecord        *self,
                                              const char      *name,
                                              gint64           id);

/* After ct_record_validate() or a store write failed with INVALID or
 * CONFLICT: the field at fault (for an editor to highlight, for the CSV
 * import to name the column), else NULL. */
const CtField  *ct_record_get_invalid_field  (CtRecord        *self);

G_END_DECLS
