/* ct-timeline-group.c: a child's timeline on their page
 *
 * Each entry is one sentence for translators, with the record's words as
 * their labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-timeline-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-records.h"
#include "ct-timeline-group.h"
#include "ct-timeline.h"

/* The label of the word of @facts, a word of @field_name of its record's kind. */
static const char *
word_label (const CtTimelineFacts *facts,
            const char            *field_name)
{
  const CtKind *kind = ct_timeline_event_get_kind (facts->event);

  return ct_enum_label (ct_kind_find_field (kind, field_name), facts->word);
}

static char *
dup_sdq_title (const CtTimelineFacts *facts)
{
  const CtField *reason = ct_kind_find_field (ct_kind_lookup ("sdq_score"), "reason");

  if (facts->score != CT_RECORD_NO_NUMBER)
    /* Translators: a timeline entry, "SDQ total 15 (Carer)" */
    return g_strdup_printf (_("SDQ total %d (%s)"), (int) facts->score,
                            word_label (facts, "informant"));
  /* Translators: a timeline entry, "SDQ not scored (Carer): Child refused" */
  return g_strdup_printf (_("SDQ not scored (%s): %s"), word_label (facts, "informant"),
                          ct_enum_label (reason, facts->reason));
}

static char *
dup_goal_title (const CtTimelineFacts *facts)
{
  if (facts->description != NULL)
    /* Translators: a timeline entry, "Goal 2 set: To sleep through the night" */
    return g_strdup_printf (_("Goal %d set: %s"), facts->number, facts->description);
  /* Translators: a timeline entry whose description is not shown, "Goal 2 set" */
  return g_strdup_printf (_("Goal %d set"), facts->number);
}

/* What happened, as a sentence. */
static char *
dup_title (const CtTimelineFacts *facts)
{
  switch (facts->event)
    {
    case CT_TIMELINE_REFERRED:
      /* Translators: a timeline entry and the referral's decision, "Referral received: Accepted" */
      return g_strdup_printf (_("Referral received: %s"), word_label (facts, "decision"));
    case CT_TIMELINE_STARTED:
      return g_strdup (_("Episode started"));
    case CT_TIMELINE_CONSULTED:
      /* Translators: a timeline entry and its outcome, "Consultation: Advice given" */
      return g_strdup_printf (_("Consultation: %s"), word_label (facts, "outcome"));
    case CT_TIMELINE_GOAL_SET:
      return dup_goal_title (facts);
    case CT_TIMELINE_RATED:
      /* Translators: a timeline entry, "Goal 1 rated 6.5 (Review)" */
      return g_strdup_printf (_("Goal %d rated %g (%s)"), facts->number, facts->score,
                              word_label (facts, "time_point"));
    case CT_TIMELINE_SDQ:
      return dup_sdq_title (facts);
    case CT_TIMELINE_ENDED:
    default:
      /* Translators: a timeline entry and the end reason, "Episode ended: Goals met" */
      return g_strdup_printf (_("Episode ended: %s"), word_label (facts, "end_reason"));
    }
}

/* The day, and who or how long: "3 Mar 2025 · Test Clinician A". */
static char *
dup_subtitle (const CtTimelineFacts *facts)
{
  g_autofree char *date = ct_cell_text_format_date (facts->date);

  if (facts->event == CT_TIMELINE_CONSULTED)
    /* Translators: a consultation's day, clinician and minutes, "3 Mar 2025 · Alex Example · 45 min" */
    return g_strdup_printf (_("%s · %s · %d min"), date, facts->staff, facts->number);
  if (facts->staff != NULL)
    /* Translators: a timeline entry's day and clinician, "3 Mar 2025 · Alex Example" */
    return g_strdup_printf (_("%s · %s"), date, facts->staff);
  return g_steal_pointer (&date);
}

static GtkWidget *
build_row (CtTimelineEntry *entry,
           const char      *action)
{
  const CtTimelineFacts *facts = ct_timeline_entry_get_facts (entry);
  const CtKind *kind = ct_timeline_event_get_kind (facts->event);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = dup_title (facts);
  g_autofree char *subtitle = dup_subtitle (facts);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new ("(sx)", ct_kind_get_name (kind),
                                                         facts->record_id));
  return row;
}

GtkWidget *
ct_timeline_group_new (GListModel *timeline,
                       const char *action)
{
  GtkWidget *group = adw_preferences_group_new ();
  guint n_entries;

  g_return_val_if_fail (G_IS_LIST_MODEL (timeline), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  n_entries = g_list_model_get_n_items (timeline);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Timeline"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         n_entries > 0
                                         ? _("Everything recorded about the child, newest "
                                             "first. Choose an entry to open it.")
                                         : _("Nothing recorded about the child yet."));
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(CtTimelineEntry) entry = g_list_model_get_item (timeline, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), build_row (entry, action));
    }
  return group;
}
