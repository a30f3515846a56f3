/* ct-csv.h: RFC 4180 comma-separated values, read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CT_CSV_ERROR (ct_csv_error_quark ())

typedef enum
{
  CT_CSV_ERROR_ENCODING,   /* not UTF-8 */
  CT_CSV_ERROR_QUOTING,    /* a quote where none may be, or one never closed */
} CtCsvError;

GQuark       ct_csv_error_quark      (void);

typedef struct _CtCsvReader CtCsvReader;

/* Reads @len bytes of @data (not copied: keep it alive). A UTF-8 byte-order
 * mark is skipped; rows may end in CRLF or LF. */
CtCsvReader *ct_csv_reader_new       (const char   *data,
                                      gsize         len);
void         ct_csv_reader_free      (CtCsvReader  *reader);

/* The next row's cells, or NULL at the end (no error) or on a malformed row
 * (error set, naming the line). *line is the line on which the row starts,
 * counting from 1. Blank lines are skipped. */
GStrv        ct_csv_reader_next_row  (CtCsvReader  *reader,
                                      guint        *line,
                                      GError      **error);

/* Appends one row, quoting cells that hold a comma, quote, CR or LF, and
 * ending it with CRLF. */
void         ct_csv_append_row       (GString            *out,
                                      const char * const *cells,
                                      guint               n_cells);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtCsvReader, ct_csv_reader_free)

G_END_DECLS
