/* ct-record-button.h: a button that acts on one record of a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-database.h"
#include "ct-permission.h"
#include "ct-record.h"

G_BEGIN_DECLS

/* A button that activates @action ("child.delete-record") with the target
 * (kind name, id) of @record, a GVariant of type "(sx)". With @icon_name,
 * an icon button whose accessible name and tooltip are @label; without, a
 * button with the mnemonic @label. When the person signed in to @database
 * may not do @permission to @record, the button is insensitive and its
 * tooltip says why. */
GtkWidget *ct_record_button_new          (CtDatabase   *database,
                                          CtPermission  permission,
                                          const char   *label,
                                          const char   *icon_name,
                                          const char   *action,
                                          CtRecord     *record);

/* The same for a record whose owner was read with it (a goal, a rating:
 * @owner is the staff id of its episode's clinician), so that nothing is
 * read in the window's thread (ct_permission_check_owned()). */
GtkWidget *ct_record_button_new_owned    (CtDatabase   *database,
                                          CtPermission  permission,
                                          const char   *label,
                                          const char   *icon_name,
                                          const char   *action,
                                          CtRecord     *record,
                                          gint64        owner);

/* Makes @button insensitive, with a tooltip that says why, unless the
 * person signed in to @database may do @permission to @record. */
void       ct_record_button_check        (GtkWidget    *button,
                                          CtDatabase   *database,
                                          CtRecord     *record,
                                          CtPermission  permission);

/* Makes @button, which adds a record of @kind whose @reference (a field
 * name) is @id, insensitive with a tooltip that says why when the person
 * signed in to @database may not add it; @owner is the staff id of the
 * clinician whose the record would be, as read (a goal's episode's; 0:
 * none chosen yet). */
void       ct_record_button_check_new    (GtkWidget    *button,
                                          CtDatabase   *database,
                                          const CtKind *kind,
                                          const char   *reference,
                                          gint64        id,
                                          gint64        owner);

/* Sets @widget's tooltip to what it does (@does, may be NULL), or, when
 * @why_not is set, to why it cannot be used; the reason is also its
 * accessible description. */
void       ct_record_button_explain      (GtkWidget    *widget,
                                          const char   *does,
                                          const GError *why_not);

/* The kind name and id of a "(sx)" target; NULL when the kind is unknown. */
const CtKind *ct_record_button_parse_target (GVariant *target,
                                             gint64   *id);

G_END_DECLS
