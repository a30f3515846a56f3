/* ct-reflective-session.c: a session of a reflective practice group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-reflective-session"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-kind-private.h"
#include "ct-record-private.h"
#include "ct-reflective-session.h"

struct _CtReflectiveSession
{
  CtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CtReflectiveSession, ct_reflective_session, CT_TYPE_RECORD)

static const CtEnum settings = {
  { "social_work_team", "residential_home", "fostering", "leaving_care", "education", "other" },
  { N_("Social work team"), N_("Residential home"), N_("Fostering"), N_("Leaving care"),
    N_("Education"), N_("Other") },
};

static const CtEnum statuses = {
  { "held", "cancelled" },
  { N_("Held"), N_("Cancelled") },
};

/* Attendees and duration may be 0 here for a cancelled session; check()
 * asks more of a held one. */
static const CtField fields[] = {
  { .name = "date", .label = N_("Date"), .type = CT_FIELD_DATE,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_NOT_FUTURE },
  { .name = "facilitator", .label = N_("Facilitator"), .type = CT_FIELD_REFERENCE,
    .flags = CT_FIELD_REQUIRED, .column = "facilitator_id", .reference = "staff" },
  { .name = "group", .label = N_("Group"), .type = CT_FIELD_TEXT, .flags = CT_FIELD_REQUIRED,
    .column = "group_name" },
  { .name = "setting", .label = N_("Setting"), .type = CT_FIELD_ENUM,
    .flags = CT_FIELD_REQUIRED, .words = &settings },
  { .name = "status", .label = N_("Status"), .type = CT_FIELD_ENUM, .flags = CT_FIELD_REQUIRED,
    .words = &statuses },
  { .name = "attendees", .label = N_("Attendees"), .type = CT_FIELD_INTEGER,
    .flags = CT_FIELD_REQUIRED, .minimum = 0, .maximum = CT_NO_MAXIMUM },
  { .name = "duration_minutes", .label = N_("Duration (minutes)"), .type = CT_FIELD_INTEGER,
    .flags = CT_FIELD_REQUIRED, .minimum = 0, .maximum = CT_NO_MAXIMUM },
  { .name = "rating", .label = N_("Rating"), .type = CT_FIELD_REAL, .minimum = 1, .maximum = 5 },
  { .name = "themes", .label = N_("Themes"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_CLINICAL_TEXT },
  { .name = "facilitator_name", .label = N_("Facilitator’s name"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "s.name" },
};

/* A held session had people and took time; a cancelled one had nobody and
 * was not rated. */
static gboolean
check (CtRecord  *record,
       GError   **error)
{
  g_autofree char *status = NULL;
  int attendees, duration;
  double rating;

  g_object_get (record, "status", &status, "attendees", &attendees,
                "duration-minutes", &duration, "rating", &rating, NULL);

  if (g_str_equal (status, "cancelled"))
    {
      if (attendees != 0)
        return ct_record_invalid (record, "attendees", error,
                                  _("a cancelled session has 0 attendees; enter 0 or set "
                                    "the status to “Held”."));
      if (rating != CT_RECORD_NO_NUMBER)
        return ct_record_invalid (record, "rating", error,
                                  _("a cancelled session cannot be rated; clear the rating."));
      return TRUE;
    }
  if (attendees < 1)
    return ct_record_invalid (record, "attendees", error,
                              _("a held session has at least 1 attendee; enter how many came, "
                                "or set the status to “Cancelled”."));
  if (duration < 1)
    return ct_record_invalid (record, "duration_minutes", error,
                              _("a held session lasts at least 1 minute; enter its length."));
  return TRUE;
}

static const CtKind kind = {
  .name = "reflective_practice",
  .cli_word = "reflective-practice",
  .label = N_("Reflective practice session"),
  CT_KIND_PLURAL ("%u reflective practice session", "%u reflective practice sessions"),
  .this_record = N_("this reflective practice session"),
  .get_type = ct_reflective_session_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .joins = "JOIN staff s ON s.id = t.facilitator_id",
  .order_by = "+t.date DESC, t.id DESC",
  .describe = { "date", "group" },
  .check = check,
  .date_field = "date",
  .staff_field = "facilitator",
  .status_field = "status",
};

static void
ct_reflective_session_class_init (CtReflectiveSessionClass *klass)
{
  ct_record_class_set_kind (CT_RECORD_CLASS (klass), &kind);
}

static void
ct_reflective_session_init (CtReflectiveSession *self)
{
}
