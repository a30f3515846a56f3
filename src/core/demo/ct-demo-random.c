/* ct-demo-random.c: the demo data generator's helpers: random numbers,
 * days, enumeration words, and adding a record through the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-demo"

#include "config.h"

#include "ct-demo-private.h"

/* Random numbers */

guint
ct_demo_random (CtDemoGen *gen,
                guint      lowest,
                guint      highest)
{
  g_assert (lowest <= highest && highest < G_MAXINT32);

  return (guint) g_rand_int_range (gen->rand, (gint32) lowest, (gint32) highest + 1);
}

gboolean
ct_demo_chance (CtDemoGen *gen,
                guint      percent)
{
  return ct_demo_random (gen, 0, 99) < percent;
}

guint32
ct_demo_random_day (CtDemoGen *gen,
                    guint32    first,
                    guint32    last)
{
  return first + ct_demo_random (gen, 0, last - first);
}

void
ct_demo_shuffle (CtDemoGen *gen,
                 gpointer  *items,
                 guint      n_items)
{
  for (guint i = n_items; i > 1; i--)
    {
      guint j = ct_demo_random (gen, 0, i - 1);
      gpointer swap = items[i - 1];

      items[i - 1] = items[j];
      items[j] = swap;
    }
}

guint *
ct_demo_spread (CtDemoGen *gen,
                guint      n_items,
                guint      n_bins,
                guint      most)
{
  guint *counts = g_new0 (guint, n_bins + 1);

  g_assert (n_items == 0 || (n_bins > 0 && n_items <= (guint64) n_bins * most));

  for (guint i = 0; i < n_items; i++)
    {
      guint bin = i < n_bins ? i : ct_demo_random (gen, 0, n_bins - 1);

      while (counts[bin] >= most)
        bin = (bin + 1) % n_bins;
      counts[bin]++;
    }
  return counts;
}

char *
ct_demo_format_day (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* Words */

const char * const *
ct_demo_words (GType       type,
               const char *name)
{
  const CtField *field = ct_kind_find_field (ct_kind_for_type (type), name);

  g_assert (field != NULL && ct_enum_words (field) != NULL);
  return ct_enum_words (field);
}

static guint
weight_of (const guint *weights,
           guint        i,
           guint        n)
{
  return weights != NULL ? weights[i] : (n - i) * (n - i);
}

guint
ct_demo_pick_index (CtDemoGen   *gen,
                    guint        ordinal,
                    guint        n,
                    const guint *weights)
{
  guint total = 0;
  guint roll;

  if (ordinal < n)
    return ordinal;

  for (guint i = 0; i < n; i++)
    total += weight_of (weights, i, n);
  roll = ct_demo_random (gen, 0, total - 1);
  for (guint i = 0; i < n; i++)
    {
      if (roll < weight_of (weights, i, n))
        return i;
      roll -= weight_of (weights, i, n);
    }
  g_assert_not_reached ();
}

const char *
ct_demo_pick_word (CtDemoGen   *gen,
                   GType        type,
                   const char  *name,
                   guint        ordinal,
                   const guint *weights)
{
  const char * const *words = ct_demo_words (type, name);

  return words[ct_demo_pick_index (gen, ordinal, g_strv_length ((char **) words), weights)];
}

static gboolean
strv_has (const char **words,
          const char  *word)
{
  for (; *words != NULL; words++)
    if (g_str_equal (*words, word))
      return TRUE;
  return FALSE;
}

const char **
ct_demo_pick_words (CtDemoGen  *gen,
                    GType       type,
                    const char *name,
                    guint       ordinal,
                    guint       most)
{
  const char * const *all = ct_demo_words (type, name);
  guint n_all = g_strv_length ((char **) all);
  guint n = ct_demo_random (gen, 1, MIN (most, n_all));
  const char **words = g_new0 (const char *, n + 1);

  words[0] = ct_demo_pick_word (gen, type, name, ordinal, NULL);
  for (guint i = 1; i < n; i++)
    {
      const char *word = all[ct_demo_random (gen, 0, n_all - 1)];

      if (strv_has (words, word))
        break;
      words[i] = word;
    }
  return words;
}

/* Records */

gint64
ct_demo_add (CtDemoGen   *gen,
             GError     **error,
             GType        type,
             const char  *first_property,
             ...)
{
  g_autoptr(CtRecord) record = ct_record_new (ct_kind_for_type (type));
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (record), first_property, args);
  va_end (args);

  if (!ct_store_insert (gen->db, record, error))
    return 0;
  return ct_record_get_id (record);
}

gint64
ct_demo_pick_clinician (CtDemoGen   *gen,
                        const char **name)
{
  guint i = ct_demo_random (gen, 0, gen->clinician_ids->len - 1);

  if (name != NULL)
    *name = g_ptr_array_index (gen->clinician_names, i);
  return g_array_index (gen->clinician_ids, gint64, i);
}
