/* ct-child.c: a child the team works for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-child"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-child.h"
#include "ct-kind-private.h"

struct _CtChild
{
  CtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CtChild, ct_child, CT_TYPE_RECORD)

static const CtEnum genders = {
  { "female", "male", "other", "not_stated" },
  { N_("Female"), N_("Male"), N_("Other"), N_("Not stated") },
};

static const CtEnum legal_statuses = {
  { "looked_after", "edge_of_care", "care_leaver", "adopted", "special_guardianship", "other" },
  { N_("Looked after"), N_("Edge of care"), N_("Care leaver"), N_("Adopted"),
    N_("Special guardianship"), N_("Other") },
};

static const CtEnum placement_types = {
  { "in_house_foster", "agency_foster", "kinship", "residential", "placed_with_parents",
    "supported_accommodation", "adoptive", "other" },
  { N_("In-house foster care"), N_("Agency foster care"), N_("Kinship care"), N_("Residential"),
    N_("Placed with parents"), N_("Supported accommodation"), N_("Adoptive"), N_("Other") },
};

static const CtEnum placement_areas = {
  { "in_area", "out_of_area" },
  { N_("In area"), N_("Out of area") },
};

static const CtField fields[] = {
  { .name = "reference", .label = N_("Reference"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_IDENTIFIER },
  { .name = "name", .label = N_("Name"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_IDENTIFIER },
  { .name = "date_of_birth", .label = N_("Date of birth"), .type = CT_FIELD_DATE,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_NOT_FUTURE },
  { .name = "gender", .label = N_("Gender"), .type = CT_FIELD_ENUM, .words = &genders },
  { .name = "legal_status", .label = N_("Legal status"), .type = CT_FIELD_ENUM,
    .flags = CT_FIELD_REQUIRED, .words = &legal_statuses },
  { .name = "placement_type", .label = N_("Placement type"), .type = CT_FIELD_ENUM,
    .flags = CT_FIELD_REQUIRED, .words = &placement_types },
  { .name = "placement_area", .label = N_("Placement area"), .type = CT_FIELD_ENUM,
    .flags = CT_FIELD_REQUIRED, .words = &placement_areas },
  /* TRANSLATORS: unaccompanied asylum-seeking child */
  { .name = "uasc", .label = N_("UASC"), .type = CT_FIELD_BOOLEAN, .default_text = "no" },
};

static const CtUnique unique[] = {
  { { "reference" }, NULL,
    N_("another child already has the reference “%s”; references must be unique.") },
  { { NULL } },
};

static const CtKind kind = {
  .name = "child",
  .cli_word = "children",
  .label = N_("Child"),
  CT_KIND_PLURAL ("%u child", "%u children"),
  .this_record = N_("this child"),
  .get_type = ct_child_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .order_by = "t.reference, t.id",
  .describe = { "reference" },
  .unique = unique,
};

static void
ct_child_class_init (CtChildClass *klass)
{
  ct_record_class_set_kind (CT_RECORD_CLASS (klass), &kind);
}

static void
ct_child_init (CtChild *self)
{
}
