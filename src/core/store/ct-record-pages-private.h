/* ct-record-pages-private.h: what ct-record-pages.c shares with
 * ct-record-pages-recycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-record-pages.h"

G_BEGIN_DECLS

struct _CtRecordPages
{
  GObject       parent_instance;

  CtDatabase   *db;
  const CtKind *kind;
  GArray       *ids;          /* gint64, the rows in order (the first page's alone
                               * until the rest arrive) */
  CtFilter     *rest;         /* what the rest of the ids are read with; NULL once read */
  guint         n_rows;       /* the rows while the rest are read */
  guint         asked_end;    /* past the last row handed out before its id came */
  GHashTable   *early;        /* position → CtRecord handed out before its id came */
  GHashTable   *rows;         /* id → CtRecord read */
  GHashTable   *waiting;      /* id → CtRecord handed out until its page arrives */
  GHashTable   *reading;      /* page numbers under way */
  GQueue        arrived;      /* page numbers read, oldest first */
  GCancellable *cancellable;  /* the pages under way; cancelled when the rows change */
};

static inline gint64
ct_record_pages_id_at (CtRecordPages *self,
                       guint          position)
{
  return g_array_index (self->ids, gint64, position);
}

/* An empty record with only @id (0: not known yet), unread. */
CtRecord  *ct_record_pages_new_unread  (CtRecordPages *self,
                                        gint64         id);
/* Whether @record waits for its page (ct_record_pages_is_read()). */
void       ct_record_pages_set_unread  (CtRecord      *record,
                                        gboolean       unread);
/* The row @id read or waiting for its page, or NULL. */
CtRecord  *ct_record_pages_lookup      (CtRecordPages *self,
                                        gint64         id);

/* Recycling the rows shown (ct-record-pages-recycle.c) */

/* Notes that @record was handed out for @position. */
void       ct_record_pages_note_shown  (CtRecord      *record,
                                        guint          position);
/* The rows someone else holds, in the order they were asked for. */
GPtrArray *ct_record_pages_get_held    (CtRecordPages *self);
/* Says that all @n_shown rows became the rows now, @held (from
 * ct_record_pages_get_held() before the rows changed) recycled as the
 * first: those already there stay, the others take the first places left. */
void       ct_record_pages_replace_all (CtRecordPages *self,
                                        GPtrArray     *held,
                                        guint          n_shown);

G_END_DECLS
