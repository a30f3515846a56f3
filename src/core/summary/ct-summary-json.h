/* ct-summary-json.h: the committee summary as a JSON document
 *
 * The document of DOMAIN.md ("The committee summary (JSON)"), described by
 * data/org.council.ClinicalTeam.CommitteeSummary.schema.json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ct-disclosure.h"
#include "ct-summary.h"

G_BEGIN_DECLS

#define CT_SUMMARY_SCHEMA         "org.council.ClinicalTeam.CommitteeSummary"
#define CT_SUMMARY_SCHEMA_VERSION 2

/* The document for @audience, withheld values as null. @generated_at is
 * the moment it was made (NULL: now); it is written in UTC. */
JsonNode *ct_summary_to_json      (const CtSummary  *summary,
                                   CtAudience        audience,
                                   GDateTime        *generated_at);

/* @root as indented UTF-8 text ending in a newline. Rounded numbers keep
 * their one decimal ("3.4", "100.0"): json-glib 1.6 writes every double
 * with 17 significant digits ("3.3999999999999999"). */
char     *ct_summary_json_to_text (JsonNode         *root);

G_END_DECLS
