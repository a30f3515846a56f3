/* ct-store.h: reading and writing records
 *
 * Every write validates the record first (ct_record_validate()), then
 * writes the record and its audit entry in one transaction (nested inside
 * the caller's, if one is open): both or neither. Audit entries use the kind
 * name (ct_kind_get_name(): "child", "consultation", ...) as record_kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

/**
 * CtFilter:
 * @from: first date (YYYY-MM-DD, inclusive) of the kind's date field, or NULL
 * @to: last date (inclusive), or NULL
 * @staff_id: the clinician (referral, consultation) or facilitator, or 0
 * @child_id: the child (referral, consultation, goal, goal_rating), or 0
 * @referral_id: the referral (goal, goal_rating), or 0
 * @goal_id: the goal (goal_rating), or 0
 * @event_id: the training event (training_attendance), or 0
 * @status: a word of the kind's status field (referral: decision;
 *   reflective_practice, training_attendance: status; goal_rating:
 *   time_point; staff: active, "yes" / "no"), or NULL
 * @search: words that must each occur in one of the fields searched, as a
 *   list shows them (ct_cell_text_dup(): dates as "3 Mar 2025", words of
 *   an enumeration and Yes / No as their labels, a rating as "4.0"),
 *   ignoring case and accents not typed (ct_cell_text_fold()); or NULL
 * @search_fields: the fields searched, NULL-terminated; NULL: the kind's
 *   text fields
 * @sort_field: the field the rows are ordered by first (then in the kind's
 *   own order), or NULL: the kind's own order
 * @sort_descending: @sort_field's values from the highest down
 *
 * Zero-initialise (`CtFilter filter = { 0 };`) and set what you need. A
 * criterion that the kind does not have is a programming error.
 */
typedef struct
{
  const char *from;
  const char *to;
  gint64      staff_id;
  gint64      child_id;
  gint64      referral_id;
  gint64      goal_id;
  gint64      event_id;
  const char *status;
  const char *search;
  const CtField * const *search_fields;
  const CtField *sort_field;
  gboolean    sort_descending;
} CtFilter;

/* A copy of @filter that owns its text and its fields searched, for a
 * read in another thread; free with ct_filter_free(). */
CtFilter   *ct_filter_copy                (const CtFilter *filter);
void        ct_filter_free                (CtFilter       *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtFilter, ct_filter_free)

/* Sets the id, created_at and updated_at of @record, and its display fields. */
gboolean    ct_store_insert               (CtDatabase     *db,
                                           CtRecord       *record,
                                           GError        **error);
/* Saves a record read earlier (id != 0) at the version that was read, and
 * counts the version up; refreshes updated_at and the display fields.
 * CT_DATABASE_ERROR_NOT_FOUND when it was deleted meanwhile;
 * CT_DATABASE_ERROR_STALE, naming who changed it and when, when it was
 * saved by someone else (another connection) since it was read: then
 * nothing is written. */
gboolean    ct_store_update               (CtDatabase     *db,
                                           CtRecord       *record,
                                           GError        **error);
/* CT_DATABASE_ERROR_IN_USE when other records refer to it (the message says
 * which and how many); NOT_FOUND when there is no such record. */
gboolean    ct_store_delete               (CtDatabase     *db,
                                           const CtKind   *kind,
                                           gint64          id,
                                           GError        **error);
/* The same for a record read earlier, only at the version that was read:
 * CT_DATABASE_ERROR_STALE as ct_store_update() when it changed since. */
gboolean    ct_store_delete_record        (CtDatabase     *db,
                                           CtRecord       *record,
                                           GError        **error);
/* Writes a `view` audit entry: the signed-in person opened @record (a
 * saved one) to read it. The entry names the record, never its content. */
gboolean    ct_store_audit_view           (CtDatabase     *db,
                                           CtRecord       *record,
                                           GError        **error);
/* A new record, or NULL with CT_DATABASE_ERROR_NOT_FOUND. */
CtRecord   *ct_store_get                  (CtDatabase     *db,
                                           const CtKind   *kind,
                                           gint64          id,
                                           GError        **error);
/* The record as it is now, but to be saved (or deleted) only if it is
 * still at @version, the one read earlier (an editor's draft kept across a
 * lock): a save over a change made since fails with
 * CT_DATABASE_ERROR_STALE. */
CtRecord   *ct_store_get_at_version       (CtDatabase     *db,
                                           const CtKind   *kind,
                                           gint64          id,
                                           gint64          version,
                                           GError        **error);
/* A GListStore of records of the kind's record type, matching @filter (NULL:
 * all). One query. Newest date first (then newest id); children by
 * reference, staff by name, goals by referral and number. */
GListModel *ct_store_list                 (CtDatabase     *db,
                                           const CtKind   *kind,
                                           const CtFilter *filter,
                                           GError        **error);

/* The ids of the records matching @filter (NULL: all), in the order
 * ct_store_list() gives (or @filter's sort_field): a list's rows, sorted
 * in the store without reading them. */
GArray     *ct_store_list_ids             (CtDatabase     *db,
                                           const CtKind   *kind,
                                           const CtFilter *filter,
                                           GError        **error);
#define CT_STORE_PAGE_SIZE 100
/* The first CT_STORE_PAGE_SIZE ids of ct_store_list_ids() (@filter has no
 * search), and in @n_ids how many it has in all, not read one by one: a
 * list's first screen. */
GArray     *ct_store_list_first_ids       (CtDatabase     *db,
                                           const CtKind   *kind,
                                           const CtFilter *filter,
                                           guint          *n_ids,
                                           GError        **error);
/* The records @ids (at most CT_STORE_PAGE_SIZE) in that order, in one
 * query: those no longer stored are left out. */
GPtrArray  *ct_store_get_page             (CtDatabase     *db,
                                           const CtKind   *kind,
                                           const gint64   *ids,
                                           guint           n_ids,
                                           GError        **error);

/* Look-ups for the import (and editors). Each returns the id, or 0 with
 * CT_DATABASE_ERROR_NOT_FOUND and a message naming the value looked for. */

/* Prefers an active staff member; an inactive one of that name also matches. */
gint64      ct_store_find_staff           (CtDatabase     *db,
                                           const char     *name,
                                           GError        **error);
/* The staff member linked to @login on a team server (on a records file,
 * the staff profile of that name); 0, without @error, when there is none.
 * For a connection that is not the login's own (a reader's). */
gint64      ct_store_find_staff_of_login  (CtDatabase     *db,
                                           const char     *login,
                                           GError        **error);
/* The staff member of the person signed in: on a team server the one
 * linked to their login, on a records file the staff profile chosen (the
 * actor). 0, without @error, when there is none. Asked of the store once,
 * then again only after the actor, a staff record, or anything made
 * elsewhere changed. */
gint64      ct_store_find_own_staff       (CtDatabase     *db,
                                           GError        **error);
/* The staff member of the person signed in as last found, never reading:
 * 0 when none was found since the actor or a staff record changed. */
gint64      ct_store_peek_own_staff       (CtDatabase     *db);
/* The staff member called @name, created (active, role "other") when new. */
gint64      ct_store_ensure_staff         (CtDatabase     *db,
                                           const char     *name,
                                           GError        **error);
gint64      ct_store_find_child           (CtDatabase     *db,
                                           const char     *reference,
                                           GError        **error);
gint64      ct_store_find_referral        (CtDatabase     *db,
                                           const char     *child_reference,
                                           const char     *referral_date,
                                           GError        **error);
gint64      ct_store_find_goal            (CtDatabase     *db,
                                           gint64          referral_id,
                                           gint            number,
                                           GError        **error);
gint64      ct_store_find_training_event  (CtDatabase     *db,
                                           const char     *code,
                                           GError        **error);

G_END_DECLS
