/* ct-demo.h: --demo, a throwaway records file of invented records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"

G_BEGIN_DECLS

/* The passphrase of every demo file: the records in it are invented, and a
 * newcomer who locks the demo must be able to unlock it again. */
#define CT_DEMO_PASSPHRASE "demonstration"

/* Creates a records file in a new private temporary folder, fills it with
 * a small invented team's records, and returns it open. *@folder_out is
 * the folder, for ct_demo_remove() on exit. */
CtDatabase *ct_demo_open   (char       **folder_out,
                            GError     **error);

/* Whether @db is a demo file made by ct_demo_open() (the window says so). */
gboolean    ct_demo_is_demo (CtDatabase  *db);

/* Makes this process keep its settings in memory, so that a demo changes
 * no real preference (staff profile, window size, keyring). Call before
 * anything reads a setting. */
void        ct_demo_use_private_settings (void);

/* Deletes the demo folder and everything in it. */
void        ct_demo_remove (const char  *folder);

G_END_DECLS
