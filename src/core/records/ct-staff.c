/* ct-staff.c: a member of the team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-staff"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-kind-private.h"
#include "ct-staff.h"

struct _CtStaff
{
  CtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CtStaff, ct_staff, CT_TYPE_RECORD)

static const CtEnum roles = {
  { "clinical_psychologist", "lead_therapeutic_practitioner", "family_therapist",
    "assistant_psychologist", "trainee", "administrator", "other" },
  { N_("Clinical psychologist"), N_("Lead therapeutic practitioner"), N_("Family therapist"),
    N_("Assistant psychologist"), N_("Trainee"), N_("Administrator"), N_("Other") },
};

static const CtField fields[] = {
  { .name = "name", .label = N_("Name"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_IDENTIFIER },
  { .name = "role", .label = N_("Role"), .type = CT_FIELD_ENUM, .flags = CT_FIELD_REQUIRED,
    .words = &roles },
  { .name = "active", .label = N_("Active"), .type = CT_FIELD_BOOLEAN, .default_text = "yes" },
};

/* Names are unique among active staff only. */
static const CtUnique unique[] = {
  { { "name", "active" }, "active",
    N_("an active staff member is already called “%s”; use another name or make the "
       "other profile inactive.") },
  { { NULL } },
};

static const CtKind kind = {
  .name = "staff",
  .cli_word = "staff",
  .label = N_("Staff member"),
  CT_KIND_PLURAL ("%u staff member", "%u staff members"),
  .this_record = N_("this staff member"),
  .get_type = ct_staff_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .order_by = "lower (t.name), t.id",
  .describe = { "name" },
  .unique = unique,
  .status_field = "active",
};

static void
ct_staff_class_init (CtStaffClass *klass)
{
  ct_record_class_set_kind (CT_RECORD_CLASS (klass), &kind);
}

static void
ct_staff_init (CtStaff *self)
{
}
