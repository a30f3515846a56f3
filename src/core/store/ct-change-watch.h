/* ct-change-watch.h: noticing what someone else changed in the records
 *
 * A store tells one connection nothing of another's commits by itself. The
 * watch asks the store every few seconds for its count of changes made
 * elsewhere (the file: PRAGMA data_version, which reads no page; the team
 * server: the notifications its triggers send on every commit to records)
 * and, when it has moved, emits the database's "changed" signal (with the
 * detail "elsewhere"), so that the lists and pages read their records again. The app's own writes already emit
 * "changed" and do not move the count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

typedef struct _CtChangeWatch CtChangeWatch;

/* Watches @db (a weak reference) every @interval_ms milliseconds on the
 * thread-default main context. */
CtChangeWatch *ct_change_watch_new   (CtDatabase     *db,
                                      guint           interval_ms);
void           ct_change_watch_free  (CtChangeWatch  *watch);

/* Checks once, now: TRUE when another connection changed the records since
 * the last check (and "changed" was emitted). */
gboolean       ct_change_watch_check (CtChangeWatch  *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtChangeWatch, ct_change_watch_free)

G_END_DECLS
