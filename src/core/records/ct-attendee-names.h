/* ct-attendee-names.h: the names a training register offers as one types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-database.h"

G_BEGIN_DECLS

/* A name known to the records: an earlier attendee, with the role and
 * organisation of their latest place (NULL when none), or an active staff
 * member (no role or organisation). */
typedef struct
{
  char *name;
  char *role;          /* a training attendance's role word */
  char *organisation;
} CtAttendeeName;

void       ct_attendee_name_free  (CtAttendeeName *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtAttendeeName, ct_attendee_name_free)

/* At most @limit known names holding @typed (ignoring case as the store
 * does), in alphabetical order: a GPtrArray of CtAttendeeName, or NULL
 * with @error. One query. */
GPtrArray *ct_attendee_names_find (CtDatabase      *db,
                                   const char      *typed,
                                   guint            limit,
                                   GError         **error);

G_END_DECLS
