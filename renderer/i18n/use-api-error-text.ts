import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../electron/api/error-messages';
import type { ApiError } from '../../electron/api/errors';

/**
 * The typed error's text in the page's language, with what the error carries
 * worded in (a wrong PIN's tries left), so the clerk is warned before the
 * token locks.
 */
export function useApiErrorText(): (error: ApiError) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (error: ApiError) => {
      const text = apiErrorText(error);
      return i18n.language === 'en' ? text.en : text.vi;
    },
    [i18n.language],
  );
}
