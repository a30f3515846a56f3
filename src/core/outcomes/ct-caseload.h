/* ct-caseload.h: a clinician's open episodes and what is due on each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-database.h"

G_BEGIN_DECLS

/**
 * CtCaseloadDue:
 * @CT_CASELOAD_DUE_REVIEW: the episode has goals and none was rated on or
 *   after the review cut-off (a GBO review is due)
 * @CT_CASELOAD_DUE_END_DATE: a goal has an end rating but the episode has
 *   no end date (close the episode)
 *
 * What is due, as flags. (An SDQ prompt, once SDQ scores are recorded, is
 * one more flag here.)
 */
typedef enum
{
  CT_CASELOAD_DUE_NOTHING  = 0,
  CT_CASELOAD_DUE_REVIEW   = 1 << 0,
  CT_CASELOAD_DUE_END_DATE = 1 << 1,
} CtCaseloadDue;

/* One open episode. Dates are `YYYY-MM-DD`; NULL when there is none. */
typedef struct
{
  gint64         referral_id;
  gint64         child_id;
  char          *child_reference;
  char          *child_name;
  char          *start_date;
  char          *last_contact;  /* the latest consultation about the child or rating */
  char          *last_rating;   /* the latest rating of the episode's goals */
  CtCaseloadDue  due;
} CtCaseloadEntry;

void       ct_caseload_entry_free (CtCaseloadEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtCaseloadEntry, ct_caseload_entry_free)

/* The episodes of @clinician_id open on @today (accepted, started on or
 * before it, not ended before it), oldest start first, each with what is
 * due when a review is due every @review_weeks weeks. A GPtrArray of
 * CtCaseloadEntry, or NULL with @error. One query. */
GPtrArray *ct_caseload_list       (CtDatabase  *db,
                                   gint64       clinician_id,
                                   const char  *today,
                                   guint        review_weeks,
                                   GError     **error);

G_END_DECLS
