import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorUnit } from '@passerelle/domain';
import { useFormat } from '../../lib/format';
import { usePercent } from '../pilot-projects/usePercent';

/** A figure as people read it: a count with the language's digits and separators, a percentage, or text. */
export function useIndicatorValue(): (
  unit: IndicatorUnit,
  value: { valueNumeric: number | null; valueText: string | null },
) => string | null {
  const format = useFormat();
  const percent = usePercent();
  return useCallback(
    (unit, value) => {
      if (unit === 'text') return value.valueText || null;
      if (value.valueNumeric === null) return null;
      return unit === 'percent' ? percent(value.valueNumeric) : format.number(value.valueNumeric);
    },
    [format, percent],
  );
}

/** A year in the interface language's digits, without a thousands separator ("2021", not "2,021"). */
export function useYear(): (year: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { useGrouping: false });
    return (year: number) => format.format(year);
  }, [locale]);
}
