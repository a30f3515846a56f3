/* ct-gbo-text.c: goal scores and their change as a person reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-gbo-text"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-gbo-text.h"

char *
ct_gbo_text_score (double score)
{
  if (score == CT_RECORD_NO_NUMBER)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f", score);
}

char *
ct_gbo_text_change (double change)
{
  /* To one decimal, half away from zero as in the committee summary (a
   * mean of half points can end in .25). */
  double tenths = (gint64) (ABS (change) * 10 + 0.5);

  /* A true minus sign, and a plus for a rise, so the sign is never left to
   * colour. */
  if (tenths > 0 && change < 0)
    return g_strdup_printf ("−%.1f", tenths / 10);
  if (tenths > 0)
    return g_strdup_printf ("+%.1f", tenths / 10);
  return g_strdup_printf ("%.1f", 0.0);
}

const char *
ct_gbo_text_change_label (CtGboChange change)
{
  switch (change)
    {
    case CT_GBO_CHANGE_IMPROVED:
      return _("Reliable improvement");
    case CT_GBO_CHANGE_DETERIORATED:
      return _("Reliable deterioration");
    case CT_GBO_CHANGE_NONE:
    default:
      return _("No reliable change");
    }
}

char *
ct_gbo_text_badge (const CtGboScores *scores)
{
  g_autofree char *number = NULL;
  double change;

  if (!ct_gbo_scores_get_change (scores, &change))
    return NULL;
  number = ct_gbo_text_change (change);
  /* Translators: a goal's change from baseline to end, "Reliable improvement +4.0" */
  return g_strdup_printf (_("%s %s"), ct_gbo_text_change_label (ct_gbo_scores_classify (scores)),
                          number);
}

const char *
ct_gbo_text_style_class (CtGboChange change)
{
  switch (change)
    {
    case CT_GBO_CHANGE_IMPROVED:
      return "success";
    case CT_GBO_CHANGE_DETERIORATED:
      return "error";
    case CT_GBO_CHANGE_NONE:
    default:
      return NULL;
    }
}
