/* ct-summary-export.c: the JSON document and the printed paper, audited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-summary-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-audited-write.h"
#include "ct-summary-export.h"
#include "ct-summary-json.h"

/* What was done with a summary, for its audit entry. */
typedef enum
{
  SUMMARY_EXPORTED,
  SUMMARY_PRINTED,
  SUMMARY_VIEWED,
} SummaryUse;

static char *
describe (const CtSummary  *summary,
          CtAudience        audience,
          SummaryUse        use)
{
  const char *word = ct_audience_to_string (audience);
  const char *label = ct_period_get_label (ct_summary_get_period (summary));

  switch (use)
    {
    case SUMMARY_PRINTED:
      /* TRANSLATORS: the audit entry; "public committee summary for 2024/25 Q2" */
      return g_strdup_printf (_("Printed the %s committee summary for %s"), word, label);
    case SUMMARY_VIEWED:
      /* TRANSLATORS: the audit entry; "public committee summary for 2024/25 Q2" */
      return g_strdup_printf (_("Viewed the %s committee summary for %s"), word, label);
    case SUMMARY_EXPORTED:
    default:
      /* TRANSLATORS: the audit entry; "public committee summary for 2024/25 Q2" */
      return g_strdup_printf (_("Exported the %s committee summary for %s"), word, label);
    }
}

static gboolean
audit (CtDatabase       *db,
       const CtSummary  *summary,
       CtAudience        audience,
       SummaryUse        use,
       GError          **error)
{
  g_autofree char *description = describe (summary, audience, use);

  return ct_database_audit (db, use == SUMMARY_VIEWED ? "view" : "export", "summary", 0,
                            description, error);
}

gboolean
ct_summary_export (CtDatabase          *db,
                   const CtSummary     *summary,
                   CtAudience           audience,
                   GDateTime           *generated_at,
                   CtSummaryWriteFunc   write_func,
                   gpointer             user_data,
                   GError             **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);

  root = ct_summary_to_json (summary, audience, generated_at);
  text = ct_summary_json_to_text (root);
  description = describe (summary, audience, SUMMARY_EXPORTED);
  return ct_audited_write (db, "summary", description, text, strlen (text), write_func,
                           user_data, error);
}

/* Writes everything to @user_data, a GOutputStream, and closes it. */
static gboolean
write_stream (const char  *text,
              gsize        length,
              gpointer     user_data,
              GError     **error)
{
  GOutputStream *stream = user_data;

  return g_output_stream_write_all (stream, text, length, NULL, NULL, error) &&
         g_output_stream_close (stream, NULL, error);
}

gboolean
ct_summary_export_to_stream (CtDatabase       *db,
                             const CtSummary  *summary,
                             CtAudience        audience,
                             GDateTime        *generated_at,
                             GOutputStream    *stream,
                             GError          **error)
{
  g_autoptr(GCancellable) cancelled = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (ct_summary_export (db, summary, audience, generated_at, write_stream, stream, error))
    return TRUE;

  /* Closed cancelled, a g_file_replace() leaves the file as it was. */
  cancelled = g_cancellable_new ();
  g_cancellable_cancel (cancelled);
  if (!g_output_stream_is_closed (stream))
    g_output_stream_close (stream, cancelled, NULL);
  return FALSE;
}

void
ct_summary_audit_print_failed (CtDatabase       *db,
                               const CtSummary  *summary,
                               CtAudience        audience,
                               const GError     *failure)
{
  g_autofree char *description = describe (summary, audience, SUMMARY_PRINTED);

  ct_audited_write_failed (db, "summary", description, failure);
}

gboolean
ct_summary_audit_print (CtDatabase       *db,
                        const CtSummary  *summary,
                        CtAudience        audience,
                        GError          **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  return audit (db, summary, audience, SUMMARY_PRINTED, error);
}

gboolean
ct_summary_audit_view (CtDatabase       *db,
                       const CtSummary  *summary,
                       CtAudience        audience,
                       GError          **error)
{
  g_return_val_if_fail (CT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  return audit (db, summary, audience, SUMMARY_VIEWED, error);
}
