import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Formats 0–100 as a percentage in the interface language ("45 %" in French, "٤٥٪" in Arabic). */
export function usePercent(): (value: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return (value: number) => format.format(value / 100);
  }, [locale]);
}
