/* ct-csv-columns.h: the CSV columns of each record kind
 *
 * A kind's columns are its fields in DOMAIN.md order (display fields left
 * out), except that a reference is written as the key a person knows the
 * record by: a child as child_reference, a staff member by name (clinician,
 * facilitator), a referral as child_reference and referral_date, a goal as
 * those and its number, a training event as event_code. Shared by the
 * import and the export, so both always agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

typedef struct _CtCsvColumn CtCsvColumn;

guint               ct_csv_columns_get_n       (const CtKind       *kind);
const CtCsvColumn  *ct_csv_columns_get_nth     (const CtKind       *kind,
                                                guint               index);
/* The column called @name, or NULL. */
const CtCsvColumn  *ct_csv_columns_find        (const CtKind       *kind,
                                                const char         *name);
/* The column that holds @field (a reference's first key column), or NULL. */
const CtCsvColumn  *ct_csv_columns_for_field   (const CtKind       *kind,
                                                const CtField      *field);
/* "reference, name, date_of_birth, gender?, ...": for messages and --help. */
char               *ct_csv_columns_dup_summary (const CtKind       *kind);

const char         *ct_csv_column_get_name     (const CtCsvColumn  *column);
const CtField      *ct_csv_column_get_field    (const CtCsvColumn  *column);
guint               ct_csv_column_get_index    (const CtCsvColumn  *column);
gboolean            ct_csv_column_is_required  (const CtCsvColumn  *column);

/* The cell of @column for @record (export); NULL when empty. */
char               *ct_csv_column_dup_cell     (const CtCsvColumn  *column,
                                                CtRecord           *record);

/* Fills a new @record from one row (import). @cells holds one cell per
 * column of the kind, by column index; NULL for a column the file does not
 * have. References are looked up in @db; staff members are created when
 * new. On failure, *blamed is the column at fault (or NULL) and the error
 * is the record's or the look-up's. */
gboolean            ct_csv_columns_read_row    (CtRecord           *record,
                                                CtDatabase         *db,
                                                const char * const *cells,
                                                const CtCsvColumn **blamed,
                                                GError            **error);

/* "120 consultations" (translated, with the right plural). */
char               *ct_csv_dup_count_text      (const CtKind       *kind,
                                                guint               count);

G_END_DECLS
