/* test-demo-data.c: the seeded demo data generator
 *
 * The same seed gives the same records and another seed others; the counts
 * are the size asked for; every record keeps the rules and is dated no later
 * than "today"; the team size uses every enumeration word and has the cases
 * the views and the summary must show (open episodes, episodes ended without
 * end ratings, cancelled sessions, goals that improved and goals that did
 * not).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-demo-data"

#include "config.h"

#include <string.h>

#include "ct-demo-data.h"
#include "ct-records.h"
#include "test-database-util.h"

#define TODAY "2025-01-31"
#define SEED  20250131

typedef struct
{
  TestFixture  files;
  CtDatabase  *db;
} DemoFixture;

static CtDatabase *
create_database (DemoFixture *fixture,
                 const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_fixture_file (&fixture->files, name);
  CtDatabase *db = ct_database_create (path, TEST_PASSPHRASE, "Demo Test Runner", &error);

  g_assert_no_error (error);
  return db;
}

static void
fixture_setup (DemoFixture   *fixture,
               gconstpointer  data)
{
  test_fixture_setup (&fixture->files, data);
  ct_validate_set_today_for_testing (TODAY);
  fixture->db = create_database (fixture, "demo.ctdb");
}

static void
fixture_teardown (DemoFixture   *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->db);
  ct_validate_set_today_for_testing (NULL);
  test_fixture_teardown (&fixture->files, data);
}

static void
fill (CtDatabase       *db,
      const CtDemoSize *size,
      guint32           seed)
{
  g_autoptr(GError) error = NULL;

  ct_demo_data_fill (db, size, seed, TODAY, &error);
  g_assert_no_error (error);
}

static GListModel *
list_kind (CtDatabase   *db,
           const CtKind *kind)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = ct_store_list (db, kind, NULL, &error);

  g_assert_no_error (error);
  return list;
}

static GListModel *
list_named (CtDatabase *db,
            const char *kind_name)
{
  return list_kind (db, ct_kind_lookup (kind_name));
}

/* Every stored field of every record, one line per record, in list order. */
static char *
dump_records (CtDatabase *db)
{
  GString *dump = g_string_new (NULL);

  for (guint k = 0; k < ct_kind_get_n_kinds (); k++)
    {
      const CtKind *kind = ct_kind_get_nth (k);
      g_autoptr(GListModel) list = list_kind (db, kind);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CtRecord) record = g_list_model_get_item (list, i);

          g_string_append_printf (dump, "%s %" G_GINT64_FORMAT, ct_kind_get_name (kind),
                                  ct_record_get_id (record));
          for (guint f = 0; f < ct_kind_get_n_fields (kind); f++)
            {
              const CtField *field = ct_kind_get_field (kind, f);
              g_autofree char *text = NULL;

              if (ct_field_is_display (field))
                continue;
              text = ct_record_get_string (record, field);
              g_string_append_printf (dump, ",%s", text != NULL ? text : "");
            }
          g_string_append_c (dump, '\n');
        }
    }
  return g_string_free (dump, FALSE);
}

static guint
count_kind (CtDatabase *db,
            const char *kind_name)
{
  g_autoptr(GListModel) list = list_named (db, kind_name);

  return g_list_model_get_n_items (list);
}

static void
assert_counts (CtDatabase       *db,
               const CtDemoSize *size)
{
  g_assert_cmpuint (count_kind (db, "staff"), ==, size->staff);
  g_assert_cmpuint (count_kind (db, "child"), ==, size->children);
  g_assert_cmpuint (count_kind (db, "referral"), ==, size->referrals);
  g_assert_cmpuint (count_kind (db, "consultation"), ==, size->consultations);
  g_assert_cmpuint (count_kind (db, "reflective_practice"), ==, size->reflective_sessions);
  g_assert_cmpuint (count_kind (db, "goal"), ==, size->goals);
  g_assert_cmpuint (count_kind (db, "goal_rating"), ==, size->goal_ratings);
  g_assert_cmpuint (count_kind (db, "training_event"), ==, size->training_events);
  g_assert_cmpuint (count_kind (db, "training_attendance"), ==, size->training_attendances);
}

/* Same seed: identical; another seed: different. */
static void
test_deterministic (DemoFixture   *fixture,
                    gconstpointer  data)
{
  CtDemoSize size = ct_demo_size_team ();
  g_autoptr(CtDatabase) same = create_database (fixture, "same.ctdb");
  g_autoptr(CtDatabase) other = create_database (fixture, "other.ctdb");
  g_autofree char *first_dump = NULL;
  g_autofree char *same_dump = NULL;
  g_autofree char *other_dump = NULL;

  fill (fixture->db, &size, SEED);
  fill (same, &size, SEED);
  fill (other, &size, SEED + 1);

  first_dump = dump_records (fixture->db);
  same_dump = dump_records (same);
  other_dump = dump_records (other);
  g_assert_cmpuint (strlen (first_dump), >, 10000);
  g_assert_cmpstr (first_dump, ==, same_dump);
  g_assert_cmpstr (first_dump, !=, other_dump);
}

/* Each record passes the rules again as stored, and no date is after today. */
static void
assert_valid_and_not_future (CtDatabase *db)
{
  for (guint k = 0; k < ct_kind_get_n_kinds (); k++)
    {
      const CtKind *kind = ct_kind_get_nth (k);
      g_autoptr(GListModel) list = list_kind (db, kind);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CtRecord) record = g_list_model_get_item (list, i);
          g_autoptr(GError) error = NULL;

          g_assert_true (ct_record_validate (record, db, &error));
          g_assert_no_error (error);
          for (guint f = 0; f < ct_kind_get_n_fields (kind); f++)
            {
              const CtField *field = ct_kind_get_field (kind, f);
              g_autofree char *text = NULL;

              if (ct_field_get_value_type (field) != CT_FIELD_DATE)
                continue;
              text = ct_record_get_string (record, field);
              g_assert_true (text == NULL || strcmp (text, TODAY) <= 0);
            }
        }
    }
}

/* The words used by one enumeration field, over every record of its kind. */
static GHashTable *
collect_words (GListModel    *list,
               const CtField *field)
{
  GHashTable *used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CtRecord) record = g_list_model_get_item (list, i);
      g_autofree char *text = ct_record_get_string (record, field);
      g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", ";", -1);

      for (guint w = 0; words[w] != NULL; w++)
        g_hash_table_add (used, g_strdup (words[w]));
    }
  return used;
}

static void
assert_every_word_used (CtDatabase *db)
{
  guint n_fields = 0;

  for (guint k = 0; k < ct_kind_get_n_kinds (); k++)
    {
      const CtKind *kind = ct_kind_get_nth (k);
      g_autoptr(GListModel) list = list_kind (db, kind);

      for (guint f = 0; f < ct_kind_get_n_fields (kind); f++)
        {
          const CtField *field = ct_kind_get_field (kind, f);
          const char * const *words = ct_enum_words (field);
          g_autoptr(GHashTable) used = NULL;

          if (words == NULL || ct_field_is_display (field))
            continue;
          n_fields++;
          used = collect_words (list, field);
          for (guint w = 0; words[w] != NULL; w++)
            if (!g_hash_table_contains (used, words[w]))
              g_test_fail_printf ("%s.%s: no record uses “%s”", ct_kind_get_name (kind),
                                  ct_field_get_name (field), words[w]);
        }
    }
  /* role, gender, legal_status, placement_type, placement_area, source,
   * decision, end_reason, requested_by, topics, mode, outcome, setting,
   * status, set_by, time_point, topic, audience, role, status, informant,
   * reason */
  g_assert_cmpuint (n_fields, ==, 22);
}

static char *
get_text (GListModel *list,
          guint       i,
          const char *field)
{
  g_autoptr(CtRecord) record = g_list_model_get_item (list, i);

  return ct_record_get_string_by_name (record, field);
}

static gint64
get_id (GListModel *list,
        guint       i,
        const char *field)
{
  g_autoptr(CtRecord) record = g_list_model_get_item (list, i);

  return ct_record_get_reference (record, field);
}

/* Ids as hash table keys (test ids are small). */
#define ID_KEY(id) GSIZE_TO_POINTER ((gsize) (id))

/* Open episodes, and ended ones with goals but without end ratings; one to
 * three goals each. */
static void
assert_episodes (CtDatabase *db)
{
  g_autoptr(GListModel) referrals = list_named (db, "referral");
  g_autoptr(GListModel) goals = list_named (db, "goal");
  g_autoptr(GListModel) ratings = list_named (db, "goal_rating");
  g_autoptr(GHashTable) with_goals = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) end_rated = g_hash_table_new (NULL, NULL);
  guint n_open = 0, n_unrated_ends = 0, n_rated_ends = 0;

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autofree char *number = get_text (goals, i, "number");

      g_hash_table_add (with_goals, ID_KEY (get_id (goals, i, "referral")));
      g_assert_cmpuint (g_ascii_strtoull (number, NULL, 10), <=, 3);
    }
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autofree char *time_point = get_text (ratings, i, "time_point");

      if (g_str_equal (time_point, "end"))
        g_hash_table_add (end_rated, ID_KEY (get_id (ratings, i, "referral_id")));
    }

  for (guint i = 0; i < g_list_model_get_n_items (referrals); i++)
    {
      g_autoptr(CtRecord) referral = g_list_model_get_item (referrals, i);
      g_autofree char *decision = ct_record_get_string_by_name (referral, "decision");
      g_autofree char *start = ct_record_get_string_by_name (referral, "start_date");
      g_autofree char *end = ct_record_get_string_by_name (referral, "end_date");
      gpointer key = ID_KEY (ct_record_get_id (referral));

      if (g_str_equal (decision, "accepted") && start != NULL && end == NULL)
        n_open++;
      if (end != NULL && g_hash_table_contains (with_goals, key))
        {
          if (g_hash_table_contains (end_rated, key))
            n_rated_ends++;
          else
            n_unrated_ends++;
        }
    }
  g_assert_cmpuint (n_open, >, 0);
  g_assert_cmpuint (n_unrated_ends, >, 0);
  g_assert_cmpuint (n_rated_ends, >, n_unrated_ends);
}

/* A score in half points, 0 to 20. */
static int
get_half_points (GListModel *list,
                 guint       i)
{
  g_autofree char *text = get_text (list, i, "score");

  return (int) (g_ascii_strtod (text, NULL) * 2);
}

/* Most paired goals improve reliably, not all: some show no reliable
 * change, some deteriorate (2.45 either way: 5 half points). Baselines
 * are kept as half points + 1, so that 0 is "none". */
static void
assert_changes (CtDatabase *db)
{
  g_autoptr(GListModel) ratings = list_named (db, "goal_rating");
  g_autoptr(GHashTable) baselines = g_hash_table_new (NULL, NULL);
  guint improved = 0, unchanged = 0, deteriorated = 0;

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autofree char *time_point = get_text (ratings, i, "time_point");

      if (g_str_equal (time_point, "baseline"))
        g_hash_table_insert (baselines, ID_KEY (get_id (ratings, i, "goal")),
                             GINT_TO_POINTER (get_half_points (ratings, i) + 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autofree char *time_point = get_text (ratings, i, "time_point");
      int baseline, change;

      if (!g_str_equal (time_point, "end"))
        continue;
      baseline = GPOINTER_TO_INT (g_hash_table_lookup (baselines, ID_KEY (get_id (ratings, i, "goal"))));
      g_assert_cmpint (baseline, >, 0);
      change = get_half_points (ratings, i) - (baseline - 1);
      if (change >= 5)
        improved++;
      else if (change <= -5)
        deteriorated++;
      else
        unchanged++;
    }
  g_assert_cmpuint (deteriorated, >, 0);
  g_assert_cmpuint (unchanged, >, 0);
  g_assert_cmpuint (improved, >, unchanged + deteriorated);
}

/* Cancelled sessions had nobody; some consultations are about no child. */
static void
assert_sessions_and_consultations (CtDatabase *db)
{
  g_autoptr(GListModel) sessions = list_named (db, "reflective_practice");
  g_autoptr(GListModel) consultations = list_named (db, "consultation");
  guint n_cancelled = 0, n_no_child = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autofree char *status = get_text (sessions, i, "status");
      g_autofree char *attendees = get_text (sessions, i, "attendees");

      if (!g_str_equal (status, "cancelled"))
        continue;
      n_cancelled++;
      g_assert_cmpstr (attendees, ==, "0");
    }
  for (guint i = 0; i < g_list_model_get_n_items (consultations); i++)
    if (get_id (consultations, i, "child") == 0)
      n_no_child++;

  g_assert_cmpuint (n_cancelled, >, 0);
  g_assert_cmpuint (n_no_child, >, 0);
  g_assert_cmpuint (n_no_child, <, g_list_model_get_n_items (consultations) / 2);
}

/* Invented names only. */
static void
assert_demo_names (CtDatabase *db)
{
  g_autoptr(GListModel) children = list_named (db, "child");
  g_autoptr(GListModel) events = list_named (db, "training_event");

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autofree char *reference = get_text (children, i, "reference");
      g_autofree char *name = get_text (children, i, "name");

      g_assert_true (g_str_has_prefix (reference, "DEMO-"));
      g_assert_true (g_str_has_suffix (name, "."));
    }
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autofree char *code = get_text (events, i, "code");

      g_assert_true (g_str_has_prefix (code, "TR-"));
    }
}

static void
test_team (DemoFixture   *fixture,
           gconstpointer  data)
{
  CtDemoSize size = ct_demo_size_team ();

  fill (fixture->db, &size, SEED);
  assert_counts (fixture->db, &size);
  assert_valid_and_not_future (fixture->db);
  assert_every_word_used (fixture->db);
  assert_episodes (fixture->db);
  assert_changes (fixture->db);
  assert_sessions_and_consultations (fixture->db);
  assert_demo_names (fixture->db);
}

/* A tiny size gives exactly its counts, and an empty one nothing. */
static void
test_tiny (DemoFixture   *fixture,
           gconstpointer  data)
{
  CtDemoSize tiny = {
    .staff = 2, .children = 3, .referrals = 5, .consultations = 4, .reflective_sessions = 3,
    .goals = 7, .goal_ratings = 11, .training_events = 2, .training_attendances = 5,
    .financial_years = 1,
  };
  CtDemoSize nothing = { .financial_years = 1 };
  g_autoptr(CtDatabase) empty = create_database (fixture, "empty.ctdb");

  fill (fixture->db, &tiny, SEED);
  assert_counts (fixture->db, &tiny);
  assert_valid_and_not_future (fixture->db);

  fill (empty, &nothing, SEED);
  assert_counts (empty, &nothing);
}

/* A second fill clashes (the same references): it fails and, being one
 * transaction, adds nothing. */
static void
test_all_or_nothing (DemoFixture   *fixture,
                     gconstpointer  data)
{
  CtDemoSize size = ct_demo_size_team ();
  g_autoptr(GError) error = NULL;

  size.staff = 0;
  size.referrals = size.consultations = size.reflective_sessions = 0;
  size.goals = size.goal_ratings = 0;
  fill (fixture->db, &size, SEED);

  g_assert_false (ct_demo_data_fill (fixture->db, &size, SEED + 1, TODAY, &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CONFLICT);
  assert_counts (fixture->db, &size);
}

static void
test_bad_today (DemoFixture   *fixture,
                gconstpointer  data)
{
  CtDemoSize size = ct_demo_size_team ();
  CtDemoSize nothing = { .financial_years = 1 };
  g_autoptr(GError) error = NULL;

  g_assert_false (ct_demo_data_fill (fixture->db, &size, SEED, "2025-02-30", &error));
  g_assert_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID);
  assert_counts (fixture->db, &nothing);
}

/* The county size is the one the benchmarks use. */
static void
test_county_size (void)
{
  CtDemoSize one = ct_demo_size_county (1);
  CtDemoSize ten = ct_demo_size_county (10);

  g_assert_cmpuint (one.children, ==, 5000);
  g_assert_cmpuint (one.referrals, ==, 12000);
  g_assert_cmpuint (one.consultations, ==, 40000);
  g_assert_cmpuint (one.reflective_sessions, ==, 4000);
  g_assert_cmpuint (one.goals, ==, 20000);
  g_assert_cmpuint (one.goal_ratings, ==, 60000);
  g_assert_cmpuint (one.training_events, ==, 1500);
  g_assert_cmpuint (one.training_attendances, ==, 30000);
  g_assert_cmpuint (ten.consultations, ==, 10 * one.consultations);
  g_assert_cmpuint (ten.goal_ratings, ==, 10 * one.goal_ratings);
}

#define ADD_TEST(path, func) \
  g_test_add ((path), DemoFixture, NULL, fixture_setup, (func), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/demo-data/team", test_team);
  ADD_TEST ("/demo-data/deterministic", test_deterministic);
  ADD_TEST ("/demo-data/tiny", test_tiny);
  ADD_TEST ("/demo-data/all-or-nothing", test_all_or_nothing);
  ADD_TEST ("/demo-data/bad-today", test_bad_today);
  g_test_add_func ("/demo-data/county-size", test_county_size);

  return g_test_run ();
}
