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
/* A window showing @database, already open (the --demo file). Locking it
 * asks for that file's passphrase again. */
CtWindow   *ct_window_new_unlocked (GtkApplication *application,
                                    CtDatabase     *database);

/* The open records file, or NULL while locked. Notified through the
 * "database" property on unlocking and locking. */
CtDatabase *ct_window_get_database (CtWindow       *self);

G_END_DECLS
