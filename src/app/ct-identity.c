/* ct-identity.c: who is signed in to a team server, as the primary menu
 * heads its account section
 *
 * The staff member linked to the login is read on the store's reader,
 * whose connection is the same login's: on a team server the window's
 * thread would wait a round trip or two for it at every sign-in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-identity"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-identity.h"
#include "ct-records.h"
#include "ct-store-reader.h"
#include "ct-store.h"

static const char *
get_role_label (CtTeamRole role)
{
  static const char *const labels[CT_TEAM_N_ROLES] = {
    N_("Clinician"), N_("Administrator"), N_("Clinical Lead"),
  };

  return _(labels[role]);
}

/* On the reader: the staff member's name, else the login. */
static gpointer
read_name (CtDatabase  *db,
           gpointer     data,
           GError     **error)
{
  const char *login = data;
  gint64 staff_id = ct_store_find_staff_of_login (db, login, NULL);
  g_autoptr(CtRecord) staff = NULL;

  if (staff_id != 0)
    staff = ct_store_get (db, ct_kind_for_type (CT_TYPE_STAFF), staff_id, NULL);
  if (staff != NULL)
    return ct_record_get_string_by_name (staff, "name");
  return g_strdup (login);
}

void
ct_identity_read_async (CtDatabase          *db,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (CT_IS_DATABASE (db));
  g_return_if_fail (ct_database_get_actor (db) != NULL);

  ct_store_read_async (db, read_name, g_strdup (ct_database_get_actor (db)), g_free, g_free,
                       cancellable, callback, user_data);
}

char *
ct_identity_read_finish (CtDatabase    *db,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_autofree char *name = ct_store_read_finish (db, result, error);
  CtTeamRole role;

  if (name == NULL || !ct_database_get_role (db, &role))
    return g_steal_pointer (&name);
  /* Translators: the primary menu's heading: who signed in to the team
   * server (their name, or their login), then their role (Clinician,
   * Administrator, Clinical Lead) */
  return g_strdup_printf (_("%s · %s"), name, get_role_label (role));
}
