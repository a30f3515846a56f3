/* ct-training-event.c: a training event for carers and professionals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-training-event"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "ct-store-private.h"
#include "ct-training-event.h"
#include "ct-validate.h"

struct _CtTrainingEvent
{
  CtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CtTrainingEvent, ct_training_event, CT_TYPE_RECORD)

static const CtEnum topics = {
  { "developmental_trauma", "attachment", "therapeutic_parenting", "nvr", "pace_ddp", "sensory",
    "life_story", "self_harm", "other" },
  { N_("Developmental trauma"), N_("Attachment"), N_("Therapeutic parenting"),
    N_("Non-violent resistance (NVR)"), N_("PACE / DDP"), N_("Sensory"), N_("Life story"),
    N_("Self-harm"), N_("Other") },
};

/* The same words as a training attendance's role (ct-training-attendance.c),
 * with plural labels; a test keeps the two lists equal. */
static const CtEnum audiences = {
  { "foster_carers", "kinship_carers", "social_workers", "residential_staff", "education_staff",
    "other" },
  { N_("Foster carers"), N_("Kinship carers"), N_("Social workers"), N_("Residential staff"),
    N_("Education staff"), N_("Other") },
};

static const CtField fields[] = {
  { .name = "code", .label = N_("Code"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_IDENTIFIER },
  { .name = "title", .label = N_("Title"), .type = CT_FIELD_TEXT, .flags = CT_FIELD_REQUIRED },
  { .name = "topic", .label = N_("Topic"), .type = CT_FIELD_ENUM, .flags = CT_FIELD_REQUIRED,
    .words = &topics },
  { .name = "date", .label = N_("Date"), .type = CT_FIELD_DATE, .flags = CT_FIELD_REQUIRED },
  { .name = "duration_minutes", .label = N_("Duration (minutes)"), .type = CT_FIELD_INTEGER,
    .flags = CT_FIELD_REQUIRED, .minimum = 1, .maximum = CT_NO_MAXIMUM },
  { .name = "trainer", .label = N_("Trainer"), .type = CT_FIELD_TEXT },
  { .name = "audience", .label = N_("Audience"), .type = CT_FIELD_ENUM_LIST,
    .flags = CT_FIELD_REQUIRED, .words = &audiences,
    .side_table = "training_event_audience", .side_key = "event_id",
    .side_column = "audience" },
  { .name = "capacity", .label = N_("Capacity"), .type = CT_FIELD_INTEGER,
    .minimum = 0, .maximum = CT_NO_MAXIMUM },
};

static const CtUnique unique[] = {
  { { "code" }, NULL,
    N_("another training event already has the code “%s”; choose a different code.") },
  { { NULL } },
};

/* An event moved into the future cannot keep the people marked as having
 * come or not come (ct-training-attendance.c refuses them too). */
static gboolean
check_not_held_yet (CtRecord    *record,
                    CtDatabase  *db,
                    GError     **error)
{
  g_autofree char *date = ct_record_get_string_by_name (record, "date");
  g_autofree char *today = ct_validate_dup_today ();
  CtStatement *stmt;
  gint64 marked = 0;

  if (ct_record_get_id (record) == 0 || date == NULL || strcmp (date, today) <= 0)
    return TRUE;
  stmt = ct_database_prepare (db, "SELECT count (*) FROM training_attendance"
                                  " WHERE event_id = ?1"
                                  "   AND status IN ('attended', 'did_not_attend')", error);
  if (stmt == NULL)
    return FALSE;
  ct_statement_bind_int64 (stmt, 1, ct_record_get_id (record));
  if (!ct_store_query_int (db, stmt, &marked, error))
    return FALSE;
  if (marked == 0)
    return TRUE;
  return ct_record_invalid (record, "date", error,
                            _("%s is later than today, but the register marks people as "
                              "attended or not; enter the date the event was held."), date);
}

static const CtKind kind = {
  .name = "training_event",
  .cli_word = "training-events",
  .label = N_("Training event"),
  CT_KIND_PLURAL ("%u training event", "%u training events"),
  .this_record = N_("this training event"),
  .get_type = ct_training_event_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .order_by = "+t.date DESC, t.id DESC",
  .describe = { "code" },
  .unique = unique,
  .date_field = "date",
  .check_stored = check_not_held_yet,
};

static void
ct_training_event_class_init (CtTrainingEventClass *klass)
{
  ct_record_class_set_kind (CT_RECORD_CLASS (klass), &kind);
}

static void
ct_training_event_init (CtTrainingEvent *self)
{
}
