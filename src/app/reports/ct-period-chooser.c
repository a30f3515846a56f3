/* ct-period-chooser.c: picks the reporting period of the committee summary
 *
 * A drop-down for the kind of period and one for the period itself; for
 * dates of one's own, two entries instead of the second.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-period-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ct-period-chooser.h"
#include "ct-validate.h"

/* How many financial years the lists go back, this one included. */
#define N_YEARS 10

struct _CtPeriodChooser
{
  AdwBin         parent_instance;

  CtPeriod      *period;
  GPtrArray     *periods;  /* of CtPeriod: the items of period_dropdown */
  GtkStringList *labels;   /* their labels */
  gboolean       filling;  /* changing the widgets, not the period */

  GtkDropDown   *kind_dropdown;  /* items in CtPeriodKind order */
  GtkDropDown   *period_dropdown;
  GtkWidget     *custom_box;
  GtkEditable   *from_entry;
  GtkEditable   *to_entry;
};

G_DEFINE_FINAL_TYPE (CtPeriodChooser, ct_period_chooser, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Today (the records' today, which a test may set), and the financial year
 * it falls in (2024 for 2024/25). */
static int
current_financial_year (char today[11])
{
  g_autofree char *date = ct_validate_dup_today ();
  int month = atoi (date + 5);
  int year = atoi (date);

  g_strlcpy (today, date, 11);
  return month >= 4 ? year : year - 1;
}

static gboolean
same_period (const CtPeriod *a,
             const CtPeriod *b)
{
  return a != NULL && b != NULL &&
         g_str_equal (ct_period_get_from (a), ct_period_get_from (b)) &&
         g_str_equal (ct_period_get_to (a), ct_period_get_to (b)) &&
         g_str_equal (ct_period_get_label (a), ct_period_get_label (b));
}

static void
change_period (CtPeriodChooser *self,
               const CtPeriod  *period)
{
  if (same_period (self->period, period))
    return;
  g_clear_pointer (&self->period, ct_period_free);
  self->period = ct_period_copy (period);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/* The list of a kind */

/* Takes @period; one that starts after @today is left out, the one under
 * way ends today, marked "to date". */
static void
add_period (CtPeriodChooser *self,
            CtPeriod        *period,
            const char      *today)
{
  if (strcmp (ct_period_get_from (period), today) <= 0)
    g_ptr_array_add (self->periods, ct_period_new_to_date (period, today));
  ct_period_free (period);
}

/* The periods of @year (financial), latest first. */
static void
add_periods_of_year (CtPeriodChooser *self,
                     CtPeriodKind     kind,
                     int              year,
                     const char      *today)
{
  switch (kind)
    {
    case CT_PERIOD_FINANCIAL_YEAR:
      add_period (self, ct_period_new_financial_year (year), today);
      break;
    case CT_PERIOD_QUARTER:
      for (int quarter = 4; quarter >= 1; quarter--)
        add_period (self, ct_period_new_quarter (year, quarter), today);
      break;
    case CT_PERIOD_MONTH:
      /* March of the next year back to April */
      for (int i = 11; i >= 0; i--)
        add_period (self, ct_period_new_month (i >= 9 ? year + 1 : year, (i + 3) % 12 + 1), today);
      break;
    case CT_PERIOD_CUSTOM:
    default:
      break;
    }
}

static void
fill_periods (CtPeriodChooser *self,
              CtPeriodKind     kind)
{
  char today[11];
  int year = current_financial_year (today);
  guint n_labels = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_ptr_array_set_size (self->periods, 0);
  for (int i = 0; i < N_YEARS; i++)
    add_periods_of_year (self, kind, year - i, today);

  for (guint i = 0; i < self->periods->len; i++)
    g_ptr_array_add (labels, (gpointer) ct_period_get_label (self->periods->pdata[i]));
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->labels, 0, n_labels, (const char * const *) labels->pdata);
}

/* The item that @period is, or failing that the one its first day is in;
 * G_MAXUINT for none. */
static guint
find_item (CtPeriodChooser *self,
           const CtPeriod  *period,
           gboolean         exactly)
{
  const char *from = ct_period_get_from (period);

  for (guint i = 0; i < self->periods->len; i++)
    {
      const CtPeriod *item = self->periods->pdata[i];

      if (exactly ? same_period (item, period)
                  : strcmp (ct_period_get_from (item), from) <= 0 &&
                    strcmp (from, ct_period_get_to (item)) <= 0)
        return i;
    }
  return G_MAXUINT;
}

/* Showing a kind */

static void
set_entry_text (CtPeriodChooser *self,
                GtkEditable     *entry,
                const char      *text)
{
  self->filling = TRUE;
  gtk_editable_set_text (entry, text);
  self->filling = FALSE;
}

static void
mark_entry (GtkEditable *entry,
            gboolean     valid,
            const char  *message)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), valid ? NULL : message);
}

/* The dates typed make the period when they are a valid range. */
static void
on_custom_changed (CtPeriodChooser *self)
{
  const char *from = gtk_editable_get_text (self->from_entry);
  const char *to = gtk_editable_get_text (self->to_entry);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtPeriod) period = NULL;
  GDate date;

  if (self->filling)
    return;

  period = ct_period_new_custom (from, to, &error);
  mark_entry (self->from_entry, ct_period_parse_date (from, &date, NULL),
              error != NULL ? error->message : NULL);
  mark_entry (self->to_entry, period != NULL || !ct_period_parse_date (from, &date, NULL),
              error != NULL ? error->message : NULL);
  if (period != NULL)
    change_period (self, period);
}

static void
on_period_selected (CtPeriodChooser *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (!self->filling && selected < self->periods->len)
    change_period (self, self->periods->pdata[selected]);
}

static void
show_kind (CtPeriodChooser *self,
           CtPeriodKind     kind)
{
  gboolean custom = kind == CT_PERIOD_CUSTOM;

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  if (!custom)
    fill_periods (self, kind);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->period_dropdown), !custom);
  gtk_widget_set_visible (self->custom_box, custom);
}

static void
show_custom (CtPeriodChooser *self,
             const CtPeriod  *period)
{
  show_kind (self, CT_PERIOD_CUSTOM);
  set_entry_text (self, self->from_entry, ct_period_get_from (period));
  set_entry_text (self, self->to_entry, ct_period_get_to (period));
  on_custom_changed (self);
}

static void
show_item (CtPeriodChooser *self,
           guint            position)
{
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown, position);
  self->filling = FALSE;
  on_period_selected (self);
}

/* Another kind: the item of that kind the current period starts in. */
static void
on_kind_selected (CtPeriodChooser *self)
{
  CtPeriodKind kind = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autoptr(CtPeriod) current = NULL;
  guint position;

  if (self->filling)
    return;
  current = ct_period_copy (self->period);
  if (kind == CT_PERIOD_CUSTOM)
    {
      show_custom (self, current);
      return;
    }
  show_kind (self, kind);
  position = find_item (self, current, FALSE);
  show_item (self, position != G_MAXUINT ? position : 0);
}

/* Public API */

const CtPeriod *
ct_period_chooser_get_period (CtPeriodChooser *self)
{
  g_return_val_if_fail (CT_IS_PERIOD_CHOOSER (self), NULL);

  return self->period;
}

void
ct_period_chooser_set_period (CtPeriodChooser *self,
                              const CtPeriod  *period)
{
  CtPeriodKind kind;
  g_autofree char *today = NULL;
  g_autoptr(CtPeriod) item = NULL;
  guint position;

  g_return_if_fail (CT_IS_PERIOD_CHOOSER (self));
  g_return_if_fail (period != NULL);

  kind = ct_period_get_kind (period);
  if (kind != CT_PERIOD_CUSTOM)
    {
      /* The period under way is in the list as it is to date. */
      today = ct_validate_dup_today ();
      item = ct_period_new_to_date (period, today);
      show_kind (self, kind);
      if ((position = find_item (self, item, TRUE)) != G_MAXUINT)
        {
          show_item (self, position);
          return;
        }
    }
  show_custom (self, period);
}

/* The last financial quarter that has ended. */
static CtPeriod *
last_complete_quarter (void)
{
  char today[11];
  int year = current_financial_year (today);
  int month = atoi (today + 5);
  int quarter = (month + 8) % 12 / 3 + 1;  /* April–June: 1 */

  return quarter > 1 ? ct_period_new_quarter (year, quarter - 1)
                     : ct_period_new_quarter (year - 1, 4);
}

/* GObject */

static void
ct_period_chooser_finalize (GObject *object)
{
  CtPeriodChooser *self = CT_PERIOD_CHOOSER (object);

  g_clear_pointer (&self->period, ct_period_free);
  g_ptr_array_unref (self->periods);
  g_object_unref (self->labels);

  G_OBJECT_CLASS (ct_period_chooser_parent_class)->finalize (object);
}

static void
ct_period_chooser_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CtPeriodChooser *self = CT_PERIOD_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_boxed (value, self->period);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_period_chooser_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CtPeriodChooser *self = CT_PERIOD_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      ct_period_chooser_set_period (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_period_chooser_class_init (CtPeriodChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ct_period_chooser_finalize;
  object_class->get_property = ct_period_chooser_get_property;
  object_class->set_property = ct_period_chooser_set_property;

  properties[PROP_PERIOD] =
    g_param_spec_boxed ("period", NULL, NULL, CT_TYPE_PERIOD,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkEditable *
date_entry_new (const char *accessible_label)
{
  GtkWidget *entry = gtk_entry_new ();

  /* Translators: the form of a date typed in */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return GTK_EDITABLE (entry);
}

static void
build_widgets (CtPeriodChooser *self)
{
  static const char *const kinds[] = {
    [CT_PERIOD_FINANCIAL_YEAR] = N_("Financial Year"),
    [CT_PERIOD_QUARTER] = N_("Quarter"),
    [CT_PERIOD_MONTH] = N_("Month"),
    [CT_PERIOD_CUSTOM] = N_("Dates of My Own"),
  };
  const char *labels[G_N_ELEMENTS (kinds) + 1] = { NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    labels[i] = _(kinds[i]);
  /* Named for the tests. */
  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
  gtk_widget_set_name (GTK_WIDGET (self->kind_dropdown), "period-kind");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of period"), -1);
  self->period_dropdown =
    GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->labels)), NULL));
  gtk_widget_set_name (GTK_WIDGET (self->period_dropdown), "period");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period"), -1);

  self->custom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->from_entry = date_entry_new (_("First day"));
  self->to_entry = date_entry_new (_("Last day"));
  gtk_widget_set_name (GTK_WIDGET (self->from_entry), "period-from");
  gtk_widget_set_name (GTK_WIDGET (self->to_entry), "period-to");
  gtk_box_append (GTK_BOX (self->custom_box), GTK_WIDGET (self->from_entry));
  gtk_box_append (GTK_BOX (self->custom_box), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (self->custom_box), GTK_WIDGET (self->to_entry));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->kind_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->period_dropdown));
  gtk_box_append (GTK_BOX (box), self->custom_box);
  adw_bin_set_child (ADW_BIN (self), box);
}

static void
ct_period_chooser_init (CtPeriodChooser *self)
{
  g_autoptr(CtPeriod) quarter = last_complete_quarter ();

  self->periods = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_period_free);
  self->labels = gtk_string_list_new (NULL);
  build_widgets (self);

  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (on_kind_selected), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected",
                            G_CALLBACK (on_period_selected), self);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (on_custom_changed), self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (on_custom_changed), self);
  ct_period_chooser_set_period (self, quarter);
}
