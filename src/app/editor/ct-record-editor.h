/* ct-record-editor.h: the dialog that creates or edits one record of any
 * kind, with a row per field of the kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"
#include "ct-kind.h"
#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_RECORD_EDITOR (ct_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (CtRecordEditor, ct_record_editor, CT, RECORD_EDITOR, AdwWindow)

/* A modal dialog over @parent. @record NULL: a new record of @kind, with
 * defaults (today's date, the signed-in staff member, ...); a record never
 * saved (id 0): a new record, with the fields set in it over the defaults
 * (a goal rating of a chosen goal, say); else a copy of @record is edited
 * and saved with ct_store_update(). Present it with gtk_window_present().
 * It emits CtRecordEditor::saved with the record as written, then closes. */
CtRecordEditor *ct_record_editor_new             (GtkWindow       *parent,
                                                  CtDatabase      *database,
                                                  const CtKind    *kind,
                                                  CtRecord        *record);

/* The editor of the record that @draft (from ct_record_editor_save_draft())
 * was taken from, with the draft restored: new, or the record read again
 * on the store's reader. Its finish gives NULL with
 * CT_DATABASE_ERROR_NOT_FOUND when the record was deleted. */
void            ct_record_editor_new_for_draft_async  (GtkWindow           *parent,
                                                       CtDatabase          *database,
                                                       GVariant            *draft,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
CtRecordEditor *ct_record_editor_new_for_draft_finish (GAsyncResult        *result,
                                                       GError             **error);

/* Whether the editor is still reading: what a new record starts with (the
 * signed-in staff member, the first time), whether the person may change
 * the record opened, or whether the form as typed agrees with the records
 * (a reference not taken, a chosen record not deleted, the person's own
 * work). */
gboolean        ct_record_editor_is_reading      (CtRecordEditor  *self);
const CtKind   *ct_record_editor_get_kind        (CtRecordEditor  *self);

/* Whether any value differs from the values the editor opened with. */
gboolean        ct_record_editor_has_changes     (CtRecordEditor  *self);

/* The form as typed, for keeping across a lock: a variant of type
 * CT_RECORD_EDITOR_DRAFT_TYPE (kind name, record id or 0 when new, field
 * name → text of the fields that are not empty), a full reference. It
 * holds clinical text: store it only encrypted. */
#define CT_RECORD_EDITOR_DRAFT_TYPE ((const GVariantType *) "(sxa{ss})")
GVariant       *ct_record_editor_save_draft      (CtRecordEditor  *self);
/* Fills the form from @draft. FALSE (and nothing changed) when @draft is
 * not of this editor's kind and record. */
gboolean        ct_record_editor_restore_draft   (CtRecordEditor  *self,
                                                  GVariant        *draft);

G_END_DECLS
