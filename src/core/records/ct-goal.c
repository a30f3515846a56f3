/* ct-goal.c: a goal of a referral's direct work, in the person's own words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-goal"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-goal.h"
#include "ct-kind-private.h"

struct _CtGoal
{
  CtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CtGoal, ct_goal, CT_TYPE_RECORD)

static const CtEnum setters = {
  { "child", "carer", "parent", "professional", "jointly" },
  { N_("Child"), N_("Carer"), N_("Parent"), N_("Professional"), N_("Jointly") },
};

static const CtField fields[] = {
  { .name = "referral", .label = N_("Referral"), .type = CT_FIELD_REFERENCE,
    .flags = CT_FIELD_REQUIRED, .column = "referral_id", .reference = "referral" },
  { .name = "number", .label = N_("Goal number"), .type = CT_FIELD_INTEGER,
    .flags = CT_FIELD_REQUIRED, .minimum = 1, .maximum = CT_NO_MAXIMUM },
  { .name = "description", .label = N_("Description"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_CLINICAL_TEXT },
  { .name = "set_by", .label = N_("Set by"), .type = CT_FIELD_ENUM, .flags = CT_FIELD_REQUIRED,
    .words = &setters },
  { .name = "child_id", .label = N_("Child"), .type = CT_FIELD_REFERENCE,
    .flags = CT_FIELD_DISPLAY, .column = "r.child_id", .reference = "child" },
  { .name = "child_reference", .label = N_("Child reference"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "c.reference" },
  { .name = "child_name", .label = N_("Child’s name"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "c.name" },
  { .name = "referral_date", .label = N_("Referral date"), .type = CT_FIELD_DATE,
    .flags = CT_FIELD_DISPLAY, .column = "r.referral_date" },
};

static const CtUnique unique[] = {
  { { "number", "referral" }, NULL,
    N_("this referral already has a goal number %s; choose another number.") },
  { { NULL } },
};

static const CtKind kind = {
  .name = "goal",
  .cli_word = "goals",
  .label = N_("Goal"),
  CT_KIND_PLURAL ("%u goal", "%u goals"),
  .this_record = N_("this goal"),
  .get_type = ct_goal_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .joins = "JOIN referral r ON r.id = t.referral_id JOIN child c ON c.id = r.child_id",
  .order_by = "r.referral_date DESC, t.referral_id DESC, t.number",
  .describe = { "child_reference", "referral_date", "number" },
  .unique = unique,
  .child_field = "child_id",
  .referral_field = "referral",
};

static void
ct_goal_class_init (CtGoalClass *klass)
{
  ct_record_class_set_kind (CT_RECORD_CLASS (klass), &kind);
}

static void
ct_goal_init (CtGoal *self)
{
}
