/* ct-string-choices.h: a drop-down's choices, made only when shown
 *
 * A GListModel of GtkStringObject over an array of strings, as
 * GtkStringList is, but making each item only when it is asked for: a
 * filter offering every child offers 50,000 at ten times county, and a
 * GtkStringList makes an object for each when it is filled, in the
 * window's thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CT_TYPE_STRING_CHOICES (ct_string_choices_get_type ())
G_DECLARE_FINAL_TYPE (CtStringChoices, ct_string_choices, CT, STRING_CHOICES, GObject)

/* Takes @strings (a GPtrArray of strings it frees, no NULL at the end). */
CtStringChoices *ct_string_choices_new (GPtrArray *strings);

G_END_DECLS
