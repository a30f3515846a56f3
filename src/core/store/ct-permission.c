/* ct-permission.c: the team server's table of who may do what, read by
 * the app
 *
 * The rules mirror the grants and policies of ct-server-schema.c
 * (tests/test-server-roles.c holds them to the server's own answers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-permission"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-permission.h"
#include "ct-record-private.h"
#include "ct-store-private.h"
#include "ct-store.h"

#define MAY(permission) (1u << (permission))
#define MAY_ALL (MAY (CT_PERMISSION_CREATE) | MAY (CT_PERMISSION_CHANGE) | MAY (CT_PERMISSION_DELETE))

/* What a clinician may do to any record of a kind and to their own, what
 * an administrator may do (to any); the clinical lead may do everything.
 * A record is a clinician's when its @owner reference is their staff id,
 * or, with @owner_sql, when that look-up of the reference gives it. */
typedef struct
{
  const char *kind;
  guint       clinician;
  guint       clinician_own;
  guint       administrator;
  const char *owner;
  const char *owner_sql;
} Rule;

static const Rule rules[] = {
  { "staff", .administrator = MAY_ALL },
  { "child", .clinician = MAY (CT_PERMISSION_CREATE), .administrator = MAY (CT_PERMISSION_CREATE) },
  { "referral", .clinician = MAY (CT_PERMISSION_CREATE), .clinician_own = MAY_ALL,
    .administrator = MAY (CT_PERMISSION_CREATE), .owner = "clinician" },
  { "consultation", .clinician_own = MAY_ALL, .administrator = MAY (CT_PERMISSION_CREATE),
    .owner = "clinician" },
  { "reflective_practice", .clinician_own = MAY_ALL, .administrator = MAY (CT_PERMISSION_CREATE),
    .owner = "facilitator" },
  { "goal", .clinician_own = MAY_ALL, .administrator = MAY (CT_PERMISSION_CREATE),
    .owner = "referral", .owner_sql = "SELECT clinician_id FROM referral WHERE id = ?1" },
  { "goal_rating", .clinician_own = MAY_ALL, .administrator = MAY (CT_PERMISSION_CREATE),
    .owner = "goal",
    .owner_sql = "SELECT r.clinician_id FROM goal g JOIN referral r ON r.id = g.referral_id"
                 " WHERE g.id = ?1" },
  { "training_event", .clinician = MAY_ALL, .administrator = MAY_ALL },
  { "training_attendance", .clinician = MAY_ALL, .administrator = MAY_ALL },
  { "sdq_score", .clinician = MAY (CT_PERMISSION_CREATE),
    .administrator = MAY (CT_PERMISSION_CREATE) },
};

static const Rule *
find_rule (const CtKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].kind, ct_kind_get_name (kind)))
      return &rules[i];
  g_return_val_if_reached (NULL);
}

/* What the role may do to any record of the rule's kind, and to the
 * person's own; FALSE when the store knows no role (everything). */
static gboolean
get_masks (CtDatabase *db,
           const Rule *rule,
           guint      *any,
           guint      *own)
{
  CtTeamRole role;

  if (!ct_database_get_role (db, &role) || role == CT_TEAM_ROLE_LEAD)
    return FALSE;
  *any = role == CT_TEAM_ROLE_CLINICIAN ? rule->clinician : rule->administrator;
  *own = role == CT_TEAM_ROLE_CLINICIAN ? rule->clinician_own : 0;
  return TRUE;
}

static gboolean
refuse (GError       **error,
        const char    *message)
{
  g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_NOT_ALLOWED, message);
  return FALSE;
}

static gboolean
refuse_for_role (CtPermission   permission,
                 GError       **error)
{
  static const char *const messages[] = {
    N_("Your role on the team server cannot add records of this kind."),
    N_("Your role on the team server cannot change records of this kind."),
    N_("Your role on the team server cannot delete records of this kind."),
  };

  return refuse (error, _(messages[permission]));
}

gboolean
ct_permission_check_kind (CtDatabase    *db,
                          const CtKind  *kind,
                          CtPermission   permission,
                          GError       **error)
{
  const Rule *rule;
  guint any, own;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  rule = find_rule (kind);
  if (!get_masks (db, rule, &any, &own) || ((any | own) & MAY (permission)) != 0)
    return TRUE;
  return refuse_for_role (permission, error);
}

/* The staff id whose record @record is (0 when not known yet); FALSE when
 * a look-up failed. */
static gboolean
find_owner (CtDatabase *db,
            const Rule *rule,
            CtRecord   *record,
            gint64     *owner,
            GError    **error)
{
  gint64 reference = ct_record_get_reference (record, rule->owner);
  CtStatement *stmt;

  *owner = 0;
  if (rule->owner_sql == NULL || reference == 0)
    {
      *owner = reference;
      return TRUE;
    }
  stmt = ct_database_prepare (db, rule->owner_sql, error);
  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_int64 (stmt, 1, reference);
  return ct_store_query_int (db, stmt, owner, error);
}

typedef enum
{
  ALLOWED,
  NOT_FOR_ROLE,
  NOT_OWN,
  NO_STAFF,
} Verdict;

/* FALSE when a look-up failed. @known_owner: whose @record is, as read
 * with it (NULL: looked up). */
static gboolean
judge (CtDatabase   *db,
       CtRecord     *record,
       const gint64 *known_owner,
       CtPermission  permission,
       Verdict      *verdict,
       GError      **error)
{
  const Rule *rule = find_rule (ct_record_get_kind (record));
  guint any, own;
  gint64 owner, own_staff;
  GError *local_error = NULL;

  *verdict = ALLOWED;
  if (!get_masks (db, rule, &any, &own) || (any & MAY (permission)) != 0)
    return TRUE;
  *verdict = NOT_FOR_ROLE;
  if ((own & MAY (permission)) == 0)
    return TRUE;
  if (known_owner != NULL)
    owner = *known_owner;
  else if (!find_owner (db, rule, record, &owner, error))
    return FALSE;
  own_staff = ct_store_find_own_staff (db, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  /* A new record whose owner is not chosen yet: validation asks for it. */
  if ((owner == 0 && permission == CT_PERMISSION_CREATE) || (owner != 0 && owner == own_staff))
    *verdict = ALLOWED;
  else
    *verdict = own_staff == 0 ? NO_STAFF : NOT_OWN;
  return TRUE;
}

/* TRUE when allowed; else FALSE with the reason. */
static gboolean
explain (Verdict        verdict,
         CtPermission   permission,
         GError       **error)
{
  static const char *const not_own[] = {
    N_("You can add only your own work."),
    N_("Only the clinician whose record this is, or the clinical lead, can change it."),
    N_("Only the clinician whose record this is, or the clinical lead, can delete it."),
  };

  switch (verdict)
    {
    case ALLOWED:
      return TRUE;
    case NOT_FOR_ROLE:
      return refuse_for_role (permission, error);
    case NO_STAFF:
      return refuse (error, _("Your login is not linked to a staff member, so no record is "
                              "yours to change. Ask your IT department to link it."));
    case NOT_OWN:
    default:
      return refuse (error, _(not_own[permission]));
    }
}

gboolean
ct_permission_check_record (CtDatabase    *db,
                            CtRecord      *record,
                            CtPermission   permission,
                            GError       **error)
{
  Verdict verdict;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (CT_IS_RECORD (record), FALSE);

  return judge (db, record, NULL, permission, &verdict, error) &&
         explain (verdict, permission, error);
}

gboolean
ct_permission_check_owned (CtDatabase    *db,
                           CtRecord      *record,
                           gint64         owner,
                           CtPermission   permission,
                           GError       **error)
{
  Verdict verdict;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (CT_IS_RECORD (record), FALSE);

  return judge (db, record, &owner, permission, &verdict, error) &&
         explain (verdict, permission, error);
}

gboolean
ct_permission_check_save (CtDatabase  *db,
                          CtRecord    *record,
                          GError     **error)
{
  CtPermission permission = ct_record_get_id (record) != 0 ? CT_PERMISSION_CHANGE
                                                           : CT_PERMISSION_CREATE;
  Verdict verdict;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (CT_IS_RECORD (record), FALSE);

  if (!judge (db, record, NULL, permission, &verdict, error))
    return FALSE;
  if (verdict == NOT_OWN)
    {
      const Rule *rule = find_rule (ct_record_get_kind (record));

      return ct_record_fail (record, ct_kind_find_field (ct_record_get_kind (record), rule->owner),
                             error, CT_DATABASE_ERROR_NOT_ALLOWED, "%s",
                             _("you can save only your own work: choose yourself, or an "
                               "episode allocated to you"));
    }
  return explain (verdict, permission, error);
}

gboolean
ct_permission_can_read_audit_log (CtDatabase *db)
{
  CtTeamRole role;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);

  return !ct_database_get_role (db, &role) || role != CT_TEAM_ROLE_CLINICIAN;
}
