/* ct-kind-private.h: the descriptor structures, for the kind tables and the
 * core code that walks them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

#define CT_ENUM_MAX_WORDS 15
#define CT_NO_MAXIMUM     G_MAXINT

/* A kind's count, "%u referral" / "%u referrals", in its initialiser. One
 * plural message for xgettext (po/meson.build: --keyword=CT_KIND_PLURAL:1,2),
 * so that a language with more than two plural forms gets them all. */
#define CT_KIND_PLURAL(one, many) .plural_one = (one), .plural_many = (many)

/* Words and their labels (N_()), side by side, NULL-terminated. */
typedef struct
{
  const char *words[CT_ENUM_MAX_WORDS + 1];
  const char *labels[CT_ENUM_MAX_WORDS + 1];
} CtEnum;

typedef enum
{
  CT_FIELD_REQUIRED    = 1 << 0,
  CT_FIELD_DISPLAY     = 1 << 1,  /* read-only, from a JOIN */
  CT_FIELD_SENSITIVE   = 1 << 2,  /* clinical notes */
  CT_FIELD_NOT_FUTURE  = 1 << 3,  /* a date no later than today */
  CT_FIELD_HALF_POINTS = 1 << 4,  /* a real in whole or half points */
  CT_FIELD_IDENTIFIER  = 1 << 5,  /* a reference, code or name: no invisible characters */
  /* clinical free text: a team server never returns it to an administrator */
  CT_FIELD_CLINICAL_TEXT = 1 << 6,
} CtFieldFlags;

struct _CtField
{
  const char   *name;
  const char   *label;        /* N_() */
  CtFieldType   type;
  CtFieldFlags  flags;
  /* The column of the kind's table ("t") when it is not @name; for a
   * display field an SQL expression over the kind's joins. A word list's
   * column holds its words joined in byte order ("risk;transitions"),
   * kept by the store's triggers from the rows of @side_table. */
  const char   *column;
  const CtEnum *words;        /* enums and word lists */
  const char   *reference;    /* references: the kind name referred to */
  const char   *side_table;   /* word lists: the table of one row per word, */
  const char   *side_key;     /* its column of the record's id */
  const char   *side_column;  /* and of the word */
  double        minimum;      /* numbers */
  double        maximum;
  const char   *not_before;   /* dates: a date field this one may not precede */
  const char   *default_text; /* the value of a new record, as text */
};

/* A unique key: the first field is the one blamed. @message (N_()) takes the
 * label and the blamed field's value as text. */
typedef struct
{
  const char *fields[3];
  const char *condition;      /* extra SQL on the existing row, or NULL */
  const char *message;
} CtUnique;

/* Rules between fields, after each field passed its own checks. */
typedef gboolean (*CtKindCheck) (CtRecord  *record,
                                 GError   **error);
/* Rules against other records in the store, after references and unique
 * keys were checked. */
typedef gboolean (*CtKindStoreCheck) (CtRecord    *record,
                                      CtDatabase  *db,
                                      GError     **error);

struct _CtKind
{
  const char      *name;          /* = table name = audit record_kind */
  const char      *cli_word;
  const char      *label;         /* N_() */
  const char      *plural_one;    /* CT_KIND_PLURAL() */
  const char      *plural_many;
  const char      *this_record;   /* N_() "this child", for messages */
  GType          (*get_type) (void);
  const CtField   *fields;
  guint            n_fields;
  const char      *joins;         /* SQL after "FROM table t" */
  /* SQL. "+t.date": a unary plus keeps SQLite from walking the date index
   * row by row through the (encrypted) table for a whole list: one scan and
   * a sort in memory is many times faster. */
  const char      *order_by;
  const char      *describe[3];   /* fields shown in an audit description */
  const CtUnique  *unique;        /* NULL-terminated by .fields[0] == NULL */
  CtKindCheck      check;
  CtKindStoreCheck check_stored;
  /* Fields the filter criteria apply to (names, display fields allowed). */
  const char      *date_field;
  const char      *staff_field;
  const char      *child_field;
  const char      *referral_field;
  const char      *goal_field;
  const char      *event_field;
  const char      *status_field;
};

/* The column of a stored field (its name unless the table says otherwise). */
static inline const char *
ct_field_column (const CtField *field)
{
  return field->column != NULL ? field->column : field->name;
}

/* The index of @field in its kind's table. */
guint           ct_field_get_index          (const CtKind   *kind,
                                             const CtField  *field);
/* The column's SQL in a select of its kind's table ("t"), e.g. "t.date"
 * or "c.reference"; with @hide_clinical_text, clinical free text reads as
 * NULL. */
char           *ct_field_dup_select_sql     (const CtField  *field,
                                             gboolean        hide_clinical_text);

/* Installs the properties of @kind on a record class. */
void            ct_record_class_set_kind    (CtRecordClass  *klass,
                                             const CtKind   *kind);

G_END_DECLS
