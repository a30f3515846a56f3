/* ct-training-attendance.c: one person's place at a training event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-training-attendance"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "ct-store-private.h"
#include "ct-training-attendance.h"
#include "ct-validate.h"

struct _CtTrainingAttendance
{
  CtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CtTrainingAttendance, ct_training_attendance, CT_TYPE_RECORD)

/* The words of a training event's audience, with singular labels. */
static const CtEnum roles = {
  { "foster_carers", "kinship_carers", "social_workers", "residential_staff", "education_staff",
    "other" },
  { N_("Foster carer"), N_("Kinship carer"), N_("Social worker"), N_("Residential staff"),
    N_("Education staff"), N_("Other") },
};

static const CtEnum statuses = {
  { "booked", "attended", "did_not_attend", "cancelled" },
  { N_("Booked"), N_("Attended"), N_("Did not attend"), N_("Cancelled") },
};

static const CtField fields[] = {
  { .name = "event", .label = N_("Training event"), .type = CT_FIELD_REFERENCE,
    .flags = CT_FIELD_REQUIRED, .column = "event_id", .reference = "training_event" },
  { .name = "attendee_name", .label = N_("Attendee"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_REQUIRED },
  { .name = "role", .label = N_("Role"), .type = CT_FIELD_ENUM, .flags = CT_FIELD_REQUIRED,
    .words = &roles },
  { .name = "organisation", .label = N_("Organisation"), .type = CT_FIELD_TEXT },
  { .name = "status", .label = N_("Status"), .type = CT_FIELD_ENUM, .flags = CT_FIELD_REQUIRED,
    .words = &statuses },
  { .name = "confidence_before", .label = N_("Confidence before"), .type = CT_FIELD_INTEGER,
    .minimum = 1, .maximum = 10 },
  { .name = "confidence_after", .label = N_("Confidence after"), .type = CT_FIELD_INTEGER,
    .minimum = 1, .maximum = 10 },
  { .name = "event_code", .label = N_("Event code"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "e.code" },
  { .name = "event_title", .label = N_("Event title"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "e.title" },
  { .name = "event_date", .label = N_("Event date"), .type = CT_FIELD_DATE,
    .flags = CT_FIELD_DISPLAY, .column = "e.date" },
};

/* The date of the event @record is booked on, or NULL with or without @error. */
static char *
dup_event_date (CtRecord    *record,
                CtDatabase  *db,
                GError     **error)
{
  CtStatement *stmt = ct_database_prepare (db, "SELECT date FROM training_event WHERE id = ?1",
                                           error);
  gboolean has_row = FALSE;
  char *date = NULL;

  if (stmt == NULL)
    return NULL;
  ct_statement_bind_int64 (stmt, 1, ct_record_get_reference (record, "event"));
  if (ct_statement_step (stmt, &has_row, _("read the training event"), error) && has_row)
    date = g_strdup (ct_statement_column_text (stmt, 0));
  ct_statement_reset (stmt);
  return date;
}

/* Who came (or did not) is known only once the event has been held. */
static gboolean
check_event_held (CtRecord    *record,
                  CtDatabase  *db,
                  GError     **error)
{
  g_autofree char *status = ct_record_get_string_by_name (record, "status");
  g_autofree char *event_date = NULL;
  g_autofree char *today = NULL;
  GError *local_error = NULL;

  if (g_strcmp0 (status, "attended") != 0 && g_strcmp0 (status, "did_not_attend") != 0)
    return TRUE;
  event_date = dup_event_date (record, db, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  today = ct_validate_dup_today ();
  if (event_date == NULL || strcmp (event_date, today) <= 0)
    return TRUE;
  return ct_record_invalid (record, "status", error,
                            _("the event is on %s, later than today; keep the place as "
                              "“Booked” (or “Cancelled”) until the event has been held."),
                            event_date);
}

static const CtKind kind = {
  .name = "training_attendance",
  .cli_word = "training-attendance",
  .label = N_("Training attendance"),
  CT_KIND_PLURAL ("%u training attendance", "%u training attendances"),
  .this_record = N_("this training attendance"),
  .get_type = ct_training_attendance_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .joins = "JOIN training_event e ON e.id = t.event_id",
  .order_by = "e.date DESC, t.event_id DESC, t.attendee_name, t.id",
  .describe = { "event_code", "attendee_name" },
  .date_field = "event_date",
  .event_field = "event",
  .status_field = "status",
  .check_stored = check_event_held,
};

static void
ct_training_attendance_class_init (CtTrainingAttendanceClass *klass)
{
  ct_record_class_set_kind (CT_RECORD_CLASS (klass), &kind);
}

static void
ct_training_attendance_init (CtTrainingAttendance *self)
{
}
