/* ct-outcomes.c: goal-based outcomes, episode by episode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-outcomes"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-goal-rating.h"
#include "ct-kind-private.h"
#include "ct-outcomes-private.h"
#include "ct-outcomes.h"
#include "ct-preferences.h"
#include "ct-store-private.h"

/* Rules */

/* @value in whole hundredths, rounded half away from zero. */
static gint64
hundredths_of (double value)
{
  return (gint64) (value * 100 + (value < 0 ? -0.5 : 0.5));
}

/* Compared in hundredths: T is a whole number of them, and so are goal
 * scores' changes, so 2.45 ≥ 2.45 holds whatever the doubles hold. */
CtGboChange
ct_gbo_classify_change (double change,
                        double threshold)
{
  gint64 hundredths = hundredths_of (change);
  gint64 limit = hundredths_of (threshold);

  if (hundredths >= limit)
    return CT_GBO_CHANGE_IMPROVED;
  if (hundredths <= -limit)
    return CT_GBO_CHANGE_DETERIORATED;
  return CT_GBO_CHANGE_NONE;
}

CtGboChange
ct_gbo_scores_classify (const CtGboScores *scores)
{
  double change;

  g_return_val_if_fail (scores != NULL, CT_GBO_CHANGE_NONE);

  if (!ct_gbo_scores_get_change (scores, &change))
    return CT_GBO_CHANGE_NONE;
  return ct_gbo_classify_change (change, scores->threshold);
}

gboolean
ct_gbo_scores_get_change (const CtGboScores *scores,
                          double            *change)
{
  g_return_val_if_fail (scores != NULL, FALSE);

  if (scores->baseline == CT_RECORD_NO_NUMBER || scores->end == CT_RECORD_NO_NUMBER)
    return FALSE;
  if (change != NULL)
    *change = scores->end - scores->baseline;
  return TRUE;
}

void
ct_gbo_scores_from_ratings (CtGboScores *scores,
                            GListModel  *ratings)
{
  g_autofree char *latest_date = NULL;
  guint n_ratings;

  g_return_if_fail (scores != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (ratings));

  *scores = (CtGboScores) { CT_RECORD_NO_NUMBER, CT_RECORD_NO_NUMBER, CT_RECORD_NO_NUMBER,
                            CT_GBO_RELIABLE_CHANGE };
  n_ratings = g_list_model_get_n_items (ratings);
  for (guint i = 0; i < n_ratings; i++)
    {
      g_autoptr(CtGoalRating) rating = g_list_model_get_item (ratings, i);
      g_autofree char *date = NULL;
      g_autofree char *time_point = NULL;
      double score;

      g_object_get (rating, "date", &date, "time-point", &time_point, "score", &score, NULL);
      if (g_strcmp0 (time_point, "baseline") == 0)
        scores->baseline = score;
      else if (g_strcmp0 (time_point, "end") == 0)
        scores->end = score;
      /* On the same day, a later time point is the later rating. */
      if (latest_date == NULL || g_strcmp0 (date, latest_date) > 0 ||
          (g_strcmp0 (date, latest_date) == 0 && g_strcmp0 (time_point, "end") == 0))
        {
          g_free (latest_date);
          latest_date = g_steal_pointer (&date);
          scores->latest = score;
        }
    }
}

/* Rows */

/* What the rows of one episode's goals share, read once (a rc box). */
typedef struct
{
  gint64  referral_id;
  gint64  child_id;
  char   *child_reference;
  char   *child_name;
  gint64  clinician_id;
  char   *clinician_name;
  char   *referral_date;
  char   *start_date;
  char   *end_date;
} Episode;

static void
episode_clear (Episode *episode)
{
  g_free (episode->child_reference);
  g_free (episode->child_name);
  g_free (episode->clinician_name);
  g_free (episode->referral_date);
  g_free (episode->start_date);
  g_free (episode->end_date);
}

struct _CtOutcomeRow
{
  GObject      parent_instance;

  Episode     *episode;
  gint64       goal_id;
  int          goal_number;
  char        *goal_description;
  CtGboScores  scores;
};

G_DEFINE_FINAL_TYPE (CtOutcomeRow, ct_outcome_row, G_TYPE_OBJECT)

static void
ct_outcome_row_finalize (GObject *object)
{
  CtOutcomeRow *self = CT_OUTCOME_ROW (object);

  g_atomic_rc_box_release_full (self->episode, (GDestroyNotify) episode_clear);
  g_free (self->goal_description);

  G_OBJECT_CLASS (ct_outcome_row_parent_class)->finalize (object);
}

static void
ct_outcome_row_class_init (CtOutcomeRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_outcome_row_finalize;
}

static void
ct_outcome_row_init (CtOutcomeRow *self)
{
}

/* The query. Baseline and end join at most one rating each (a unique
 * index); the latest rating is read by a subquery, the first of the index
 * goal_rating_last (the file's migration 11, the server's 9) in the order
 * asked. The episodes come in the order of the table (by id, which the
 * file reads as it is stored, and either store gives each episode's rows
 * together, its goals by number), not of their dates: each goal's
 * look-ups then follow the indexes' order wherever the records were
 * written in it, where an order by date jumped about them (at ten times
 * county, whose episodes were written child by child, 722 ms against 224);
 * the rows are sorted by date afterwards (compare_rows()), in memory,
 * which SQLite's sorter would have allocated row by row under memory
 * security.
 * The goal is "t", so that its description is read as every record's
 * fields are: as NULL where the signed-in role may not read clinical free
 * text. */

enum {
  COL_REFERRAL_ID,
  COL_CHILD_ID,
  COL_CHILD_REFERENCE,
  COL_CHILD_NAME,
  COL_CLINICIAN_ID,
  COL_CLINICIAN_NAME,
  COL_REFERRAL_DATE,
  COL_START_DATE,
  COL_END_DATE,
  COL_GOAL_ID,
  COL_GOAL_NUMBER,
  COL_GOAL_DESCRIPTION,
  COL_BASELINE,
  COL_LATEST,
  COL_END,
};

enum {
  PARAM_CLINICIAN = 1,
  PARAM_CHILD,
  PARAM_MISSING_END,
  PARAM_FROM,
  PARAM_TO,
};

char *
ct_outcomes_dup_sql (CtDatabase *db)
{
  const CtSqlDialect *dialect = ct_database_get_dialect (db);
  const CtKind *goal = ct_kind_lookup ("goal");
  g_autofree char *description =
    ct_field_dup_select_sql (ct_kind_find_field (goal, "description"),
                             dialect->hides_clinical_text);

  return g_strconcat (
    "SELECT r.id, c.id, c.reference, c.name, r.clinician_id, s.name,"
    "       r.referral_date, r.start_date, r.end_date,"
    "       t.id, t.number, ", description, ", b.score,"
    "       (SELECT x.score FROM goal_rating x WHERE x.goal_id = t.id"
    "         ORDER BY x.date DESC, x.time_point = 'end' DESC, x.id DESC LIMIT 1),"
    "       e.score"
    "  FROM referral r"
    "  JOIN child c ON c.id = r.child_id"
    "  LEFT JOIN staff s ON s.id = r.clinician_id"
    "  LEFT JOIN goal t ON t.referral_id = r.id"
    "  LEFT JOIN goal_rating b ON b.goal_id = t.id AND b.time_point = 'baseline'"
    "  LEFT JOIN goal_rating e ON e.goal_id = t.id AND e.time_point = 'end'"
    " WHERE r.decision = 'accepted'"
    "   AND (?1 = 0 OR r.clinician_id = ?1)"
    "   AND (?2 = 0 OR r.child_id = ?2)"
    "   AND (?3 = 0 OR (r.end_date IS NOT NULL AND e.id IS NULL))"
    "   AND (r.end_date >= ?4 OR r.end_date IS NULL OR ?4 IS NULL)"
    "   AND (COALESCE (r.start_date, r.referral_date) <= ?5 OR ?5 IS NULL)"
    " ORDER BY r.id, t.number", NULL);
}

static char *
dup_column_text (CtStatement *stmt,
                 int           column)
{
  return g_strdup (ct_statement_column_text (stmt, column));
}

static double
column_score (CtStatement *stmt,
              int           column)
{
  if (ct_statement_column_is_null (stmt, column))
    return CT_RECORD_NO_NUMBER;
  return ct_statement_column_double (stmt, column);
}

/* The row's episode: @previous's when the row is another goal of it (the
 * rows come episode by episode). */
static Episode *
read_episode (CtStatement *stmt,
              Episode      *previous)
{
  gint64 referral_id = ct_statement_column_int64 (stmt, COL_REFERRAL_ID);
  Episode *episode;

  if (previous != NULL && previous->referral_id == referral_id)
    return g_atomic_rc_box_acquire (previous);
  episode = g_atomic_rc_box_new0 (Episode);
  episode->referral_id = referral_id;
  episode->child_id = ct_statement_column_int64 (stmt, COL_CHILD_ID);
  episode->child_reference = dup_column_text (stmt, COL_CHILD_REFERENCE);
  episode->child_name = dup_column_text (stmt, COL_CHILD_NAME);
  episode->clinician_id = ct_statement_column_int64 (stmt, COL_CLINICIAN_ID);
  episode->clinician_name = dup_column_text (stmt, COL_CLINICIAN_NAME);
  episode->referral_date = dup_column_text (stmt, COL_REFERRAL_DATE);
  episode->start_date = dup_column_text (stmt, COL_START_DATE);
  episode->end_date = dup_column_text (stmt, COL_END_DATE);
  return episode;
}

static CtOutcomeRow *
read_row (CtStatement  *stmt,
          double        threshold,
          CtOutcomeRow *previous)
{
  CtOutcomeRow *row = g_object_new (CT_TYPE_OUTCOME_ROW, NULL);

  row->episode = read_episode (stmt, previous != NULL ? previous->episode : NULL);
  row->goal_id = ct_statement_column_int64 (stmt, COL_GOAL_ID);
  row->goal_number = ct_statement_column_int (stmt, COL_GOAL_NUMBER);
  row->goal_description = dup_column_text (stmt, COL_GOAL_DESCRIPTION);
  row->scores.baseline = column_score (stmt, COL_BASELINE);
  row->scores.latest = column_score (stmt, COL_LATEST);
  row->scores.end = column_score (stmt, COL_END);
  row->scores.threshold = threshold;
  return row;
}

/* The Outcomes' order: the newest referral first (the later id first on
 * one day), its goals by number (its row without a goal alone). */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const CtOutcomeRow *one = *(CtOutcomeRow * const *) a;
  const CtOutcomeRow *other = *(CtOutcomeRow * const *) b;
  int by_date;

  if (one->episode->referral_id == other->episode->referral_id)
    return one->goal_number - other->goal_number;
  by_date = g_strcmp0 (other->episode->referral_date, one->episode->referral_date);
  if (by_date != 0)
    return by_date;
  return other->episode->referral_id < one->episode->referral_id ? -1 : 1;
}

GListModel *
ct_outcomes_list (CtDatabase              *db,
                  const CtOutcomesFilter  *filter,
                  GError                 **error)
{
  static const CtOutcomesFilter no_filter = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;
  CtStatement *stmt;
  gboolean has_row = TRUE;
  double threshold;

  g_return_val_if_fail (CT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = &no_filter;
  threshold = ct_preferences_get_threshold (db, &local_error) / 100.0;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  sql = ct_outcomes_dup_sql (db);
  stmt = ct_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  ct_statement_bind_int64 (stmt, PARAM_CLINICIAN, filter->clinician_id);
  ct_statement_bind_int64 (stmt, PARAM_CHILD, filter->child_id);
  ct_statement_bind_int64 (stmt, PARAM_MISSING_END, filter->ended_without_end_rating ? 1 : 0);
  ct_statement_bind_text (stmt, PARAM_FROM, filter->from);
  ct_statement_bind_text (stmt, PARAM_TO, filter->to);

  while (TRUE)
    {
      if (!ct_statement_step (stmt, &has_row, _("read the outcomes"), error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (rows, read_row (stmt, threshold,
                                       rows->len > 0 ? rows->pdata[rows->len - 1] : NULL));
    }
  ct_statement_reset (stmt);
  g_ptr_array_sort (rows, compare_rows);

  store = g_list_store_new (CT_TYPE_OUTCOME_ROW);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Getters */

#define GETTER_OF(type, name, fallback, of) \
  type \
  ct_outcome_row_get_##name (CtOutcomeRow *self) \
  { \
    g_return_val_if_fail (CT_IS_OUTCOME_ROW (self), fallback); \
    return self->of name; \
  }
#define GETTER(type, name, fallback) GETTER_OF (type, name, fallback, )
#define EPISODE_GETTER(type, name, fallback) GETTER_OF (type, name, fallback, episode->)

EPISODE_GETTER (gint64, referral_id, 0)
EPISODE_GETTER (gint64, child_id, 0)
EPISODE_GETTER (const char *, child_reference, NULL)
EPISODE_GETTER (const char *, child_name, NULL)
EPISODE_GETTER (gint64, clinician_id, 0)
EPISODE_GETTER (const char *, clinician_name, NULL)
EPISODE_GETTER (const char *, referral_date, NULL)
EPISODE_GETTER (const char *, start_date, NULL)
EPISODE_GETTER (const char *, end_date, NULL)
GETTER (gint64, goal_id, 0)
GETTER (int, goal_number, 0)
GETTER (const char *, goal_description, NULL)

const CtGboScores *
ct_outcome_row_get_scores (CtOutcomeRow *self)
{
  g_return_val_if_fail (CT_IS_OUTCOME_ROW (self), NULL);

  return &self->scores;
}
