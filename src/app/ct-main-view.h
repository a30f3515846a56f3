/* ct-main-view.h: the unlocked window's sidebar and sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_MAIN_VIEW (ct_main_view_get_type ())
G_DECLARE_FINAL_TYPE (CtMainView, ct_main_view, CT, MAIN_VIEW, AdwBin)

/* Built on unlocking and destroyed on locking, so that nothing read from
 * the records file outlives the lock. Sections are the pages of the stack
 * "sections", keyed by stable names: "children", "consultations",
 * "reflective-practice", "outcomes", "training", "reports". */
CtMainView *ct_main_view_new              (CtDatabase  *database,
                                           GMenuModel  *primary_menu);
CtDatabase *ct_main_view_get_database     (CtMainView  *self);
const char *ct_main_view_get_section      (CtMainView  *self);

G_END_DECLS
