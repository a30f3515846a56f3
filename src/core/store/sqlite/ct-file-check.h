/* ct-file-check.h: the records file's integrity check, after unlock
 *
 * Unlocking is key derivation and reading the schema; the integrity check
 * (PRAGMA quick_check, every page read) runs afterwards on a connection of
 * its own in a thread, so that the window never waits for it. Its result
 * goes to the audit trail and, through CtFileCheck's state, to the window.
 * `clinical-team check` still runs the full check (ct_database_check_integrity()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

typedef enum
{
  CT_FILE_CHECK_RUNNING,
  CT_FILE_CHECK_PASSED,
  CT_FILE_CHECK_FAILED,
} CtFileCheckState;

#define CT_TYPE_FILE_CHECK (ct_file_check_get_type ())
G_DECLARE_FINAL_TYPE (CtFileCheck, ct_file_check, CT, FILE_CHECK, GObject)

/* Starts the check of @db's file, opened with @passphrase (copied, and
 * wiped once the check's connection is keyed), and keeps it on @db. May be
 * called from the thread that opened @db; the result arrives in the
 * default main context, where it is written to @db's audit trail (unless
 * @db was closed by then) and "state" changes. Nothing happens for a store
 * that is not a file. */
void              ct_file_check_start       (CtDatabase   *db,
                                             const char   *passphrase);
/* The check started on @db, or NULL. */
CtFileCheck      *ct_file_check_get         (CtDatabase   *db);
CtFileCheckState  ct_file_check_get_state   (CtFileCheck  *self);
/* Why it failed (a sentence for the person), or NULL. */
const char       *ct_file_check_get_message (CtFileCheck  *self);

G_END_DECLS
