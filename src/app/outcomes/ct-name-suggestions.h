/* ct-name-suggestions.h: names known to the records, offered under an entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_NAME_SUGGESTIONS (ct_name_suggestions_get_type ())
G_DECLARE_FINAL_TYPE (CtNameSuggestions, ct_name_suggestions, CT, NAME_SUGGESTIONS, AdwBin)

/* A short list of the earlier attendees and staff whose names hold the
 * text typed (ct_attendee_names_find()), hidden while there are none.
 * Activating a row emits CtNameSuggestions::chosen with the name, and the
 * role word and organisation of the person's latest place (or NULL). */
GtkWidget *ct_name_suggestions_new          (void);
void       ct_name_suggestions_set_database (CtNameSuggestions *self,
                                             CtDatabase        *database);
/* Shows the names holding @typed; none for blank text, or when the only
 * match is @typed itself. */
void       ct_name_suggestions_update       (CtNameSuggestions *self,
                                             const char        *typed);
/* Moves the keyboard focus to the first name; FALSE when none is shown. */
gboolean   ct_name_suggestions_focus_first  (CtNameSuggestions *self);

/* Hides the names until the text changes again; FALSE when none was
 * shown. */
gboolean   ct_name_suggestions_dismiss      (CtNameSuggestions *self);

G_END_DECLS
