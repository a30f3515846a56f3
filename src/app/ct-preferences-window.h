/* ct-preferences-window.h: the team name, the staff profile and locking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_PREFERENCES_WINDOW (ct_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CtPreferencesWindow, ct_preferences_window, CT, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Modal over @parent, for the open @database: the team name is kept in it
 * (audited), and the staff profile becomes its actor; the staff list adds
 * and edits staff records in the record editor (actions prefs.add-staff
 * and prefs.edit-staff((sx))). The rest is GSettings. */
CtPreferencesWindow *ct_preferences_window_new (GtkWindow  *parent,
                                                CtDatabase *database);
/* Whether the team name and the staff, or the member of staff of an Edit
 * clicked, are being read (on the store's reader). */
gboolean ct_preferences_window_is_loading (CtPreferencesWindow *self);

G_END_DECLS
