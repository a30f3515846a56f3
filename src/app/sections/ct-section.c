/* ct-section.c: the record sections and what their lists show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-section"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-section.h"

static const CtSection sections[] = {
  {
    .name = "children",
    .kind_name = "child",
    .columns = { "reference", "name", "date_of_birth", "legal_status", "placement_type",
                 "placement_area", "uasc" },
    .also_searched = { "gender" },
    .icon_name = "avatar-default-symbolic",
    .title = N_("Children"),
    .empty_title = N_("No Children Yet"),
    .empty_description = N_("Press Ctrl+N to add the first child the team works with."),
    .search_label = N_("Search children"),
    .new_label = N_("Add a Child"),
    .deleted = N_("Child deleted"),
    .has_page = TRUE,
  },
  {
    .name = "consultations",
    .kind_name = "consultation",
    .columns = { "date", "clinician_name", "child_reference", "topics", "mode",
                 "duration_minutes", "outcome" },
    .also_searched = { "child_name", "team", "requested_by" },
    .icon_name = "x-office-address-book-symbolic",
    .title = N_("Consultations"),
    .empty_title = N_("No Consultations Yet"),
    .empty_description = N_("Press Ctrl+N to log one."),
    .search_label = N_("Search consultations"),
    .new_label = N_("Log a Consultation"),
    .deleted = N_("Consultation deleted"),
  },
  {
    .name = "reflective-practice",
    .kind_name = "reflective_practice",
    .columns = { "date", "facilitator_name", "group", "setting", "status", "attendees",
                 "duration_minutes", "rating" },
    .icon_name = "system-users-symbolic",
    .title = N_("Reflective Practice"),
    .empty_title = N_("No Sessions Yet"),
    .empty_description = N_("Press Ctrl+N to log a reflective practice session."),
    .search_label = N_("Search sessions"),
    .new_label = N_("Log a Session"),
    .deleted = N_("Session deleted"),
  },
  {
    .name = "sdq-scores",
    .kind_name = "sdq_score",
    .columns = { "date", "child_reference", "child_name", "informant", "total", "reason" },
    .icon_name = "view-list-bullet-symbolic",
    .title = N_("SDQ Scores"),
    .empty_title = N_("No SDQ Scores Yet"),
    .empty_description = N_("Press Ctrl+N to record a child’s SDQ score, or import the "
                            "sdq-scores file of the SSDA903 return."),
    .search_label = N_("Search SDQ scores"),
    .new_label = N_("Record an SDQ Score"),
    .deleted = N_("SDQ score deleted"),
  },
  {
    .name = "training",
    .kind_name = "training_event",
    .columns = { "date", "code", "title", "topic", "duration_minutes", "audience",
                 "capacity" },
    .also_searched = { "trainer" },
    .icon_name = "x-office-presentation-symbolic",
    .title = N_("Training"),
    .empty_title = N_("No Training Events Yet"),
    .empty_description = N_("Press Ctrl+N to record a training event."),
    .search_label = N_("Search training events"),
    .new_label = N_("Record a Training Event"),
    .deleted = N_("Training event deleted"),
    .has_page = TRUE,
  },
};

const CtSection *
ct_section_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].name, name))
      return &sections[i];
  return NULL;
}

const CtKind *
ct_section_get_kind (const CtSection *section)
{
  return ct_kind_lookup (section->kind_name);
}

guint
ct_section_get_searched_fields (const CtSection *section,
                                const CtField  **fields)
{
  const CtKind *kind = ct_section_get_kind (section);
  guint n = 0;

  for (guint i = 0; section->columns[i] != NULL; i++)
    fields[n++] = ct_kind_find_field (kind, section->columns[i]);
  for (guint i = 0; section->also_searched[i] != NULL; i++)
    fields[n++] = ct_kind_find_field (kind, section->also_searched[i]);
  for (guint i = 0; i < n; i++)
    g_assert (fields[i] != NULL);
  return n;
}
