/* ct-database.h: the encrypted records file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

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
} CtDatabaseError;

/* The schema version this program writes (PRAGMA user_version). */
#define CT_SCHEMA_VERSION 5

/* Shortest passphrase accepted when creating a file or changing it. */
#define CT_PASSPHRASE_MIN_LENGTH 10

#define CT_TYPE_DATABASE (ct_database_get_type ())
G_DECLARE_FINAL_TYPE (CtDatabase, ct_database, CT, DATABASE, GObject)

GQuark       ct_database_error_quark        (void);

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

/* Closes the connection; every later call fails with CT_DATABASE_ERROR_CLOSED.
 * Also called by dispose. */
void         ct_database_close              (CtDatabase  *self);
gboolean     ct_database_is_open            (CtDatabase  *self);

const char  *ct_database_get_path           (CtDatabase  *self);
int          ct_database_get_schema_version (CtDatabase  *self);
const char  *ct_database_get_actor          (CtDatabase  *self);
void         ct_database_set_actor          (CtDatabase  *self,
                                             const char  *actor);

gboolean     ct_database_change_passphrase  (CtDatabase  *self,
                                             const char  *new_passphrase,
                                             GError     **error);
/* Writes an encrypted copy to @dest_path (which must not exist), keyed with
 * @passphrase, and verifies it by opening it and checking its integrity. */
gboolean     ct_database_backup             (CtDatabase  *self,
                                             const char  *dest_path,
                                             const char  *passphrase,
                                             GError     **error);
/* PRAGMA cipher_integrity_check and PRAGMA integrity_check. */
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

/* Transactions nest (SAVEPOINTs). Every begin is matched by exactly one
 * commit or rollback. Committing the outermost transaction of a write to
 * records emits "changed". */
gboolean     ct_database_begin              (CtDatabase  *self,
                                             GError     **error);
gboolean     ct_database_commit             (CtDatabase  *self,
                                             GError     **error);
void         ct_database_rollback           (CtDatabase  *self);

G_END_DECLS
