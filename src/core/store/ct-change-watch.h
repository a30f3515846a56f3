/* ct-change-watch.h: noticing what another process changed in the file
 *
 * SQLite tells one connection nothing about another's commits. The watch
 * asks the file's PRAGMA data_version every few seconds (cheap: no page is
 * read) and, when another connection has committed since, emits the
 * database's "changed" signal, so that the lists read their records again.
 * The app's own writes already emit "changed" and do not move the counter.
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

/* Checks once, now: TRUE when another process changed the file since the
 * last check (and "changed" was emitted). */
gboolean       ct_change_watch_check (CtChangeWatch  *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtChangeWatch, ct_change_watch_free)

G_END_DECLS
