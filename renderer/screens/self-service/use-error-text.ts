import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessages } from '../../../electron/api/error-messages';
import type { ApiError } from '../../../electron/api/errors';

/** The typed error's text in the page's language: what happened and what to do next. */
export function useErrorText(): (error: ApiError) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (error: ApiError) => {
      const message = errorMessages[error.code];
      return i18n.language === 'en' ? message.en : message.vi;
    },
    [i18n.language],
  );
}
