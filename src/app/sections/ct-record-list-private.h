/* ct-record-list-private.h: what ct-record-list.c and its actions
 * (ct-record-list-actions.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-date-range-button.h"
#include "ct-record-list.h"
#include "ct-record-pages.h"
#include "ct-records.h"
#include "ct-section.h"

G_BEGIN_DECLS

struct _CtRecordList
{
  GtkWidget           parent_instance;

  const CtSection    *section;
  const CtKind       *kind;
  CtDatabase         *database;
  CtRecordPages      *pages;        /* the rows; NULL until read, and while locked */
  gboolean            stale;        /* to be read when next shown */
  GCancellable       *loading;      /* the read under way, or NULL */
  gint64              select_when_read; /* a record to select once read, or 0 */
  GArray             *changed;      /* ids of the kind written since the rows were read */
  gboolean            all_changed;  /* every row may show something written */
  GtkSingleSelection *selection;
  const CtField      *searched[CT_SECTION_MAX_SEARCHED + 1];  /* NULL-terminated */
  char               *search_text;  /* what the rows were searched for, or NULL */
  CtRecord           *deleted;      /* a copy for Undo while its toast shows */
  AdwToast           *undo_toast;
  GtkWidget          *row_menu;

  GMenuModel         *row_menu_model;
  AdwToastOverlay    *toast_overlay;
  GtkButton          *new_button;
  GtkButton          *delete_button;
  GtkLabel           *count_label;
  CtDateRangeButton  *date_range;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkSpinner         *loading_spinner;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
};

/* ct-record-list.c */
/* Notifies "loading": the rows' pages under way changed. */
void      ct_record_list_notify_loading   (CtRecordList   *self);
/* A message that stays until closed. */
void      ct_record_list_show_message     (CtRecordList   *self,
                                           const char     *message);
/* The record selected, once read; NULL when none is. */
CtRecord *ct_record_list_get_selected     (CtRecordList   *self);
/* Selects (and scrolls to) the record with @id; FALSE when not shown. */
gboolean  ct_record_list_select           (CtRecordList   *self,
                                           gint64          id);
void      ct_record_list_clear_search     (CtRecordList   *self);
void      ct_record_list_update_actions   (CtRecordList   *self);

/* ct-record-list-changes.c */
/* Notes which rows @changes (CtDatabase::changed; NULL: unknown) touch;
 * FALSE when none (a preference saved, a record of another kind). */
gboolean  ct_record_list_note_changes     (CtRecordList   *self,
                                           GArray         *changes);
/* Shows @fresh, the rows read: the first read, or the rows read again,
 * where only those changed since are read anew; forgets the changes. */
void      ct_record_list_take_rows        (CtRecordList   *self,
                                           CtRecordPages  *fresh);

/* ct-record-list-actions.c: section.new, .open, .delete, .undo-delete,
 * .search, their keys and the row menu */
void      ct_record_list_install_actions  (GtkWidgetClass *widget_class);
void      ct_record_list_add_shortcuts    (CtRecordList   *self);
void      ct_record_list_add_row_menu     (CtRecordList   *self);
/* @record NULL: a new record of the section's kind. */
void      ct_record_list_open_editor      (CtRecordList   *self,
                                           CtRecord       *record);
/* Enter or a double click: the record's page where its section has one
 * (emits show-record), else the editor. */
void      ct_record_list_open_record      (CtRecordList   *self,
                                           CtRecord       *record);
/* Drops the copy kept for Undo, and its toast. */
void      ct_record_list_forget_deleted   (CtRecordList   *self);

G_END_DECLS
