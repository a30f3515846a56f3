/* ct-caseload-view.h: My Caseload, the signed-in clinician's open episodes
 * and what is due on each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_CASELOAD_VIEW (ct_caseload_view_get_type ())
G_DECLARE_FINAL_TYPE (CtCaseloadView, ct_caseload_view, CT, CASELOAD_VIEW, AdwBin)

/* Reads the caseload whenever it comes into view. One row per open
 * episode of the staff member signed in (the database's actor): the child,
 * the start date, the last contact and what is due (a GBO review not
 * rated for the preference "gbo-review-weeks", an end rating with no end
 * date). Activating a row emits ::child-activated (gint64 child id). */
GtkWidget *ct_caseload_view_new        (CtDatabase     *database);
void       ct_caseload_view_reload     (CtCaseloadView *self);
/* The episodes are being read (on the store's reader). */
gboolean   ct_caseload_view_is_loading (CtCaseloadView *self);

G_END_DECLS
