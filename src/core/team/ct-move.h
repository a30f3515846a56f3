/* ct-move.h: every record of one store copied into another
 *
 * A team that outgrows one computer moves the records of its file to a
 * team server: each record of every kind, in one transaction of the
 * destination, with its fields, dates and created / updated times. Ids
 * are the destination's own; every reference (a consultation's clinician,
 * a goal's referral) is remapped to them, so a record keeps its child and
 * its author. The copy walks the kinds' field tables (ct-kind.h), so a
 * new field is copied without a change here.
 *
 * Staff are people, so a staff member of the file is always the one of the
 * destination with the same name (case-blind, active), for example the one
 * `team add-user` made before the move. Other records are copied only into
 * a destination that holds none, unless @merge: then a record that the
 * destination holds already (the same natural key: a child's reference, a
 * training event's code, ...; for kinds without one, every field alike)
 * is not copied again, so moving twice creates no duplicates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* Copies the records of @from (opened read-only is enough) into @to.
 * @source names @from in the audit entries ("records.ctdb"): one `import`
 * entry per kind, besides each record's `create` entry. Without @merge, a
 * destination holding any record but staff is refused with
 * CT_DATABASE_ERROR_EXISTS. *n_copied and *n_matched (may be NULL) count
 * the records copied and those found in @to already. On error nothing is
 * copied. */
gboolean    ct_move_records     (CtDatabase  *from,
                                 CtDatabase  *to,
                                 const char  *source,
                                 gboolean     merge,
                                 guint       *n_copied,
                                 guint       *n_matched,
                                 GError     **error);

G_END_DECLS
