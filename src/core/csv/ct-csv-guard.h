/* ct-csv-guard.h: keeping spreadsheet formulas out of exported CSV cells
 *
 * A spreadsheet reads a cell that starts with = + - @, a tab or a carriage
 * return as a formula, and runs it when the file is opened (OWASP's "CSV
 * injection"). An export puts a single quote before such a cell, which a
 * spreadsheet shows as text; an import takes that quote away again, so an
 * export imports back exactly as it was. A cell that starts with a single
 * quote of its own is quoted too, so that the rule can always be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when a spreadsheet could read @cell as a formula (or @cell starts
 * with the guard's own quote). */
gboolean     ct_csv_guard_is_needed   (const char *cell);

/* @cell as an export writes it: with a leading ' when it needs one. NULL
 * stays NULL. */
char        *ct_csv_guard_dup         (const char *cell);

/* Takes away, in place, the quote that ct_csv_guard_dup() added. */
void         ct_csv_guard_restore     (char       *cell);

G_END_DECLS
