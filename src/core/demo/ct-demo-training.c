/* ct-demo-training.c: demo training events and who booked and attended
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-demo"

#include "config.h"

#include "ct-demo-private.h"

#define MAX_AUDIENCES 3
/* Attendees come back: about three places per person. */
#define PLACES_PER_PERSON 3
#define MIN_PEOPLE        12
/* Days after an event before its attendance is recorded. */
#define UNRECORDED_DAYS   14

static gint
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 day_a = *(const guint32 *) a;
  guint32 day_b = *(const guint32 *) b;

  return day_a < day_b ? -1 : day_a > day_b;
}

/* Event dates in order, so that codes count up within each year. */
static GArray *
event_days (CtDemoGen *gen)
{
  GArray *days = g_array_sized_new (FALSE, FALSE, sizeof (guint32), gen->size->training_events);

  for (guint i = 0; i < gen->size->training_events; i++)
    {
      guint32 day = ct_demo_random_day (gen, gen->first_day, gen->today);

      g_array_append_val (days, day);
    }
  g_array_sort (days, compare_days);
  return days;
}

/* "TR-2024-07": the year and the event's number within it. */
static char *
event_code (guint32  day,
            guint   *year,
            guint   *number)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (g_date_get_year (&date) != *year)
    {
      *year = g_date_get_year (&date);
      *number = 0;
    }
  return g_strdup_printf ("TR-%04u-%02u", *year, ++*number);
}

static gboolean
add_event (CtDemoGen   *gen,
           guint        i,
           guint32      day,
           const char  *code,
           GError     **error)
{
  g_autofree char *date = ct_demo_format_day (day);
  const char *topic = ct_demo_pick_word (gen, CT_TYPE_TRAINING_EVENT, "topic", i, NULL);
  gint minutes = 60 * ct_demo_random (gen, 2, 6);
  const char *trainer = NULL;
  const char **audience = ct_demo_pick_words (gen, CT_TYPE_TRAINING_EVENT, "audience", i,
                                              MAX_AUDIENCES);
  gint capacity = ct_demo_chance (gen, 85) ? (gint) ct_demo_random (gen, 15, 40) : CT_RECORD_NO_NUMBER;
  gint64 id;

  if (gen->clinician_ids->len > 0 && ct_demo_chance (gen, 80))
    ct_demo_pick_clinician (gen, &trainer);
  else if (ct_demo_chance (gen, 50))
    trainer = "Demo Training Partner";

  g_ptr_array_add (gen->event_audiences, audience);
  id = ct_demo_add (gen, error, CT_TYPE_TRAINING_EVENT,
                    "code", code,
                    "title", ct_demo_training_title (topic),
                    "topic", topic,
                    "date", date,
                    "duration-minutes", minutes,
                    "trainer", trainer,
                    "audience", audience,
                    "capacity", capacity,
                    NULL);
  g_array_append_val (gen->event_ids, id);
  return id != 0;
}

static gboolean
add_events (CtDemoGen  *gen,
            GArray     *days,
            GError    **error)
{
  guint year = 0;
  guint number = 0;

  for (guint i = 0; i < days->len; i++)
    {
      guint32 day = g_array_index (days, guint32, i);
      g_autofree char *code = event_code (day, &year, &number);

      if (!add_event (gen, i, day, code, error))
        return FALSE;
    }
  return TRUE;
}

/* Confidence 1 to 10, before and (usually) after: mostly up, sometimes
 * the same or a little down. */
static void
plan_confidence (CtDemoGen *gen,
                 gint      *before,
                 gint      *after)
{
  *before = ct_demo_random (gen, 2, 7);
  if (ct_demo_chance (gen, 5))
    *after = CT_RECORD_NO_NUMBER;
  else if (ct_demo_chance (gen, 85))
    {
      *after = *before + (gint) ct_demo_random (gen, 1, 4);
      *after = MIN (*after, 10);
    }
  else
    *after = *before - (gint) ct_demo_random (gen, 0, 1);
}

/* The first rows take each role in turn; later ones come from the event's
 * audience. */
static const char *
pick_role (CtDemoGen    *gen,
           const char  **audience,
           guint         ordinal)
{
  const char * const *roles = ct_demo_words (CT_TYPE_TRAINING_ATTENDANCE, "role");

  if (ordinal < g_strv_length ((char **) roles))
    return roles[ordinal];
  return audience[ct_demo_random (gen, 0, g_strv_length ((char **) audience) - 1)];
}

/* Attendance of an event in the last fortnight is not recorded yet: every
 * place is still "booked". Only people who attended rate their confidence. */
static gboolean
add_attendance (CtDemoGen   *gen,
                guint        event,
                guint        person,
                guint        ordinal,
                gboolean     recorded,
                GError     **error)
{
  static const guint status_weights[] = { 4, 78, 10, 8 };
  const char **audience = g_ptr_array_index (gen->event_audiences, event);
  g_autofree char *name = ct_demo_person_name (gen->size->staff + person);
  const char *role = pick_role (gen, audience, ordinal);
  const char *organisation = ct_demo_chance (gen, 80)
                             ? ct_demo_pick_text (gen, CT_DEMO_TEXT_ORGANISATION) : NULL;
  const char *status = recorded ? ct_demo_pick_word (gen, CT_TYPE_TRAINING_ATTENDANCE, "status",
                                                     ordinal, status_weights)
                                : "booked";
  gint before = CT_RECORD_NO_NUMBER;
  gint after = CT_RECORD_NO_NUMBER;

  if (g_str_equal (status, "attended"))
    plan_confidence (gen, &before, &after);

  return ct_demo_add (gen, error, CT_TYPE_TRAINING_ATTENDANCE,
                      "event-id", g_array_index (gen->event_ids, gint64, event),
                      "attendee-name", name,
                      "role", role,
                      "organisation", organisation,
                      "status", status,
                      "confidence-before", before,
                      "confidence-after", after,
                      NULL) != 0;
}

/* The people of one event are consecutive in a pool of invented names, so
 * nobody books the same event twice (unless it has more places than the
 * pool has people). */
gboolean
ct_demo_add_training (CtDemoGen  *gen,
                      GError    **error)
{
  guint n_events = gen->size->training_events;
  guint n_people = MAX (gen->size->training_attendances / PLACES_PER_PERSON, MIN_PEOPLE);
  g_autoptr(GArray) days = event_days (gen);
  g_autofree guint *places = NULL;
  guint ordinal = 0;

  if (!add_events (gen, days, error))
    return FALSE;

  places = ct_demo_spread (gen, gen->size->training_attendances, n_events, G_MAXUINT);
  for (guint event = 0; event < n_events; event++)
    {
      gboolean recorded = g_array_index (days, guint32, event) + UNRECORDED_DAYS <= gen->today;
      guint first_person = ct_demo_random (gen, 0, n_people - 1);

      for (guint i = 0; i < places[event]; i++)
        if (!add_attendance (gen, event, (first_person + i) % n_people, ordinal++, recorded, error))
          return FALSE;
    }
  return TRUE;
}
