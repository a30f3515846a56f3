/* ct-database.h: where the records are kept
 *
 * A CtDatabase is the records of one team, on one of two stores: the
 * encrypted file (SQLCipher, store/sqlite; the default) or a team server
 * (PostgreSQL, store/postgres). Everything above this interface (records,
 * validation, the audit trail, CSV, outcomes, the summary) works the same
 * on both and never asks which one it has. The functions under "The
 * encrypted file" below are the file's own; on a server they fail with
 * CT_DATABASE_ERROR_NOT_SUPPORTED and a message saying what to use instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ct-statement.h"

G_BEGIN_DECLS

#define CT_DATABASE_ERROR (ct_database_error_quark ())

/**
 * CtDatabaseError:
 * @CT_DATABASE_ERROR_WRONG_PASSPHRASE: the passphrase does not open the file
 * @CT_DATABASE_ERROR_NOT_A_DATABASE: empty, random or unencrypted file
 * @CT_DATABASE_ERROR_NEWER_SCHEMA: written by a newer version of the program
 * @CT_DATABASE_ERROR_CORRUPT: fails the integrity check
 * @CT_DATABASE_ERROR_EXISTS: refusing to overwrite an existing file
 * @CT_DATABASE_ERROR_NOT_FOUND: no such file, or no such record
 * @CT_DATABASE_ERROR_NO_ENCRYPTION: the SQLite library is not SQLCipher 4
 * @CT_DATABASE_ERROR_INVALID: a value breaks a rule; the message names the field
 * @CT_DATABASE_ERROR_CONFLICT: a unique key is already taken
 * @CT_DATABASE_ERROR_IN_USE: other records depend on this one
 * @CT_DATABASE_ERROR_CLOSED: the file is locked (closed)
 * @CT_DATABASE_ERROR_FAILED: anything else (disk full, I/O error)
 * @CT_DATABASE_ERROR_NOT_SUPPORTED: the store cannot do this (a passphrase
 *   change on a team server)
 * @CT_DATABASE_ERROR_UNREACHABLE: the team server cannot be reached
 * @CT_DATABASE_ERROR_WRONG_PASSWORD: the server refused the user name or
 *   password
 * @CT_DATABASE_ERROR_NOT_TRUSTED: TLS was refused, or the server's
 *   certificate is not trusted
 * @CT_DATABASE_ERROR_NOT_SET_UP: the server's database holds no Clinical
 *   Team records
 * @CT_DATABASE_ERROR_DISCONNECTED: the connection was lost; what was being
 *   written was not saved
 * @CT_DATABASE_ERROR_NOT_ALLOWED: the server does not let this person do it
 * @CT_DATABASE_ERROR_STALE: the record was changed by someone else since it
 *   was read; the message names who and when, and nothing was written
 */
typedef enum
{
  CT_DATABASE_ERROR_WRONG_PASSPHRASE,
  CT_DATABASE_ERROR_NOT_A_DATABASE,
  CT_DATABASE_ERROR_NEWER_SCHEMA,
  CT_DATABASE_ERROR_CORRUPT,
  CT_DATABASE_ERROR_EXISTS,
  CT_DATABASE_ERROR_NOT_FOUND,
  CT_DATABASE_ERROR_NO_ENCRYPTION,
  CT_DATABASE_ERROR_INVALID,
  CT_DATABASE_ERROR_CONFLICT,
  CT_DATABASE_ERROR_IN_USE,
  CT_DATABASE_ERROR_CLOSED,
  CT_DATABASE_ERROR_FAILED,
  CT_DATABASE_ERROR_NOT_SUPPORTED,
  CT_DATABASE_ERROR_UNREACHABLE,
  CT_DATABASE_ERROR_WRONG_PASSWORD,
  CT_DATABASE_ERROR_NOT_TRUSTED,
  CT_DATABASE_ERROR_NOT_SET_UP,
  CT_DATABASE_ERROR_DISCONNECTED,
  CT_DATABASE_ERROR_NOT_ALLOWED,
  CT_DATABASE_ERROR_STALE,
} CtDatabaseError;

/* The schema version this program writes (PRAGMA user_version). */
#define CT_SCHEMA_VERSION 15

/* Shortest passphrase accepted when creating a file or changing it. */
#define CT_PASSPHRASE_MIN_LENGTH 10

/**
 * CtTeamRole:
 * @CT_TEAM_ROLE_CLINICIAN: `clinician`
 * @CT_TEAM_ROLE_ADMINISTRATOR: `administrator`
 * @CT_TEAM_ROLE_LEAD: `lead`, the clinical lead
 *
 * The roles of a team server's login (help/C/who-can-see-what.page).
 */
typedef enum
{
  CT_TEAM_ROLE_CLINICIAN,
  CT_TEAM_ROLE_ADMINISTRATOR,
  CT_TEAM_ROLE_LEAD,
} CtTeamRole;

#define CT_TEAM_N_ROLES 3

/**
 * CtRecordChangeKind:
 * @CT_RECORD_CREATED: a new record
 * @CT_RECORD_UPDATED: a record saved again
 * @CT_RECORD_DELETED: a record deleted
 */
typedef enum
{
  CT_RECORD_CREATED,
  CT_RECORD_UPDATED,
  CT_RECORD_DELETED,
} CtRecordChangeKind;

/**
 * CtRecordChange:
 * @kind: the kind's name ("consultation"), or CT_SETTING_CHANGE
 * @id: the record's id
 * @change: what was done to it
 *
 * One record written, as CtDatabase::changed lists it.
 */
typedef struct
{
  const char         *kind;
  gint64              id;
  CtRecordChangeKind  change;
} CtRecordChange;

/* The kind of a CtRecordChange that is a preference saved (id 0). */
#define CT_SETTING_CHANGE "setting"

#define CT_TYPE_DATABASE (ct_database_get_type ())
G_DECLARE_DERIVABLE_TYPE (CtDatabase, ct_database, CT, DATABASE, GObject)

struct _CtSqlDialect;

/* What each store implements (ct-database-private.h says more). */
struct _CtDatabaseClass
{
  GObjectClass parent_class;

  const struct _CtSqlDialect *dialect;
  /* The store knows who signed in (a server's login): the first actor set
   * is that login, and ct_database_set_actor() changes it no more. */
  gboolean                    actor_is_login;
  /* Audit entries carry a hash chained to the one before (the file, whose
   * owner could edit it); a server's grants and triggers keep its trail. */
  gboolean                    audit_is_chained;

  CtStatement *(*prepare)            (CtDatabase  *self,
                                      const char  *sql,
                                      GError     **error);
  gboolean     (*exec)               (CtDatabase  *self,
                                      const char  *sql,
                                      GError     **error);
  gboolean     (*is_open)            (CtDatabase  *self);
  void         (*close)              (CtDatabase  *self);
  int          (*get_schema_version) (CtDatabase  *self);
  gboolean     (*check_integrity)    (CtDatabase  *self,
                                      GError     **error);
  /* May be NULL: the store gains nothing from knowing of a batch. */
  /* A count that moves when another connection commits a change to the
   * records (ct-change-watch.h); -1 when it cannot be read. */
  gint64       (*count_changes_elsewhere) (CtDatabase *self);
  /* May be NULL: the store's connection cannot drop (the file). */
  gboolean     (*is_connected)       (CtDatabase  *self);
  gboolean     (*reconnect)          (CtDatabase  *self,
                                      GError     **error);
  void         (*set_batch)          (CtDatabase  *self,
                                      gboolean     batch);
  /* May be NULL: the store knows no role (the file). */
  gboolean     (*get_role)           (CtDatabase  *self,
                                      CtTeamRole  *role);
  /* Another connection to the same records, reading only, for a reader
   * (ct-store-reader.h): @address (the file's path, the server's
   * connection string) is copied while the store is open, and
   * open_reader() runs in the reader's thread with it and the secret
   * the store was opened with. */
  char        *(*dup_address)        (CtDatabase  *self);
  CtDatabase  *(*open_reader)        (const char  *address,
                                      const char  *secret,
                                      GError     **error);
};

GQuark       ct_database_error_quark        (void);

/* The encrypted file */

/* Where the records file lives unless the user chooses another:
 * $XDG_DATA_HOME/clinical-team/records.ctdb. Shared by the app and the CLI. */
char        *ct_database_get_default_path   (void);

/* Creating refuses an existing path. Both functions leave the passphrase
 * untouched: the caller wipes it (ct_passphrase_free()). @actor is the
 * signed-in staff profile recorded in the audit trail (NULL: not set). */
CtDatabase  *ct_database_create             (const char  *path,
                                             const char  *passphrase,
                                             const char  *actor,
                                             GError     **error);
CtDatabase  *ct_database_open               (const char  *path,
                                             const char  *passphrase,
                                             const char  *actor,
                                             GError     **error);

/**
 * CtDatabaseOpenMode:
 * @CT_DATABASE_OPEN_UPGRADE: read and write; a file of an older schema is
 *   first backed up (a verified copy beside it, named after its version and
 *   the time) and then migrated. The app, and the CLI's `upgrade`.
 * @CT_DATABASE_OPEN_NO_UPGRADE: read and write, but a file of an older
 *   schema is left at its version (ct_database_get_schema_version() says).
 * @CT_DATABASE_OPEN_READ_ONLY: nothing is written, not even the unlock
 *   entry of the audit trail; no write lock is ever taken.
 */
typedef enum
{
  CT_DATABASE_OPEN_UPGRADE,
  CT_DATABASE_OPEN_NO_UPGRADE,
  CT_DATABASE_OPEN_READ_ONLY,
} CtDatabaseOpenMode;

/* ct_database_open() is ct_database_open_with_mode (CT_DATABASE_OPEN_UPGRADE).
 * Every mode but READ_ONLY records an unlock entry (in a file of the current
 * schema). */
CtDatabase  *ct_database_open_with_mode     (const char          *path,
                                             const char          *passphrase,
                                             const char          *actor,
                                             CtDatabaseOpenMode   mode,
                                             GError             **error);

gboolean     ct_database_change_passphrase  (CtDatabase  *self,
                                             const char  *new_passphrase,
                                             GError     **error);
/* Writes an encrypted copy to @dest_path (which must not exist), keyed with
 * @passphrase, and verifies it by opening it and checking its integrity. */
gboolean     ct_database_backup             (CtDatabase  *self,
                                             const char  *dest_path,
                                             const char  *passphrase,
                                             GError     **error);
/* The file's path; NULL on a team server. */
const char  *ct_database_get_path           (CtDatabase  *self);

/* Either store */

/* Closes the connection; every later call fails with CT_DATABASE_ERROR_CLOSED.
 * Also called by dispose. */
void         ct_database_close              (CtDatabase  *self);
gboolean     ct_database_is_open            (CtDatabase  *self);

/* Whether the connection to a team server is still there; a file's is
 * while it is open. Reads what waits on the connection without blocking:
 * a server that went away is noticed within two calls. */
gboolean     ct_database_is_connected       (CtDatabase  *self);
/* After the connection dropped (CT_DATABASE_ERROR_DISCONNECTED), connects
 * again as the same login, with what the first connection was given (the
 * password, which is wiped when the database is closed), and emits
 * "changed::elsewhere": others may have saved meanwhile. TRUE at once when
 * still connected; FALSE with the error of a connection when the server
 * cannot be reached yet. Not inside a transaction. */
gboolean     ct_database_reconnect          (CtDatabase  *self,
                                             GError     **error);

int          ct_database_get_schema_version (CtDatabase  *self);
/* Whether its audit entries carry a hash chain (ct-audit-chain.h): a
 * records file of schema version 5 or later; never the team server, whose
 * trail the server itself protects. */
gboolean     ct_database_has_audit_chain    (CtDatabase  *self);
const char  *ct_database_get_actor          (CtDatabase  *self);
/* The staff profile recorded in the audit trail; on a team server the
 * login, which this does not change. */
void         ct_database_set_actor          (CtDatabase  *self,
                                             const char  *actor);

/* The role of the person signed in, when the store knows one: a team
 * server's login in one of Clinical Team's roles. FALSE for the file,
 * which proves no identity (whoever holds the passphrase may do
 * everything), for a server's login in none of the roles (IT's owner),
 * and once closed. */
gboolean     ct_database_get_role           (CtDatabase  *self,
                                             CtTeamRole  *role);

/* The file: PRAGMA cipher_integrity_check and PRAGMA integrity_check. A
 * server: its schema is Clinical Team's, at this program's version. */
gboolean     ct_database_check_integrity    (CtDatabase  *self,
                                             GError     **error);

/* Writes an audit entry (in the caller's transaction, if one is open).
 * @record_kind may be NULL (then @record_id is ignored). The description
 * must never carry the text of clinical notes. */
gboolean     ct_database_audit              (CtDatabase  *self,
                                             const char  *action,
                                             const char  *record_kind,
                                             gint64       record_id,
                                             const char  *description,
                                             GError     **error);

/* One entry per record (@record_ids, @child_ids — the child each record
 * is about, 0 for none — and @descriptions hold @n each), as
 * ct_database_audit() writes them one by one, but in as few statements as
 * the store allows (a team server: many entries per INSERT). */
gboolean     ct_database_audit_each         (CtDatabase          *self,
                                             const char          *action,
                                             const char          *record_kind,
                                             const gint64        *record_ids,
                                             const gint64        *child_ids,
                                             const char * const  *descriptions,
                                             guint                n,
                                             GError             **error);

/* A batch of many writes in one transaction (an import). Until its end,
 * the store may answer a read that it answered before, with the same
 * values, from memory, as long as nothing has been written since: a team
 * server saves a round trip per row that way when every row looks up the
 * same few children and staff members. The file keeps nothing. Batches
 * do not nest. */
void         ct_database_begin_batch        (CtDatabase  *self);
void         ct_database_end_batch          (CtDatabase  *self);

/* Transactions nest (SAVEPOINTs). Every begin is matched by exactly one
 * commit or rollback. Committing the outermost transaction of a write to
 * records emits "changed". */
gboolean     ct_database_begin              (CtDatabase  *self,
                                             GError     **error);
gboolean     ct_database_commit             (CtDatabase  *self,
                                             GError     **error);
void         ct_database_rollback           (CtDatabase  *self);

G_END_DECLS
