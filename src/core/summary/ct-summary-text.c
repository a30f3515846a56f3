/* ct-summary-text.c: names and numbers of the committee summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-summary-text"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-kind.h"
#include "ct-summary-private.h"
#include "ct-summary-text.h"

typedef struct
{
  const char *name;
  const char *label;
} Label;

static const Label sections[] = {
  { "referrals", N_("Referrals") },
  { "caseload", N_("Caseload") },
  { "consultations", N_("Consultations") },
  { "reflective_practice", N_("Reflective practice") },
  { "outcomes", N_("Outcomes") },
  { "training", N_("Training") },
  { "sdq", N_("Strengths and Difficulties Questionnaire") },
};

/* By "section.key", in DOMAIN.md's order. */
static const Label figures[] = {
  { "referrals.received", N_("Referrals received") },
  { "referrals.by_decision", N_("Decision") },
  { "referrals.by_source", N_("Referred by") },
  { "referrals.by_age_band", N_("Age on referral") },
  { "referrals.by_legal_status", N_("Legal status") },
  { "referrals.by_placement_type", N_("Placement type") },
  { "referrals.by_placement_area", N_("Placement area") },
  { "referrals.by_uasc", N_("Unaccompanied asylum-seeking child") },
  { "caseload.open_at_start", N_("Open at the start") },
  { "caseload.open_at_end", N_("Open at the end") },
  { "caseload.started", N_("Episodes started") },
  { "caseload.ended", N_("Episodes ended") },
  { "caseload.by_end_reason", N_("Reason for ending") },
  { "consultations.total", N_("Consultations") },
  { "consultations.children", N_("Children discussed") },
  { "consultations.hours", N_("Hours") },
  { "consultations.by_topic", N_("Topics") },
  { "consultations.by_requested_by", N_("Requested by") },
  { "consultations.by_mode", N_("Mode") },
  { "consultations.by_outcome", N_("Outcome") },
  { "reflective_practice.held", N_("Sessions held") },
  { "reflective_practice.cancelled", N_("Sessions cancelled") },
  { "reflective_practice.attendances", N_("Attendances") },
  { "reflective_practice.hours", N_("Hours") },
  { "reflective_practice.by_setting", N_("Setting") },
  { "reflective_practice.mean_rating", N_("Mean usefulness (1–5)") },
  { "outcomes.episodes_ended", N_("Episodes ended") },
  { "outcomes.episodes_with_paired_gbo", N_("With paired GBO data") },
  { "outcomes.completeness_pct", N_("GBO completeness") },
  { "outcomes.goals_paired", N_("Goals with paired data") },
  { "outcomes.mean_baseline", N_("Mean baseline score") },
  { "outcomes.mean_end", N_("Mean end score") },
  { "outcomes.mean_change", N_("Mean change") },
  { "outcomes.by_change", N_("Change per goal") },
  { "outcomes.pct_goals_reliably_improved", N_("Goals reliably improved") },
  { "outcomes.episodes_reliably_improved", N_("Episodes reliably improved") },
  { "outcomes.reliable_change_threshold", N_("Reliable change threshold") },
  { "training.events", N_("Events") },
  { "training.hours", N_("Hours") },
  { "training.places_booked", N_("Places booked") },
  { "training.by_status", N_("Attendance") },
  { "training.attendance_rate_pct", N_("Attendance rate") },
  { "training.distinct_attendees", N_("People trained") },
  { "training.by_topic", N_("Topic") },
  { "training.by_role", N_("Attended, by role") },
  { "training.mean_confidence_before", N_("Mean confidence before") },
  { "training.mean_confidence_after", N_("Mean confidence after") },
  { "training.mean_confidence_change", N_("Mean confidence change") },
  { "sdq.scores", N_("SDQ scores") },
  { "sdq.children", N_("Children scored") },
  { "sdq.no_score", N_("No score, with a reason") },
  { "sdq.by_reason", N_("Reason for no score") },
  { "sdq.by_band", N_("Latest score, by band") },
  { "sdq.mean_total", N_("Mean latest total (0–40)") },
  { "sdq.moved_into_concern", N_("Moved into concern") },
  { "sdq.moved_out_of_concern", N_("Moved out of concern") },
};

/* The words the summary defines itself (ct-summary-sql.c). */
static const Label own_words[] = {
  { "0-4", N_("0–4") },
  { "5-10", N_("5–10") },
  { "11-15", N_("11–15") },
  { "16-17", N_("16–17") },
  { "18+", N_("18 and over") },
  { "yes", N_("Yes") },
  { "no", N_("No") },
  { "improved", N_("Reliable improvement") },
  { "no_reliable_change", N_("No reliable change") },
  { "deteriorated", N_("Reliable deterioration") },
  { "normal", N_("Normal (0–13)") },
  { "borderline", N_("Borderline (14–16)") },
  { "concern", N_("Concern (17–40)") },
};

/* Breakdowns of the summary's own whose words are a record field's. */
static const struct
{
  const char *path;
  const char *kind;
  const char *field;
} labelled_by_field[] = {
  { "training.by_status", "training_attendance", "status" },
};

static const char *
find_label (const Label *labels,
            guint        n_labels,
            const char  *name)
{
  for (guint i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].name, name))
      return _(labels[i].label);
  return NULL;
}

const char *
ct_summary_text_section (const char *section)
{
  const char *label;

  g_return_val_if_fail (section != NULL, NULL);

  label = find_label (sections, G_N_ELEMENTS (sections), section);
  return label != NULL ? label : section;
}

static char *
figure_path (const CtFigure *figure)
{
  return g_strconcat (figure->section, ".", figure->key, NULL);
}

const char *
ct_summary_text_figure (const CtFigure *figure)
{
  g_autofree char *path = NULL;
  const char *label;

  g_return_val_if_fail (figure != NULL, NULL);

  path = figure_path (figure);
  label = find_label (figures, G_N_ELEMENTS (figures), path);
  return label != NULL ? label : figure->key;
}

/* The record field whose labels name the words of @figure, or NULL. */
static const CtField *
words_field (const CtFigure *figure)
{
  g_autofree char *path = figure_path (figure);
  guint n_specs;
  const CtFigureSpec *specs = ct_summary_get_specs (&n_specs);

  for (guint i = 0; i < n_specs; i++)
    if (g_str_equal (specs[i].section, figure->section) &&
        g_str_equal (specs[i].key, figure->key) && specs[i].kind_name != NULL)
      return ct_kind_find_field (ct_kind_lookup (specs[i].kind_name), specs[i].field);

  for (guint i = 0; i < G_N_ELEMENTS (labelled_by_field); i++)
    if (g_str_equal (labelled_by_field[i].path, path))
      return ct_kind_find_field (ct_kind_lookup (labelled_by_field[i].kind),
                                 labelled_by_field[i].field);
  return NULL;
}

const char *
ct_summary_text_word (const CtFigure *figure,
                      const char     *word)
{
  const CtField *field;
  const char *label;

  g_return_val_if_fail (figure != NULL, NULL);
  g_return_val_if_fail (word != NULL, NULL);

  field = words_field (figure);
  if (field != NULL)
    return ct_enum_label (field, word);
  label = find_label (own_words, G_N_ELEMENTS (own_words), word);
  return label != NULL ? label : word;
}

gboolean
ct_summary_text_is_percent (const CtFigure *figure)
{
  g_return_val_if_fail (figure != NULL, FALSE);

  /* "completeness_pct", "pct_goals_reliably_improved" */
  return g_str_has_suffix (figure->key, "_pct") || g_str_has_prefix (figure->key, "pct_");
}

/* The ' flag groups thousands as the locale does (LC_NUMERIC). */
char *
ct_summary_text_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

char *
ct_summary_text_value (const CtFigure *figure)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (figure != NULL, NULL);
  g_return_val_if_fail (figure->kind != CT_FIGURE_BREAKDOWN, NULL);

  if (figure->kind == CT_FIGURE_COUNT)
    return ct_summary_text_count (figure->count);
  if (!figure->has_value)
    return NULL;
  /* The constant (2.45) keeps its two decimals; the rest were rounded to one. */
  number = g_strdup_printf (figure->kind == CT_FIGURE_CONSTANT ? "%'.2f" : "%'.1f",
                            figure->value);
  if (!ct_summary_text_is_percent (figure))
    return g_steal_pointer (&number);
  /* Translators: a percentage; "35.3%" (use "%s %%" for "35,3 %") */
  return g_strdup_printf (_("%s%%"), number);
}
