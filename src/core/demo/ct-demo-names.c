/* ct-demo-names.c: invented names and generic text for the demo data
 *
 * Every name is plainly made up ("Dr Ada Example", "Robin T.", "Demo
 * Fostering Team") and every sentence is generic: nothing here could
 * describe a real person. The text is data, not interface, so it is not
 * translated (the same seed gives the same records in every language).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-demo"

#include "config.h"

#include "ct-demo-private.h"

static const char * const first_names[] = {
  "Ada", "Sam", "Robin", "Alex", "Jo", "Kit", "Lee", "Max", "Pat", "Ray", "Viv", "Bo",
};

/* 12 and 11 have no common factor, so (index mod 12, index mod 11) differs
 * for each of the first 132 indexes. */
static const char * const surnames[] = {
  "Example", "Sample", "Placeholder", "Specimen", "Mockup", "Testcase", "Madeup",
  "Pretend", "Dummy", "Fictional", "Invented",
};

static const char * const known_as[] = {
  "Robin", "Alex", "Sam", "Jamie", "Charlie", "Frankie", "Riley", "Jordan", "Casey",
  "Morgan", "Taylor", "Avery", "Quinn", "Rowan", "Sky", "Remy",
};

static const char * const goals[] = {
  "Feel calmer at bedtime",
  "Go to school on more days",
  "Get on better with my carers",
  "Understand more of my life story",
  "Talk to an adult when I am worried",
  "Keep in touch with my brother or sister",
  "Carers feel more confident with big feelings",
  "Fewer arguments at home",
  "Join a club or activity",
  "Feel ready for moving on",
  "Sleep through most nights",
  "Spend time with friends safely",
};

static const char * const notes[] = {
  "Discussed the network's next steps; agreed to review in six weeks.",
  "Thought together about what the behaviour might be communicating.",
  "Explored the carers' worries; suggested a consistent bedtime routine.",
  "Considered how to prepare for a planned move; shared a transitions checklist.",
  "Reflected on differing views in the network; agreed one plan for contact.",
  "Gave advice on a trauma-informed response at school.",
  "Talked through sibling arrangements; a further consultation was booked.",
  "Shared psychoeducation about attachment with the social worker.",
};

static const char * const themes[] = {
  "Holding hope when progress is slow",
  "Managing endings and transitions",
  "Secondary stress and self-care",
  "Working with conflict in the network",
  "Behaviour as communication",
  "Supporting carers after a placement move",
  "Staying curious under pressure",
  "Balancing risk and relationship",
};

static const char * const teams[] = {
  "Demo Social Work Team 1", "Demo Social Work Team 2", "Demo Social Work Team 3",
  "Demo Children in Care Team", "Demo Leaving Care Team", "Demo Fostering Team",
  "Demo Edge of Care Team",
};

static const char * const organisations[] = {
  "Demo County Council", "Demo Fostering Agency", "Demo Children's Homes Ltd",
  "Demo Academy Trust",
};

typedef struct
{
  const char * const *texts;
  guint               n_texts;
} TextList;

#define TEXT_LIST(list) { list, G_N_ELEMENTS (list) }

static const TextList text_lists[] = {
  [CT_DEMO_TEXT_GOAL] = TEXT_LIST (goals),
  [CT_DEMO_TEXT_NOTE] = TEXT_LIST (notes),
  [CT_DEMO_TEXT_THEME] = TEXT_LIST (themes),
  [CT_DEMO_TEXT_TEAM] = TEXT_LIST (teams),
  [CT_DEMO_TEXT_ORGANISATION] = TEXT_LIST (organisations),
  [CT_DEMO_TEXT_CHILD_NAME] = TEXT_LIST (known_as),
};

const char *
ct_demo_pick_text (CtDemoGen  *gen,
                   CtDemoText  which)
{
  const TextList *list = &text_lists[which];

  return list->texts[ct_demo_random (gen, 0, list->n_texts - 1)];
}

char *
ct_demo_person_name (guint index)
{
  guint n_pairs = G_N_ELEMENTS (first_names) * G_N_ELEMENTS (surnames);
  const char *first = first_names[index % G_N_ELEMENTS (first_names)];
  const char *last = surnames[index % G_N_ELEMENTS (surnames)];

  if (index < n_pairs)
    return g_strdup_printf ("%s %s", first, last);
  return g_strdup_printf ("%s %s %u", first, last, index / n_pairs + 1);
}

char *
ct_demo_child_name (CtDemoGen *gen)
{
  return g_strdup_printf ("%s %c.", ct_demo_pick_text (gen, CT_DEMO_TEXT_CHILD_NAME),
                          (char) ('A' + ct_demo_random (gen, 0, 25)));
}

/* Lookups by word; a word added to DOMAIN.md later falls back to a
 * generic name rather than failing. */
typedef struct
{
  const char *word;
  const char *text;
} WordText;

static const char *
lookup (const WordText *table,
        guint           n_entries,
        const char     *word,
        const char     *fallback)
{
  for (guint i = 0; i < n_entries; i++)
    if (g_strcmp0 (table[i].word, word) == 0)
      return table[i].text;
  return fallback;
}

static const WordText groups[] = {
  { "social_work_team", "Demo Social Work Team" },
  { "residential_home", "Demo Residential Home" },
  { "fostering", "Demo Foster Carers Group" },
  { "leaving_care", "Demo Leaving Care Team" },
  { "education", "Demo Virtual School Group" },
};

char *
ct_demo_group_name (CtDemoGen  *gen,
                    const char *setting)
{
  return g_strdup_printf ("%s %u",
                          lookup (groups, G_N_ELEMENTS (groups), setting, "Demo Practice Group"),
                          ct_demo_random (gen, 1, 4));
}

static const WordText titles[] = {
  { "developmental_trauma", "Understanding Developmental Trauma" },
  { "attachment", "Attachment in Everyday Care" },
  { "therapeutic_parenting", "Therapeutic Parenting Basics" },
  { "nvr", "Non-Violent Resistance for Carers" },
  { "pace_ddp", "PACE in Practice" },
  { "sensory", "Sensory Needs and Regulation" },
  { "life_story", "Life Story Work Together" },
  { "self_harm", "Responding to Self-Harm" },
};

const char *
ct_demo_training_title (const char *topic)
{
  return lookup (titles, G_N_ELEMENTS (titles), topic, "Demo Training Session");
}

static const WordText reasons[] = {
  { "signposted", "Needs met better elsewhere; signposted to the local CAMHS team." },
  { "declined", "Does not meet the team's criteria at present." },
  { "pending", "Awaiting more information from the referrer." },
};

const char *
ct_demo_decision_reason (const char *decision)
{
  return lookup (reasons, G_N_ELEMENTS (reasons), decision, NULL);
}
