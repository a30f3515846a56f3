/* ct-identity.h: who is signed in to a team server, as the primary menu
 * heads its account section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-database.h"

G_BEGIN_DECLS

/* Reads, on @db's reader, the name of the staff member linked to the
 * login @db is signed in with (the login itself when none is). */
void  ct_identity_read_async  (CtDatabase          *db,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
/* The heading: "Name · Role", or the name alone when the server gives no
 * role; NULL with @error when the read failed or was cancelled. */
char *ct_identity_read_finish (CtDatabase          *db,
                               GAsyncResult        *result,
                               GError             **error);

G_END_DECLS
