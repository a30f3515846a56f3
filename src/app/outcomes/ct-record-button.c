/* ct-record-button.c: a button that acts on one record of a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-button"

#include "config.h"

#include "ct-kind.h"
#include "ct-record-button.h"

void
ct_record_button_explain (GtkWidget    *widget,
                          const char   *does,
                          const GError *why_not)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_tooltip_text (widget, why_not != NULL ? why_not->message : does);
  if (why_not != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why_not->message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Gives up @button when @allowed is FALSE, saying why. */
static void
disable_unless (GtkWidget    *button,
                gboolean      allowed,
                const GError *why_not)
{
  if (allowed)
    return;
  /* An action's helper makes its button sensitive whenever the action is
   * enabled, for every target: the button gives up its action. */
  if (GTK_IS_ACTIONABLE (button))
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
  gtk_widget_set_sensitive (button, FALSE);
  ct_record_button_explain (button, NULL, why_not);
}

void
ct_record_button_check (GtkWidget    *button,
                        CtDatabase   *database,
                        CtRecord     *record,
                        CtPermission  permission)
{
  g_autoptr(GError) why_not = NULL;
  gboolean allowed;

  g_return_if_fail (GTK_IS_WIDGET (button));
  g_return_if_fail (CT_IS_DATABASE (database));

  allowed = ct_permission_check_record (database, record, permission, &why_not);
  disable_unless (button, allowed, why_not);
}

static void
check_owned (GtkWidget    *button,
             CtDatabase   *database,
             CtRecord     *record,
             gint64        owner,
             CtPermission  permission)
{
  g_autoptr(GError) why_not = NULL;
  gboolean allowed = ct_permission_check_owned (database, record, owner, permission, &why_not);

  disable_unless (button, allowed, why_not);
}

void
ct_record_button_check_new (GtkWidget    *button,
                            CtDatabase   *database,
                            const CtKind *kind,
                            const char   *reference,
                            gint64        id,
                            gint64        owner)
{
  g_autoptr(CtRecord) record = NULL;

  g_return_if_fail (GTK_IS_WIDGET (button));
  g_return_if_fail (CT_IS_DATABASE (database));

  record = ct_record_new (kind);
  ct_record_set_reference (record, reference, id);
  check_owned (button, database, record, owner, CT_PERMISSION_CREATE);
}

/* @owner: whose @record is, as read with it (NULL: looked up). */
static GtkWidget *
new_button (CtDatabase   *database,
            CtPermission  permission,
            const char   *label,
            const char   *icon_name,
            const char   *action,
            CtRecord     *record,
            const gint64 *owner)
{
  GtkWidget *button;

  g_return_val_if_fail (CT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (CT_IS_RECORD (record), NULL);

  if (icon_name != NULL)
    {
      button = gtk_button_new_from_icon_name (icon_name);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  else
    button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(sx)",
                                                         ct_kind_get_name (ct_record_get_kind (record)),
                                                         ct_record_get_id (record)));
  if (owner != NULL)
    check_owned (button, database, record, *owner, permission);
  else
    ct_record_button_check (button, database, record, permission);
  return button;
}

GtkWidget *
ct_record_button_new (CtDatabase   *database,
                      CtPermission  permission,
                      const char   *label,
                      const char   *icon_name,
                      const char   *action,
                      CtRecord     *record)
{
  return new_button (database, permission, label, icon_name, action, record, NULL);
}

GtkWidget *
ct_record_button_new_owned (CtDatabase   *database,
                            CtPermission  permission,
                            const char   *label,
                            const char   *icon_name,
                            const char   *action,
                            CtRecord     *record,
                            gint64        owner)
{
  return new_button (database, permission, label, icon_name, action, record, &owner);
}

const CtKind *
ct_record_button_parse_target (GVariant *target,
                               gint64   *id)
{
  const char *kind_name;

  g_return_val_if_fail (g_variant_is_of_type (target, G_VARIANT_TYPE ("(sx)")), NULL);

  g_variant_get (target, "(&sx)", &kind_name, id);
  return ct_kind_lookup (kind_name);
}
