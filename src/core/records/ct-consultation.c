/* ct-consultation.c: a consultation with a social worker or a network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-consultation"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-consultation.h"
#include "ct-kind-private.h"

struct _CtConsultation
{
  CtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CtConsultation, ct_consultation, CT_TYPE_RECORD)

static const CtEnum requesters = {
  { "social_worker", "team_manager", "iro", "virtual_school", "foster_carer", "residential_staff",
    "health", "other" },
  { N_("Social worker"), N_("Team manager"), N_("Independent reviewing officer"),
    N_("Virtual school"), N_("Foster carer"), N_("Residential staff"), N_("Health"), N_("Other") },
};

static const CtEnum topics = {
  { "mental_health", "sibling_assessment", "placement_fragility", "reunification",
    "network_conflict", "family_contact", "transitions", "risk", "other" },
  { N_("Mental health"), N_("Sibling assessment"), N_("Placement fragility"), N_("Reunification"),
    N_("Network conflict"), N_("Family contact"), N_("Transitions"), N_("Risk"), N_("Other") },
};

static const CtEnum modes = {
  { "in_person", "video", "phone" },
  { N_("In person"), N_("Video"), N_("Phone") },
};

static const CtEnum outcomes = {
  { "advice_given", "further_consultation", "referral_accepted", "signposted", "other" },
  { N_("Advice given"), N_("Further consultation"), N_("Referral accepted"), N_("Signposted"),
    N_("Other") },
};

/* A consultation lasts at least a minute: a 0 would be a slip, and it would
 * count in the committee's hours. */
static const CtField fields[] = {
  { .name = "date", .label = N_("Date"), .type = CT_FIELD_DATE,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_NOT_FUTURE },
  { .name = "clinician", .label = N_("Clinician"), .type = CT_FIELD_REFERENCE,
    .flags = CT_FIELD_REQUIRED, .column = "clinician_id", .reference = "staff" },
  { .name = "child", .label = N_("Child"), .type = CT_FIELD_REFERENCE,
    .column = "child_id", .reference = "child" },
  { .name = "requested_by", .label = N_("Requested by"), .type = CT_FIELD_ENUM,
    .flags = CT_FIELD_REQUIRED, .words = &requesters },
  { .name = "team", .label = N_("Team"), .type = CT_FIELD_TEXT },
  { .name = "topics", .label = N_("Topics"), .type = CT_FIELD_ENUM_LIST,
    .flags = CT_FIELD_REQUIRED, .words = &topics,
    .side_table = "consultation_topic", .side_key = "consultation_id", .side_column = "topic" },
  { .name = "mode", .label = N_("Mode"), .type = CT_FIELD_ENUM, .flags = CT_FIELD_REQUIRED,
    .words = &modes },
  { .name = "duration_minutes", .label = N_("Duration (minutes)"), .type = CT_FIELD_INTEGER,
    .flags = CT_FIELD_REQUIRED, .minimum = 1, .maximum = CT_NO_MAXIMUM },
  { .name = "attendees", .label = N_("Attendees"), .type = CT_FIELD_INTEGER,
    .flags = CT_FIELD_REQUIRED, .minimum = 1, .maximum = CT_NO_MAXIMUM },
  { .name = "outcome", .label = N_("Outcome"), .type = CT_FIELD_ENUM,
    .flags = CT_FIELD_REQUIRED, .words = &outcomes },
  { .name = "notes", .label = N_("Notes"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_SENSITIVE | CT_FIELD_CLINICAL_TEXT },
  { .name = "child_reference", .label = N_("Child reference"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "c.reference" },
  { .name = "child_name", .label = N_("Child’s name"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "c.name" },
  { .name = "clinician_name", .label = N_("Clinician’s name"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "s.name" },
};

static const CtKind kind = {
  .name = "consultation",
  .cli_word = "consultations",
  .label = N_("Consultation"),
  CT_KIND_PLURAL ("%u consultation", "%u consultations"),
  .this_record = N_("this consultation"),
  .get_type = ct_consultation_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .joins = "LEFT JOIN child c ON c.id = t.child_id JOIN staff s ON s.id = t.clinician_id",
  .order_by = "+t.date DESC, t.id DESC",
  .describe = { "date", "clinician_name" },
  .date_field = "date",
  .staff_field = "clinician",
  .child_field = "child",
};

static void
ct_consultation_class_init (CtConsultationClass *klass)
{
  ct_record_class_set_kind (CT_RECORD_CLASS (klass), &kind);
}

static void
ct_consultation_init (CtConsultation *self)
{
}
