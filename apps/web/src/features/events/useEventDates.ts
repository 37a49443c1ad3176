import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface EventDateFormat {
  /** "9 Mar 2025, 09:00 – 10 Mar 2025, 17:00", collapsed by Intl where the two ends share a day. */
  range(startsAt: string, endsAt: string): string;
  /** The short month of the calendar block ("Mar", "mars", "مارس"). */
  month(value: string): string;
  day(value: string): string;
  weekday(value: string): string;
}

/** Event dates in the interface language and the reader's own time zone. */
export function useEventDates(): EventDateFormat {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const month = new Intl.DateTimeFormat(locale, { month: 'short' });
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric' });
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' });
    return {
      range: (startsAt, endsAt) => {
        const start = new Date(startsAt);
        const end = new Date(endsAt);
        return typeof full.formatRange === 'function'
          ? full.formatRange(start, end)
          : `${full.format(start)} – ${full.format(end)}`;
      },
      month: (value) => month.format(new Date(value)),
      day: (value) => day.format(new Date(value)),
      weekday: (value) => weekday.format(new Date(value)),
    };
  }, [locale]);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of a `datetime-local` input, in the reader's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (reader's time zone) as an instant with an offset, as the API requires. */
export function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}
