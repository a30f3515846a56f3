/* ct-audit-log.h: reading the audit trail
 *
 * The audit trail is written by the core alongside every change
 * (ct_database_audit()) and never edited or deleted: there is no function
 * here, or anywhere, that changes an entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-database.h"

G_BEGIN_DECLS

#define CT_TYPE_AUDIT_ENTRY (ct_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (CtAuditEntry, ct_audit_entry, CT, AUDIT_ENTRY, GObject)

/* The properties "when", "who", "action", "record-kind", "record-id" and
 * "description" are read-only, for list columns. */
gint64      ct_audit_entry_get_id          (CtAuditEntry *self);
/* UTC, ISO 8601: "2025-03-03T14:05:00Z". */
const char *ct_audit_entry_get_when        (CtAuditEntry *self);
/* The staff profile signed in when the change was made. */
const char *ct_audit_entry_get_who         (CtAuditEntry *self);
/* A word of DOMAIN.md: create, update, delete, export, import, unlock,
 * passphrase_change, backup, view. */
const char *ct_audit_entry_get_action      (CtAuditEntry *self);
/* The kind name ("consultation", "setting"), or NULL for the file itself. */
const char *ct_audit_entry_get_record_kind (CtAuditEntry *self);
/* 0 when the entry is about no one record. */
gint64      ct_audit_entry_get_record_id   (CtAuditEntry *self);
/* The child the record is, or belongs to; 0 when none (or the entry was
 * written before entries had a child). */
gint64      ct_audit_entry_get_child_id    (CtAuditEntry *self);
const char *ct_audit_entry_get_description (CtAuditEntry *self);

/* Translated, for a person: "create" → "Created". @action itself when it
 * is not a word of the audit trail. */
const char *ct_audit_action_get_label      (const char   *action);

/**
 * CtAuditFilter:
 * @from: first calendar day (YYYY-MM-DD, inclusive, in local time), or NULL
 * @to: last calendar day (inclusive), or NULL
 * @kind: a record kind name, or NULL
 * @staff: a staff profile (who), or NULL
 * @action: an action word ("view": what was opened), or NULL
 * @child_id: entries about this child and the records that belong to them
 *   (referrals, consultations, goals, goal ratings, SDQ scores), or 0
 *
 * Zero-initialise and set what you need: NULL and 0 match everything.
 */
typedef struct
{
  const char *from;
  const char *to;
  const char *kind;
  const char *staff;
  const char *action;
  gint64      child_id;
} CtAuditFilter;

/* The entries matching @filter (NULL: all), newest first, as a GListModel
 * of CtAuditEntry. A malformed date fails with CT_PERIOD_ERROR_INVALID. */
GListModel *ct_audit_log_list_filtered     (CtDatabase          *db,
                                            const CtAuditFilter *filter,
                                            GError             **error);
/* The same with the day, kind and staff criteria only. */
GListModel *ct_audit_log_list              (CtDatabase   *db,
                                            const char   *from,
                                            const char   *to,
                                            const char   *kind,
                                            const char   *staff,
                                            GError      **error);

/* The ids of the entries matching @filter (NULL: all), newest first: a
 * GArray of gint64. */
GArray     *ct_audit_log_list_ids          (CtDatabase          *db,
                                            const CtAuditFilter *filter,
                                            GError             **error);
/* The entries @ids (at most CT_STORE_PAGE_SIZE), in that order. */
GPtrArray  *ct_audit_log_get_page          (CtDatabase          *db,
                                            const gint64        *ids,
                                            guint                n_ids,
                                            GError             **error);

/* An entry with only its id, until its page is read (CtAuditPages). */
CtAuditEntry *ct_audit_entry_new_unread    (gint64               id);
/* FALSE for an entry made by ct_audit_entry_new_unread(). */
gboolean    ct_audit_entry_is_read         (CtAuditEntry        *self);

/* The distinct staff profiles and record kinds found in the trail, sorted:
 * the choices of the viewer's filters. */
GStrv       ct_audit_log_list_people       (CtDatabase   *db,
                                            GError      **error);
GStrv       ct_audit_log_list_kinds        (CtDatabase   *db,
                                            GError      **error);

G_END_DECLS
