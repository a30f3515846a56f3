/* ct-report.c: a committee summary as one audience sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-report"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-cell-text.h"
#include "ct-report.h"
#include "ct-summary-text.h"

struct _CtReport
{
  GObject      parent_instance;

  CtSummary   *summary;
  CtAudience   audience;
  GStrv        withheld;      /* dotted paths, sorted */
  GHashTable  *withheld_set;  /* the same, pointing into withheld */
};

G_DEFINE_FINAL_TYPE (CtReport, ct_report, G_TYPE_OBJECT)

CtReport *
ct_report_new (CtSummary  *summary,
               CtAudience  audience)
{
  CtReport *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (CT_TYPE_REPORT, NULL);
  self->summary = summary;
  self->audience = audience;
  self->withheld = ct_disclosure_withheld (summary, audience);
  for (guint i = 0; self->withheld[i] != NULL; i++)
    g_hash_table_add (self->withheld_set, self->withheld[i]);
  return self;
}

const CtSummary *
ct_report_get_summary (CtReport *self)
{
  g_return_val_if_fail (CT_IS_REPORT (self), NULL);

  return self->summary;
}

CtAudience
ct_report_get_audience (CtReport *self)
{
  g_return_val_if_fail (CT_IS_REPORT (self), CT_AUDIENCE_PUBLIC);

  return self->audience;
}

const char *
ct_report_get_audience_label (CtReport *self)
{
  g_return_val_if_fail (CT_IS_REPORT (self), NULL);

  return self->audience == CT_AUDIENCE_PUBLIC ? _("Public") : _("Internal");
}

char *
ct_report_dup_dates (CtReport *self)
{
  const CtPeriod *period;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (CT_IS_REPORT (self), NULL);

  period = ct_summary_get_period (self->summary);
  from = ct_cell_text_format_date (ct_period_get_from (period));
  to = ct_cell_text_format_date (ct_period_get_to (period));
  /* Translators: a period, "1 Apr 2024 – 31 Mar 2025" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/* The period's label with a hyphen for anything but letters and digits:
 * "2024-25-Q2", "March-2025"; a period of one's own by its dates. */
static char *
period_for_file_name (const CtPeriod *period)
{
  char *name;

  if (ct_period_get_kind (period) == CT_PERIOD_CUSTOM)
    return g_strconcat (ct_period_get_from (period), "-to-", ct_period_get_to (period), NULL);

  name = g_strdup (ct_period_get_label (period));
  for (char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = '-';
  return name;
}

char *
ct_report_dup_file_name (CtReport   *self,
                         const char *extension)
{
  g_autofree char *period = NULL;

  g_return_val_if_fail (CT_IS_REPORT (self), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  period = period_for_file_name (ct_summary_get_period (self->summary));
  return g_strdup_printf ("committee-summary-%s-%s.%s", period,
                          ct_audience_to_string (self->audience), extension);
}


const char **
ct_report_dup_sections (CtReport *self)
{
  GPtrArray *sections;
  const CtFigure *figures;
  guint n_figures;

  g_return_val_if_fail (CT_IS_REPORT (self), NULL);

  sections = g_ptr_array_new ();
  figures = ct_summary_get_figures (self->summary, &n_figures);
  for (guint i = 0; i < n_figures; i++)
    if (i == 0 || !g_str_equal (figures[i].section, figures[i - 1].section))
      g_ptr_array_add (sections, (gpointer) figures[i].section);
  g_ptr_array_add (sections, NULL);
  return (const char **) g_ptr_array_free (sections, FALSE);
}

GPtrArray *
ct_report_dup_figures (CtReport   *self,
                       const char *section,
                       gboolean    breakdowns)
{
  GPtrArray *chosen;
  const CtFigure *figures;
  guint n_figures;

  g_return_val_if_fail (CT_IS_REPORT (self), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  chosen = g_ptr_array_new ();
  figures = ct_summary_get_figures (self->summary, &n_figures);
  for (guint i = 0; i < n_figures; i++)
    if (g_str_equal (figures[i].section, section) &&
        (figures[i].kind == CT_FIGURE_BREAKDOWN) == !!breakdowns)
      g_ptr_array_add (chosen, (gpointer) &figures[i]);
  return chosen;
}

CtValueState
ct_report_get_state (CtReport       *self,
                     const CtFigure *figure,
                     const char     *word)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CT_IS_REPORT (self), CT_VALUE_SHOWN);
  g_return_val_if_fail (figure != NULL, CT_VALUE_SHOWN);

  path = word != NULL ? g_strdup_printf ("%s.%s.%s", figure->section, figure->key, word)
                      : g_strdup_printf ("%s.%s", figure->section, figure->key);
  if (g_hash_table_contains (self->withheld_set, path))
    return CT_VALUE_WITHHELD;
  if (word == NULL && figure->kind != CT_FIGURE_COUNT && !figure->has_value)
    return CT_VALUE_NO_DATA;
  return CT_VALUE_SHOWN;
}

char *
ct_report_dup_text (CtReport       *self,
                    const CtFigure *figure)
{
  char *text;

  g_return_val_if_fail (CT_IS_REPORT (self), NULL);

  if (ct_report_get_state (self, figure, NULL) != CT_VALUE_SHOWN ||
      (text = ct_summary_text_value (figure)) == NULL)
    return g_strdup (CT_SUMMARY_TEXT_NONE);
  return text;
}

static void
clear_bar (gpointer data)
{
  CtBar *bar = data;

  g_free (bar->label);
  g_free (bar->text);
}

static GArray *
bars_new (void)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (CtBar));

  g_array_set_clear_func (bars, clear_bar);
  return bars;
}

/* @text is taken; a bar not shown gets its mark instead. */
static void
add_bar (GArray       *bars,
         const char   *label,
         char         *text,
         double        value,
         CtValueState  state)
{
  CtBar bar = {
    .label = g_strdup (label),
    .state = state,
    .value = state == CT_VALUE_SHOWN ? value : 0,
  };

  if (state == CT_VALUE_SHOWN)
    bar.text = text;
  else
    {
      bar.text = g_strdup (ct_value_state_mark (state));
      g_free (text);
    }
  g_array_append_val (bars, bar);
}

double
ct_bars_get_scale (GArray *bars,
                   double  maximum)
{
  double largest = 0;

  g_return_val_if_fail (bars != NULL, 0);

  if (maximum > 0)
    return maximum;
  for (guint i = 0; i < bars->len; i++)
    largest = MAX (largest, g_array_index (bars, CtBar, i).value);
  return largest;
}

GArray *
ct_report_dup_bars (CtReport       *self,
                    const CtFigure *figure)
{
  GArray *bars;

  g_return_val_if_fail (CT_IS_REPORT (self), NULL);
  g_return_val_if_fail (figure != NULL && figure->kind == CT_FIGURE_BREAKDOWN, NULL);

  bars = bars_new ();
  for (guint i = 0; i < figure->n_cells; i++)
    {
      const CtCell *cell = &figure->cells[i];
      /* As the document shows it: rounded under NHS Digital's rule. */
      gint64 count = ct_disclosure_shown_count (ct_summary_get_rule (self->summary),
                                                self->audience, cell->count);

      add_bar (bars, ct_summary_text_word (figure, cell->word),
               ct_summary_text_count (count), count,
               ct_report_get_state (self, figure, cell->word));
    }
  return bars;
}

GArray *
ct_report_dup_gbo_bars (CtReport *self)
{
  static const char *const paths[] = { "outcomes.mean_baseline", "outcomes.mean_end" };
  GArray *bars;

  g_return_val_if_fail (CT_IS_REPORT (self), NULL);

  bars = bars_new ();
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const CtFigure *figure = ct_summary_lookup (self->summary, paths[i]);

      add_bar (bars, ct_summary_text_figure (figure), ct_summary_text_value (figure),
               figure->value, ct_report_get_state (self, figure, NULL));
    }
  return bars;
}

const char *
ct_report_get_gbo_title (void)
{
  return _("Mean goal scores, baseline and end (0 to 10)");
}

const char *
ct_value_state_describe (CtValueState state)
{
  switch (state)
    {
    case CT_VALUE_WITHHELD:
      return _("Withheld for publication: a small number could identify a child");
    case CT_VALUE_NO_DATA:
      return _("No data: there was nothing to take a mean of");
    case CT_VALUE_SHOWN:
    default:
      return NULL;
    }
}

const char *
ct_value_state_mark (CtValueState state)
{
  switch (state)
    {
    case CT_VALUE_WITHHELD:
      /* Translators: beside a bar or under a figure whose value is not published */
      return _("withheld");
    case CT_VALUE_NO_DATA:
      return _("no data");
    case CT_VALUE_SHOWN:
    default:
      return NULL;
    }
}

char *
ct_report_dup_notice (CtReport *self)
{
  guint n_withheld;

  g_return_val_if_fail (CT_IS_REPORT (self), NULL);

  if (self->audience == CT_AUDIENCE_INTERNAL)
    return g_strdup (_("Internal summary: not for publication"));

  n_withheld = g_strv_length (self->withheld);
  if (n_withheld == 0)
    return g_strdup (_("No figures withheld for publication"));
  return g_strdup_printf (ngettext ("%u figure withheld for publication",
                                    "%u figures withheld for publication", n_withheld),
                          n_withheld);
}

/* Names the rule of the summary, in its own words, and says what it does. */
char *
ct_report_dup_disclosure_note (CtReport *self)
{
  CtDisclosureRule rule;
  int min_cell;

  g_return_val_if_fail (CT_IS_REPORT (self), NULL);

  rule = ct_summary_get_rule (self->summary);
  min_cell = ct_disclosure_rule_min_cell (rule);
  if (rule == CT_DISCLOSURE_NHS_DIGITAL)
    return g_strdup_printf (_("Disclosure control (rule nhs-digital, NHS Digital’s rule since "
                              "2018): committee papers are published, and a small number can "
                              "identify a child. In the public summary, counts of 1 to %d in a "
                              "breakdown are withheld and every other count in a breakdown is "
                              "rounded to the nearest %d; means and percentages over fewer than "
                              "%d items are withheld. Totals are always shown."),
                            min_cell - 1, ct_disclosure_rule_rounding (rule), min_cell);
  return g_strdup_printf (_("Disclosure control (rule suppress-1-4): committee papers are "
                            "published, and a small number can identify a child. In the public "
                            "summary, counts of 1 to %d in a breakdown are withheld; where that "
                            "leaves a single count of a breakdown withheld, the next smallest is "
                            "withheld too, so that neither can be worked out from the total; "
                            "means and percentages over fewer than %d items are withheld. "
                            "Totals are always shown."),
                          min_cell - 1, min_cell);
}

static void
ct_report_finalize (GObject *object)
{
  CtReport *self = CT_REPORT (object);

  g_hash_table_unref (self->withheld_set);
  g_strfreev (self->withheld);
  ct_summary_free (self->summary);

  G_OBJECT_CLASS (ct_report_parent_class)->finalize (object);
}

static void
ct_report_class_init (CtReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_report_finalize;
}

static void
ct_report_init (CtReport *self)
{
  self->withheld_set = g_hash_table_new (g_str_hash, g_str_equal);
}
