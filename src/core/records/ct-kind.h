/* ct-kind.h: the record kinds of DOMAIN.md and their fields, as data
 *
 * One descriptor table per kind drives the GObject properties, the SQL, the
 * validation and (for other layers) CSV columns and editor widgets, so code
 * that walks the fields never needs to know which kind it holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CtKind  CtKind;
typedef struct _CtField CtField;

/**
 * CtFieldType:
 * @CT_FIELD_TEXT: free text; property type string (NULL: empty)
 * @CT_FIELD_DATE: a calendar date `YYYY-MM-DD`; string
 * @CT_FIELD_INTEGER: a whole number; gint, #CT_RECORD_NO_NUMBER when empty
 * @CT_FIELD_REAL: a number; gdouble, #CT_RECORD_NO_NUMBER when empty
 * @CT_FIELD_BOOLEAN: gboolean; `yes` / `no` as text
 * @CT_FIELD_ENUM: one enumeration word; string
 * @CT_FIELD_ENUM_LIST: one or more words (topics, audience); GStrv, `;` as text
 * @CT_FIELD_REFERENCE: the id of another record; gint64, 0 when none
 */
typedef enum
{
  CT_FIELD_TEXT,
  CT_FIELD_DATE,
  CT_FIELD_INTEGER,
  CT_FIELD_REAL,
  CT_FIELD_BOOLEAN,
  CT_FIELD_ENUM,
  CT_FIELD_ENUM_LIST,
  CT_FIELD_REFERENCE,
} CtFieldType;

/* Kinds, in dependency order (a kind comes after the kinds it refers to):
 * staff, child, referral, consultation, reflective_practice, goal,
 * goal_rating, training_event, training_attendance, sdq_score. */
const CtKind   *ct_kind_get_nth              (guint           index);
guint           ct_kind_get_n_kinds          (void);
/* By kind name ("consultation") or CLI word ("consultations"); NULL when unknown. */
const CtKind   *ct_kind_lookup               (const char     *name);
const CtKind   *ct_kind_for_type             (GType           record_type);

/* The kind name: the table, and the record_kind of the audit trail. */
const char     *ct_kind_get_name             (const CtKind   *kind);
/* The CLI / CSV word of DOMAIN.md ("reflective-practice"); "staff" for staff. */
const char     *ct_kind_get_cli_word         (const CtKind   *kind);
/* Translated: "Consultation". */
const char     *ct_kind_get_label            (const CtKind   *kind);
GType           ct_kind_get_record_type      (const CtKind   *kind);

/* Fields in DOMAIN.md order, then the read-only display fields. */
guint           ct_kind_get_n_fields         (const CtKind   *kind);
const CtField  *ct_kind_get_field            (const CtKind   *kind,
                                              guint           index);
const CtField  *ct_kind_find_field           (const CtKind   *kind,
                                              const char     *name);
/* The date that lists are filtered and sorted on, or NULL (child, staff, goal). */
const CtField  *ct_kind_get_date_field       (const CtKind   *kind);

/* The DOMAIN.md name: "date_of_birth", "clinician" (a reference). */
const char     *ct_field_get_name            (const CtField  *field);
/* The GObject property: "date-of-birth", "clinician-id" for a reference. */
const char     *ct_field_get_property_name   (const CtField  *field);
/* Translated, for a column title or an editor row: "Date of birth". */
const char     *ct_field_get_label           (const CtField  *field);
CtFieldType     ct_field_get_value_type      (const CtField  *field);
gboolean        ct_field_is_required         (const CtField  *field);
/* Display fields are filled when records are read (e.g. "clinician_name",
 * "child_reference") and never written. */
gboolean        ct_field_is_display          (const CtField  *field);
/* Clinical notes: never in the audit trail, a log or a summary. */
gboolean        ct_field_is_sensitive        (const CtField  *field);
/* References: the kind referred to; NULL for other fields. */
const CtKind   *ct_field_get_reference_kind  (const CtField  *field);
/* Numbers: the allowed range and the step (1, or 0.5 for half points). */
void            ct_field_get_range           (const CtField  *field,
                                              double         *minimum,
                                              double         *maximum,
                                              double         *step);

/* Enumerations (and enumeration lists): the words in DOMAIN.md order,
 * NULL-terminated; NULL for other fields. */
const char * const *ct_enum_words            (const CtField  *field);
/* The translated label of @word, or @word itself when it is not one. */
const char     *ct_enum_label                (const CtField  *field,
                                              const char     *word);
gboolean        ct_enum_contains             (const CtField  *field,
                                              const char     *word);

G_END_DECLS
