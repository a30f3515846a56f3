/* ct-passphrase-dialog.h: asks for the records file's passphrase, to back
 * the file up or to change its passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_PASSPHRASE_DIALOG (ct_passphrase_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CtPassphraseDialog, ct_passphrase_dialog, CT, PASSPHRASE_DIALOG, AdwWindow)

/* Backs @database's file up to @dest_path as the command line's `backup`
 * does (a second connection, audited; the copy verified), keyed with the
 * passphrase typed, which must open the file. ::done gives a message to
 * show, then the dialog closes. */
CtPassphraseDialog *ct_passphrase_dialog_new_backup (GtkWindow   *parent,
                                                     CtDatabase  *database,
                                                     const char  *dest_path);

/* Asks for the current passphrase (checked by opening the file read-only)
 * and a new one, judged by libpwquality and typed twice. ::done comes with
 * no message: the caller then takes the two with
 * ct_passphrase_dialog_steal_passphrases() and changes it (the file must
 * be closed for that). */
CtPassphraseDialog *ct_passphrase_dialog_new_change (GtkWindow   *parent,
                                                     CtDatabase  *database);

/* The current and the new passphrase, taken out of the form; wipe them
 * with ct_passphrase_free(). */
void                ct_passphrase_dialog_steal_passphrases (CtPassphraseDialog  *self,
                                                            char               **current,
                                                            char               **new_passphrase);

G_END_DECLS
