/* ct-outcomes-private.h: the Outcomes' statements, for a look at their plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* The statement ct_outcomes_list() runs on @db (its parameters unbound). */
char       *ct_outcomes_dup_sql    (CtDatabase *db);
/* The statement ct_sdq_prompt_list() runs (?1 today, ?2 the first recent
 * day). */
const char *ct_sdq_prompt_get_sql  (void);

G_END_DECLS
