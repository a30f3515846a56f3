/* ct-csv.c: RFC 4180 comma-separated values, read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-csv.h"

#define UTF8_BOM "\xEF\xBB\xBF"

struct _CtCsvReader
{
  const char *pos;
  const char *end;
  guint       line;
};

G_DEFINE_QUARK (ct-csv-error-quark, ct_csv_error)

CtCsvReader *
ct_csv_reader_new (const char *data,
                   gsize       len)
{
  CtCsvReader *reader = g_new0 (CtCsvReader, 1);

  reader->pos = data;
  reader->end = data + len;
  reader->line = 1;
  if (len >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    reader->pos += 3;

  return reader;
}

void
ct_csv_reader_free (CtCsvReader *reader)
{
  g_free (reader);
}

static gboolean
at_row_end (CtCsvReader *reader)
{
  return reader->pos == reader->end || *reader->pos == '\n' ||
         (*reader->pos == '\r' && (reader->pos + 1 == reader->end || reader->pos[1] == '\n'));
}

static void
skip_row_end (CtCsvReader *reader)
{
  if (reader->pos < reader->end && *reader->pos == '\r')
    reader->pos++;
  if (reader->pos < reader->end && *reader->pos == '\n')
    {
      reader->pos++;
      reader->line++;
    }
}

static gboolean
quoting_error (GError **error,
               guint    line,
               const char *what)
{
  g_set_error (error, CT_CSV_ERROR, CT_CSV_ERROR_QUOTING, _("line %u: %s"), line, what);
  return FALSE;
}

/* A quoted cell: the opening quote is at reader->pos. */
static gboolean
read_quoted (CtCsvReader  *reader,
             GString      *cell,
             GError      **error)
{
  guint start_line = reader->line;

  reader->pos++;
  for (;;)
    {
      if (reader->pos == reader->end)
        return quoting_error (error, start_line,
                              _("a quoted cell is never closed; add the closing quote (\")"));
      if (*reader->pos == '"')
        {
          if (reader->pos + 1 < reader->end && reader->pos[1] == '"')
            {
              g_string_append_c (cell, '"');
              reader->pos += 2;
              continue;
            }
          reader->pos++;
          if (reader->pos < reader->end && *reader->pos != ',' && !at_row_end (reader))
            return quoting_error (error, reader->line,
                                  _("text follows a closing quote; write a quote inside a quoted cell as two quotes (\"\")"));
          return TRUE;
        }
      if (*reader->pos == '\n')
        reader->line++;
      g_string_append_c (cell, *reader->pos++);
    }
}

static gboolean
read_plain (CtCsvReader  *reader,
            GString      *cell,
            GError      **error)
{
  while (reader->pos < reader->end && *reader->pos != ',' && !at_row_end (reader))
    {
      if (*reader->pos == '"')
        return quoting_error (error, reader->line,
                              _("a quote inside a cell that does not start with a quote; quote the whole cell"));
      g_string_append_c (cell, *reader->pos++);
    }
  return TRUE;
}

static gboolean
read_cell (CtCsvReader  *reader,
           GPtrArray    *cells,
           GError      **error)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean ok = (reader->pos < reader->end && *reader->pos == '"')
                ? read_quoted (reader, cell, error)
                : read_plain (reader, cell, error);

  if (!ok)
    return FALSE;
  if (!g_utf8_validate (cell->str, cell->len, NULL))
    {
      g_set_error (error, CT_CSV_ERROR, CT_CSV_ERROR_ENCODING,
                   _("line %u: the text is not UTF-8; save the file as “CSV UTF-8”"), reader->line);
      return FALSE;
    }
  g_ptr_array_add (cells, g_string_free (g_steal_pointer (&cell), FALSE));
  return TRUE;
}

GStrv
ct_csv_reader_next_row (CtCsvReader  *reader,
                        guint        *line,
                        GError      **error)
{
  g_autoptr(GPtrArray) cells = NULL;

  while (reader->pos < reader->end && at_row_end (reader))
    skip_row_end (reader);
  if (reader->pos >= reader->end)
    return NULL;

  if (line != NULL)
    *line = reader->line;

  cells = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      if (!read_cell (reader, cells, error))
        return NULL;
      if (reader->pos < reader->end && *reader->pos == ',')
        {
          reader->pos++;
          continue;
        }
      skip_row_end (reader);
      break;
    }

  g_ptr_array_add (cells, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&cells), FALSE);
}

static gboolean
needs_quotes (const char *cell)
{
  return strpbrk (cell, ",\"\r\n") != NULL;
}

void
ct_csv_append_row (GString            *out,
                   const char * const *cells,
                   guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      const char *cell = cells[i] != NULL ? cells[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (!needs_quotes (cell))
        {
          g_string_append (out, cell);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = cell; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
