/* ct-passphrase-page.h: the base of the pages that open the records file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

typedef enum
{
  CT_OPEN_MODE_OPEN,
  CT_OPEN_MODE_CREATE,
  CT_OPEN_MODE_CHANGE,
} CtOpenMode;

#define CT_TYPE_PASSPHRASE_PAGE (ct_passphrase_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CtPassphrasePage, ct_passphrase_page, CT, PASSPHRASE_PAGE, AdwBin)

/* A page shows its own spinner and error message; the base class runs the
 * slow part (key derivation) in a worker thread and emits ::unlocked with
 * the open database. */
struct _CtPassphrasePageClass
{
  AdwBinClass parent_class;

  void (*set_busy)   (CtPassphrasePage *self,
                      gboolean          busy);
  void (*show_error) (CtPassphrasePage *self,
                      const GError     *error);
};

const char *ct_passphrase_page_get_path (CtPassphrasePage *self);
void        ct_passphrase_page_set_path (CtPassphrasePage *self,
                                         const char       *path);
gboolean    ct_passphrase_page_get_busy (CtPassphrasePage *self);

/* Takes @passphrase and wipes it once the file is open or has failed to
 * open. @actor is the staff profile for the audit trail. */
void        ct_passphrase_page_open     (CtPassphrasePage *self,
                                         CtOpenMode        mode,
                                         char             *passphrase,
                                         const char       *actor);
/* Opens the file with @passphrase and changes it to @new_passphrase (the
 * core verifies the change by opening the file with it); ::unlocked gives
 * the file open under the new one. Takes and wipes both. */
void        ct_passphrase_page_change   (CtPassphrasePage *self,
                                         char             *passphrase,
                                         char             *new_passphrase,
                                         const char       *actor);
/* How the page last opened its file. */
CtOpenMode  ct_passphrase_page_get_mode (CtPassphrasePage *self);

G_END_DECLS
