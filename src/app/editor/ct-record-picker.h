/* ct-record-picker.h: a popover that finds one record as you type
 * (reference, name, date of birth ...), for the editor's reference rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-record.h"
#include "ct-search-filter.h"

G_BEGIN_DECLS

#define CT_TYPE_RECORD_PICKER (ct_record_picker_get_type ())
G_DECLARE_FINAL_TYPE (CtRecordPicker, ct_record_picker, CT, RECORD_PICKER, GtkPopover)

/* Lists nothing until ct_record_picker_set_records(). With @can_clear, a
 * "Clear" button picks no record. ::picked (CtRecord *record, or NULL for
 * none) when a record is chosen by a click, Enter or the button. */
CtRecordPicker *ct_record_picker_new          (const CtKind   *kind,
                                               gboolean        can_clear);
/* Records of the kind (a new reference is taken); their text for the
 * search is built in idle time. */
void            ct_record_picker_set_records  (CtRecordPicker *self,
                                               GListModel     *records);
GListModel     *ct_record_picker_get_shown    (CtRecordPicker *self);
/* Shows the search text, as typed. */
void            ct_record_picker_search       (CtRecordPicker *self,
                                               const char     *text);

/* The filter the picker searches @kind's records with: the fields of
 * ct_record_picker_dup_label(). */
CtSearchFilter *ct_record_picker_new_filter   (const CtKind   *kind);
/* "TEST-0001 — Robin T. — 3 Mar 2015": what names a record in a picker. */
char           *ct_record_picker_dup_label    (CtRecord       *record);

G_END_DECLS
