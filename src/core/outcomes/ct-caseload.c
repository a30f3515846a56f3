/* ct-caseload.c: a clinician's open episodes and what is due on each
 *
 * Portable SQL (the store may be a team server): booleans as CASE, the
 * review cut-off computed here and bound as a date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-caseload"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-caseload.h"
#include "ct-store-private.h"

enum {
  COL_REFERRAL_ID,
  COL_CHILD_ID,
  COL_CHILD_REFERENCE,
  COL_CHILD_NAME,
  COL_START_DATE,
  COL_LAST_CONSULTATION,
  COL_LAST_RATING,
  COL_HAS_GOALS,
  COL_HAS_END_RATING,
};

static const char caseload_sql[] =
  "SELECT r.id, c.id, c.reference, c.name, r.start_date,"
  "       (SELECT max (x.date) FROM consultation x WHERE x.child_id = r.child_id),"
  "       (SELECT max (gr.date) FROM goal_rating gr JOIN goal g ON g.id = gr.goal_id"
  "         WHERE g.referral_id = r.id),"
  "       CASE WHEN EXISTS (SELECT 1 FROM goal g WHERE g.referral_id = r.id)"
  "            THEN 1 ELSE 0 END,"
  "       CASE WHEN EXISTS (SELECT 1 FROM goal_rating gr JOIN goal g ON g.id = gr.goal_id"
  "                          WHERE g.referral_id = r.id AND gr.time_point = 'end')"
  "            THEN 1 ELSE 0 END"
  "  FROM referral r"
  "  JOIN child c ON c.id = r.child_id"
  " WHERE r.decision = 'accepted' AND r.clinician_id = ?1"
  "   AND r.start_date IS NOT NULL AND r.start_date <= ?2"
  "   AND (r.end_date IS NULL OR r.end_date >= ?2)"
  " ORDER BY r.start_date, r.id";

void
ct_caseload_entry_free (CtCaseloadEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->child_reference);
  g_free (entry->child_name);
  g_free (entry->start_date);
  g_free (entry->last_contact);
  g_free (entry->last_rating);
  g_free (entry);
}

static char *
dup_column_text (CtStatement *stmt,
                 int           column)
{
  return g_strdup (ct_statement_column_text (stmt, column));
}

/* @today less @weeks weeks, as `YYYY-MM-DD`; NULL when @today is not a date. */
static char *
dup_cut_off (const char *today,
             guint       weeks)
{
  GDate date;
  char text[11];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, today);
  if (!g_date_valid (&date) || strlen (today) != 10)
    return NULL;
  g_date_subtract_days (&date, weeks * 7);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}

static CtCaseloadEntry *
read_entry (CtStatement *stmt,
            const char   *cut_off)
{
  CtCaseloadEntry *entry = g_new0 (CtCaseloadEntry, 1);
  g_autofree char *consulted = dup_column_text (stmt, COL_LAST_CONSULTATION);

  entry->referral_id = ct_statement_column_int64 (stmt, COL_REFERRAL_ID);
  entry->child_id = ct_statement_column_int64 (stmt, COL_CHILD_ID);
  entry->child_reference = dup_column_text (stmt, COL_CHILD_REFERENCE);
  entry->child_name = dup_column_text (stmt, COL_CHILD_NAME);
  entry->start_date = dup_column_text (stmt, COL_START_DATE);
  entry->last_rating = dup_column_text (stmt, COL_LAST_RATING);
  entry->last_contact = g_strdup (g_strcmp0 (consulted, entry->last_rating) > 0
                                  ? consulted : entry->last_rating);

  /* A review is due once the episode has run a whole interval unrated. */
  if (ct_statement_column_int (stmt, COL_HAS_GOALS) != 0 &&
      g_strcmp0 (entry->last_rating != NULL ? entry->last_rating : entry->start_date,
                 cut_off) < 0)
    entry->due |= CT_CASELOAD_DUE_REVIEW;
  if (ct_statement_column_int (stmt, COL_HAS_END_RATING) != 0)
    entry->due |= CT_CASELOAD_DUE_END_DATE;
  /* Issue 14: an SDQ prompt for the child is decided here. */
  return entry;
}

GPtrArray *
ct_caseload_list (CtDatabase  *db,
                  gint64       clinician_id,
                  const char  *today,
                  guint        review_weeks,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_caseload_entry_free);
  g_autofree char *cut_off = NULL;
  CtStatement *stmt;
  gboolean has_row = TRUE;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  cut_off = dup_cut_off (today, review_weeks);
  g_return_val_if_fail (cut_off != NULL, NULL);

  stmt = ct_database_prepare (db, caseload_sql, error);
  if (stmt == NULL)
    return NULL;
  ct_statement_bind_int64 (stmt, 1, clinician_id);
  ct_statement_bind_text (stmt, 2, today);
  while (TRUE)
    {
      if (!ct_statement_step (stmt, &has_row, _("read the caseload"), error))
        {
          ct_statement_reset (stmt);
          return NULL;
        }
      if (!has_row)
        break;
      g_ptr_array_add (entries, read_entry (stmt, cut_off));
    }
  ct_statement_reset (stmt);
  return g_steal_pointer (&entries);
}
