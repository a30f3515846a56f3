/* ct-record-button.h: a button that acts on one record of a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-record.h"

G_BEGIN_DECLS

/* A button that activates @action ("child.delete-record") with the target
 * (kind name, id) of @record, a GVariant of type "(sx)". With @icon_name,
 * an icon button whose accessible name and tooltip are @label; without, a
 * button with the mnemonic @label. */
GtkWidget *ct_record_button_new          (const char *label,
                                          const char *icon_name,
                                          const char *action,
                                          CtRecord   *record);

/* The kind name and id of a "(sx)" target; NULL when the kind is unknown. */
const CtKind *ct_record_button_parse_target (GVariant *target,
                                             gint64   *id);

G_END_DECLS
