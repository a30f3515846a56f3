/* ct-permission.h: what the person signed in may do with the records
 *
 * On a team server the server decides, with its grants and row-level
 * security (help/C/who-can-see-what.page); these functions read the same
 * table, so that the app offers only what the person's role can do and
 * says why when it does not. They never replace the server's refusal: a
 * write they let through by mistake is still refused there. A records
 * file has no roles: whoever opened it may do everything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"
#include "ct-kind.h"
#include "ct-record.h"

G_BEGIN_DECLS

/**
 * CtPermission:
 * @CT_PERMISSION_CREATE: add a record
 * @CT_PERMISSION_CHANGE: change a record
 * @CT_PERMISSION_DELETE: delete a record
 */
typedef enum
{
  CT_PERMISSION_CREATE,
  CT_PERMISSION_CHANGE,
  CT_PERMISSION_DELETE,
} CtPermission;

/* Whether the role may do @permission to at least some records of @kind
 * (a clinician may change their own consultations). FALSE with
 * CT_DATABASE_ERROR_NOT_ALLOWED and a sentence that says why (for a
 * tooltip) when it may do so to none. */
gboolean  ct_permission_check_kind        (CtDatabase    *db,
                                           const CtKind  *kind,
                                           CtPermission   permission,
                                           GError       **error);

/* Whether @permission on @record, as read, is allowed (a clinician may
 * change their own consultations only). Reads the records that say whose
 * @record is (a goal's episode); FALSE with that read's error when it
 * fails. */
gboolean  ct_permission_check_record      (CtDatabase    *db,
                                           CtRecord      *record,
                                           CtPermission   permission,
                                           GError       **error);

/* The same for a record whose owner the caller read with it: @owner is
 * the staff id of the clinician whose record it is (a goal's, a rating's
 * episode's; 0: none chosen yet), so nothing is read. */
gboolean  ct_permission_check_owned       (CtDatabase    *db,
                                           CtRecord      *record,
                                           gint64         owner,
                                           CtPermission   permission,
                                           GError       **error);

/* Whether @record may be saved as it is: created when new, else changed.
 * When it would not be the person's own, the field that says whose it is
 * (the clinician, the episode) is the record's invalid field, and the
 * message says what to choose. */
gboolean  ct_permission_check_save        (CtDatabase    *db,
                                           CtRecord      *record,
                                           GError       **error);

/* Whether the audit trail can be read: not by a clinician. */
gboolean  ct_permission_can_read_audit_log (CtDatabase   *db);

G_END_DECLS
