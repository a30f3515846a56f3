/* ct-store-batch.h: many new records of one kind, written at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

/* Inserts @records (new records of one kind, each already validated with
 * ct_record_validate()) with what ct_store_insert() writes for each: its
 * row, its word lists and a "create" audit entry that describes it as
 * stored. All or nothing, in the caller's transaction if one is open.
 * Unlike ct_store_insert(), the records are not read back. A row that
 * breaks a rule of the database fails the lot, without saying which row:
 * the caller saves them one by one to find it. */
gboolean    ct_store_insert_all (CtDatabase  *db,
                                 GPtrArray   *records,
                                 GError     **error);

G_END_DECLS
