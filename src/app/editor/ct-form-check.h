/* ct-form-check.h: checking an editor's record against the records, on
 * the store's reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

/* Checks a copy of @record, valid on its own (ct_record_validate() without
 * a database), against what the store holds: that the records it refers
 * to exist, that no other record has its unique values, what else its
 * kind asks of the records (an attendance's event held), and that the
 * person may save it. On the store's reader: a typed letter never waits
 * for the store. */
void      ct_form_check_async  (CtDatabase           *database,
                                CtRecord             *record,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
/* Whether the person may change @record, a saved record (on a team
 * server: their role, and whose record it is, which for a goal or a
 * rating is found through its episode), on the store's reader. */
void      ct_form_check_may_change_async (CtDatabase           *database,
                                          CtRecord             *record,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* For either check: TRUE when the record passed; else FALSE with @error, and *@checked the
 * copy checked (ct_record_get_invalid_field() names the field at fault),
 * or NULL when the check could not run (the read was cancelled, say). */
gboolean  ct_form_check_finish (CtDatabase           *database,
                                GAsyncResult         *result,
                                CtRecord            **checked,
                                GError              **error);

G_END_DECLS
