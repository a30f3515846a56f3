/* ct-validate.h: the rules a record must keep, shared by the GUI and the CLI
 *
 * Every failure is a CT_DATABASE_ERROR whose message starts with the field's
 * label ("Date of birth: ...") and says what to fix; the field itself is
 * kept on the record (ct_record_get_invalid_field()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

/* Checks the fields (required, real dates, ranges, words, dates not after
 * today, end not before start) and the rules between them (a start date
 * only for an accepted referral, ...): CT_DATABASE_ERROR_INVALID.
 * With @db (may be NULL) also that references exist (INVALID) and that
 * unique keys are free (CT_DATABASE_ERROR_CONFLICT). The store calls this
 * before every write. */
gboolean    ct_record_validate                (CtRecord     *record,
                                               CtDatabase   *db,
                                               GError      **error);

/* Today's date as YYYY-MM-DD (local time), or the date a test set. */
char       *ct_validate_dup_today             (void);
/* Tests only: pretend that today is @date (YYYY-MM-DD); NULL restores the clock. */
void        ct_validate_set_today_for_testing (const char   *date);

G_END_DECLS
