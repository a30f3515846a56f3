/* ct-file-database.c: the encrypted records file (SQLCipher 4)
 *
 * One SQLCipher connection per open file. Every check that can refuse a file
 * runs before anything is written to it, so a refused file is left exactly
 * as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-file-database"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "ct-file-database-private.h"
#include "ct-passphrase-quality.h"
#include "ct-safe-file.h"

/* SQLCipher 4 pages are multiples of 512 bytes, at least 512. */
#define PAGE_GRAIN 512
#define SQLITE_MAGIC "SQLite format 3"

struct _CtFileDatabase
{
  CtDatabase  parent_instance;

  sqlite3    *db;
  char       *path;
};

G_DEFINE_FINAL_TYPE (CtFileDatabase, ct_file_database, CT_TYPE_DATABASE)

static const CtSqlDialect file_dialect = {
  .id = 0,
  .begin = "BEGIN IMMEDIATE",
  /* For a list of every record, one pass over the table beats walking an
   * index row by row through the encrypted pages (SQLite picks a foreign-key
   * index to feed a join in order otherwise). */
  .scan_hint = "NOT INDEXED",
  .like = "LIKE",
  .text_order_open = "",
  .text_order_close = " COLLATE NOCASE",
  .now = "strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')",
  .count_distinct = CT_FILE_COUNT_DISTINCT " (",
  /* The file proves no identity: the actor is the staff profile chosen. */
  .own_staff = CT_SQL_STAFF_BY_NAME,
  .data_version = "PRAGMA data_version",
};

char *
ct_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "clinical-team", "records.ctdb", NULL);
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, CT_DATABASE_ERROR, code, message);
  return FALSE;
}

/* Looks at the file's first bytes without opening it through SQLite, to tell
 * apart the refusals that encryption cannot tell apart later. */
static gboolean
check_file_shape (const char  *path,
                  GError     **error)
{
  char head[sizeof SQLITE_MAGIC] = { 0 };
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      if (saved == ENOENT)
        return fail (error, CT_DATABASE_ERROR_NOT_FOUND,
                     _("There is no records file at this location."));
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
                   _("The records file cannot be read: %s"), g_strerror (saved));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    return fail (error, CT_DATABASE_ERROR_NOT_A_DATABASE,
                 _("This is not a file. Choose a Clinical Team records file."));

  if (st.st_size == 0 && !g_file_test (wal, G_FILE_TEST_EXISTS))
    return fail (error, CT_DATABASE_ERROR_NOT_A_DATABASE,
                 _("This file is empty, so it holds no records. Choose a Clinical Team records file."));

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      ssize_t n = read (fd, head, sizeof head - 1);
      close (fd);
      if (n == (ssize_t) sizeof head - 1 && memcmp (head, SQLITE_MAGIC, n) == 0)
        return fail (error, CT_DATABASE_ERROR_NOT_A_DATABASE,
                     _("This is an unencrypted database, not a Clinical Team records file. "
                       "Records are only ever kept in an encrypted file."));
    }

  if (st.st_size > 0 && (st.st_size < PAGE_GRAIN || st.st_size % PAGE_GRAIN != 0))
    return fail (error, CT_DATABASE_ERROR_NOT_A_DATABASE,
                 _("This file is not a Clinical Team records file."));

  return TRUE;
}

static char *
query_text (sqlite3    *db,
            const char *sql,
            int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc_out != NULL)
    *rc_out = rc;
  return text;
}

static gboolean
check_cipher (sqlite3  *db,
              GError  **error)
{
  g_autofree char *version = query_text (db, "PRAGMA cipher_version", NULL);

  if (version == NULL || !g_str_has_prefix (version, "4."))
    return fail (error, CT_DATABASE_ERROR_NO_ENCRYPTION,
                 _("This program was built without SQLCipher 4, so it cannot open encrypted "
                   "records files. Reinstall Clinical Team."));
  return TRUE;
}

/* The first read decrypts page 1: a wrong key fails here. */
static gboolean
check_key (sqlite3  *db,
           GError  **error)
{
  int rc;
  g_autofree char *count = query_text (db, "SELECT count(*) FROM sqlite_master", &rc);

  if (rc == SQLITE_OK)
    return TRUE;
  if ((rc & 0xff) == SQLITE_NOTADB)
    return fail (error, CT_DATABASE_ERROR_WRONG_PASSPHRASE,
                 _("The passphrase is wrong. Check it and try again."));
  if ((rc & 0xff) == SQLITE_CORRUPT)
    return fail (error, CT_DATABASE_ERROR_CORRUPT,
                 _("The records file is damaged. Restore it from a backup."));

  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
               _("The records file cannot be read: %s"), sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
check_version (sqlite3  *db,
               GError  **error)
{
  int version = ct_schema_get_version (db);

  if (version > CT_SCHEMA_VERSION)
    return fail (error, CT_DATABASE_ERROR_NEWER_SCHEMA,
                 _("This records file was written by a newer version of Clinical Team. "
                   "Update the program to open it; the file has not been changed."));
  return TRUE;
}

static gboolean
check_quick (sqlite3  *db,
             GError  **error)
{
  int rc;
  g_autofree char *result = query_text (db, "PRAGMA quick_check", &rc);

  if (rc == SQLITE_OK && g_strcmp0 (result, "ok") == 0)
    return TRUE;

  /* It runs after unlock (ct-file-check.c), which has written to the file. */
  return fail (error, CT_DATABASE_ERROR_CORRUPT,
               _("The records file fails its integrity check. Restore it from a backup."));
}

int
ct_file_database_cache_kib (goffset file_size)
{
  return (int) CLAMP (file_size / 4 / 1024, CT_DATABASE_CACHE_MIN_KIB, CT_DATABASE_CACHE_MAX_KIB);
}

/* The page cache, sized to the file before anything but the schema is
 * read (cache_size reads the schema, so not before the key). */
static gboolean
size_cache (sqlite3     *db,
            const char  *path)
{
  g_autofree char *pragma = NULL;
  GStatBuf st;

  pragma = g_strdup_printf ("PRAGMA cache_size = -%d",
                            ct_file_database_cache_kib (g_stat (path, &st) == 0 ? st.st_size : 0));
  return sqlite3_exec (db, pragma, NULL, NULL, NULL) == SQLITE_OK;
}

static gboolean
configure_connection (sqlite3  *db,
                      gboolean  read_only,
                      GError  **error)
{
  /* temp_store: sorts and temporary tables never reach the disk. */
  static const char pragmas[] =
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;";
  /* Reading only: the journal mode stays as it is, and SQL that would
   * write is refused. */
  static const char read_only_pragmas[] =
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA query_only = ON;";
  char *message = NULL;

  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, read_only ? read_only_pragmas : pragmas, NULL, NULL, &message) ==
      SQLITE_OK)
    return TRUE;

  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
               _("The records file cannot be prepared for writing: %s"), message);
  sqlite3_free (message);
  return FALSE;
}

/* Opens and keys a connection. With @creating the file is new (and empty),
 * so the checks that read an existing file are skipped; with @read_only
 * nothing can be written through it. */
static sqlite3 *
open_connection (const char  *path,
                 const char  *passphrase,
                 gboolean     creating,
                 gboolean     read_only,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
              SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW;
  int rc;

  if (!creating && !check_file_shape (path, error))
    return NULL;

  /* SQLCipher takes an empty key to mean "no encryption". */
  if (*passphrase == '\0')
    {
      fail (error, CT_DATABASE_ERROR_WRONG_PASSPHRASE,
            _("No passphrase was given. Type the passphrase of the records file."));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
                   _("The records file cannot be opened: %s"), sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }

  /* SQLCipher logs failed page decryptions to stderr by default: our errors
   * say it better, and a log line must never hint at a file's contents.
   * SQLCipher 4.6.1 still logs errors at level NONE; the source filter
   * silences them (an older library ignores the unknown pragma). */
  sqlite3_exec (db, "PRAGMA cipher_log_level = NONE; PRAGMA cipher_log_source = NONE",
                NULL, NULL, NULL);
  /* SQLCipher then locks its memory and wipes what it frees (the key, the
   * decrypted pages); off by default since 4.5. */
  sqlite3_exec (db, "PRAGMA cipher_memory_security = ON", NULL, NULL, NULL);

  if (!check_cipher (db, error) ||
      sqlite3_key_v2 (db, "main", passphrase, strlen (passphrase)) != SQLITE_OK ||
      !check_key (db, error) ||
      !size_cache (db, path) ||
      (!creating && !check_version (db, error)) ||
      !ct_file_database_add_functions (db) ||
      !configure_connection (db, read_only, error))
    {
      if (error != NULL && *error == NULL)
        fail (error, CT_DATABASE_ERROR_FAILED, _("The records file cannot be opened."));
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

gboolean
ct_file_database_quick_check (const char  *path,
                              const char  *passphrase,
                              GError     **error)
{
  sqlite3 *db = open_connection (path, passphrase, FALSE, TRUE, error);
  gboolean ok = db != NULL && check_quick (db, error);

  sqlite3_close_v2 (db);
  return ok;
}

static CtDatabase *
wrap_connection (sqlite3    *db,
                 const char *path,
                 const char *actor)
{
  CtFileDatabase *self = g_object_new (CT_TYPE_FILE_DATABASE, NULL);

  self->db = db;
  self->path = g_strdup (path);
  ct_database_set_actor (CT_DATABASE (self), actor);
  return CT_DATABASE (self);
}

static gboolean
validate_new_passphrase (const char  *passphrase,
                         GError     **error)
{
  return ct_passphrase_check_length (passphrase, error);
}

static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/* Claims @path atomically, so that an existing file is never overwritten. */
static gboolean
claim_new_file (const char  *path,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }
  if (errno == EEXIST)
    return fail (error, CT_DATABASE_ERROR_EXISTS,
                 _("A file with this name already exists. Choose another name; "
                   "an existing file is never overwritten."));

  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
               _("The records file cannot be created: %s"), g_strerror (errno));
  return FALSE;
}

CtDatabase *
ct_database_create_at_version (const char  *path,
                               const char  *passphrase,
                               int          version,
                               GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= CT_SCHEMA_VERSION, NULL);

  if (!validate_new_passphrase (passphrase, error) || !claim_new_file (path, error))
    return NULL;

  db = open_connection (path, passphrase, TRUE, FALSE, error);
  if (db == NULL || !ct_schema_migrate (db, version, error))
    {
      sqlite3_close_v2 (db);
      remove_database_files (path);
      return NULL;
    }

  return wrap_connection (db, path, NULL);
}

/* The folder of a new records file, readable by its owner only. */
static gboolean
make_parent_folder (const char  *path,
                    GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int saved;

  if (g_mkdir_with_parents (folder, 0700) == 0)
    return TRUE;

  saved = errno;
  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
               _("Could not create the folder “%s”: %s"), folder, g_strerror (saved));
  return FALSE;
}

CtDatabase *
ct_database_create (const char  *path,
                    const char  *passphrase,
                    const char  *actor,
                    GError     **error)
{
  CtDatabase *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (!make_parent_folder (path, error))
    return NULL;

  self = ct_database_create_at_version (path, passphrase, CT_SCHEMA_VERSION, error);

  if (self != NULL)
    ct_database_set_actor (self, actor);
  return self;
}

CtDatabase *
ct_database_open (const char  *path,
                  const char  *passphrase,
                  const char  *actor,
                  GError     **error)
{
  return ct_database_open_with_mode (path, passphrase, actor, CT_DATABASE_OPEN_UPGRADE, error);
}

/* Before a migration: a verified copy of the file as it is, beside it. */
static gboolean
backup_before_upgrade (CtDatabase  *self,
                       const char  *passphrase,
                       GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *dest = g_strdup_printf ("%s.v%d-%s.ctdb", CT_FILE_DATABASE (self)->path,
                                           ct_database_get_schema_version (self), stamp);

  g_debug ("Backing up the records file before upgrading it");
  return ct_database_backup (self, dest, passphrase, error);
}

CtDatabase *
ct_database_open_with_mode (const char          *path,
                            const char          *passphrase,
                            const char          *actor,
                            CtDatabaseOpenMode   mode,
                            GError             **error)
{
  g_autoptr(CtDatabase) self = NULL;
  gboolean read_only = mode == CT_DATABASE_OPEN_READ_ONLY;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  db = open_connection (path, passphrase, FALSE, read_only, error);
  if (db == NULL)
    return NULL;

  self = wrap_connection (db, path, actor);
  if (mode == CT_DATABASE_OPEN_UPGRADE && ct_schema_get_version (db) < CT_SCHEMA_VERSION &&
      ((ct_schema_get_version (db) > 0 && !backup_before_upgrade (self, passphrase, error)) ||
       !ct_schema_migrate (db, CT_SCHEMA_VERSION, error)))
    return NULL;

  /* An older file left at its version gets no entry for merely opening it:
   * a command refused because of its version changes nothing. */
  if (!read_only && ct_schema_get_version (db) == CT_SCHEMA_VERSION &&
      !ct_database_audit (self, "unlock", NULL, 0, _("Records file unlocked"), error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The class */

static CtFileDatabase *
file_database (CtDatabase  *self,
               GError     **error)
{
  if (CT_IS_FILE_DATABASE (self))
    return CT_FILE_DATABASE (self);
  fail (error, CT_DATABASE_ERROR_NOT_SUPPORTED,
        _("The records are on a team server, which its administrators back up and "
          "protect with each person's own password; there is no file passphrase."));
  return NULL;
}

sqlite3 *
ct_database_get_handle (CtDatabase  *self,
                        GError     **error)
{
  CtFileDatabase *file = file_database (self, error);

  if (file == NULL || !ct_database_check_open (self, error))
    return NULL;
  return file->db;
}

const char *
ct_database_get_path (CtDatabase *self)
{
  g_return_val_if_fail (CT_IS_DATABASE (self), NULL);

  return CT_IS_FILE_DATABASE (self) ? CT_FILE_DATABASE (self)->path : NULL;
}

void
ct_sqlite_set_error (sqlite3     *db,
                       GError     **error,
                       int          rc,
                       const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int code;

  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      code = CT_DATABASE_ERROR_CONFLICT;
      break;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      code = CT_DATABASE_ERROR_IN_USE;
      break;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_TRIGGER:
      code = CT_DATABASE_ERROR_INVALID;
      break;
    default:
      switch (rc & 0xff)
        {
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
          code = CT_DATABASE_ERROR_CORRUPT;
          detail = _("the records file is damaged; restore it from a backup");
          break;
        case SQLITE_FULL:
          code = CT_DATABASE_ERROR_FAILED;
          detail = _("the disk is full; free some space and try again");
          break;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
          code = CT_DATABASE_ERROR_FAILED;
          detail = _("another program is using the records file; try again in a moment");
          break;
        default:
          code = CT_DATABASE_ERROR_FAILED;
          break;
        }
    }

  /* TRANSLATORS: the first %s says what was being done, e.g. "save the child" */
  g_set_error (error, CT_DATABASE_ERROR, code, _("Could not %s: %s."), what, detail);
}

static CtStatement *
file_prepare (CtDatabase  *database,
              const char  *sql,
              GError     **error)
{
  CtFileDatabase *self = CT_FILE_DATABASE (database);
  sqlite3_stmt *stmt;
  int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      ct_sqlite_set_error (self->db, error, rc, _("read the records file"));
      return NULL;
    }
  return ct_sqlite_statement_new (stmt);
}

static gboolean
file_exec (CtDatabase  *database,
           const char  *sql,
           GError     **error)
{
  CtFileDatabase *self = CT_FILE_DATABASE (database);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  ct_sqlite_set_error (self->db, error, sqlite3_extended_errcode (self->db),
                       _("write to the records file"));
  return FALSE;
}

static gboolean
file_is_open (CtDatabase *database)
{
  return CT_FILE_DATABASE (database)->db != NULL;
}

static void
file_close (CtDatabase *database)
{
  CtFileDatabase *self = CT_FILE_DATABASE (database);

  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

static int
file_get_schema_version (CtDatabase *database)
{
  return ct_schema_get_version (CT_FILE_DATABASE (database)->db);
}

static gboolean
check_rows_ok (sqlite3     *db,
               const char  *sql,
               gboolean     empty_is_ok)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      int rc = sqlite3_step (stmt);

      if (rc == SQLITE_DONE)
        ok = empty_is_ok;
      else if (rc == SQLITE_ROW)
        ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 &&
             sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
check_integrity_of (sqlite3  *db,
                    GError  **error)
{
  /* cipher_integrity_check lists the pages whose HMAC fails: none is good. */
  if (check_rows_ok (db, "PRAGMA cipher_integrity_check", TRUE) &&
      check_rows_ok (db, "PRAGMA integrity_check", FALSE))
    return TRUE;

  return fail (error, CT_DATABASE_ERROR_CORRUPT,
               _("The records file fails its integrity check. Restore it from a backup."));
}

static gboolean
file_check_integrity (CtDatabase  *database,
                      GError     **error)
{
  return check_integrity_of (CT_FILE_DATABASE (database)->db, error);
}

static void
ct_file_database_finalize (GObject *object)
{
  g_clear_pointer (&CT_FILE_DATABASE (object)->path, g_free);

  G_OBJECT_CLASS (ct_file_database_parent_class)->finalize (object);
}

/* PRAGMA data_version: moves when another connection commits. */
static gint64
file_count_changes_elsewhere (CtDatabase *database)
{
  CtStatement *stmt = ct_database_prepare (database, "PRAGMA data_version", NULL);
  gint64 version = -1;
  gboolean has_row;

  if (stmt == NULL)
    return -1;
  if (ct_statement_step (stmt, &has_row, "read the data version", NULL) && has_row)
    version = ct_statement_column_int64 (stmt, 0);
  ct_statement_reset (stmt);
  return version;
}

static char *
file_dup_address (CtDatabase *database)
{
  return g_strdup (CT_FILE_DATABASE (database)->path);
}

/* A reader's connection: keyed like the store's, reading only. */
static CtDatabase *
file_open_reader (const char  *path,
                  const char  *passphrase,
                  GError     **error)
{
  sqlite3 *db = open_connection (path, passphrase, FALSE, TRUE, error);

  return db != NULL ? wrap_connection (db, path, NULL) : NULL;
}

static void
ct_file_database_class_init (CtFileDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CtDatabaseClass *database_class = CT_DATABASE_CLASS (klass);

  object_class->finalize = ct_file_database_finalize;

  database_class->dialect = &file_dialect;
  database_class->audit_is_chained = TRUE;
  database_class->prepare = file_prepare;
  database_class->exec = file_exec;
  database_class->is_open = file_is_open;
  database_class->close = file_close;
  database_class->get_schema_version = file_get_schema_version;
  database_class->check_integrity = file_check_integrity;
  database_class->count_changes_elsewhere = file_count_changes_elsewhere;
  database_class->dup_address = file_dup_address;
  database_class->open_reader = file_open_reader;
}

static void
ct_file_database_init (CtFileDatabase *self)
{
}

/* Passphrase and backup */

static gboolean verify_copy (const char  *dest_path,
                             const char  *passphrase,
                             GError     **error);

gboolean
ct_database_change_passphrase (CtDatabase  *self,
                               const char  *new_passphrase,
                               GError     **error)
{
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);

  if (!validate_new_passphrase (new_passphrase, error) ||
      (db = ct_database_get_handle (self, error)) == NULL)
    return FALSE;

  /* The intent is committed first, so that even a crash half-way leaves a
   * trace of the attempt; the outcome follows. */
  if (!ct_database_audit (self, "passphrase_change", NULL, 0,
                          _("Passphrase change begun"), error))
    return FALSE;

  rc = sqlite3_rekey_v2 (db, "main", new_passphrase, strlen (new_passphrase));
  if (rc != SQLITE_OK)
    {
      ct_sqlite_set_error (db, error, rc, _("change the passphrase"));
      return FALSE;
    }

  /* In WAL mode the rekeyed pages sit in the -wal file: until they are
   * copied back, the main file alone still opens with the old passphrase. */
  if (!ct_database_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error))
    return FALSE;

  /* SQLCipher has reported success when its commit failed (a full disk):
   * only a second connection that opens the file with the new passphrase
   * and finds it intact proves the change. */
  if (!verify_copy (CT_FILE_DATABASE (self)->path, new_passphrase, error))
    {
      g_prefix_error (error, "%s ", _("The passphrase change could not be verified; "
                                      "keep the old passphrase and a backup at hand."));
      return FALSE;
    }

  return ct_database_audit (self, "passphrase_change", NULL, 0,
                            _("Passphrase changed"), error);
}

static gboolean
export_copy (sqlite3     *db,
             const char  *dest_path,
             const char  *passphrase,
             GError     **error)
{
  g_autofree char *version = g_strdup_printf ("PRAGMA backup.user_version = %d",
                                              ct_schema_get_version (db));
  sqlite3_stmt *attach = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "ATTACH DATABASE ?1 AS backup KEY ?2", -1, &attach, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (attach, 1, dest_path, -1, SQLITE_STATIC);
      sqlite3_bind_text (attach, 2, passphrase, -1, SQLITE_STATIC);
      rc = sqlite3_step (attach);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (attach);
  if (rc != SQLITE_OK)
    {
      ct_sqlite_set_error (db, error, rc, _("create the backup"));
      return FALSE;
    }

  rc = sqlite3_exec (db, "SELECT sqlcipher_export ('backup')", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, version, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    ct_sqlite_set_error (db, error, sqlite3_extended_errcode (db),
                           _("write the backup"));

  sqlite3_exec (db, "DETACH DATABASE backup", NULL, NULL, NULL);
  return rc == SQLITE_OK;
}

static gboolean
verify_copy (const char  *dest_path,
             const char  *passphrase,
             GError     **error)
{
  sqlite3 *db = open_connection (dest_path, passphrase, FALSE, TRUE, error);
  gboolean ok = db != NULL && check_integrity_of (db, error);

  sqlite3_close_v2 (db);
  return ok;
}

gboolean
ct_database_backup (CtDatabase  *self,
                    const char  *dest_path,
                    const char  *passphrase,
                    GError     **error)
{
  g_autofree char *description = NULL;
  g_autoptr(CtSafeFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *temp_path;
  sqlite3 *db;

  g_return_val_if_fail (CT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL && passphrase != NULL, FALSE);

  if ((db = ct_database_get_handle (self, error)) == NULL)
    return FALSE;
  if (!ct_safe_file_check_new (dest_path, &local_error))
    return fail (error, CT_DATABASE_ERROR_EXISTS, local_error->message);

  /* The intent is committed first (and so is in the copy); the copy is
   * made and verified beside @dest_path and renamed into place only when
   * complete, so that a kill leaves no backup or a whole one. */
  description = g_strdup_printf (_("Encrypted backup to %s begun"), dest_path);
  if (!ct_database_audit (self, "backup", NULL, 0, description, error) ||
      (file = ct_safe_file_new (dest_path, FALSE, error)) == NULL)
    return FALSE;
  temp_path = ct_safe_file_get_temp_path (file);
  if (!export_copy (db, temp_path, passphrase, error) ||
      !verify_copy (temp_path, passphrase, error) ||
      !ct_safe_file_commit (file, error))
    {
      remove_database_files (temp_path);
      return FALSE;
    }

  g_free (description);
  description = g_strdup_printf (_("Encrypted backup written to %s"), dest_path);
  return ct_database_audit (self, "backup", NULL, 0, description, error);
}

