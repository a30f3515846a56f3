/* ct-record-deleter.c: deleting a record from a page, with Undo in a toast
 *
 * Nothing depends on a deleted record (the core refuses to delete a record
 * that others refer to), so Undo has no dependents to restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-record-deleter"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-record-deleter.h"
#include "ct-records.h"

/* What the toast's Undo needs; freed with the toast. */
typedef struct
{
  GWeakRef         widget;
  GWeakRef         overlay;
  CtDatabase      *database;
  CtRecord        *copy;
  GCallback        on_changed;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_weak_ref_clear (&undo->widget);
  g_weak_ref_clear (&undo->overlay);
  g_clear_object (&undo->database);
  g_clear_object (&undo->copy);
  g_free (undo);
}

static void
notify_changed (GtkWidget *widget,
                GCallback  on_changed)
{
  if (on_changed != NULL)
    ((void (*) (GtkWidget *)) on_changed) (widget);
}

static void
on_undo_clicked (AdwToast *toast,
                 UndoData *undo)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&undo->widget);
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&undo->overlay);
  g_autoptr(GError) error = NULL;

  if (widget == NULL || overlay == NULL)
    return;
  if (!ct_store_insert (undo->database, undo->copy, &error))
    {
      adw_toast_overlay_add_toast (overlay, adw_toast_new (error->message));
      return;
    }
  notify_changed (widget, undo->on_changed);
}

CtRecord *
ct_record_copy_for_undo (CtRecord *record)
{
  const CtKind *kind;
  CtRecord *copy;

  g_return_val_if_fail (CT_IS_RECORD (record), NULL);

  kind = ct_record_get_kind (record);
  copy = ct_record_new (kind);
  for (guint i = 0; i < ct_kind_get_n_fields (kind); i++)
    {
      const CtField *field = ct_kind_get_field (kind, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (ct_field_is_display (field))
        continue;
      ct_record_get_value (record, field, &value);
      ct_record_set_value (copy, field, &value);
    }
  return copy;
}

gboolean
ct_record_deleter_delete (GtkWidget       *widget,
                          AdwToastOverlay *overlay,
                          CtDatabase      *database,
                          CtRecord        *record,
                          const char      *deleted_message,
                          GCallback        on_changed)
{
  g_autoptr(CtRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  UndoData *undo;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), FALSE);
  g_return_val_if_fail (CT_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (CT_IS_RECORD (record), FALSE);

  copy = ct_record_copy_for_undo (record);
  if (!ct_store_delete_record (database, record, &error))
    {
      adw_toast_overlay_add_toast (overlay, adw_toast_new (error->message));
      return FALSE;
    }

  undo = g_new0 (UndoData, 1);
  g_weak_ref_init (&undo->widget, widget);
  g_weak_ref_init (&undo->overlay, overlay);
  undo->database = g_object_ref (database);
  undo->copy = g_steal_pointer (&copy);
  undo->on_changed = on_changed;

  toast = adw_toast_new (deleted_message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "ct-undo", undo, undo_data_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo);
  adw_toast_overlay_add_toast (overlay, toast);
  notify_changed (widget, on_changed);
  return TRUE;
}
