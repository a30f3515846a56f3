/* ct-referral.c: a referral, an episode of the team's involvement with one child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-referral"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-kind-private.h"
#include "ct-record-private.h"
#include "ct-referral.h"

struct _CtReferral
{
  CtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CtReferral, ct_referral, CT_TYPE_RECORD)

static const CtEnum sources = {
  { "social_worker", "iro", "virtual_school", "health", "foster_carer", "residential_home",
    "self_or_family", "other" },
  { N_("Social worker"), N_("Independent reviewing officer"), N_("Virtual school"), N_("Health"),
    N_("Foster carer"), N_("Residential home"), N_("Self or family"), N_("Other") },
};

static const CtEnum decisions = {
  { "accepted", "signposted", "declined", "pending" },
  { N_("Accepted"), N_("Signposted"), N_("Declined"), N_("Pending") },
};

static const CtEnum end_reasons = {
  { "goals_met", "planned_end", "disengaged", "moved_away", "transferred", "other" },
  { N_("Goals met"), N_("Planned end"), N_("Disengaged"), N_("Moved away"), N_("Transferred"),
    N_("Other") },
};

static const CtField fields[] = {
  { .name = "child", .label = N_("Child"), .type = CT_FIELD_REFERENCE,
    .flags = CT_FIELD_REQUIRED, .column = "child_id", .reference = "child" },
  { .name = "referral_date", .label = N_("Referral date"), .type = CT_FIELD_DATE,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_NOT_FUTURE },
  { .name = "referral_source", .label = N_("Referred by"), .type = CT_FIELD_ENUM,
    .flags = CT_FIELD_REQUIRED, .words = &sources },
  { .name = "decision", .label = N_("Decision"), .type = CT_FIELD_ENUM,
    .flags = CT_FIELD_REQUIRED, .words = &decisions },
  { .name = "decision_reason", .label = N_("Reason for the decision"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_CLINICAL_TEXT },
  { .name = "clinician", .label = N_("Clinician"), .type = CT_FIELD_REFERENCE,
    .column = "clinician_id", .reference = "staff" },
  { .name = "start_date", .label = N_("Start date"), .type = CT_FIELD_DATE,
    .not_before = "referral_date" },
  { .name = "end_date", .label = N_("End date"), .type = CT_FIELD_DATE,
    .not_before = "start_date" },
  { .name = "end_reason", .label = N_("End reason"), .type = CT_FIELD_ENUM,
    .words = &end_reasons },
  { .name = "child_reference", .label = N_("Child reference"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "c.reference" },
  { .name = "child_name", .label = N_("Child’s name"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "c.name" },
  { .name = "clinician_name", .label = N_("Clinician’s name"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "s.name" },
};

static const CtUnique unique[] = {
  { { "referral_date", "child" }, NULL,
    N_("this child already has a referral dated %s; change the date or edit that referral.") },
  { { NULL } },
};

/* A start date only when accepted; an end only after a start, and then
 * with its reason. */
static gboolean
check (CtRecord  *record,
       GError   **error)
{
  g_autofree char *decision = ct_record_get_string_by_name (record, "decision");
  g_autofree char *start = ct_record_get_string_by_name (record, "start_date");
  g_autofree char *end = ct_record_get_string_by_name (record, "end_date");
  g_autofree char *reason = ct_record_get_string_by_name (record, "end_reason");

  if (start != NULL && g_strcmp0 (decision, "accepted") != 0)
    return ct_record_invalid (record, "start_date", error,
                              _("only an accepted referral has a start date; set the "
                                "decision to “Accepted” or clear the start date."));
  if (end != NULL && start == NULL)
    return ct_record_invalid (record, "end_date", error,
                              _("a referral can only end after it started; enter the start "
                                "date first."));
  if (end != NULL && reason == NULL)
    return ct_record_invalid (record, "end_reason", error,
                              _("an ended referral needs the reason it ended; choose one."));
  if (end == NULL && reason != NULL)
    return ct_record_invalid (record, "end_reason", error,
                              _("only an ended referral has an end reason; enter the end date "
                                "or clear the end reason."));
  return TRUE;
}

static const CtKind kind = {
  .name = "referral",
  .cli_word = "referrals",
  .label = N_("Referral"),
  CT_KIND_PLURAL ("%u referral", "%u referrals"),
  .this_record = N_("this referral"),
  .get_type = ct_referral_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .joins = "JOIN child c ON c.id = t.child_id LEFT JOIN staff s ON s.id = t.clinician_id",
  .order_by = "+t.referral_date DESC, t.id DESC",
  .describe = { "child_reference", "referral_date" },
  .unique = unique,
  .check = check,
  .date_field = "referral_date",
  .staff_field = "clinician",
  .child_field = "child",
  .status_field = "decision",
};

static void
ct_referral_class_init (CtReferralClass *klass)
{
  ct_record_class_set_kind (CT_RECORD_CLASS (klass), &kind);
}

static void
ct_referral_init (CtReferral *self)
{
}
