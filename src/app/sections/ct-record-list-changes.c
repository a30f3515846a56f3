/* ct-record-list-changes.c: a list brought up to date with the records
 * written
 *
 * Saving one consultation reads the list's ids again on the store's
 * reader, and of its records only that consultation: CtDatabase::changed
 * lists the records written, and the rows keep the records they hold but
 * those (ct_record_pages_update()). A change to a record of a kind the
 * rows show something of (a child's reference beside a consultation), or
 * one made elsewhere (another connection: which is unknown), reads every
 * row shown again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-list"

#include "config.h"

#include "ct-record-list-private.h"

/* Whether @kind's rows show something of a record of the kind @other
 * (a reference to it, or fields read through one). */
static gboolean
shows_kind (const CtKind *kind,
            const char   *other)
{
  for (guint i = 0; i < ct_kind_get_n_fields (kind); i++)
    {
      const CtKind *referred = ct_field_get_reference_kind (ct_kind_get_field (kind, i));

      if (referred != NULL && g_str_equal (ct_kind_get_name (referred), other))
        return TRUE;
    }
  return FALSE;
}

gboolean
ct_record_list_note_changes (CtRecordList *self,
                             GArray       *changes)
{
  gboolean touched = FALSE;

  if (changes == NULL)
    {
      self->all_changed = TRUE;
      return TRUE;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      const CtRecordChange *change = &g_array_index (changes, CtRecordChange, i);

      if (g_str_equal (change->kind, ct_kind_get_name (self->kind)))
        g_array_append_val (self->changed, change->id);
      /* A new child changes no consultation shown; a child renamed does. */
      else if (change->change != CT_RECORD_CREATED && shows_kind (self->kind, change->kind))
        self->all_changed = TRUE;
      else
        continue;
      touched = TRUE;
    }
  return touched;
}

void
ct_record_list_take_rows (CtRecordList  *self,
                          CtRecordPages *fresh)
{
  if (self->pages == NULL)
    {
      self->pages = g_object_ref (fresh);
      g_signal_connect_object (fresh, "read-failed", G_CALLBACK (ct_record_list_show_message), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (fresh, "notify::reading", G_CALLBACK (ct_record_list_notify_loading),
                               self, G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (fresh));
    }
  else
    ct_record_pages_update (self->pages, fresh, (gint64 *) (gpointer) self->changed->data,
                            self->all_changed ? G_MAXUINT : self->changed->len);
  g_array_set_size (self->changed, 0);
  self->all_changed = FALSE;
}
