/* test-csv.c: RFC 4180 reading and writing */
#include "config.h"

#include "ct-csv.h"

static GPtrArray *
read_all (const char *data,
          GArray     *lines,
          GError    **error)
{
  g_autoptr(CtCsvReader) reader = ct_csv_reader_new (data, strlen (data));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrv row;
  guint line;

  while ((row = ct_csv_reader_next_row (reader, &line, error)) != NULL)
    {
      g_ptr_array_add (rows, row);
      if (lines != NULL)
        g_array_append_val (lines, line);
    }
  return (error != NULL && *error != NULL) ? NULL : g_steal_pointer (&rows);
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            const char *const *expected)
{
  g_assert_cmpuint (index, <, rows->len);
  g_assert_cmpstrv ((GStrv) g_ptr_array_index (rows, index), expected);
}

static void
test_quoting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) rows =
    read_all ("\xEF\xBB\xBF" "a,b,c\r\n"
              "\"one, two\",\"say \"\"hi\"\"\",\"line\nbreak\"\r\n"
              "\r\n"
              ",,\n"
              "last,\"\",x",
              lines, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, (const char *[]) { "a", "b", "c", NULL });
  assert_row (rows, 1, (const char *[]) { "one, two", "say \"hi\"", "line\nbreak", NULL });
  assert_row (rows, 2, (const char *[]) { "", "", "", NULL });
  assert_row (rows, 3, (const char *[]) { "last", "", "x", NULL });
  /* Rows start on lines 1, 2, 5 and 6: the quoted newline and the blank
   * line both count. */
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 5);
  g_assert_cmpuint (g_array_index (lines, guint, 3), ==, 6);
}

static void
assert_malformed (const char *data,
                  int         code,
                  const char *line_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_all (data, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, CT_CSV_ERROR, code);
  g_assert_nonnull (strstr (error->message, line_text));
}

static void
test_malformed (void)
{
  assert_malformed ("a,b\nc,\"never closed\n", CT_CSV_ERROR_QUOTING, "line 2");
  assert_malformed ("a,b\nc,d\"e\n", CT_CSV_ERROR_QUOTING, "line 2");
  assert_malformed ("a,b\n\"c\"d,e\n", CT_CSV_ERROR_QUOTING, "line 2");
  assert_malformed ("a,b\nc,\xff\xfe\n", CT_CSV_ERROR_ENCODING, "line 2");
}

static void
test_round_trip (void)
{
  const char *cells[] = { "plain", "comma, inside", "quote \" inside", "new\r\nline", "", "é ✓" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  ct_csv_append_row (out, cells, G_N_ELEMENTS (cells));
  ct_csv_append_row (out, cells, 2);
  g_assert_true (g_str_has_suffix (out->str, "\r\n"));
  g_assert_true (g_str_has_prefix (out->str, "plain,\"comma, inside\",\"quote \"\" inside\""));

  rows = read_all (out->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, (const char *[]) { "plain", "comma, inside", "quote \" inside",
                                          "new\r\nline", "", "é ✓", NULL });
  assert_row (rows, 1, (const char *[]) { "plain", "comma, inside", NULL });
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/malformed", test_malformed);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  return g_test_run ();
}
