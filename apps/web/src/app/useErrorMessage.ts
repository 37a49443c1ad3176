import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api';

/**
 * The message to show for a failed call: the API's own message for what the person can act on
 * (4xx: wrong password, invalid field, too many attempts), a translated one for network and server failures.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error)) {
        if (error.code === 'network') return t('errors.network');
        if (error.status >= 500) return t('errors.server');
        if (error.message) return error.message;
      }
      return t('errors.generic');
    },
    [t],
  );
}
