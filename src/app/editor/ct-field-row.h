/* ct-field-row.h: one editor row per record field, built from the field's
 * descriptor (ct-kind.h)
 *
 * Every row reads and writes its value as text in the form of
 * ct_record_get_string() / ct_record_set_string() (dates YYYY-MM-DD, words,
 * "a;b" lists, ids, yes/no), so that the editor needs no code per type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"
#include "ct-kind.h"

G_BEGIN_DECLS

#define CT_TYPE_FIELD_ROW (ct_field_row_get_type ())
G_DECLARE_INTERFACE (CtFieldRow, ct_field_row, CT, FIELD_ROW, AdwPreferencesRow)

struct _CtFieldRowInterface
{
  GTypeInterface parent_iface;

  /* The value as text, NULL when empty. */
  char  *(*dup_text) (CtFieldRow *self);
  /* Shows @text (NULL or "": empty); text that is not a value of the field
   * leaves the row empty. */
  void   (*set_text) (CtFieldRow *self,
                      const char *text);
};

/* The row for @field (not a display field); reference rows list the
 * records of @database. */
GtkWidget     *ct_field_row_new        (const CtField *field,
                                        CtDatabase    *database);

const CtField *ct_field_row_get_field  (CtFieldRow    *self);
char          *ct_field_row_dup_text   (CtFieldRow    *self);
void           ct_field_row_set_text   (CtFieldRow    *self,
                                        const char    *text);
/* The widget that takes the keyboard focus and carries the field's
 * accessible label. */
GtkWidget     *ct_field_row_get_input  (CtFieldRow    *self);

/* For the row classes: called once from their constructor. Sets the title
 * (marked when the field is required) and the accessible label and state
 * of @input. */
void           ct_field_row_set_up     (CtFieldRow    *self,
                                        const CtField *field,
                                        GtkWidget     *input);
/* For the row classes: emits CtFieldRow::value-changed. */
void           ct_field_row_changed    (CtFieldRow    *self);

/* After a choice made with the keyboard: moves the focus to the next field
 * that is still empty (else the next field), once the popover that made
 * the choice has given the focus back (in idle time). */
void           ct_field_row_focus_next_empty (CtFieldRow    *self);

G_END_DECLS
