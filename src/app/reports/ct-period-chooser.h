/* ct-period-chooser.h: picks the reporting period of the committee summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-period.h"

G_BEGIN_DECLS

#define CT_TYPE_PERIOD_CHOOSER (ct_period_chooser_get_type ())
G_DECLARE_FINAL_TYPE (CtPeriodChooser, ct_period_chooser, CT, PERIOD_CHOOSER, AdwBin)

/* A financial year, a quarter or a month of the last ten financial years
 * (newest first, none in the future; the one under way ends today and is
 * labelled "… to date"), or two dates of one's own. It starts
 * at the last complete financial quarter. The property "period" (CtPeriod)
 * is notified when the period changes. */
const CtPeriod *ct_period_chooser_get_period (CtPeriodChooser *self);
/* Shows @period: as an item of its kind when it is one of the list, as
 * dates of one's own otherwise. */
void            ct_period_chooser_set_period (CtPeriodChooser *self,
                                              const CtPeriod  *period);

G_END_DECLS
