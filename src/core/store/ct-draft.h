/* ct-draft.h: an unsaved editor draft, kept inside the records file
 *
 * When the app locks while an editor holds unsaved changes, the editor's
 * draft is kept in the encrypted records file (never anywhere else) and
 * offered back after the next unlock. There is at most one draft; keeping
 * another replaces it. A draft is not a record: keeping it writes no audit
 * entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* Keeps @draft (any GVariant; a floating reference is sunk), replacing the
 * draft kept earlier. */
gboolean  ct_draft_store   (CtDatabase  *db,
                            GVariant    *draft,
                            GError     **error);
/* The kept draft, left in the file; NULL with no error when there is none.
 * A draft that cannot be read fails with CT_DATABASE_ERROR_CORRUPT. */
GVariant *ct_draft_peek    (CtDatabase  *db,
                            GError     **error);
/* The same, removed from the file in one transaction. A draft that cannot
 * be read is left in place. */
GVariant *ct_draft_take    (CtDatabase  *db,
                            GError     **error);
/* Removes the kept draft, if any. */
gboolean  ct_draft_discard (CtDatabase  *db,
                            GError     **error);

G_END_DECLS
