/* ct-store-find.c: finding records by their natural keys, for the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-store-private.h"
#include "ct-store.h"
#include "ct-text-clean.h"

/* Runs a bound look-up: the id, or 0 with NOT_FOUND and the message
 * @format. A NULL @stmt (its preparation failed, setting @error) finds
 * nothing. */
static gint64 run_lookup (CtDatabase    *db,
                          CtStatement *stmt,
                          GError       **error,
                          const char    *format,
                          ...) G_GNUC_PRINTF (4, 5);

static gint64
run_lookup (CtDatabase    *db,
            CtStatement *stmt,
            GError       **error,
            const char    *format,
            ...)
{
  gint64 id = 0;
  va_list args;

  if (stmt == NULL || !ct_store_query_int (db, stmt, &id, error))
    return 0;
  if (id == 0 && error != NULL)
    {
      va_start (args, format);
      *error = g_error_new_valist (CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND, format, args);
      va_end (args);
    }
  return id;
}

/* Prepares @sql and binds @text to ?1; NULL on error. */
static CtStatement *
prepare_with_text (CtDatabase  *db,
                   const char  *sql,
                   const char  *text,
                   GError     **error)
{
  CtStatement *stmt = ct_database_prepare (db, sql, error);

  if (stmt != NULL)
    ct_statement_bind_text (stmt, 1, text);
  return stmt;
}

gint64
ct_store_find_staff (CtDatabase  *db,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (db), 0);
  g_return_val_if_fail (name != NULL, 0);

  quoted = ct_text_dup_quote (name);
  return run_lookup (db, prepare_with_text (db, CT_SQL_STAFF_BY_NAME, name, error),
                     error, _("There is no staff member called “%s”."), quoted);
}

gint64
ct_store_find_staff_of_login (CtDatabase  *db,
                              const char  *login,
                              GError     **error)
{
  CtStatement *stmt;
  gint64 id = 0;

  g_return_val_if_fail (CT_IS_DATABASE (db), 0);
  g_return_val_if_fail (login != NULL, 0);

  stmt = prepare_with_text (db, ct_database_get_dialect (db)->own_staff, login, error);
  if (stmt == NULL || !ct_store_query_int (db, stmt, &id, error))
    return 0;
  return id;
}

gint64
ct_store_find_own_staff (CtDatabase  *db,
                         GError     **error)
{
  const char *actor;
  gint64 id;

  g_return_val_if_fail (CT_IS_DATABASE (db), 0);

  actor = ct_database_get_actor (db);
  if (actor == NULL)
    return 0;
  if ((id = ct_database_get_own_staff (db)) != 0)
    return id;
  id = ct_store_find_staff_of_login (db, actor, error);
  if (id != 0)
    ct_database_set_own_staff (db, id);
  return id;
}

gint64
ct_store_peek_own_staff (CtDatabase *db)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), 0);

  return ct_database_get_own_staff (db);
}

gint64
ct_store_ensure_staff (CtDatabase  *db,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CtRecord) staff = NULL;
  gint64 id;

  g_return_val_if_fail (CT_IS_DATABASE (db), 0);
  g_return_val_if_fail (name != NULL, 0);

  id = ct_store_find_staff (db, name, &local_error);
  if (id != 0)
    return id;
  if (!g_error_matches (local_error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  staff = ct_record_new (ct_kind_lookup ("staff"));
  g_object_set (staff, "name", name, "role", "other", "active", TRUE, NULL);
  return ct_store_insert (db, staff, error) ? ct_record_get_id (staff) : 0;
}

gint64
ct_store_find_child (CtDatabase  *db,
                     const char  *reference,
                     GError     **error)
{
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (db), 0);
  g_return_val_if_fail (reference != NULL, 0);

  quoted = ct_text_dup_quote (reference);
  return run_lookup (db, prepare_with_text (db, "SELECT id FROM child WHERE reference = ?1",
                                            reference, error),
                     error, _("There is no child with the reference “%s”."), quoted);
}

gint64
ct_store_find_referral (CtDatabase  *db,
                        const char  *child_reference,
                        const char  *referral_date,
                        GError     **error)
{
  CtStatement *stmt;
  g_autofree char *quoted = NULL;
  g_autofree char *quoted_date = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (db), 0);
  g_return_val_if_fail (child_reference != NULL && referral_date != NULL, 0);

  stmt = prepare_with_text (db, "SELECT r.id FROM referral r JOIN child c ON c.id = r.child_id"
                                " WHERE c.reference = ?1 AND r.referral_date = ?2",
                            child_reference, error);
  if (stmt != NULL)
    ct_statement_bind_text (stmt, 2, referral_date);
  quoted = ct_text_dup_quote (child_reference);
  quoted_date = ct_text_dup_quote (referral_date);
  return run_lookup (db, stmt, error, _("The child “%s” has no referral dated %s."),
                     quoted, quoted_date);
}

gint64
ct_store_find_goal (CtDatabase  *db,
                    gint64       referral_id,
                    gint         number,
                    GError     **error)
{
  CtStatement *stmt;

  g_return_val_if_fail (CT_IS_DATABASE (db), 0);

  stmt = ct_database_prepare (db, "SELECT id FROM goal WHERE referral_id = ?1 AND number = ?2",
                              error);
  if (stmt != NULL)
    {
      ct_statement_bind_int64 (stmt, 1, referral_id);
      ct_statement_bind_int64 (stmt, 2, number);
    }
  return run_lookup (db, stmt, error, _("This referral has no goal number %d."), number);
}

gint64
ct_store_find_training_event (CtDatabase  *db,
                              const char  *code,
                              GError     **error)
{
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (db), 0);
  g_return_val_if_fail (code != NULL, 0);

  quoted = ct_text_dup_quote (code);
  return run_lookup (db, prepare_with_text (db, "SELECT id FROM training_event WHERE code = ?1",
                                            code, error),
                     error, _("There is no training event with the code “%s”."), quoted);
}
