import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Formats a calendar date (YYYY-MM-DD: due dates, start and end dates) in the interface language.
 * Read as UTC midnight and written in UTC, so the day shown is the day stored whatever the reader's
 * time zone (a plain Date would show 14 March as the 13th west of Greenwich).
 */
export function useDayFormat(): (day: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
  }, [locale]);
}
