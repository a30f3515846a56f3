/* ct-goal-rating.c: a 0–10 rating of a goal at baseline, a review or the end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-goal-rating"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-goal-rating.h"
#include "ct-kind-private.h"

struct _CtGoalRating
{
  CtRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CtGoalRating, ct_goal_rating, CT_TYPE_RECORD)

static const CtEnum time_points = {
  { "baseline", "review", "end" },
  { N_("Baseline"), N_("Review"), N_("End") },
};

static const CtField fields[] = {
  { .name = "goal", .label = N_("Goal"), .type = CT_FIELD_REFERENCE, .flags = CT_FIELD_REQUIRED,
    .column = "goal_id", .reference = "goal" },
  { .name = "date", .label = N_("Date"), .type = CT_FIELD_DATE,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_NOT_FUTURE },
  { .name = "time_point", .label = N_("Time point"), .type = CT_FIELD_ENUM,
    .flags = CT_FIELD_REQUIRED, .words = &time_points },
  { .name = "score", .label = N_("Score"), .type = CT_FIELD_REAL,
    .flags = CT_FIELD_REQUIRED | CT_FIELD_HALF_POINTS, .minimum = 0, .maximum = 10 },
  { .name = "referral_id", .label = N_("Referral"), .type = CT_FIELD_REFERENCE,
    .flags = CT_FIELD_DISPLAY, .column = "g.referral_id", .reference = "referral" },
  { .name = "goal_number", .label = N_("Goal number"), .type = CT_FIELD_INTEGER,
    .flags = CT_FIELD_DISPLAY, .column = "g.number" },
  { .name = "child_id", .label = N_("Child"), .type = CT_FIELD_REFERENCE,
    .flags = CT_FIELD_DISPLAY, .column = "r.child_id", .reference = "child" },
  { .name = "child_reference", .label = N_("Child reference"), .type = CT_FIELD_TEXT,
    .flags = CT_FIELD_DISPLAY, .column = "c.reference" },
  { .name = "referral_date", .label = N_("Referral date"), .type = CT_FIELD_DATE,
    .flags = CT_FIELD_DISPLAY, .column = "r.referral_date" },
};

/* One baseline and at most one end per goal; any number of reviews. */
static const CtUnique unique[] = {
  { { "time_point", "goal" }, "time_point IN ('baseline', 'end')",
    N_("this goal already has a rating at “%s”; edit that rating instead.") },
  { { NULL } },
};

static const CtKind kind = {
  .name = "goal_rating",
  .cli_word = "goal-ratings",
  .label = N_("Goal rating"),
  CT_KIND_PLURAL ("%u goal rating", "%u goal ratings"),
  .this_record = N_("this goal rating"),
  .get_type = ct_goal_rating_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .joins = "JOIN goal g ON g.id = t.goal_id JOIN referral r ON r.id = g.referral_id"
           " JOIN child c ON c.id = r.child_id",
  .order_by = "+t.date DESC, t.id DESC",
  .describe = { "child_reference", "goal_number", "time_point" },
  .unique = unique,
  .date_field = "date",
  .child_field = "child_id",
  .referral_field = "referral_id",
  .goal_field = "goal",
  .status_field = "time_point",
};

static void
ct_goal_rating_class_init (CtGoalRatingClass *klass)
{
  ct_record_class_set_kind (CT_RECORD_CLASS (klass), &kind);
}

static void
ct_goal_rating_init (CtGoalRating *self)
{
}
