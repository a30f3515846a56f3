/* ct-summary-json.c: builds and writes the committee summary document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-summary-json"

#include "config.h"

#include "ct-summary-json.h"

/* Building */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static gboolean
is_withheld (GHashTable     *withheld,
             const CtFigure *figure,
             const char     *word)
{
  g_autofree char *path = word != NULL
    ? g_strdup_printf ("%s.%s.%s", figure->section, figure->key, word)
    : g_strdup_printf ("%s.%s", figure->section, figure->key);

  return g_hash_table_contains (withheld, path);
}

/* What the document shows: which values are withheld, and how cells are
 * rounded. */
typedef struct
{
  GHashTable       *withheld;
  CtDisclosureRule  rule;
  CtAudience        audience;
} Shown;

static void
add_breakdown (JsonBuilder    *builder,
               const CtFigure *figure,
               const Shown    *shown)
{
  json_builder_begin_object (builder);
  for (guint i = 0; i < figure->n_cells; i++)
    {
      json_builder_set_member_name (builder, figure->cells[i].word);
      if (is_withheld (shown->withheld, figure, figure->cells[i].word))
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, ct_disclosure_shown_count (shown->rule,
                                                                        shown->audience,
                                                                        figure->cells[i].count));
    }
  json_builder_end_object (builder);
}

static void
add_figure (JsonBuilder    *builder,
            const CtFigure *figure,
            const Shown    *shown)
{
  json_builder_set_member_name (builder, figure->key);

  switch (figure->kind)
    {
    case CT_FIGURE_COUNT:
      json_builder_add_int_value (builder, figure->count);
      break;
    case CT_FIGURE_BREAKDOWN:
      add_breakdown (builder, figure, shown);
      break;
    case CT_FIGURE_HOURS:
    case CT_FIGURE_MEAN:
    case CT_FIGURE_CONSTANT:
    default:
      if (figure->has_value && !is_withheld (shown->withheld, figure, NULL))
        json_builder_add_double_value (builder, figure->value);
      else
        json_builder_add_null_value (builder);
      break;
    }
}

/* The seven sections, each an object of its figures. */
static void
add_sections (JsonBuilder     *builder,
              const CtSummary *summary,
              const Shown     *shown)
{
  guint n_figures;
  const CtFigure *figures = ct_summary_get_figures (summary, &n_figures);

  for (guint i = 0; i < n_figures; i++)
    {
      if (i == 0 || !g_str_equal (figures[i].section, figures[i - 1].section))
        {
          if (i > 0)
            json_builder_end_object (builder);
          json_builder_set_member_name (builder, figures[i].section);
          json_builder_begin_object (builder);
        }
      add_figure (builder, &figures[i], shown);
    }
  json_builder_end_object (builder);
}

static void
add_period (JsonBuilder    *builder,
            const CtPeriod *period)
{
  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  add_string (builder, "from", ct_period_get_from (period));
  add_string (builder, "to", ct_period_get_to (period));
  add_string (builder, "label", ct_period_get_label (period));
  json_builder_end_object (builder);
}

static void
add_disclosure (JsonBuilder        *builder,
                CtDisclosureRule    rule,
                const char * const *withheld)
{
  json_builder_set_member_name (builder, "disclosure");
  json_builder_begin_object (builder);
  add_string (builder, "rule", ct_disclosure_rule_to_string (rule));
  add_int (builder, "min_cell", ct_disclosure_rule_min_cell (rule));
  add_int (builder, "rounding", ct_disclosure_rule_rounding (rule));
  json_builder_set_member_name (builder, "suppressed");
  json_builder_begin_array (builder);
  for (guint i = 0; withheld[i] != NULL; i++)
    json_builder_add_string_value (builder, withheld[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static char *
format_generated_at (GDateTime *generated_at)
{
  g_autoptr(GDateTime) utc = generated_at != NULL ? g_date_time_to_utc (generated_at)
                                                  : g_date_time_new_now_utc ();

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

JsonNode *
ct_summary_to_json (const CtSummary *summary,
                    CtAudience       audience,
                    GDateTime       *generated_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) withheld = NULL;
  g_autoptr(GHashTable) withheld_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *when = format_generated_at (generated_at);
  Shown shown;

  g_return_val_if_fail (summary != NULL, NULL);

  withheld = ct_disclosure_withheld (summary, audience);
  for (guint i = 0; withheld[i] != NULL; i++)
    g_hash_table_add (withheld_set, withheld[i]);
  shown = (Shown) { withheld_set, ct_summary_get_rule (summary), audience };

  json_builder_begin_object (builder);
  add_string (builder, "schema", CT_SUMMARY_SCHEMA);
  add_int (builder, "schema_version", CT_SUMMARY_SCHEMA_VERSION);
  add_string (builder, "generated_at", when);
  add_string (builder, "generator", PACKAGE_NAME " " PACKAGE_VERSION);
  add_string (builder, "service", ct_summary_get_service (summary));
  add_period (builder, ct_summary_get_period (summary));
  add_string (builder, "audience", ct_audience_to_string (audience));
  add_disclosure (builder, shown.rule, (const char * const *) withheld);
  add_sections (builder, summary, &shown);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Writing */

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* The fewest decimals (at least one) that read back as the same double:
 * 3.4 rather than 3.3999999999999999, 100.0 rather than 1e+02. */
static void
write_double (GString *out,
              double   value)
{
  char text[64];

  for (int decimals = 1; decimals <= 17; decimals++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (text, sizeof text, format, value);
      if (g_ascii_strtod (text, NULL) == value)
        break;
    }
  g_string_append (out, text);
}

static void write_node (GString *out, JsonNode *node, guint depth);

static void
write_indent (GString *out,
              guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_object (GString    *out,
              JsonObject *object,
              guint       depth)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_string_append (out, first ? "" : ",");
      write_indent (out, depth + 1);
      write_string (out, name);
      g_string_append (out, ": ");
      write_node (out, member, depth + 1);
      first = FALSE;
    }
  if (!first)
    write_indent (out, depth);
  g_string_append_c (out, '}');
}

static void
write_array (GString   *out,
             JsonArray *array,
             guint      depth)
{
  guint length = json_array_get_length (array);

  g_string_append_c (out, '[');
  for (guint i = 0; i < length; i++)
    {
      g_string_append (out, i > 0 ? "," : "");
      write_indent (out, depth + 1);
      write_node (out, json_array_get_element (array, i), depth + 1);
    }
  if (length > 0)
    write_indent (out, depth);
  g_string_append_c (out, ']');
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      write_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
    default:
      write_string (out, json_node_get_string (node));
      break;
    }
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node), depth);
      break;
    case JSON_NODE_ARRAY:
      write_array (out, json_node_get_array (node), depth);
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      write_value (out, node);
      break;
    }
}

char *
ct_summary_json_to_text (JsonNode *root)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (root != NULL, NULL);

  write_node (out, root, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
