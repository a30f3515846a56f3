/* ct-text-clean.h: text from outside, made safe to show and to store
 *
 * Messages quote what someone typed or imported ("“%s” is not a date"). A
 * quote is cut short and loses its control and format characters, so that
 * a cell can neither fill a screen nor send escape codes to a terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Characters of a quote that are kept; a longer one ends in "…". */
#define CT_TEXT_QUOTE_MAX 40

/* @text without control, format (zero-width, bidirectional) or separator
 * characters, invalid UTF-8 replaced, and at most @max_chars characters
 * (0: no limit) followed by "…" when cut. NULL gives "". */
char        *ct_text_dup_printable  (const char *text,
                                     guint       max_chars);

/* ct_text_dup_printable (@text, CT_TEXT_QUOTE_MAX): for quoting input in a
 * message. */
char        *ct_text_dup_quote      (const char *text);

/* @text (valid UTF-8) in Unicode NFC, without leading or trailing white
 * space, so that text typed or imported in different ways compares equal. */
char        *ct_text_dup_normalized (const char *text);

/* TRUE when @text holds a character a person cannot see or that steers a
 * terminal (control, zero-width, bidirectional, byte-order mark): refused
 * in references and names, where look-alikes would pass as different. */
gboolean     ct_text_has_invisible  (const char *text);

G_END_DECLS
