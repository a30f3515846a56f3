/* ct-sdq-prompt.c: the SDQ prompt of the Outcomes view
 *
 * SQL finds each child's latest total and the one before it, for children
 * with no open episode and no recent consultation; C applies the bands
 * (ct-sdq-score.h). "Days since" are counted in C with GDate: the SQL only
 * compares ISO dates, so that it runs unchanged on any store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-sdq-prompt"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-outcomes-private.h"
#include "ct-sdq-prompt.h"
#include "ct-sdq-score.h"
#include "ct-store-private.h"
#include "ct-validate.h"

struct _CtSdqPrompt
{
  GObject  parent_instance;

  gint64   child_id;
  char    *child_reference;
  char    *child_name;
  int      total;
  char    *date;
  int      previous_total;
  int      days_since_contact;
};

G_DEFINE_FINAL_TYPE (CtSdqPrompt, ct_sdq_prompt, G_TYPE_OBJECT)

enum { COL_CHILD_ID, COL_REFERENCE, COL_NAME, COL_TOTAL, COL_DATE, COL_PREVIOUS, COL_CONTACT };

/* The child's last contact up to ?1: its latest consultation or the end
 * of an episode, whichever is later. No aggregate: SQLite allocates an
 * aggregate's state each time one runs, which memory security locks and
 * wipes (with max () per child the county's prompts took 290 ms, 97
 * without); the
 * latest consultation is the first of the index consultation_child_date
 * read backwards, the latest end the one no other end of the child's
 * comes after (a child has few episodes). The CASE below may look either
 * up twice: two seeks, cheaper here than a subquery that holds both
 * (measured 72 against 148 ms at county). */
#define LAST_CONSULTATION \
  "(SELECT k.date FROM consultation k WHERE k.child_id = c.id AND k.date <= ?1" \
  " ORDER BY k.date DESC LIMIT 1)"
#define LAST_END \
  "(SELECT r.end_date FROM referral r WHERE r.child_id = c.id AND r.end_date <= ?1" \
  "   AND NOT EXISTS (SELECT 1 FROM referral q WHERE q.child_id = r.child_id" \
  "                     AND q.end_date <= ?1 AND q.end_date > r.end_date) LIMIT 1)"

/* The child's latest total up to ?1 (by date, then by id for two on one
 * day): the first of the index sdq_score_order read backwards. Child by
 * child, so that the look-ups walk the indexes in their order (driven by
 * every total up to today, each asking whether a later one existed, the
 * prompts took 907 ms at ten times county, now 306; and 29 ms at county). */
#define LATEST_TOTAL \
  "(SELECT l.id FROM sdq_score l WHERE l.child_id = c.id AND l.total IS NOT NULL" \
  " AND l.date <= ?1 ORDER BY l.date DESC, l.id DESC LIMIT 1)"

/* ?1 today, ?2 the first day a consultation counts as recent. The
 * prompts are sorted afterwards (compare_prompts()): SQLite's sorter
 * allocates every row it sorts, which memory security locks and wipes. */
static const char prompt_sql[] =
  "SELECT c.id, c.reference, c.name, s.total, s.date,"
  "       (SELECT p.total FROM sdq_score p WHERE p.child_id = s.child_id"
  "          AND p.total IS NOT NULL"
  "          AND (p.date < s.date OR (p.date = s.date AND p.id < s.id))"
  "        ORDER BY p.date DESC, p.id DESC LIMIT 1),"
  "       CASE WHEN " LAST_END " IS NULL OR " LAST_CONSULTATION " >= " LAST_END
  "         THEN " LAST_CONSULTATION " ELSE " LAST_END " END"
  "  FROM child c JOIN sdq_score s ON s.id = " LATEST_TOTAL
  " WHERE NOT EXISTS (SELECT 1 FROM referral r WHERE r.child_id = s.child_id"
  "                     AND r.decision = 'accepted' AND r.start_date <= ?1"
  "                     AND (r.end_date IS NULL OR r.end_date >= ?1))"
  "   AND NOT EXISTS (SELECT 1 FROM consultation k WHERE k.child_id = s.child_id"
  "                     AND k.date BETWEEN ?2 AND ?1)";

const char *
ct_sdq_prompt_get_sql (void)
{
  return prompt_sql;
}

static void
ct_sdq_prompt_finalize (GObject *object)
{
  CtSdqPrompt *self = CT_SDQ_PROMPT (object);

  g_free (self->child_reference);
  g_free (self->child_name);
  g_free (self->date);
  G_OBJECT_CLASS (ct_sdq_prompt_parent_class)->finalize (object);
}

static void
ct_sdq_prompt_class_init (CtSdqPromptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_sdq_prompt_finalize;
}

static void
ct_sdq_prompt_init (CtSdqPrompt *self)
{
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  g_date_clear (date, 1);
  if (text != NULL)
    g_date_set_parse (date, text);
  return g_date_valid (date);
}

static int
band_rank (int total)
{
  return total >= CT_SDQ_CONCERN_FROM ? 2 : total >= CT_SDQ_BORDERLINE_FROM ? 1 : 0;
}

/* DOMAIN.md: in concern, or in a higher band than the previous total. */
static gboolean
needs_a_look (int total,
              int previous)
{
  return band_rank (total) == 2 || (previous >= 0 && band_rank (total) > band_rank (previous));
}

static CtSdqPrompt *
read_prompt (CtStatement *stmt,
             const GDate  *today)
{
  CtSdqPrompt *self = g_object_new (CT_TYPE_SDQ_PROMPT, NULL);
  GDate contact;

  self->child_id = ct_statement_column_int64 (stmt, COL_CHILD_ID);
  self->child_reference = g_strdup (ct_statement_column_text (stmt, COL_REFERENCE));
  self->child_name = g_strdup (ct_statement_column_text (stmt, COL_NAME));
  self->total = ct_statement_column_int (stmt, COL_TOTAL);
  self->date = g_strdup (ct_statement_column_text (stmt, COL_DATE));
  self->previous_total = ct_statement_column_is_null (stmt, COL_PREVIOUS)
                         ? -1 : ct_statement_column_int (stmt, COL_PREVIOUS);
  self->days_since_contact = -1;
  if (parse_day (ct_statement_column_text (stmt, COL_CONTACT), &contact))
    self->days_since_contact = g_date_days_between (&contact, today);
  return self;
}

/* The highest total first, then by reference, byte by byte. */
static int
compare_prompts (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const CtSdqPrompt *one = a, *other = b;

  if (one->total != other->total)
    return other->total - one->total;
  return g_strcmp0 (one->child_reference, other->child_reference);
}

GListModel *
ct_sdq_prompt_list (CtDatabase  *db,
                    const char  *today,
                    guint        days,
                    GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CT_TYPE_SDQ_PROMPT);
  g_autofree char *clock_today = NULL;
  char since[16];
  CtStatement *stmt;
  gboolean has_row = TRUE;
  GDate day, first;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    today = clock_today = ct_validate_dup_today ();
  if (!parse_day (today, &day))
    g_return_val_if_reached (NULL);
  /* A consultation on or after this day is recent. */
  first = day;
  g_date_subtract_days (&first, days);
  g_date_strftime (since, sizeof since, "%Y-%m-%d", &first);

  stmt = ct_database_prepare (db, prompt_sql, error);
  if (stmt == NULL)
    return NULL;
  ct_statement_bind_text (stmt, 1, today);
  ct_statement_bind_text (stmt, 2, since);
  while (ct_statement_step (stmt, &has_row, _("find the children the SDQ prompt selects"),
                        error) && has_row)
    if (needs_a_look (ct_statement_column_int (stmt, COL_TOTAL),
                      ct_statement_column_is_null (stmt, COL_PREVIOUS)
                      ? -1 : ct_statement_column_int (stmt, COL_PREVIOUS)))
      {
        g_autoptr(CtSdqPrompt) prompt = read_prompt (stmt, &day);
        g_list_store_append (store, prompt);
      }
  ct_statement_reset (stmt);
  if (has_row)
    return NULL;  /* the step failed */
  g_list_store_sort (store, compare_prompts, NULL);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gint64
ct_sdq_prompt_get_child_id (CtSdqPrompt *self)
{
  g_return_val_if_fail (CT_IS_SDQ_PROMPT (self), 0);
  return self->child_id;
}

const char *
ct_sdq_prompt_get_child_reference (CtSdqPrompt *self)
{
  g_return_val_if_fail (CT_IS_SDQ_PROMPT (self), NULL);
  return self->child_reference;
}

const char *
ct_sdq_prompt_get_child_name (CtSdqPrompt *self)
{
  g_return_val_if_fail (CT_IS_SDQ_PROMPT (self), NULL);
  return self->child_name;
}

int
ct_sdq_prompt_get_total (CtSdqPrompt *self)
{
  g_return_val_if_fail (CT_IS_SDQ_PROMPT (self), -1);
  return self->total;
}

const char *
ct_sdq_prompt_get_date (CtSdqPrompt *self)
{
  g_return_val_if_fail (CT_IS_SDQ_PROMPT (self), NULL);
  return self->date;
}

const char *
ct_sdq_prompt_get_band (CtSdqPrompt *self)
{
  g_return_val_if_fail (CT_IS_SDQ_PROMPT (self), NULL);
  return ct_sdq_band_for_total (self->total);
}

int
ct_sdq_prompt_get_previous_total (CtSdqPrompt *self)
{
  g_return_val_if_fail (CT_IS_SDQ_PROMPT (self), -1);
  return self->previous_total;
}

int
ct_sdq_prompt_get_days_since_contact (CtSdqPrompt *self)
{
  g_return_val_if_fail (CT_IS_SDQ_PROMPT (self), -1);
  return self->days_since_contact;
}

/* Whole sentences for translators: one per band (a normal total never
 * prompts), with and without a contact on record. */
char *
ct_sdq_prompt_dup_reason (CtSdqPrompt *self)
{
  int days;

  g_return_val_if_fail (CT_IS_SDQ_PROMPT (self), NULL);

  days = self->days_since_contact;
  if (band_rank (self->total) == 2 && days < 0)
    return g_strdup_printf (_("Latest SDQ %d, concern; no contact on record."), self->total);
  if (band_rank (self->total) == 2)
    return g_strdup_printf (ngettext ("Latest SDQ %d, concern; no contact for %d day.",
                                      "Latest SDQ %d, concern; no contact for %d days.", days),
                            self->total, days);
  if (days < 0)
    return g_strdup_printf (_("Latest SDQ %d, borderline, up from %d; no contact on record."),
                            self->total, self->previous_total);
  return g_strdup_printf (ngettext ("Latest SDQ %d, borderline, up from %d; no contact for %d day.",
                                    "Latest SDQ %d, borderline, up from %d; no contact for %d days.",
                                    days),
                          self->total, self->previous_total, days);
}
