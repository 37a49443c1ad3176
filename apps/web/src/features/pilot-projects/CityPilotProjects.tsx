import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { canOnCity } from '@passerelle/domain';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useMe } from '../auth/useMe';
import type { City } from '../cities/types';
import { PilotProjectList } from './PilotProjectList';
import { usePilotProjects, useThemes } from './usePilotProjects';
import './pilotProjects.css';

/** The Action tab's main part: the city's pilot projects, and a way to start one for those who may. */
export function CityPilotProjects({ city }: { city: City }) {
  const { t } = useTranslation('pilotProjects');
  const me = useMe();
  const projects = usePilotProjects({ cityId: city.id });
  const themes = useThemes();
  const canCreate = me.data ? canOnCity(me.data, 'manage_pilot_projects', city.id) : false;

  return (
    <section className="phase-panel" aria-labelledby="city-pilot-projects">
      <div className="section-heading">
        <h3 id="city-pilot-projects">{t('list.title')}</h3>
        {canCreate && (
          <Link to={`/pilot-projects/new?city=${encodeURIComponent(city.slug)}`} className="button button-primary">
            {t('list.new')}
          </Link>
        )}
      </div>
      {projects.isPending ? (
        <LoadingState />
      ) : projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.data.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')}>{t(canCreate ? 'list.emptyBodyEditor' : 'list.emptyBody')}</EmptyState>
      ) : (
        <PilotProjectList projects={projects.data} themes={themes.data ?? []} />
      )}
    </section>
  );
}
