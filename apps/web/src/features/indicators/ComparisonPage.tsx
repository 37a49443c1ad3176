import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Language } from '@passerelle/domain';
import { currentLanguage } from '../../app/i18n';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { endpoint } from '../../lib/endpoints';
import { DownloadButton } from '../reports/DownloadButton';
import type { Comparison } from './types';
import { useComparison } from './useIndicators';
import { useIndicatorValue, useYear } from './useIndicatorValue';
import './indicators.css';

// Charts draw with recharts, the heaviest library after the editor: fetched only when this page shows them.
const IndicatorCharts = lazy(() => import('./IndicatorCharts').then((m) => ({ default: m.IndicatorCharts })));

/** /indicators/compare: every city's latest key figures side by side, as a table and as charts, with a CSV export. */
export function ComparisonPage() {
  const { t, i18n } = useTranslation('indicators');
  const language = currentLanguage(i18n);
  const comparison = useComparison(language);
  useDocumentTitle(t('compare.title'));

  return (
    <div className="page comparison-page">
      <nav className="breadcrumbs" aria-label={t('common:nav.breadcrumbs')}>
        <Link to="/">{t('common:nav.programme')}</Link>
      </nav>
      <header className="page-header section-heading">
        <div>
          <p className="eyebrow">{t('common:phases.knowledge')}</p>
          <h1>{t('compare.title')}</h1>
          <p className="muted">{t('compare.intro')}</p>
        </div>
        <DownloadButton
          label={t('compare.csv')}
          target={endpoint('indicators.compareCsv')}
          query={{ lang: language }}
          fallbackName="passerelle-indicators.csv"
        />
      </header>
      {comparison.isPending ? (
        <LoadingState />
      ) : comparison.isError ? (
        <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : comparison.data.cities.length === 0 ? (
        <EmptyState title={t('compare.empty')} />
      ) : (
        <>
          <ComparisonTable comparison={comparison.data} language={language} />
          <section aria-labelledby="charts-title" className="charts-section">
            <h2 id="charts-title">{t('charts.title')}</h2>
            <Suspense fallback={<LoadingState />}>
              <IndicatorCharts comparison={comparison.data} />
            </Suspense>
          </section>
        </>
      )}
    </div>
  );
}

/** Indicators as rows and cities as columns: seven cities fit across, nine indicators down. */
export function ComparisonTable({ comparison, language }: { comparison: Comparison; language: Language }) {
  const { t } = useTranslation('indicators');
  const valueOf = useIndicatorValue();
  const year = useYear();
  return (
    <div className="table-wrap">
      <table className="table comparison-table">
        <caption className="visually-hidden">{t('compare.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.indicator')}</th>
            {comparison.cities.map((city) => (
              <th scope="col" key={city.id}>
                <Link to={`/cities/${city.slug}/knowledge`}>{city.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.indicators.map((indicator) => (
            <tr key={indicator.key}>
              <th scope="row">{indicator.names[language] ?? indicator.names.en}</th>
              {comparison.cities.map((city) => {
                const value = city.values[indicator.key];
                const shown = value ? valueOf(indicator.unit, value) : null;
                return (
                  <td key={city.id} className={indicator.unit === 'text' ? 'value-text' : 'value-number'}>
                    {shown === null ? (
                      <span className="muted" aria-label={t('noValue')}>
                        –
                      </span>
                    ) : (
                      <>
                        <span dir="auto">{shown}</span>
                        <span className="value-year" title={value!.source || undefined}>
                          {year(value!.year)}
                        </span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
