/* ct-keyring.h: the passphrase in the user's keyring, when asked for
 *
 * Only when the program is built with libsecret; otherwise nothing is
 * stored and lookups find nothing. A passphrase is keyed by the records
 * file's path; a team server's password (the remember-password setting)
 * by the server's connection string and the user name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-passphrase-page.h"

G_BEGIN_DECLS

/* Whether the program was built with keyring support. */
gboolean ct_keyring_is_supported (void);
/* Whether it is supported and the user asked for it (the
 * remember-passphrase setting). */
gboolean ct_keyring_is_wanted    (void);

/* Blocks on D-Bus: call it from a worker thread. */
gboolean ct_keyring_store_sync   (const char           *path,
                                  const char           *passphrase,
                                  GCancellable         *cancellable,
                                  GError              **error);

gboolean ct_keyring_store_password_sync (const char     *server,
                                         const char     *user,
                                         const char     *password,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* The passphrase stored for @path (wipe it with ct_passphrase_free()), or
 * NULL with no error when there is none. */
void     ct_keyring_lookup       (const char           *path,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
/* The same for the password of @user on @server. */
void     ct_keyring_lookup_password (const char        *server,
                                     const char        *user,
                                     GCancellable      *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer           user_data);
char    *ct_keyring_lookup_finish (GAsyncResult        *result,
                                   GError             **error);

/* Removes the passphrase stored for @path, if any. */
void     ct_keyring_clear        (const char           *path,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
/* Removes the password stored for @user on @server, if any. */
void     ct_keyring_clear_password (const char         *server,
                                    const char         *user,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
gboolean ct_keyring_clear_finish (GAsyncResult         *result,
                                  GError              **error);

/* Whether a keyring answers on this computer: FALSE with an error that
 * says so, in words for the person, when no secret service runs (or the
 * program was built without keyring support). */
void     ct_keyring_check        (const char           *path,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
gboolean ct_keyring_check_finish (GAsyncResult         *result,
                                  GError              **error);

/* Binds @toggle to the remember-passphrase setting of @settings for the
 * file at @path: turned on, the keyring is checked, and when none answers
 * the switch turns itself off and @row's subtitle says why; turned off,
 * the stored passphrase is removed (a failure also shows in @row). With
 * no @path (a team server), @row is hidden. */
void     ct_keyring_bind_switch  (GSettings            *settings,
                                  const char           *path,
                                  AdwActionRow         *row,
                                  GtkSwitch            *toggle,
                                  GCancellable         *cancellable);

/* At startup, when the passphrase is wanted and stored: opens @page's file
 * with it, as if it had been typed. Otherwise the page waits for typing. */
void     ct_keyring_unlock_page  (CtPassphrasePage     *page,
                                  GCancellable         *cancellable);

G_END_DECLS
