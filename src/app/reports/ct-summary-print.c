/* ct-summary-print.c: the committee summary as a printed committee paper
 *
 * The paper is a list of blocks (the title, a section's table, a chart, the
 * footnote), each drawn by one function that also measures it: with no
 * cairo context it only moves the pen. Pages are cut between blocks.
 * Everything is black on white in shades of grey; a withheld value is a
 * hatched outline with the word "withheld", as on the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-summary-print"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-summary-print.h"
#include "ct-summary-text.h"

#define TITLE_FONT      "Sans Bold 17"
#define SUBTITLE_FONT   "Sans 11"
#define HEADING_FONT    "Sans Bold 13"
#define SUBHEADING_FONT "Sans Bold 9.5"
#define BODY_FONT       "Sans 9"
#define VALUE_FONT      "Sans Bold 9"
#define SMALL_FONT      "Sans 7.5"

/* A committee paper's margins. */
#define PAGE_MARGIN_MM  20.0

/* In points. */
#define BLOCK_SPACING   14.0
#define ROW_SPACING     3.0
#define GAP             6.0
#define FOOTER_HEIGHT   22.0
#define MARK_WIDTH      24.0
#define HATCH_SPACING   4.0

/* Shares of the width: a table's label column, and where its marks start;
 * a chart's label column and its value column. */
#define TABLE_LABEL_SHARE 0.6
#define TABLE_MARK_SHARE  0.8
#define CHART_LABEL_SHARE 0.36
#define CHART_VALUE_SHARE 0.14

/* Shades of grey, 0 black to 1 white. */
#define INK        0.0
#define SOFT_INK   0.35
#define BAR_INK    0.45
#define RULE_INK   0.8

typedef enum
{
  BLOCK_TITLE,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_NOTE,
} BlockKind;

typedef struct
{
  BlockKind   kind;
  const char *section;  /* TABLE: its figures */
  char       *heading;  /* CHART */
  GArray     *bars;     /* CHART: of CtBar */
  double      maximum;  /* CHART: the value of a full bar; 0 the largest */
} Block;

/* Where the next line goes; @cr NULL only measures. */
typedef struct
{
  GtkPrintContext *context;
  cairo_t         *cr;
  double           width;
  double           y;
} Pen;

struct _CtSummaryPrint
{
  GtkPrintOperation  parent_instance;

  CtReport          *report;
  GPtrArray         *blocks;       /* of Block */
  GArray            *page_starts;  /* guint: the first block of each page */
};

G_DEFINE_FINAL_TYPE (CtSummaryPrint, ct_summary_print, GTK_TYPE_PRINT_OPERATION)

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->heading);
  g_clear_pointer (&block->bars, g_array_unref);
  g_free (block);
}

/* Text */

static PangoLayout *
layout_new (Pen        *pen,
            const char *text,
            const char *font,
            double      width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (pen->context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

/* The height of @text in a column of @width, drawn or not. */
static double
text_height (Pen        *pen,
             const char *text,
             const char *font,
             double      width)
{
  g_autoptr(PangoLayout) layout = layout_new (pen, text, font, width);

  return layout_height (layout);
}

static void
set_grey (cairo_t *cr,
          double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

/* Writes @text at (@x, pen->y) in a column of @width; returns its height
 * and leaves the pen where it was. */
static double
put_text (Pen            *pen,
          const char     *text,
          const char     *font,
          double          x,
          double          width,
          PangoAlignment  alignment,
          double          grey)
{
  g_autoptr(PangoLayout) layout = layout_new (pen, text, font, width);

  pango_layout_set_alignment (layout, alignment);
  if (pen->cr != NULL)
    {
      set_grey (pen->cr, grey);
      cairo_move_to (pen->cr, x, pen->y);
      pango_cairo_show_layout (pen->cr, layout);
    }
  return layout_height (layout);
}

/* A paragraph across the width; the pen moves below it. */
static void
write_line (Pen        *pen,
            const char *text,
            const char *font,
            double      grey)
{
  pen->y += put_text (pen, text, font, 0, pen->width, PANGO_ALIGN_LEFT, grey);
}

static void
draw_rule (Pen    *pen,
           double  y)
{
  if (pen->cr == NULL)
    return;
  set_grey (pen->cr, RULE_INK);
  cairo_set_line_width (pen->cr, 0.5);
  cairo_move_to (pen->cr, 0, y);
  cairo_line_to (pen->cr, pen->width, y);
  cairo_stroke (pen->cr);
}

/* Blocks */

static void
draw_title (CtSummaryPrint *self,
            Pen            *pen)
{
  const CtSummary *summary = ct_report_get_summary (self->report);
  const CtPeriod *period = ct_summary_get_period (summary);
  g_autofree char *dates = ct_report_dup_dates (self->report);
  g_autofree char *notice = ct_report_dup_notice (self->report);
  g_autofree char *period_line = NULL;
  g_autofree char *audience_line = NULL;

  write_line (pen, _("Clinical Team — Committee summary"), TITLE_FONT, INK);
  if (*ct_summary_get_service (summary) != '\0')
    write_line (pen, ct_summary_get_service (summary), SUBTITLE_FONT, INK);
  pen->y += GAP;
  /* Translators: "Period: 2024/25 (1 Apr 2024 – 31 Mar 2025)" */
  period_line = g_strdup_printf (_("Period: %s (%s)"), ct_period_get_label (period), dates);
  write_line (pen, period_line, BODY_FONT, INK);
  /* Translators: "Audience: Public" */
  audience_line = g_strdup_printf (_("Audience: %s"), ct_report_get_audience_label (self->report));
  write_line (pen, audience_line, BODY_FONT, INK);
  pen->y += GAP;
  write_line (pen, notice, SUBHEADING_FONT, INK);
}

/* One figure: its name, its value and, when not shown, why. */
static void
draw_table_row (CtSummaryPrint *self,
                Pen            *pen,
                const CtFigure *figure)
{
  g_autofree char *value = ct_report_dup_text (self->report, figure);
  CtValueState state = ct_report_get_state (self->report, figure, NULL);
  double label_width = pen->width * TABLE_LABEL_SHARE;
  double mark_x = pen->width * TABLE_MARK_SHARE;
  double height;

  height = put_text (pen, ct_summary_text_figure (figure), BODY_FONT, 0, label_width - GAP,
                     PANGO_ALIGN_LEFT, INK);
  height = MAX (height, put_text (pen, value, VALUE_FONT, label_width, mark_x - label_width,
                                  PANGO_ALIGN_RIGHT, INK));
  if (state != CT_VALUE_SHOWN)
    put_text (pen, ct_value_state_mark (state), BODY_FONT, mark_x + GAP,
              pen->width - mark_x - GAP, PANGO_ALIGN_LEFT, SOFT_INK);
  pen->y += height + ROW_SPACING;
  draw_rule (pen, pen->y - ROW_SPACING / 2);
}

static void
draw_table (CtSummaryPrint *self,
            Pen            *pen,
            const Block    *block)
{
  g_autoptr(GPtrArray) figures = ct_report_dup_figures (self->report, block->section, FALSE);

  write_line (pen, ct_summary_text_section (block->section), HEADING_FONT, INK);
  pen->y += GAP;
  draw_rule (pen, pen->y - ROW_SPACING / 2);
  for (guint i = 0; i < figures->len; i++)
    draw_table_row (self, pen, figures->pdata[i]);
}

/* Diagonal lines inside an outline. */
static void
draw_withheld_mark (cairo_t *cr,
                    double   x,
                    double   y,
                    double   height)
{
  set_grey (cr, SOFT_INK);
  cairo_set_line_width (cr, 0.6);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, MARK_WIDTH, height);
  cairo_clip (cr);
  for (double offset = -height; offset < MARK_WIDTH; offset += HATCH_SPACING)
    {
      cairo_move_to (cr, x + offset, y + height);
      cairo_line_to (cr, x + offset + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_rectangle (cr, x, y, MARK_WIDTH, height);
  cairo_stroke (cr);
}

static void
draw_chart_bar (Pen         *pen,
                const CtBar *bar,
                double       maximum)
{
  double label_width = pen->width * CHART_LABEL_SHARE;
  double bar_x = label_width + GAP;
  double full = pen->width * (1 - CHART_VALUE_SHARE) - bar_x;
  double height = put_text (pen, bar->label, BODY_FONT, 0, label_width, PANGO_ALIGN_LEFT, INK);
  double line = text_height (pen, "0", BODY_FONT, label_width);
  double length = 0;

  if (pen->cr != NULL && bar->state == CT_VALUE_WITHHELD)
    {
      draw_withheld_mark (pen->cr, bar_x, pen->y + line * 0.15, line * 0.7);
      length = MARK_WIDTH;
    }
  else if (bar->state == CT_VALUE_SHOWN && maximum > 0)
    {
      length = full * MIN (bar->value / maximum, 1.0);
      if (pen->cr != NULL)
        {
          set_grey (pen->cr, BAR_INK);
          cairo_rectangle (pen->cr, bar_x, pen->y + line * 0.15, length, line * 0.7);
          cairo_fill (pen->cr);
        }
    }
  put_text (pen, bar->text, BODY_FONT, bar_x + length + GAP / 2,
            pen->width - bar_x - length - GAP / 2, PANGO_ALIGN_LEFT,
            bar->state == CT_VALUE_SHOWN ? INK : SOFT_INK);
  pen->y += height + ROW_SPACING;
}

static void
draw_chart (Pen         *pen,
            const Block *block)
{
  double maximum = ct_bars_get_scale (block->bars, block->maximum);

  write_line (pen, block->heading, SUBHEADING_FONT, INK);
  pen->y += ROW_SPACING;
  for (guint i = 0; i < block->bars->len; i++)
    draw_chart_bar (pen, &g_array_index (block->bars, CtBar, i), maximum);
}

static void
draw_note (CtSummaryPrint *self,
           Pen            *pen)
{
  g_autofree char *note = ct_report_dup_disclosure_note (self->report);

  draw_rule (pen, pen->y);
  pen->y += GAP;
  write_line (pen, note, SMALL_FONT, SOFT_INK);
}

static void
draw_block (CtSummaryPrint *self,
            Pen            *pen,
            const Block    *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      draw_title (self, pen);
      break;
    case BLOCK_TABLE:
      draw_table (self, pen, block);
      break;
    case BLOCK_CHART:
      draw_chart (pen, block);
      break;
    case BLOCK_NOTE:
    default:
      draw_note (self, pen);
      break;
    }
}

/* "Clinical Team — Committee summary · 2024/25 · Public" and "Page 1 of 3". */
static void
draw_footer (CtSummaryPrint  *self,
             GtkPrintContext *context,
             int              page_nr)
{
  Pen pen = { context, gtk_print_context_get_cairo_context (context),
              gtk_print_context_get_width (context),
              gtk_print_context_get_height (context) - FOOTER_HEIGHT / 2 };
  const CtPeriod *period = ct_summary_get_period (ct_report_get_summary (self->report));
  g_autofree char *title = NULL;
  g_autofree char *page = NULL;

  draw_rule (&pen, pen.y - GAP / 2);
  /* Translators: the footer of each page; "2024/25 · Public" */
  title = g_strdup_printf (_("Clinical Team — Committee summary · %s · %s"),
                           ct_period_get_label (period),
                           ct_report_get_audience_label (self->report));
  put_text (&pen, title, SMALL_FONT, 0, pen.width * 0.75, PANGO_ALIGN_LEFT, SOFT_INK);
  /* Translators: the footer of each page; "Page 1 of 3" */
  page = g_strdup_printf (_("Page %d of %u"), page_nr + 1, self->page_starts->len);
  put_text (&pen, page, SMALL_FONT, pen.width * 0.75, pen.width * 0.25, PANGO_ALIGN_RIGHT,
            SOFT_INK);
}

/* Laying out the blocks */

static void
add_block (CtSummaryPrint *self,
           BlockKind       kind,
           const char     *section,
           const char     *heading,
           GArray         *bars,
           double          maximum)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->section = section;
  block->heading = g_strdup (heading);
  block->bars = bars;
  block->maximum = maximum;
  g_ptr_array_add (self->blocks, block);
}

/* A section: its table, the GBO means for outcomes, then its breakdowns. */
static void
add_section (CtSummaryPrint *self,
             const char     *section)
{
  g_autoptr(GPtrArray) breakdowns = ct_report_dup_figures (self->report, section, TRUE);

  add_block (self, BLOCK_TABLE, section, NULL, NULL, 0);
  if (g_str_equal (section, "outcomes"))
    add_block (self, BLOCK_CHART, NULL, ct_report_get_gbo_title (),
               ct_report_dup_gbo_bars (self->report), CT_REPORT_GBO_MAX_SCORE);
  for (guint i = 0; i < breakdowns->len; i++)
    add_block (self, BLOCK_CHART, NULL, ct_summary_text_figure (breakdowns->pdata[i]),
               ct_report_dup_bars (self->report, breakdowns->pdata[i]), 0);
}

static void
add_blocks (CtSummaryPrint *self)
{
  g_autofree const char **sections = ct_report_dup_sections (self->report);

  add_block (self, BLOCK_TITLE, NULL, NULL, NULL, 0);
  for (guint i = 0; sections[i] != NULL; i++)
    add_section (self, sections[i]);
  add_block (self, BLOCK_NOTE, NULL, NULL, NULL, 0);
}

/* A new page where the next block would not fit. */
static void
ct_summary_print_begin_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  CtSummaryPrint *self = CT_SUMMARY_PRINT (operation);
  double page_height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  Pen pen = { context, NULL, gtk_print_context_get_width (context), 0 };
  guint first = 0;

  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, first);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      double top = pen.y;

      draw_block (self, &pen, self->blocks->pdata[i]);
      if (pen.y > page_height && top > 0)
        {
          g_array_append_val (self->page_starts, i);
          pen.y -= top;
        }
      pen.y += BLOCK_SPACING;
    }
  gtk_print_operation_set_n_pages (operation, self->page_starts->len);
}

static void
ct_summary_print_draw_page (GtkPrintOperation *operation,
                            GtkPrintContext   *context,
                            int                page_nr)
{
  CtSummaryPrint *self = CT_SUMMARY_PRINT (operation);
  Pen pen = { context, gtk_print_context_get_cairo_context (context),
              gtk_print_context_get_width (context), 0 };
  guint first = g_array_index (self->page_starts, guint, page_nr);
  guint end = (guint) page_nr + 1 < self->page_starts->len
    ? g_array_index (self->page_starts, guint, page_nr + 1) : self->blocks->len;

  for (guint i = first; i < end; i++)
    {
      draw_block (self, &pen, self->blocks->pdata[i]);
      pen.y += BLOCK_SPACING;
    }
  draw_footer (self, context, page_nr);
}

/* Public API */

static void
set_up_paper (CtSummaryPrint *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *file_name = ct_report_dup_file_name (self->report, "pdf");
  g_autofree char *job_name = g_strndup (file_name, strlen (file_name) - strlen (".pdf"));

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_paper_size_free (a4);
  gtk_page_setup_set_top_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  /* "Print to File" suggests the same name as the JSON export. */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, job_name);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
}

CtSummaryPrint *
ct_summary_print_new (CtReport *report)
{
  CtSummaryPrint *self;

  g_return_val_if_fail (CT_IS_REPORT (report), NULL);

  self = g_object_new (CT_TYPE_SUMMARY_PRINT, NULL);
  self->report = g_object_ref (report);
  set_up_paper (self);
  add_blocks (self);
  return self;
}

int
ct_summary_print_get_n_pages (CtSummaryPrint *self)
{
  g_return_val_if_fail (CT_IS_SUMMARY_PRINT (self), 0);

  return self->page_starts->len;
}

/* GObject */

static void
ct_summary_print_finalize (GObject *object)
{
  CtSummaryPrint *self = CT_SUMMARY_PRINT (object);

  g_clear_object (&self->report);
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->page_starts);

  G_OBJECT_CLASS (ct_summary_print_parent_class)->finalize (object);
}

static void
ct_summary_print_class_init (CtSummaryPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = ct_summary_print_finalize;
  operation_class->begin_print = ct_summary_print_begin_print;
  operation_class->draw_page = ct_summary_print_draw_page;
}

static void
ct_summary_print_init (CtSummaryPrint *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}
