/* ct-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_WINDOW (ct_window_get_type ())
G_DECLARE_FINAL_TYPE (CtWindow, ct_window, CT, WINDOW, AdwApplicationWindow)

CtWindow   *ct_window_new          (GtkApplication *application);
/* A window showing @database, already open (the --demo file, or a team
 * server). Locking it asks for that file's passphrase again, or shows the
 * team server's sign-in page. */
CtWindow   *ct_window_new_unlocked (GtkApplication *application,
                                    CtDatabase     *database);

/* The open records file, or NULL while locked. Notified through the
 * "database" property on unlocking and locking. */
CtDatabase *ct_window_get_database (CtWindow       *self);

/* Locks the open file, if any, and shows the page for @path: unlocking it
 * when it exists (with the keyring's passphrase, when remembered), else
 * creating it. What "Open Records File…" does with the chosen file. */
void        ct_window_open_file    (CtWindow       *self,
                                    const char     *path);
/* Asks for the passphrase and backs the open file up to @path: what
 * "Back Up Records…" does with the chosen place. */
void        ct_window_back_up_to   (CtWindow       *self,
                                    const char     *path);

G_END_DECLS
