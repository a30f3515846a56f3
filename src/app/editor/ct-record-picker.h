/* ct-record-picker.h: a popover that finds one record as you type
 * (reference, name, date of birth ...), for the editor's reference rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_RECORD_PICKER (ct_record_picker_get_type ())
G_DECLARE_FINAL_TYPE (CtRecordPicker, ct_record_picker, CT, RECORD_PICKER, GtkPopover)

/* Reads @kind's records from @database's reader, a page at a time, and
 * searches them there as the person types. With @can_clear, a "Clear"
 * button picks no record. ::picked (CtRecord *record, or NULL for none)
 * when a record is chosen by a click, Enter or the button. */
CtRecordPicker *ct_record_picker_new          (CtDatabase     *database,
                                               const CtKind   *kind,
                                               gboolean        can_clear);
/* The rows shown: every record, or those the search found. */
GListModel     *ct_record_picker_get_shown    (CtRecordPicker *self);
/* Whether rows are being read ("reading" is notified). */
gboolean        ct_record_picker_is_reading   (CtRecordPicker *self);
/* Whether the kind has any record, once read. */
gboolean        ct_record_picker_has_records  (CtRecordPicker *self);
/* Reads every record again (one was added). */
void            ct_record_picker_reload       (CtRecordPicker *self);
/* Shows the search text, as typed. */
void            ct_record_picker_search       (CtRecordPicker *self,
                                               const char     *text);

/* The fields that name a record of @kind in a picker, and that it
 * searches: at most CT_RECORD_PICKER_MAX_FIELDS of them, put in @fields
 * with a NULL after them; their number. */
#define CT_RECORD_PICKER_MAX_FIELDS 4
guint           ct_record_picker_get_label_fields (const CtKind   *kind,
                                                   const CtField **fields);
/* "TEST-0001 — Robin T. — 3 Mar 2015": what names a record in a picker. */
char           *ct_record_picker_dup_label    (CtRecord       *record);

G_END_DECLS
