/* ct-outcomes-private.h: the Outcomes' statement, for a look at its plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* The statement ct_outcomes_list() runs on @db (its parameters unbound). */
char *ct_outcomes_dup_sql (CtDatabase *db);

G_END_DECLS
