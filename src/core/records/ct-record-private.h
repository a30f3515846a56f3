/* ct-record-private.h: what the store and the rules need of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"
#include "ct-kind-private.h"

G_BEGIN_DECLS

/* The storage of field @index (display fields included): a GValue of the
 * field's type. Writing it directly sends no notification. */
GValue     *ct_record_peek_value        (CtRecord       *self,
                                         guint           index);
/* The same, by field. */
GValue     *ct_record_peek_field        (CtRecord       *self,
                                         const CtField  *field);
void        ct_record_set_saved         (CtRecord       *self,
                                         gint64          id,
                                         gint64          version,
                                         const char     *created_at,
                                         const char     *updated_at);
/* Copies every value of @source (same kind) into @self, notifying the
 * properties that change. */
void        ct_record_assign            (CtRecord       *self,
                                         CtRecord       *source);

/* Fails with @code and the message "<field label>: <detail>", and marks
 * @field as the record's invalid field. Returns FALSE. */
gboolean    ct_record_fail              (CtRecord       *self,
                                         const CtField  *field,
                                         GError        **error,
                                         CtDatabaseError code,
                                         const char     *format,
                                         ...) G_GNUC_PRINTF (5, 6);
/* The same with CT_DATABASE_ERROR_INVALID and the field found by name. */
gboolean    ct_record_invalid           (CtRecord       *self,
                                         const char     *field_name,
                                         GError        **error,
                                         const char     *format,
                                         ...) G_GNUC_PRINTF (4, 5);
void        ct_record_clear_invalid     (CtRecord       *self);

G_END_DECLS
