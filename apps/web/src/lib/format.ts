import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  date(value: string | number | Date): string;
  dateTime(value: string | number | Date): string;
  number(value: number): string;
  /** A country's name in the interface language, from its ISO 3166 code; the fallback when unknown. */
  region(code: string | undefined, fallback: string): string;
  /** A language's name in the interface language (e.g. "arabe" in French). */
  language(code: string): string;
}

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/** Intl formatters for one locale: dates and numbers follow the chosen language, not the browser. */
export function createFormatters(locale: string): Formatters {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const regions = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([locale], { type: 'region' }) : null;
  const languages =
    typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([locale], { type: 'language' }) : null;
  const safe = (fn: () => string | undefined, fallback: string) => {
    try {
      return fn() ?? fallback;
    } catch {
      return fallback;
    }
  };
  return {
    date: (value) => date.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    number: (value) => number.format(value),
    region: (code, fallback) => (code && regions ? safe(() => regions.of(code.toUpperCase()), fallback) : fallback),
    language: (code) => (languages ? safe(() => languages.of(code), code) : code),
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => createFormatters(locale), [locale]);
}
