/* ct-sdq-score.c: a Strengths and Difficulties Questionnaire score
 *
 * A total difficulties score (0-40) or the SSDA903 reason why there is
 * none, never both; optional subscales that add up to the total.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-sdq-score"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-kind-private.h"
#include "ct-record-private.h"
#include "ct-sdq-score.h"

struct _CtSdqScore
{
  CtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CtSdqScore, ct_sdq_score, CT_TYPE_RECORD)

static const CtEnum informants = {
  { "carer", "teacher", "self" },
  { N_("Carer"), N_("Teacher"), N_("Self (the child or young person)") },
};

/* The codes of the DfE's SSDA903 return. */
static const CtEnum reasons = {
  { "SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5" },
  { N_("Child under 4 or over 16"), N_("Carer refused"),
    N_("Not possible because of the severity of the child’s disability"), N_("Other reason"),
    N_("Child or young person refused") },
};

#define SUBSCALE(field, text) \
  { .name = field, .label = text, .type = CT_FIELD_INTEGER, .minimum = 0, .maximum = 10 }

static const char *const difficulties[] = { "emotional", "conduct", "hyperactivity", "peer" };

static const CtField fields[] = {
  { .name = "child", .label = N_("Child"), .type = CT_FIELD_REFERENCE,
    .flags = CT_FIELD_REQUIRED, .column = "child_id", .reference = "child" },
  { .name = "date", .label = N_("Date"), .type = CT_FIELD_DATE,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_NOT_FUTURE },
  { .name = "informant", .label = N_("Informant"), .type = CT_FIELD_ENUM,
    .flags = CT_FIELD_REQUIRED, .words = &informants },
  { .name = "total", .label = N_("Total difficulties"), .type = CT_FIELD_INTEGER,
    .minimum = 0, .maximum = 40 },
  { .name = "reason", .label = N_("Reason for no score"), .type = CT_FIELD_ENUM,
    .words = &reasons },
  SUBSCALE ("emotional", N_("Emotional symptoms")),
  SUBSCALE ("conduct", N_("Conduct problems")),
  SUBSCALE ("hyperactivity", N_("Hyperactivity")),
  SUBSCALE ("peer", N_("Peer problems")),
  SUBSCALE ("prosocial", N_("Prosocial")),
  { .name = "child_reference", .label = N_("Child reference"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "c.reference" },
  { .name = "child_name", .label = N_("Child’s name"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "c.name" },
};

static int
get_number (CtRecord   *record,
            const char *name)
{
  return g_value_get_int (ct_record_peek_field (record,
                                                ct_kind_find_field (ct_record_get_kind (record),
                                                                    name)));
}

/* The sum of the four difficulty subscales, or -1 unless all four are given. */
static int
sum_of_subscales (CtRecord *record)
{
  int sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (difficulties); i++)
    {
      int value = get_number (record, difficulties[i]);

      if (value == CT_RECORD_NO_NUMBER)
        return -1;
      sum += value;
    }
  return sum;
}

/* Exactly one of a total and a reason; the subscales add up to the total. */
static gboolean
check (CtRecord  *record,
       GError   **error)
{
  int total = get_number (record, "total");
  g_autofree char *reason = ct_record_get_string_by_name (record, "reason");
  int sum = sum_of_subscales (record);

  if (total == CT_RECORD_NO_NUMBER && reason == NULL)
    return ct_record_invalid (record, "total", error,
                              _("enter the total difficulties score, or choose the reason "
                                "there is no score."));
  if (total != CT_RECORD_NO_NUMBER && reason != NULL)
    return ct_record_invalid (record, "reason", error,
                              _("a score with a total has no reason for no score; clear one "
                                "of the two."));
  if (sum >= 0 && sum != total)
    return ct_record_invalid (record, "total", error,
                              _("the four difficulty subscales add up to %d; the total must "
                                "be the same."), sum);
  return TRUE;
}

static const CtKind kind = {
  .name = "sdq_score",
  .cli_word = "sdq-scores",
  .label = N_("SDQ score"),
  CT_KIND_PLURAL ("%u SDQ score", "%u SDQ scores"),
  .this_record = N_("this SDQ score"),
  .get_type = ct_sdq_score_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .joins = "JOIN child c ON c.id = t.child_id",
  .order_by = "+t.date DESC, t.id DESC",
  .describe = { "child_reference", "date", "informant" },
  .check = check,
  .date_field = "date",
  .child_field = "child",
  .status_field = "informant",
};

static void
ct_sdq_score_class_init (CtSdqScoreClass *klass)
{
  ct_record_class_set_kind (CT_RECORD_CLASS (klass), &kind);
}

static void
ct_sdq_score_init (CtSdqScore *self)
{
}

const char *
ct_sdq_band_for_total (int total)
{
  if (total >= CT_SDQ_CONCERN_FROM)
    return "concern";
  if (total >= CT_SDQ_BORDERLINE_FROM)
    return "borderline";
  return "normal";
}
