/* ct-auto-lock.h: locks the window when nobody is using the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-window.h"

G_BEGIN_DECLS

#define CT_TYPE_AUTO_LOCK (ct_auto_lock_get_type ())
G_DECLARE_FINAL_TYPE (CtAutoLock, ct_auto_lock, CT, AUTO_LOCK, GObject)

/* Activates @window's win.lock once it has been unlocked and no key or
 * pointer input has reached any window of the app for the auto-lock-minutes
 * of GSettings; and at once when GtkApplication:screensaver-active of the
 * window's application turns TRUE. The window owns the object; it holds no
 * reference to the window. */
CtAutoLock *ct_auto_lock_new                           (CtWindow *window);

/* Tests: count the idle time in seconds instead of the setting's minutes
 * (0 goes back to the setting). Takes effect when the timer is next armed. */
void        ct_auto_lock_set_timeout_for_testing       (guint     seconds);
/* Tests: GtkApplication:screensaver-active is read-only and needs a
 * session; with this set, a notification of that property (emitted by the
 * test) is taken as the screensaver turning on. */
void        ct_auto_lock_set_screensaver_for_testing   (gboolean  active);

G_END_DECLS
