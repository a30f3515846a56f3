/* ct-reports-view.c: the committee summary of a period, to read, export
 * and print
 *
 * The figures are computed by the core (ct_summary_compute(), on the
 * store's reader: ct-store-reader.h) and withheld by disclosure control
 * exactly as the JSON document is; the view keeps them as a CtReport and
 * rebuilds its page from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ct-period-chooser.h"
#include "ct-report-export.h"
#include "ct-report-page.h"
#include "ct-reports-view.h"
#include "ct-store-reader.h"
#include "ct-summary-export.h"

struct _CtReportsView
{
  AdwBin            parent_instance;

  CtDatabase       *database;
  CtReport         *report;  /* the summary shown, or NULL */
  GCancellable     *loading; /* the summary being computed, or NULL */

  AdwToastOverlay  *toast_overlay;
  CtPeriodChooser  *period_chooser;
  GtkToggleButton  *internal_button;
  GtkStack         *stack;
  AdwStatusPage    *empty_page;
  AdwClamp         *clamp;
};

G_DEFINE_FINAL_TYPE (CtReportsView, ct_reports_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (CtReportsView *self,
            const char    *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* Takes @report; NULL empties the page and says why. */
static void
show_report (CtReportsView *self,
             CtReport      *report,
             const char    *why_empty)
{
  gboolean shown = report != NULL;

  g_clear_object (&self->report);
  self->report = report;
  adw_clamp_set_child (self->clamp, shown ? ct_report_page_new (report) : NULL);
  adw_status_page_set_description (self->empty_page, why_empty);
  gtk_stack_set_visible_child_name (self->stack, shown ? "report" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-json", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", shown);
}

static CtAudience
get_audience (CtReportsView *self)
{
  return gtk_toggle_button_get_active (self->internal_button) ? CT_AUDIENCE_INTERNAL
                                                              : CT_AUDIENCE_PUBLIC;
}

static gpointer
compute_summary (CtDatabase  *db,
                 gpointer     period,
                 GError     **error)
{
  return ct_summary_compute (db, period, error);
}

static void
stop_loading (CtReportsView *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

static void
on_summary_computed (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CtReportsView) self = user_data;
  g_autoptr(GError) error = NULL;
  CtSummary *summary = ct_store_read_finish (CT_DATABASE (source_object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (summary == NULL)
    {
      show_report (self, NULL, error->message);
      return;
    }
  /* Producing a summary is audited as a view; a failure to write the
   * entry does not hide the figures. */
  if (!ct_summary_audit_view (self->database, summary, get_audience (self), &error))
    g_message ("The summary shown could not be audited: %s", error->message);
  show_report (self, ct_report_new (summary, get_audience (self)), NULL);
}

/* Computes the figures of the period chosen, for the audience chosen; the
 * summary shown stays until they arrive. */
static void
refresh (CtReportsView *self)
{
  const CtPeriod *period = ct_period_chooser_get_period (self->period_chooser);

  stop_loading (self);
  if (self->database == NULL)
    {
      show_report (self, NULL, _("The committee summary is shown while the records file is "
                                 "open."));
      return;
    }

  /* The figures shown are not those chosen until the new ones arrive:
   * they cannot be exported or printed meanwhile. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-json", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", FALSE);
  self->loading = g_cancellable_new ();
  ct_store_read_async (self->database, compute_summary, ct_period_copy (period),
                       (GDestroyNotify) ct_period_free, (GDestroyNotify) ct_summary_free,
                       self->loading, on_summary_computed, g_object_ref (self));
}

gboolean
ct_reports_view_is_loading (CtReportsView *self)
{
  g_return_val_if_fail (CT_IS_REPORTS_VIEW (self), FALSE);

  return self->loading != NULL;
}

/* Callbacks */

/* Another period or audience. */
static void
on_choice_changed (CtReportsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
ct_reports_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ct_reports_view_parent_class)->map (widget);
  refresh (CT_REPORTS_VIEW (widget));
}

/* An export's result: a toast, none when the person cancelled. */
static void
report_result (CtReportsView *self,
               const char    *done,
               GError        *error)
{
  if (error == NULL)
    show_toast (self, done);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
}

static void
on_json_exported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CtReportsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = ct_report_export_json_finish (result, &error);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  /* Translators: a toast; "Exported “committee-summary-2024-25-public.json”" */
  g_autofree char *done = g_strdup_printf (_("Exported “%s”"), name);

  report_result (self, done, error);
}

static void
on_printed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CtReportsView) self = user_data;
  g_autoptr(GError) error = NULL;

  ct_report_print_finish (result, &error);
  report_result (self, _("Printed the committee summary"), error);
}

static GtkWindow *
get_window (CtReportsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
export_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtReportsView *self = CT_REPORTS_VIEW (widget);

  ct_report_export_json_async (self->database, self->report, get_window (self),
                               on_json_exported, g_object_ref (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CtReportsView *self = CT_REPORTS_VIEW (widget);

  ct_report_print_async (self->database, self->report, get_window (self), on_printed,
                         g_object_ref (self));
}

/* Public API */

GtkWidget *
ct_reports_view_new (CtDatabase *database)
{
  g_return_val_if_fail (database == NULL || CT_IS_DATABASE (database), NULL);

  return g_object_new (CT_TYPE_REPORTS_VIEW, "database", database, NULL);
}

CtDatabase *
ct_reports_view_get_database (CtReportsView *self)
{
  g_return_val_if_fail (CT_IS_REPORTS_VIEW (self), NULL);

  return self->database;
}

void
ct_reports_view_set_database (CtReportsView *self,
                              CtDatabase    *database)
{
  g_return_if_fail (CT_IS_REPORTS_VIEW (self));
  g_return_if_fail (database == NULL || CT_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  if (database == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

CtReport *
ct_reports_view_get_report (CtReportsView *self)
{
  g_return_val_if_fail (CT_IS_REPORTS_VIEW (self), NULL);

  return self->report;
}

static gboolean
check_report (CtReportsView  *self,
              GError        **error)
{
  if (self->loading != NULL)
    {
      g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_FAILED,
                           _("The committee summary is still being computed. Try again when "
                             "it is shown."));
      return FALSE;
    }
  if (self->report != NULL && self->database != NULL)
    return TRUE;
  g_set_error_literal (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_CLOSED,
                       _("There is no committee summary to export: open the records file."));
  return FALSE;
}

gboolean
ct_reports_view_export_json (CtReportsView  *self,
                             GFile          *file,
                             GDateTime      *generated_at,
                             GError        **error)
{
  g_return_val_if_fail (CT_IS_REPORTS_VIEW (self), FALSE);

  return check_report (self, error) &&
         ct_report_write_json (self->database, self->report, file, generated_at, error);
}

gboolean
ct_reports_view_export_pdf (CtReportsView  *self,
                            const char     *path,
                            GError        **error)
{
  g_return_val_if_fail (CT_IS_REPORTS_VIEW (self), FALSE);

  return check_report (self, error) &&
         ct_report_write_pdf (self->database, self->report, path, error);
}

/* GObject */

static void
ct_reports_view_dispose (GObject *object)
{
  CtReportsView *self = CT_REPORTS_VIEW (object);

  stop_loading (self);
  g_clear_object (&self->database);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (ct_reports_view_parent_class)->dispose (object);
}

static void
ct_reports_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CtReportsView *self = CT_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_reports_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CtReportsView *self = CT_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      ct_reports_view_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_reports_view_class_init (CtReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_reports_view_dispose;
  object_class->get_property = ct_reports_view_get_property;
  object_class->set_property = ct_reports_view_set_property;
  widget_class->map = ct_reports_view_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "reports.export-json", NULL, export_json_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);

  g_type_ensure (CT_TYPE_PERIOD_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/council/ClinicalTeam/reports/"
                                               "ct-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CtReportsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CtReportsView, period_chooser);
  gtk_widget_class_bind_template_child (widget_class, CtReportsView, internal_button);
  gtk_widget_class_bind_template_child (widget_class, CtReportsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CtReportsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CtReportsView, clamp);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
}

static void
ct_reports_view_init (CtReportsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}
