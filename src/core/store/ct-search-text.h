/* ct-search-text.h: what a list shows, kept in memory for its search
 *
 * A search keystroke cannot read 400,000 rows from the store. So a store
 * keeps, per kind, the text each row shows in the fields searched
 * (ct_cell_text_dup(), folded by ct_cell_text_fold(); ct-search-rows.h),
 * read by the first search of that kind and scanned by every search after
 * it.
 * Both stores search the same way, in the same text, ignoring the case
 * of every letter, accented or not, and an accent not typed ("zoe" finds
 * "Zoë").
 *
 * The text follows the store's "changed" signal: the records written are
 * read again before the next search; the rows of kinds that show a
 * written kind's fields (a consultation shows its child's reference) are
 * all read again; and everything is when the changes are not known one by
 * one (an import, someone else's save). A row a search is asked about
 * that the text lacks is read then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-store.h"

G_BEGIN_DECLS

typedef struct _CtSearchText CtSearchText;

/* @store's search text, made on first use, with a reference. Call in the
 * thread that emits @store's "changed". */
CtSearchText *ct_search_text_ref_for  (CtDatabase    *store);
void          ct_search_text_unref    (CtSearchText  *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtSearchText, ct_search_text_unref)
/* @connection, a store's reader, searches in @text (its store's) from
 * now on; takes the reference. */
void          ct_search_text_lend     (CtDatabase    *connection,
                                       CtSearchText  *text);

/* Forgets @store's text, to be read again by the next search: for
 * changes @store was not told of, as a list read again by hand may have. */
void          ct_search_text_forget   (CtDatabase    *store);

/* Reads the ids of @kind's records that @filter's criteria select, in
 * its order, not minding its search. */
typedef GArray *(*CtReadIds) (CtDatabase      *db,
                              const CtKind    *kind,
                              const CtFilter  *filter,
                              GError         **error);

/* The ids (gint64) @read_ids reads whose records' text, in @filter's
 * search_fields (NULL: the kind's text fields), holds every word of
 * @filter's search (ct_search_rows_fold_words()), in the same order. The ids
 * read are kept for the next search with the same criteria (as a person
 * types), until the records change. Reads with @db; one search at a
 * time per store. */
GArray       *ct_search_text_find     (CtDatabase      *db,
                                       const CtKind    *kind,
                                       const CtFilter  *filter,
                                       CtReadIds        read_ids,
                                       GError         **error);

G_END_DECLS
