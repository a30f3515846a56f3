/* ct-secret.h: passphrases in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Overwrites @len bytes at @mem with zeros in a way the compiler cannot drop. */
void   ct_secret_wipe       (gpointer    mem,
                             gsize       len);

/* Wipes a NUL-terminated passphrase and frees it. NULL is ignored. */
void   ct_passphrase_free   (char       *passphrase);

/* Reads one passphrase: from the terminal without echo when @fd is a
 * terminal (showing @prompt on stderr), otherwise the first line of @fd.
 * The trailing newline is removed. */
char  *ct_passphrase_read   (int          fd,
                             const char  *prompt,
                             GError     **error);

/* The first line of a file. */
char  *ct_passphrase_read_file (const char  *path,
                                GError     **error);

typedef char CtPassphrase;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtPassphrase, ct_passphrase_free)

G_END_DECLS
