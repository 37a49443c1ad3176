import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PHASES, type Phase } from '@passerelle/domain';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { ActivityFeed } from '../activity/ActivityFeed';
import { cityName } from './cityName';
import { PhaseBadge } from './PhaseBadge';
import { PhaseSection } from './PhaseSection';
import { useCity } from './useCities';

const isPhase = (value: string | undefined): value is Phase => (PHASES as readonly string[]).includes(value ?? '');

/** A city's workspace, organised by the programme's three phases; it opens on the phase the city is in. */
export function CityPage() {
  const { slug = '', phase: phaseParam } = useParams();
  const { t, i18n } = useTranslation('cities');
  const format = useFormat();
  const city = useCity(slug);
  const name = city.data ? cityName(city.data, i18n.resolvedLanguage ?? 'en') : undefined;
  useDocumentTitle(name);

  if (phaseParam !== undefined && !isPhase(phaseParam)) return <NotFoundPage />;
  if (city.isPending) return <LoadingState />;
  if (city.isError) {
    if (isApiError(city.error) && city.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={city.error} onRetry={() => void city.refetch()} />;
  }
  const current = city.data;
  const active: Phase = phaseParam ?? current.phase;

  return (
    <div className="page city-page">
      <header className="page-header city-header">
        <p className="eyebrow">{format.region(current.countryCode, current.country)}</p>
        <h1>{name}</h1>
        <div className="badge-group">
          <PhaseBadge phase={current.phase} />
          {current.memberRole && (
            <span className="badge badge-role">
              {t('yourRole', { role: t(`common:roles.city.${current.memberRole}`) })}
            </span>
          )}
        </div>
        {current.description && (
          <p className="lead" dir="auto">
            {current.description}
          </p>
        )}
      </header>
      <nav className="tabs" aria-label={t('phaseNav')}>
        {PHASES.map((phase, index) => (
          <Link
            key={phase}
            to={`/cities/${current.slug}/${phase}`}
            className={phase === active ? 'tab active' : 'tab'}
            aria-current={phase === active ? 'page' : undefined}
          >
            <span className="tab-step" aria-hidden="true">
              {format.number(index + 1)}
            </span>
            <span>{t(`common:phases.${phase}`)}</span>
            {phase === current.phase && <span className="tab-current">{t('currentPhase')}</span>}
          </Link>
        ))}
      </nav>
      <PhaseSection city={current} phase={active} />
      <ActivityFeed filter={{ cityId: current.id }} title={t('activity:cityTitle', { city: name })} />
    </div>
  );
}
