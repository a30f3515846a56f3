/* ct-date-range-button.h: picks the first and last day a list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CT_TYPE_DATE_RANGE_BUTTON (ct_date_range_button_get_type ())
G_DECLARE_FINAL_TYPE (CtDateRangeButton, ct_date_range_button, CT, DATE_RANGE_BUTTON, AdwBin)

/* A button showing the range ("All Dates", "1 Apr 2024 – 31 Mar 2025") and
 * a popover with a calendar for each end. Dates are YYYY-MM-DD, both ends
 * inclusive; NULL leaves that end open. Emits "changed" once per change. */
GtkWidget  *ct_date_range_button_new       (void);
const char *ct_date_range_button_get_from  (CtDateRangeButton *self);
const char *ct_date_range_button_get_to    (CtDateRangeButton *self);
void        ct_date_range_button_set_range (CtDateRangeButton *self,
                                            const char        *from,
                                            const char        *to);

G_END_DECLS
