/* test-summary-days.c: the day by day sums follow every write
 *
 * Most summary figures are read from summary_day, which triggers keep with
 * every write (ct-summary-days.c). Here the hand-worked records are
 * changed and deleted through the store, in every way that moves a sum:
 * a record's own fields and date, the record its rows belong to (a
 * consultation's topics, a referral's child, a booking's event), rows
 * deleted with it. The summaries of several periods must then be what the
 * same records give when the sums are built again from them alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-summary-days"

#include "config.h"

#include "ct-database-private.h"
#include "ct-kind.h"
#include "ct-server-database.h"
#include "ct-store.h"
#include "ct-summary-private.h"
#include "records-fixture.h"
#include "summary-fixture.h"
#include "test-store.h"

typedef SummaryFixture Fixture;

static const char *const periods[] = { FIXTURE_PERIOD, "2024/25", "2023/24", "2024-08" };

/* Every figure of @summary as text, one per line. */
static char *
summary_text (const CtSummary *summary)
{
  GString *text = g_string_new (NULL);
  guint n_figures;
  const CtFigure *figures = ct_summary_get_figures (summary, &n_figures);

  for (guint i = 0; i < n_figures; i++)
    {
      const CtFigure *figure = &figures[i];

      g_string_append_printf (text, "%s.%s %" G_GINT64_FORMAT " %s%.1f/%" G_GINT64_FORMAT,
                              figure->section, figure->key, figure->count,
                              figure->has_value ? "" : "none ", figure->value, figure->items);
      for (guint c = 0; c < figure->n_cells; c++)
        g_string_append_printf (text, " %s %" G_GINT64_FORMAT, figure->cells[c].word,
                                figure->cells[c].count);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* The summaries of every period, one after the other. */
static char *
summaries_text (CtDatabase *db)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autoptr(CtSummary) summary = fixture_compute (db, periods[i]);
      g_autofree char *figures = summary_text (summary);

      g_string_append_printf (text, "%s\n%s", periods[i], figures);
    }
  return g_string_free (text, FALSE);
}

/* The id of the first record of table @kind where @where holds. */
static gint64
first_id (CtDatabase *db,
          const char *kind,
          const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT min (id) FROM %s WHERE %s", kind, where);
  gint64 id = records_count (db, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* Saves the first record of @kind where @where holds with fields changed:
 * name, value pairs, NULL-terminated. */
static void
change (CtDatabase *db,
        const char *kind,
        const char *where,
        ...)
{
  g_autoptr(GError) error = NULL;
  const CtKind *record_kind = ct_kind_lookup (kind);
  g_autoptr(CtRecord) record = ct_store_get (db, record_kind, first_id (db, kind, where), &error);
  va_list args;

  g_assert_no_error (error);
  va_start (args, where);
  for (const char *name = va_arg (args, const char *); name != NULL;
       name = va_arg (args, const char *))
    {
      ct_record_set_string_by_name (record, name, va_arg (args, const char *), &error);
      g_assert_no_error (error);
    }
  va_end (args);
  ct_store_update (db, record, &error);
  g_assert_no_error (error);
}

static void
delete (CtDatabase *db,
        const char *kind,
        const char *where)
{
  g_autoptr(GError) error = NULL;

  ct_store_delete (db, ct_kind_lookup (kind), first_id (db, kind, where), &error);
  g_assert_no_error (error);
}

/* summary_day built again from the records, as the schema's step does. */
static void
sum_again (CtDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = ct_summary_days_sql (test_store_is_server () ? CT_SERVER_SCHEMA : NULL);

  ct_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* The summaries from the sums the triggers kept differ from @before, and
 * are those of the sums built again from the records. */
static void
assert_kept (CtDatabase *db,
             const char *before)
{
  g_autofree char *kept = summaries_text (db);
  g_autofree char *summed_again = NULL;

  g_assert_cmpstr (kept, !=, before);
  sum_again (db);
  summed_again = summaries_text (db);
  g_assert_cmpstr (kept, ==, summed_again);
}

static void
test_follow_writes (Fixture       *fixture,
                    gconstpointer  data)
{
  CtDatabase *db = fixture->db;
  g_autofree char *before = NULL;

  fixture_fill (db);
  before = summaries_text (db);

  /* A consultation's own fields and its date, which its topics follow
   * (into August and out of the quarter); one with topics deleted. */
  change (db, "consultation", "date = '2024-07-01'", "date", "2024-08-20", "mode", "phone",
          "topics", "risk;transitions", NULL);
  change (db, "consultation", "date = '2024-07-12'", "date", "2024-10-12", NULL);
  delete (db, "consultation", "date = '2024-07-10'");
  /* A child's values and birthday, which its referrals follow. */
  change (db, "child", "reference = 'C06'", "legal_status", "care_leaver",
          "date_of_birth", "2010-01-01", "uasc", "yes", NULL);
  /* An episode's decision, start and end, and its end reason. */
  change (db, "referral", "start_date = '2024-08-20'", "end_date", "2024-09-10",
          "end_reason", "moved_away", NULL);
  change (db, "referral", "start_date = '2024-09-01'", "start_date", "2024-08-04", NULL);
  change (db, "referral", "decision = 'signposted'", "decision", "declined", NULL);
  /* Reflective practice: held, then cancelled; one deleted. */
  change (db, "reflective_practice", "date = '2024-07-08'", "status", "cancelled",
          "attendees", "0", "rating", NULL, NULL);
  delete (db, "reflective_practice", "date = '2024-07-15'");
  /* Training: an event moved, which its bookings follow; a booking's
   * status and ratings; one booking deleted. */
  change (db, "training_event", "date BETWEEN '2024-07-01' AND '2024-09-30'",
          "date", "2024-10-05", NULL);
  change (db, "training_attendance", "status = 'booked'", "status", "attended",
          "confidence_before", "3", "confidence_after", "8", NULL);
  delete (db, "training_attendance", "status = 'did_not_attend'");

  assert_kept (db, before);
}

/* SDQ scores, which the fixture leaves to the SDQ test: added, a total
 * changed to a reason, one moved out of the period, one deleted. */
static void
test_follow_sdq (Fixture       *fixture,
                 gconstpointer  data)
{
  CtDatabase *db = fixture->db;
  g_autofree char *child = NULL;
  g_autofree char *before = NULL;

  fixture_fill (db);
  before = summaries_text (db);
  child = records_id_text (first_id (db, "child", "reference = 'C01'"));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *date = g_strdup_printf ("2024-07-%02u", 10 + i);

      records_insert (db, "sdq_score", "child", child, "date", date, "informant", "carer",
                      "total", "15", NULL);
    }
  change (db, "sdq_score", "date = '2024-07-10'", "total", NULL, "reason", "SDQ2", NULL);
  change (db, "sdq_score", "date = '2024-07-11'", "date", "2023-07-11", NULL);
  delete (db, "sdq_score", "date = '2024-07-12'");

  assert_kept (db, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  summary_fixture_add ("/summary-days/follow-writes", test_follow_writes);
  summary_fixture_add ("/summary-days/follow-sdq", test_follow_sdq);

  return g_test_run ();
}
