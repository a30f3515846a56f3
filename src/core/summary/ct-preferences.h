/* ct-preferences.h: the team's choices that the figures depend on
 *
 * Kept in the records file's `setting` table (ct-setting.h), so that every
 * copy of the file and every computer gives the same figures; each change
 * is audited there. DOMAIN.md: the reliable-change threshold T, the
 * disclosure rule, and N, the days of the SDQ prompt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-database.h"
#include "ct-disclosure.h"

G_BEGIN_DECLS

#define CT_SETTING_RELIABLE_CHANGE "reliable_change_threshold"
#define CT_SETTING_DISCLOSURE_RULE "disclosure_rule"
#define CT_SETTING_SDQ_PROMPT_DAYS "sdq_prompt_days"

/* T in hundredths: 245 by default, 100 to 500 in steps of 5. */
#define CT_RELIABLE_CHANGE_DEFAULT 245
#define CT_RELIABLE_CHANGE_MIN     100
#define CT_RELIABLE_CHANGE_MAX     500
#define CT_RELIABLE_CHANGE_STEP    5

#define CT_SDQ_PROMPT_DAYS_DEFAULT 90
#define CT_SDQ_PROMPT_DAYS_MIN     7
#define CT_SDQ_PROMPT_DAYS_MAX     730

/* Each getter gives the default when the preference was never set. */
gint64            ct_preferences_get_threshold (CtDatabase        *db,
                                                GError           **error);
/* CT_DATABASE_ERROR_INVALID outside 100-500 or off a step of 5. */
gboolean          ct_preferences_set_threshold (CtDatabase        *db,
                                                gint64             hundredths,
                                                GError           **error);
CtDisclosureRule  ct_preferences_get_rule      (CtDatabase        *db,
                                                GError           **error);
gboolean          ct_preferences_set_rule      (CtDatabase        *db,
                                                CtDisclosureRule   rule,
                                                GError           **error);
guint             ct_preferences_get_prompt_days (CtDatabase      *db,
                                                  GError         **error);
gboolean          ct_preferences_set_prompt_days (CtDatabase      *db,
                                                  guint            days,
                                                  GError         **error);

/* The values of the getters from the stored text (NULL: never set), for a
 * statement that reads the settings with other rows. */
gint64            ct_preferences_parse_threshold (const char      *text);
CtDisclosureRule  ct_preferences_parse_rule      (const char      *text);

/* "2.45": T as DOMAIN.md and the summary write it. */
char             *ct_preferences_format_threshold (gint64          hundredths);

G_END_DECLS
