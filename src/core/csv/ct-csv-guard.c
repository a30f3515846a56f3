/* ct-csv-guard.c: keeping spreadsheet formulas out of exported CSV cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-csv-guard"

#include "config.h"

#include <string.h>

#include "ct-csv-guard.h"

#define GUARD '\''

/* A formula may start after leading blanks too: some spreadsheets skip
 * them before looking for "=". Tab and CR count on their own (OWASP). */
gboolean
ct_csv_guard_is_needed (const char *cell)
{
  const char *p = cell;

  if (cell == NULL || *cell == '\0')
    return FALSE;
  if (*cell == GUARD || *cell == '\t' || *cell == '\r')
    return TRUE;
  while (*p == ' ' || *p == '\n')
    p++;
  return *p != '\0' && strchr ("=+-@", *p) != NULL;
}

char *
ct_csv_guard_dup (const char *cell)
{
  if (!ct_csv_guard_is_needed (cell))
    return g_strdup (cell);
  return g_strdup_printf ("%c%s", GUARD, cell);
}

void
ct_csv_guard_restore (char *cell)
{
  if (cell == NULL || *cell != GUARD || !ct_csv_guard_is_needed (cell + 1))
    return;
  memmove (cell, cell + 1, strlen (cell));
}
