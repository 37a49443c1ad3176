import { useTranslation } from 'react-i18next';
import type { Language } from '@passerelle/domain';
import { Bars } from '../dashboard/Bars';
import type { Comparison } from './types';
import { useIndicatorValue } from './useIndicatorValue';

/** One bar chart per numeric indicator, the cities that have a figure compared side by side. */
export function IndicatorCharts({ comparison }: { comparison: Comparison }) {
  const { t, i18n } = useTranslation('indicators');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const rtl = i18n.dir(language) === 'rtl';
  const valueOf = useIndicatorValue();
  const charts = comparison.indicators
    .filter((indicator) => indicator.unit !== 'text')
    .map((indicator) => ({
      indicator,
      data: comparison.cities
        .filter((city) => city.values[indicator.key]?.valueNumeric != null)
        .map((city) => ({
          key: city.id,
          label: city.name,
          value: city.values[indicator.key]!.valueNumeric!,
        }))
        .sort((a, b) => b.value - a.value),
    }))
    .filter((chart) => chart.data.length > 0);

  return (
    <div className="chart-grid">
      {charts.map(({ indicator, data }) => (
        <figure key={indicator.key} className="card chart-card">
          <figcaption>
            <span className="chart-title">{indicator.names[language] ?? indicator.names.en}</span>
            <span className="muted chart-subtitle">{t('charts.latest')}</span>
          </figcaption>
          <Bars
            data={data}
            rtl={rtl}
            color={indicator.unit === 'percent' ? '#b3541e' : '#0b5c63'}
            format={(value) => valueOf(indicator.unit, { valueNumeric: value, valueText: null }) ?? ''}
          />
        </figure>
      ))}
    </div>
  );
}
