/* ct-record-list-changes.c: a list brought up to date with the records
 * written, row by row
 *
 * Saving one consultation reads that consultation again, not the 40,000
 * others: CtDatabase::changed lists the records written, and each of the
 * list's kind is read again into its place, added, or removed, where the
 * store's order (newest first by the record's own date, then newest id)
 * says the row goes without reading the others. Anything else (an import,
 * a change another connection made, a record of a kind this list shows
 * something of, such as a child's reference beside a consultation, a
 * date changed, a list narrowed to dates, a kind in another order) reads
 * the list again.
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

/* Whether every change can be made to the rows in place. */
static gboolean
can_apply (CtRecordList *self,
           GArray       *changes)
{
  if (changes == NULL || !G_IS_LIST_STORE (self->records) ||
      ct_date_range_button_get_from (self->date_range) != NULL ||
      ct_date_range_button_get_to (self->date_range) != NULL)
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      const CtRecordChange *change = &g_array_index (changes, CtRecordChange, i);

      /* A new child changes no consultation shown; a child renamed does. */
      if (!g_str_equal (change->kind, ct_kind_get_name (self->kind)) &&
          change->change != CT_RECORD_CREATED && shows_kind (self->kind, change->kind))
        return FALSE;
    }
  return TRUE;
}

/* The record's date, by which the store orders its kind (newest first,
 * then the newest id), or NULL when the kind is in another order (by name,
 * by a date of another record's). */
static char *
dup_order_date (CtRecord *record)
{
  const CtField *date = ct_kind_get_date_field (ct_record_get_kind (record));

  if (date == NULL || ct_field_is_display (date))
    return NULL;
  return ct_record_get_string (record, date);
}

/* Where @record goes: where it was (@old, at @position) when its date is
 * the same; first, when new and not older than the first row. FALSE when
 * the store's order cannot be told without reading the others. */
static gboolean
find_place (CtRecordList *self,
            CtRecord     *record,
            CtRecord     *old,
            guint        *position)
{
  g_autofree char *date = dup_order_date (record);
  g_autoptr(CtRecord) first = NULL;
  g_autofree char *first_date = NULL;

  if (date == NULL)
    return FALSE;
  if (old != NULL)
    {
      g_autofree char *old_date = dup_order_date (old);

      return g_strcmp0 (date, old_date) == 0;
    }
  *position = 0;
  first = g_list_model_get_item (self->records, 0);
  if (first == NULL)
    return TRUE;
  first_date = dup_order_date (first);
  return g_strcmp0 (date, first_date) >= 0;
}

/* The record's row read again, added, or removed; FALSE when that cannot
 * be done in place. */
static gboolean
apply (CtRecordList         *self,
       const CtRecordChange *change)
{
  GListStore *store = G_LIST_STORE (self->records);
  g_autoptr(CtRecord) record = NULL;
  g_autoptr(CtRecord) old = NULL;
  guint position = ct_record_list_find_in (self->records, change->id);

  if (position != GTK_INVALID_LIST_POSITION)
    old = g_list_model_get_item (self->records, position);
  if (change->change == CT_RECORD_DELETED)
    {
      if (old != NULL)
        g_list_store_remove (store, position);
      return TRUE;
    }
  record = ct_store_get (self->database, self->kind, change->id, NULL);
  if (record == NULL || !find_place (self, record, old, &position))
    return FALSE;
  g_list_store_splice (store, position, old != NULL ? 1 : 0, (gpointer *) &record, 1);
  return TRUE;
}

gboolean
ct_record_list_apply_changes (CtRecordList *self,
                              GArray       *changes)
{
  CtRecord *selected;
  gint64 selected_id;

  if (!can_apply (self, changes))
    return FALSE;
  selected = ct_record_list_get_selected (self);
  selected_id = selected != NULL ? ct_record_get_id (selected) : 0;
  for (guint i = 0; i < changes->len; i++)
    {
      const CtRecordChange *change = &g_array_index (changes, CtRecordChange, i);

      if (g_str_equal (change->kind, ct_kind_get_name (self->kind)) && !apply (self, change))
        return FALSE;
    }
  ct_record_list_select (self, selected_id);
  return TRUE;
}
