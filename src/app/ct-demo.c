/* ct-demo.c: --demo, a throwaway records file of invented records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ct-demo.h"
#include "ct-demo-data.h"
#include "ct-records.h"
#include "ct-setting.h"

/* Any seed gives a plausible team; a fixed one makes every demo the same. */
#define DEMO_SEED 2024

/* The demo is used as one of its invented clinicians, so that a new
 * consultation already names its clinician, as it would for a real user. */
static void
sign_in_as_first_clinician (CtDatabase *db)
{
  g_autoptr(GListModel) staff = ct_store_list (db, ct_kind_lookup ("staff"), NULL, NULL);
  g_autoptr(CtRecord) first = NULL;
  g_autofree char *name = NULL;

  if (staff == NULL || g_list_model_get_n_items (staff) == 0)
    return;
  first = g_list_model_get_item (staff, 0);
  name = ct_record_get_string_by_name (first, "name");
  ct_database_set_actor (db, name);
}

CtDatabase *
ct_demo_open (char   **folder_out,
              GError **error)
{
  g_autofree char *folder = g_dir_make_tmp ("clinical-team-demo-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autoptr(CtDatabase) db = NULL;
  CtDemoSize size = ct_demo_size_team ();

  if (folder == NULL)
    return NULL;

  path = g_build_filename (folder, "demo.ctdb", NULL);
  db = ct_database_create (path, CT_DEMO_PASSPHRASE, _("Demo user"), error);
  if (db == NULL ||
      !ct_setting_set (db, CT_SETTING_TEAM_NAME, _("Demo Clinical Team"), error) ||
      !ct_demo_data_fill (db, &size, DEMO_SEED, NULL, error))
    {
      g_clear_object (&db);
      ct_demo_remove (folder);
      return NULL;
    }

  sign_in_as_first_clinician (db);
  ct_store_reader_start (db, CT_DEMO_PASSPHRASE);
  g_object_set_data (G_OBJECT (db), "ct-demo", GINT_TO_POINTER (TRUE));
  *folder_out = g_steal_pointer (&folder);
  return g_steal_pointer (&db);
}

gboolean
ct_demo_is_demo (CtDatabase *db)
{
  return db != NULL && g_object_get_data (G_OBJECT (db), "ct-demo") != NULL;
}

void
ct_demo_use_private_settings (void)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}

void
ct_demo_remove (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}
