/* ct-figure-preferences.h: the team's choices behind the figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"
#include "ct-preferences.h"

G_BEGIN_DECLS

#define CT_TYPE_FIGURE_PREFERENCES (ct_figure_preferences_get_type ())
G_DECLARE_FINAL_TYPE (CtFigurePreferences, ct_figure_preferences, CT, FIGURE_PREFERENCES,
                      AdwPreferencesGroup)

/* A group of three rows for the preferences of ct-preferences.h kept in
 * the records file: the reliable-change threshold (1.00–5.00 by 0.05), the
 * disclosure rule of public summaries, and the SDQ prompt's days. Each
 * change is saved at once, with its audit entry; a failure is reported
 * through CtFigurePreferences::error. The widgets are named (CSS names)
 * threshold-spin, rule-row and days-spin. */
GtkWidget *ct_figure_preferences_new          (void);
/* The records file the changes are saved in; the rows stay insensitive
 * until ct_figure_preferences_show() shows what it holds (read on the
 * store's reader by the Preferences window). */
void       ct_figure_preferences_set_database (CtFigurePreferences *self,
                                               CtDatabase          *database);
/* Shows the preferences read: the threshold in hundredths, the rule and
 * the days; nothing is saved for it. */
void       ct_figure_preferences_show         (CtFigurePreferences *self,
                                               gint64               threshold,
                                               CtDisclosureRule     rule,
                                               guint                days);

G_END_DECLS
