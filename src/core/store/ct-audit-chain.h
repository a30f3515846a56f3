/* ct-audit-chain.h: a tamper-evident audit trail
 *
 * Each audit entry carries a SHA-256 hash over a canonical serialisation
 * of the entry and the hash of the entry before it, so that deleting,
 * changing or inserting an entry (say, with the triggers dropped) breaks
 * the chain at the next entry, which `check` names. Entries written before
 * the chain began have no hash and are not judged. The chain cannot show
 * that the newest entries were cut off, nor stop someone who rewrites
 * every hash after a change: for that, the team server keeps the trail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* The schema version that gave audit entries their hash column. */
#define CT_AUDIT_CHAIN_SCHEMA_VERSION 5

/* The schema version that gave audit entries the child they are about;
 * an entry with a child has it in its hash too. */
#define CT_AUDIT_CHILD_SCHEMA_VERSION 8

/* The hash of an entry (hex) after @previous (NULL or "": the first).
 * @child_id 0: no child. */
char        *ct_audit_chain_hash     (const char  *previous,
                                      const char  *at,
                                      const char  *who,
                                      const char  *action,
                                      const char  *record_kind,
                                      gint64       record_id,
                                      gint64       child_id,
                                      const char  *description);

/* The hash of the newest entry, "" when there is none or it has no hash;
 * NULL on error. */
char        *ct_audit_chain_dup_head (CtDatabase  *db,
                                      GError     **error);

/* Checks every entry of the chain; on a broken one, fails with
 * CT_DATABASE_ERROR_CORRUPT naming it (its id and time). TRUE at once on a
 * store whose trail is not chained (a team server, an older file). */
gboolean     ct_audit_chain_verify   (CtDatabase  *db,
                                      GError     **error);

G_END_DECLS
