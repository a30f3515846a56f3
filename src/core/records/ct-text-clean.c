/* ct-text-clean.c: text from outside, made safe to show and to store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-text-clean"

#include "config.h"

#include "ct-text-clean.h"

/* Characters a person cannot see, or that steer a terminal: C0 and C1
 * controls, zero-width and bidirectional marks, the byte-order mark, and
 * the line and paragraph separators. */
static gboolean
is_invisible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
ct_text_dup_printable (const char *text,
                       guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        continue;
      if (max_chars > 0 && n_chars == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, c);
      n_chars++;
    }
  return g_string_free (out, FALSE);
}

char *
ct_text_dup_quote (const char *text)
{
  return ct_text_dup_printable (text, CT_TEXT_QUOTE_MAX);
}

char *
ct_text_dup_normalized (const char *text)
{
  char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return normal != NULL ? g_strstrip (normal) : g_strstrip (g_strdup (text));
}

gboolean
ct_text_has_invisible (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (is_invisible (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}
