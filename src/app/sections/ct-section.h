/* ct-section.h: what each record section of the main window lists
 *
 * One row per section: the kind it lists, the fields shown as columns and
 * the words that depend on the kind (empty state, toasts). Everything else
 * about a list comes from the kind's field descriptors (ct-kind.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-kind.h"

G_BEGIN_DECLS

#define CT_SECTION_MAX_COLUMNS 8
#define CT_SECTION_MAX_ALSO_SEARCHED 3

/**
 * CtSection:
 * @name: the page name of the main view's sections stack ("consultations")
 * @kind_name: the kind listed (ct_kind_lookup())
 * @columns: field names shown, in order, NULL-terminated
 * @also_searched: fields the search matches besides the columns (the
 *   child's name of a consultation whose column is the reference),
 *   NULL-terminated
 * @icon_name: the empty state's icon
 * @title: N_() the section's title, also the list's accessible label
 * @empty_title: N_() shown when there are no records at all
 * @empty_description: N_() says how to add the first record
 * @search_label: N_() the search entry's placeholder and accessible label
 * @new_label: N_() the tooltip of the "new record" button
 * @deleted: N_() the toast after a deletion
 * @has_page: opening a record shows its page (the main view's
 *   #CtRecordList::show-record) rather than the editor
 *
 * The strings are untranslated (N_()); translate them with _() when shown.
 */
typedef struct
{
  const char *name;
  const char *kind_name;
  const char *columns[CT_SECTION_MAX_COLUMNS + 1];
  const char *also_searched[CT_SECTION_MAX_ALSO_SEARCHED + 1];
  const char *icon_name;
  const char *title;
  const char *empty_title;
  const char *empty_description;
  const char *search_label;
  const char *new_label;
  const char *deleted;
  gboolean    has_page;
} CtSection;

/* The section called @name, or NULL. */
const CtSection *ct_section_lookup   (const char      *name);
const CtKind    *ct_section_get_kind (const CtSection *section);
/* The fields that the section's search matches: its columns, then
 * @also_searched. @fields holds CT_SECTION_MAX_SEARCHED. */
#define CT_SECTION_MAX_SEARCHED (CT_SECTION_MAX_COLUMNS + CT_SECTION_MAX_ALSO_SEARCHED)
guint            ct_section_get_searched_fields (const CtSection *section,
                                                 const CtField  **fields);

G_END_DECLS
