/* ct-timeline.h: everything recorded about one child, in date order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-database.h"
#include "ct-kind.h"

G_BEGIN_DECLS

/**
 * CtTimelineEvent:
 * @CT_TIMELINE_REFERRED: a referral was received (its decision)
 * @CT_TIMELINE_STARTED: the referral's episode started
 * @CT_TIMELINE_CONSULTED: a consultation about the child
 * @CT_TIMELINE_GOAL_SET: a goal (dated by its first rating, else the episode)
 * @CT_TIMELINE_RATED: a rating of a goal
 * @CT_TIMELINE_SDQ: an SDQ score
 * @CT_TIMELINE_ENDED: the referral's episode ended (its end reason)
 *
 * What happened on a day, in the order of events on the same day.
 */
typedef enum
{
  CT_TIMELINE_REFERRED = 1,
  CT_TIMELINE_STARTED,
  CT_TIMELINE_CONSULTED,
  CT_TIMELINE_GOAL_SET,
  CT_TIMELINE_RATED,
  CT_TIMELINE_SDQ,
  CT_TIMELINE_ENDED,
} CtTimelineEvent;

/* One entry. Texts are NULL when not recorded; numbers CT_RECORD_NO_NUMBER. */
typedef struct
{
  CtTimelineEvent  event;
  gint64           record_id;    /* of ct_timeline_event_get_kind (event) */
  char            *date;         /* YYYY-MM-DD */
  /* The record's own word: a referral's decision or end reason, a
   * consultation's outcome, who set a goal, a rating's time point, an SDQ
   * informant. */
  char            *word;
  char            *reason;       /* an SDQ's reason for no score */
  int              number;       /* a goal's number, a consultation's minutes */
  double           score;        /* a rating's score, an SDQ total */
  char            *description;  /* a goal's; NULL where the store hides clinical text */
  char            *staff;        /* the clinician of a referral or consultation */
} CtTimelineFacts;

#define CT_TYPE_TIMELINE_ENTRY (ct_timeline_entry_get_type ())
G_DECLARE_FINAL_TYPE (CtTimelineEntry, ct_timeline_entry, CT, TIMELINE_ENTRY, GObject)

/* The entries about @child_id, newest first (the latest day at the top,
 * a day's events in reverse order), as a GListModel of CtTimelineEntry; or
 * NULL with @error. One query; no consultation notes are read. */
GListModel            *ct_timeline_list               (CtDatabase      *db,
                                                       gint64           child_id,
                                                       GError         **error);

const CtTimelineFacts *ct_timeline_entry_get_facts    (CtTimelineEntry *self);
/* The kind of the record an event is about ("referral", "goal_rating", ...). */
const CtKind          *ct_timeline_event_get_kind     (CtTimelineEvent  event);

G_END_DECLS
