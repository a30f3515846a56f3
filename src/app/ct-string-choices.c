/* ct-string-choices.c: a drop-down's choices, made only when shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-string-choices"

#include "config.h"

#include "ct-string-choices.h"

struct _CtStringChoices
{
  GObject    parent_instance;

  GPtrArray *strings;
};

static void ct_string_choices_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtStringChoices, ct_string_choices, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ct_string_choices_list_model_init))

static GType
ct_string_choices_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
ct_string_choices_get_n_items (GListModel *model)
{
  return CT_STRING_CHOICES (model)->strings->len;
}

static gpointer
ct_string_choices_get_item (GListModel *model,
                            guint       position)
{
  GPtrArray *strings = CT_STRING_CHOICES (model)->strings;

  return position < strings->len ? gtk_string_object_new (strings->pdata[position]) : NULL;
}

static void
ct_string_choices_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ct_string_choices_get_item_type;
  iface->get_n_items = ct_string_choices_get_n_items;
  iface->get_item = ct_string_choices_get_item;
}

static void
ct_string_choices_finalize (GObject *object)
{
  g_ptr_array_unref (CT_STRING_CHOICES (object)->strings);

  G_OBJECT_CLASS (ct_string_choices_parent_class)->finalize (object);
}

static void
ct_string_choices_class_init (CtStringChoicesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_string_choices_finalize;
}

static void
ct_string_choices_init (CtStringChoices *self)
{
}

CtStringChoices *
ct_string_choices_new (GPtrArray *strings)
{
  CtStringChoices *self;

  g_return_val_if_fail (strings != NULL, NULL);

  self = g_object_new (CT_TYPE_STRING_CHOICES, NULL);
  self->strings = strings;
  return self;
}
