/* ct-passphrase-quality.c: is a new passphrase good enough?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ct-passphrase-quality"

#include "config.h"

#include <glib/gi18n.h>
#include <pwquality.h>

#include "ct-database.h"
#include "ct-passphrase-quality.h"

static pwquality_settings_t *
get_settings (void)
{
  static pwquality_settings_t *settings;

  if (g_once_init_enter (&settings))
    {
      pwquality_settings_t *s = pwquality_default_settings ();

      /* A missing or broken configuration leaves the defaults. */
      pwquality_read_config (s, NULL, NULL);
      g_once_init_leave (&settings, s);
    }
  return settings;
}

gboolean
ct_passphrase_check_length (const char  *passphrase,
                            GError     **error)
{
  if (passphrase != NULL && g_utf8_strlen (passphrase, -1) >= CT_PASSPHRASE_MIN_LENGTH)
    return TRUE;

  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "Choose a passphrase of at least %d character.",
                            "Choose a passphrase of at least %d characters.",
                            CT_PASSPHRASE_MIN_LENGTH),
               CT_PASSPHRASE_MIN_LENGTH);
  return FALSE;
}

gboolean
ct_passphrase_check_quality (const char  *passphrase,
                             int         *score,
                             GError     **error)
{
  char buffer[PWQ_MAX_ERROR_MESSAGE_LEN];
  void *auxerror = NULL;
  int result;

  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!ct_passphrase_check_length (passphrase, error))
    return FALSE;

  result = pwquality_check (get_settings (), passphrase, NULL, NULL, &auxerror);
  if (result >= 0)
    {
      if (score != NULL)
        *score = result;
      return TRUE;
    }

  /* TRANSLATORS: %s is libpwquality's reason, such as "The password is a
   * palindrome" */
  g_set_error (error, CT_DATABASE_ERROR, CT_DATABASE_ERROR_INVALID,
               _("Choose a stronger passphrase: %s."),
               pwquality_strerror (buffer, sizeof buffer, result, auxerror));
  return FALSE;
}
