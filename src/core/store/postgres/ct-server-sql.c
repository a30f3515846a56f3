/* ct-server-sql.c: the core's SQL text, in PostgreSQL's terms
 *
 * The core writes parameters as SQLite does: ?1, ?2 and :name. PostgreSQL
 * numbers them $1, $2; a name gets the next free number, and the same name
 * the same number. Quoted text, quoted names and comments are copied as
 * they are, and so is a cast ("::date"). A unary plus before a column
 * ("ORDER BY +t.date"), SQLite's way to keep an index out of a sort, is
 * dropped: PostgreSQL has no such operator for dates and text, nor the need.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-server-database"

#include "config.h"

#include <string.h>

#include "ct-server-database-private.h"

/* Copies a quoted run ('text', "name") whole; returns the end. */
static const char *
copy_quoted (GString    *out,
             const char *p)
{
  char quote = *p;
  const char *end = p + 1;

  while (*end != '\0' && !(*end == quote && end[1] != quote))
    end += *end == quote ? 2 : 1;
  if (*end != '\0')
    end++;
  g_string_append_len (out, p, end - p);
  return end;
}

/* A "+" that starts an operand: after an operator, a comma, "(" or a
 * keyword, rather than after an operand. */
static gboolean
is_unary_plus (const GString *out,
               const char    *p)
{
  gssize i = (gssize) out->len - 1;

  if (*p != '+' || !(g_ascii_isalpha (p[1]) || p[1] == '_'))
    return FALSE;
  while (i >= 0 && g_ascii_isspace (out->str[i]))
    i--;
  if (i < 0 || strchr (",(=<>+-*/", out->str[i]) != NULL)
    return TRUE;
  /* After a word: unary only when the word is a keyword such as BY. */
  return i >= 1 && g_ascii_strncasecmp (out->str + i - 1, "BY", 2) == 0 &&
         (i < 2 || !g_ascii_isalnum (out->str[i - 2]));
}

static guint
name_number (GPtrArray  *names,
             const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      return i + 1;
  g_ptr_array_add (names, g_strdup (name));
  return names->len;
}

/* ?N: the names up to N exist, and N is used. An unused number gets an
 * empty name, which ct_server_parameter_types() declares as text. */
static void
note_number (GPtrArray *names,
             guint      number)
{
  while (names->len < number)
    g_ptr_array_add (names, g_strdup (""));
  g_clear_pointer (&g_ptr_array_index (names, number - 1), g_free);
}

char *
ct_server_translate_sql (const char  *sql,
                         GPtrArray  **names_out)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  guint next = 1;
  const char *p = sql;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        p = copy_quoted (out, p);
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');
          end = end != NULL ? end : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?')
        {
          char *end;
          guint64 number = g_ascii_strtoull (p + 1, &end, 10);

          number = end == p + 1 ? next : number;
          next = MAX (next, number + 1);
          note_number (names, number);
          g_string_append_printf (out, "$%" G_GUINT64_FORMAT, number);
          p = end;
        }
      else if (is_unary_plus (out, p))
        p++;
      else if (p[0] == ':' && p[1] == ':')
        {
          g_string_append (out, "::");
          p += 2;
        }
      else if (p[0] == ':' && (g_ascii_isalpha (p[1]) || p[1] == '_'))
        {
          const char *end = p + 1;
          g_autofree char *name = NULL;

          while (g_ascii_isalnum (*end) || *end == '_')
            end++;
          name = g_strndup (p, end - p);
          g_string_append_printf (out, "$%u", name_number (names, name));
          next = names->len + 1;
          p = end;
        }
      else
        g_string_append_c (out, *p++);
    }

  *names_out = names;
  return g_string_free (out, FALSE);
}

Oid *
ct_server_parameter_types (GPtrArray *names)
{
  Oid *types = g_new0 (Oid, names->len + 1);

  /* 25: text. A parameter that the SQL never uses has no type the server
   * can infer; 0 lets it infer the type of every other. */
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), "") == 0)
      types[i] = 25;
  return types;
}
