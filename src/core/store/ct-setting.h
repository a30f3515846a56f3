/* ct-setting.h: the preferences kept inside the records file
 *
 * Settings that belong to the team rather than to one computer (the team's
 * name, printed on the committee summary) live in the records file's
 * `setting` table, so that every copy of the file carries them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* The team's name: the `service` of the committee summary. */
#define CT_SETTING_TEAM_NAME "team_name"

/* The value of @key, or NULL (with no error) when it was never set. */
char     *ct_setting_get (CtDatabase  *db,
                          const char  *key,
                          GError     **error);
/* Stores @value under @key with an audit entry (update, kind `setting`),
 * both in one transaction. */
gboolean  ct_setting_set (CtDatabase  *db,
                          const char  *key,
                          const char  *value,
                          GError     **error);

G_END_DECLS
