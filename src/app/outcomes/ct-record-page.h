/* ct-record-page.h: the page of one record behind a row (a child, a
 * training event): the base of CtChildPage and CtTrainingEventPage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-database.h"
#include "ct-record.h"

G_BEGIN_DECLS

#define CT_TYPE_RECORD_PAGE (ct_record_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CtRecordPage, ct_record_page, CT, RECORD_PAGE, AdwBin)

struct _CtRecordPageClass
{
  AdwBinClass parent_class;

  /* Reads the record @id, and what hangs on it, on the store's reader
   * (ct-store-reader.h: no widget is touched there); read_free frees what
   * it returns. */
  gpointer       (*read)      (CtDatabase    *db,
                               gint64         id,
                               GError       **error);
  GDestroyNotify   read_free;
  /* Shows what read() returned (NULL: it failed with @error, which says
   * why), in the window's thread; sets the title. */
  void           (*show)      (CtRecordPage  *self,
                               gpointer       read,
                               const GError  *error);

  /*< private >*/
  gpointer padding[4];
};

/* The page of the record with id "record-id" in "database" (both
 * construct-only). It reads the records when it is built and whenever it
 * comes into view, so it is current whenever it is shown, on the store's
 * reader: until they arrive it shows what it showed before, the first
 * time that it is reading (ct_record_page_add_loading()), and
 * ct_record_page_is_loading() is TRUE. Its "title" (read-only) is the record's name, for a header bar,
 * and NULL until the record was read. */
CtDatabase *ct_record_page_get_database  (CtRecordPage *self);
gint64      ct_record_page_get_record_id (CtRecordPage *self);
const char *ct_record_page_get_title     (CtRecordPage *self);
/* Reads the records again (also the callback for an editor's save); a
 * read under way is dropped. */
void        ct_record_page_reload        (CtRecordPage *self);
/* Whether a read is under way (of the page's records, or of the record of
 * an Edit or Delete clicked). */
gboolean    ct_record_page_is_loading    (CtRecordPage *self);

/* For subclasses' actions on one record of the page, whose target is
 * (kind name, id), "(sx)" (ct-record-button.h). Either reads the record
 * again on the store's reader (meanwhile ct_record_page_is_loading() is
 * TRUE); then edit opens the record editor for it, and delete deletes it,
 * with @deleted_message and Undo in a toast on @overlay, or shows there
 * why the core refused. Either reloads the page after a save, a delete or
 * an Undo, and when the record is gone (saying so on @overlay). */
void        ct_record_page_edit_target   (CtRecordPage    *self,
                                          AdwToastOverlay *overlay,
                                          GVariant        *target);
void        ct_record_page_delete_target (CtRecordPage    *self,
                                          AdwToastOverlay *overlay,
                                          GVariant        *target,
                                          const char      *deleted_message);

/* For subclasses: writes a `view` audit entry (who opened which record,
 * never its content) for @record as read, the page's own or one it shows
 * (a goal), once for the life of the page however often it is read
 * again. Best effort: a failure does not keep the person from the page. */
void        ct_record_page_audit_view    (CtRecordPage *self,
                                          CtRecord     *record);

/* For subclasses: adds to @stack a child "loading" that says the records
 * are being read, and shows it, until the first read shows them. */
void        ct_record_page_add_loading   (GtkStack     *stack);

/* For subclasses: notifies "title" when it changes. */
void        ct_record_page_set_title     (CtRecordPage *self,
                                          const char   *title);

G_END_DECLS
