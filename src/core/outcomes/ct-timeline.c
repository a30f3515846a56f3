/* ct-timeline.c: everything recorded about one child, in date order
 *
 * One UNION ALL over the child's records, in SQL that both stores run:
 * every branch has the same columns (what happened, the record, its date,
 * then the facts shown).
 * Consultation notes are never read; a goal's description is read through
 * its field, which a store that hides clinical text reads as NULL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-store-private.h"
#include "ct-timeline.h"

enum {
  COL_EVENT,
  COL_ID,
  COL_DATE,
  COL_WORD,
  COL_REASON,
  COL_NUMBER,
  COL_SCORE,
  COL_DESCRIPTION,
  COL_STAFF,
};

/* %s: the goal's description as the store may read it. The first branch
 * types its NULLs, which a team server would otherwise take for text. */
static const char timeline_sql[] =
  "SELECT 1, r.id, r.referral_date, r.decision, CAST (NULL AS TEXT), CAST (NULL AS INTEGER),"
  "       CAST (NULL AS REAL), CAST (NULL AS TEXT), s.name"
  "  FROM referral r LEFT JOIN staff s ON s.id = r.clinician_id"
  " WHERE r.child_id = ?1"
  " UNION ALL "
  "SELECT 2, r.id, r.start_date, NULL, NULL, NULL, NULL, NULL, s.name"
  "  FROM referral r LEFT JOIN staff s ON s.id = r.clinician_id"
  " WHERE r.child_id = ?1 AND r.start_date IS NOT NULL"
  " UNION ALL "
  "SELECT 3, c.id, c.date, c.outcome, NULL, c.duration_minutes, NULL, NULL, s.name"
  "  FROM consultation c JOIN staff s ON s.id = c.clinician_id"
  " WHERE c.child_id = ?1"
  " UNION ALL "
  "SELECT 4, t.id,"
  "       COALESCE ((SELECT min (x.date) FROM goal_rating x WHERE x.goal_id = t.id),"
  "                 r.start_date, r.referral_date),"
  "       t.set_by, NULL, t.number, NULL, %s, NULL"
  "  FROM goal t JOIN referral r ON r.id = t.referral_id"
  " WHERE r.child_id = ?1"
  " UNION ALL "
  "SELECT 5, x.id, x.date, x.time_point, NULL, g.number, x.score, NULL, NULL"
  "  FROM goal_rating x JOIN goal g ON g.id = x.goal_id JOIN referral r ON r.id = g.referral_id"
  " WHERE r.child_id = ?1"
  " UNION ALL "
  "SELECT 6, q.id, q.date, q.informant, q.reason, NULL, q.total, NULL, NULL"
  "  FROM sdq_score q"
  " WHERE q.child_id = ?1"
  " UNION ALL "
  "SELECT 7, r.id, r.end_date, r.end_reason, NULL, NULL, NULL, NULL, s.name"
  "  FROM referral r LEFT JOIN staff s ON s.id = r.clinician_id"
  " WHERE r.child_id = ?1 AND r.end_date IS NOT NULL"
  " ORDER BY 3 DESC, 1 DESC, 2 DESC";

struct _CtTimelineEntry
{
  GObject          parent_instance;
  CtTimelineFacts  facts;
};

G_DEFINE_FINAL_TYPE (CtTimelineEntry, ct_timeline_entry, G_TYPE_OBJECT)

static void
ct_timeline_entry_finalize (GObject *object)
{
  CtTimelineFacts *facts = &CT_TIMELINE_ENTRY (object)->facts;

  g_free (facts->date);
  g_free (facts->word);
  g_free (facts->reason);
  g_free (facts->description);
  g_free (facts->staff);

  G_OBJECT_CLASS (ct_timeline_entry_parent_class)->finalize (object);
}

static void
ct_timeline_entry_class_init (CtTimelineEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_timeline_entry_finalize;
}

static void
ct_timeline_entry_init (CtTimelineEntry *self)
{
}

const CtTimelineFacts *
ct_timeline_entry_get_facts (CtTimelineEntry *self)
{
  g_return_val_if_fail (CT_IS_TIMELINE_ENTRY (self), NULL);

  return &self->facts;
}

const CtKind *
ct_timeline_event_get_kind (CtTimelineEvent event)
{
  switch (event)
    {
    case CT_TIMELINE_CONSULTED:
      return ct_kind_lookup ("consultation");
    case CT_TIMELINE_GOAL_SET:
      return ct_kind_lookup ("goal");
    case CT_TIMELINE_RATED:
      return ct_kind_lookup ("goal_rating");
    case CT_TIMELINE_SDQ:
      return ct_kind_lookup ("sdq_score");
    case CT_TIMELINE_REFERRED:
    case CT_TIMELINE_STARTED:
    case CT_TIMELINE_ENDED:
    default:
      return ct_kind_lookup ("referral");
    }
}

static char *
dup_text (CtStatement *stmt,
          int          column)
{
  return g_strdup (ct_statement_column_text (stmt, column));
}

static CtTimelineEntry *
read_entry (CtStatement *stmt)
{
  CtTimelineEntry *entry = g_object_new (CT_TYPE_TIMELINE_ENTRY, NULL);
  CtTimelineFacts *facts = &entry->facts;

  facts->event = ct_statement_column_int (stmt, COL_EVENT);
  facts->record_id = ct_statement_column_int64 (stmt, COL_ID);
  facts->date = dup_text (stmt, COL_DATE);
  facts->word = dup_text (stmt, COL_WORD);
  facts->reason = dup_text (stmt, COL_REASON);
  facts->number = ct_statement_column_is_null (stmt, COL_NUMBER)
                  ? CT_RECORD_NO_NUMBER : ct_statement_column_int (stmt, COL_NUMBER);
  facts->score = ct_statement_column_is_null (stmt, COL_SCORE)
                 ? CT_RECORD_NO_NUMBER : ct_statement_column_double (stmt, COL_SCORE);
  facts->description = dup_text (stmt, COL_DESCRIPTION);
  facts->staff = dup_text (stmt, COL_STAFF);
  return entry;
}

/* The query as @db reads it: with or without the goals' descriptions. */
static char *
dup_timeline_sql (CtDatabase *db)
{
  const CtSqlDialect *dialect = ct_database_get_dialect (db);
  const CtField *description = ct_kind_find_field (ct_kind_lookup ("goal"), "description");
  g_autofree char *column = ct_field_dup_select_sql (description,
                                                     dialect->hides_clinical_text);

  return g_strdup_printf (timeline_sql, column);
}

GListModel *
ct_timeline_list (CtDatabase  *db,
                  gint64       child_id,
                  GError     **error)
{
  g_autoptr(GListStore) entries = g_list_store_new (CT_TYPE_TIMELINE_ENTRY);
  g_autofree char *sql = NULL;
  CtStatement *stmt;
  gboolean has_row = TRUE;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);

  sql = dup_timeline_sql (db);
  stmt = ct_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  ct_statement_bind_int64 (stmt, 1, child_id);
  while (TRUE)
    {
      g_autoptr(CtTimelineEntry) entry = NULL;

      if (!ct_statement_step (stmt, &has_row, _("read the child’s timeline"), error))
        {
          ct_statement_reset (stmt);
          return NULL;
        }
      if (!has_row)
        break;
      entry = read_entry (stmt);
      g_list_store_append (entries, entry);
    }
  ct_statement_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&entries));
}
