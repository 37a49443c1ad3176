import { useTranslation } from 'react-i18next';
import { PHASES } from '@passerelle/domain';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useFormat } from '../../lib/format';
import { ActivityFeed } from '../activity/ActivityFeed';
import { CityCard } from '../cities/CityCard';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';
import { ProgrammeHeader } from './ProgrammeHeader';

/** The programme home: what the programme is, then every partner city with its phase. */
export function HomePage() {
  const { t, i18n } = useTranslation('programme');
  const format = useFormat();
  const cities = useCities();
  useDocumentTitle(t('title'));
  const language = i18n.resolvedLanguage ?? 'en';
  const sorted = [...(cities.data ?? [])].sort((a, b) =>
    cityName(a, language).localeCompare(cityName(b, language), language),
  );

  return (
    <div className="page home-page">
      <ProgrammeHeader />
      <section aria-labelledby="cities-title" className="home-cities">
        <div className="section-heading">
          <h2 id="cities-title">{t('cities.title')}</h2>
          {cities.data && <p className="muted">{t('cities.count', { count: cities.data.length })}</p>}
        </div>
        {cities.data && cities.data.length > 0 && (
          <ul className="phase-summary" aria-label={t('cities.byPhase')}>
            {PHASES.map((phase) => (
              <li key={phase} className={`phase-summary-item badge-${phase}`}>
                <span className="phase-summary-count">
                  {format.number(cities.data.filter((city) => city.phase === phase).length)}
                </span>
                <span>{t(`common:phases.${phase}`)}</span>
              </li>
            ))}
          </ul>
        )}
        {cities.isPending ? (
          <LoadingState />
        ) : cities.isError ? (
          <ErrorState error={cities.error} onRetry={() => void cities.refetch()} />
        ) : sorted.length === 0 ? (
          <EmptyState title={t('cities.emptyTitle')}>{t('cities.emptyBody')}</EmptyState>
        ) : (
          <ul className="city-grid">
            {sorted.map((city) => (
              <li key={city.id}>
                <CityCard city={city} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <ActivityFeed filter={{}} title={t('activity:programmeTitle')} />
    </div>
  );
}
