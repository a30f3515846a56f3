/* ct-connect-page.h: signing in to a team server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_CONNECT_PAGE (ct_connect_page_get_type ())
G_DECLARE_FINAL_TYPE (CtConnectPage, ct_connect_page, CT, CONNECT_PAGE, AdwBin)

/* The libpq connection string for what the page asks: @address is
 * "host", "host:port" or a connection string of its own ("host=… port=…",
 * to which the other fields are added); @ca_file may be NULL or empty. */
char     *ct_connect_page_build_connection (const char    *address,
                                            const char    *database,
                                            const char    *user,
                                            const char    *ca_file);

/* The CA certificate that the server's must be signed by (NULL: none
 * chosen). What "Choose…" does with the chosen file. */
void      ct_connect_page_set_ca_file      (CtConnectPage *self,
                                            const char    *path);

/* Forgets the typed password and any error, as when the page is left; the
 * keyring's password is filled in again when it is remembered. The other
 * fields stay. */
void      ct_connect_page_reset            (CtConnectPage *self);

/* Whether a connection is being made (in a worker thread). */
gboolean  ct_connect_page_get_busy         (CtConnectPage *self);

G_END_DECLS
