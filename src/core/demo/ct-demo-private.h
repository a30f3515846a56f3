/* ct-demo-private.h: the demo data generator's state and helpers, shared by
 * the ct-demo-*.c files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-demo-data.h"
#include "ct-records.h"

G_BEGIN_DECLS

/* An accepted, started referral: what its goals and ratings need. Days are
 * Julian day numbers (GDate). */
typedef struct
{
  gint64   id;
  guint32  start;
  guint32  end;        /* 0: still open */
  gboolean end_rated;  /* FALSE: ended without end ratings */
} CtDemoEpisode;

typedef struct
{
  CtDatabase       *db;
  const CtDemoSize *size;
  GRand            *rand;
  guint32           today;
  guint32           first_day;       /* 1 April of the first financial year */
  GArray           *staff_ids;       /* gint64 */
  GArray           *clinician_ids;   /* gint64: staff who see children */
  GPtrArray        *clinician_names; /* char *, same order */
  GArray           *child_ids;       /* gint64 */
  GArray           *child_births;    /* guint32 */
  GArray           *episodes;        /* CtDemoEpisode */
  GArray           *event_ids;       /* gint64 */
  GPtrArray        *event_audiences; /* const char ** of each event */
  guint             n_ended;         /* ended episodes so far */
} CtDemoGen;

/* Random numbers, all from the seeded generator. */
guint        ct_demo_random          (CtDemoGen      *gen,
                                      guint           lowest,
                                      guint           highest);
gboolean     ct_demo_chance          (CtDemoGen      *gen,
                                      guint           percent);
/* A day from @first to @last, both included. */
guint32      ct_demo_random_day      (CtDemoGen      *gen,
                                      guint32         first,
                                      guint32         last);
/* Fisher–Yates. */
void         ct_demo_shuffle         (CtDemoGen      *gen,
                                      gpointer       *items,
                                      guint           n_items);
/* How many of @n_items each of @n_bins gets: one each first, then at
 * random, at most @most each. Free with g_free(). */
guint       *ct_demo_spread          (CtDemoGen      *gen,
                                      guint           n_items,
                                      guint           n_bins,
                                      guint           most);

/* A clinician's id, and their name when @name is not NULL. */
gint64       ct_demo_pick_clinician  (CtDemoGen      *gen,
                                      const char    **name);

/* YYYY-MM-DD of a Julian day. */
char        *ct_demo_format_day      (guint32         day);

/* One of @n choices: @ordinal itself while it is below @n (so that the
 * first calls take each choice in turn), then at random by @weights (@n of
 * them), or when NULL favouring the first choices. */
guint        ct_demo_pick_index      (CtDemoGen      *gen,
                                      guint           ordinal,
                                      guint           n,
                                      const guint    *weights);
/* The words of @type's field @name (ct_enum_words()). */
const char * const *ct_demo_words    (GType           type,
                                      const char     *name);
/* A word of @type's field @name, chosen as by ct_demo_pick_index(), so a
 * small data set still uses every word; @weights in DOMAIN order. */
const char  *ct_demo_pick_word       (CtDemoGen      *gen,
                                      GType           type,
                                      const char     *name,
                                      guint           ordinal,
                                      const guint    *weights);
/* 1 to @most distinct words of a word list field, the first one chosen as
 * by ct_demo_pick_word(). Free with g_free() (the words are static). */
const char **ct_demo_pick_words      (CtDemoGen      *gen,
                                      GType           type,
                                      const char     *name,
                                      guint           ordinal,
                                      guint           most);

/* Makes a record of @type from property name / value pairs (ids are
 * gint64, numbers gint or gdouble), inserts it through the store and
 * returns its id, or 0 with @error set. */
gint64       ct_demo_add             (CtDemoGen      *gen,
                                      GError        **error,
                                      GType           type,
                                      const char     *first_property,
                                      ...) G_GNUC_NULL_TERMINATED;

/* Invented names and generic, non-identifying text (ct-demo-names.c). */
typedef enum
{
  CT_DEMO_TEXT_GOAL,
  CT_DEMO_TEXT_NOTE,
  CT_DEMO_TEXT_THEME,
  CT_DEMO_TEXT_TEAM,
  CT_DEMO_TEXT_ORGANISATION,
  CT_DEMO_TEXT_CHILD_NAME,
} CtDemoText;

const char  *ct_demo_pick_text       (CtDemoGen      *gen,
                                      CtDemoText      which);
/* "Ada Example", "Sam Sample 2": distinct for distinct @index. */
char        *ct_demo_person_name     (guint           index);
/* "Robin T." */
char        *ct_demo_child_name      (CtDemoGen      *gen);
/* "Demo Social Work Team 2" */
char        *ct_demo_group_name      (CtDemoGen      *gen,
                                      const char     *setting);
const char  *ct_demo_training_title  (const char     *topic);
/* Why a referral was not (yet) accepted; NULL for accepted. */
const char  *ct_demo_decision_reason (const char     *decision);

/* The record kinds, in dependency order. */
gboolean     ct_demo_add_referrals   (CtDemoGen      *gen,
                                      GError        **error);
gboolean     ct_demo_add_outcomes    (CtDemoGen      *gen,
                                      GError        **error);
gboolean     ct_demo_add_consultations (CtDemoGen    *gen,
                                        GError      **error);
gboolean     ct_demo_add_reflective_sessions (CtDemoGen  *gen,
                                              GError    **error);
gboolean     ct_demo_add_training    (CtDemoGen      *gen,
                                      GError        **error);
gboolean     ct_demo_add_sdq_scores  (CtDemoGen      *gen,
                                      GError        **error);

G_END_DECLS
