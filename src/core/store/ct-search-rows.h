/* ct-search-rows.h: one kind's rows as a list shows them, for its search
 *
 * The text of each row in the fields searched (ct_cell_text_dup(), folded
 * by ct_cell_text_fold()), for ct-search-text.c to search and keep up to
 * date. Not safe to share between threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-store.h"

G_BEGIN_DECLS

typedef struct _CtSearchRows CtSearchRows;

/* Every row of @kind, in @fields (const CtField *), read with @db. */
CtSearchRows *ct_search_rows_read        (CtDatabase     *db,
                                          const CtKind   *kind,
                                          GPtrArray      *fields,
                                          GError        **error);
void          ct_search_rows_free        (CtSearchRows   *rows);

/* Reads records @ids (@n of them) again: a row each for those still
 * stored; rows may move (ct_search_rows_find_row()). */
gboolean      ct_search_rows_read_again  (CtSearchRows   *rows,
                                          CtDatabase     *db,
                                          const gint64   *ids,
                                          guint           n,
                                          GError        **error);

const CtKind *ct_search_rows_get_kind    (CtSearchRows   *rows);
GPtrArray    *ct_search_rows_get_fields  (CtSearchRows   *rows);
/* Rows, those let go included: the size of ct_search_rows_find_words()'s
 * @found. */
guint         ct_search_rows_get_n_rows  (CtSearchRows   *rows);
/* Record @id's row + 1, or 0 when it has none. */
guint         ct_search_rows_find_row    (CtSearchRows   *rows,
                                          gint64          id);

/* The words of @search (split at spaces and tabs; the first 64), folded
 * as the text is, or NULL when one of them cannot occur in it. */
GStrv         ct_search_rows_fold_words  (const char     *search);
/* Sets found[row] for each row (not let go) that holds every word of
 * @words, folded. */
void          ct_search_rows_find_words  (CtSearchRows   *rows,
                                          const GStrv     words,
                                          guint8         *found);

G_END_DECLS
