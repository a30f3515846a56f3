/* ct-figure-card.h: a section's headline figures, one tile each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-report.h"

G_BEGIN_DECLS

#define CT_TYPE_FIGURE_CARD (ct_figure_card_get_type ())
G_DECLARE_FINAL_TYPE (CtFigureCard, ct_figure_card, CT, FIGURE_CARD, AdwBin)

/* The figures of @section ("referrals") outside its breakdowns, each a
 * tile with its value, its name and, for a value not shown ("—"), a word
 * saying whether it is withheld or there is no data (its tooltip says
 * why). The label of each value is named by the figure's path
 * (gtk_widget_get_name (): "referrals.received"). */
GtkWidget *ct_figure_card_new (CtReport   *report,
                               const char *section);

G_END_DECLS
