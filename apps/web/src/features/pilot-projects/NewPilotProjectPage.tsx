import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { canOnCity } from '@passerelle/domain';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useMe } from '../auth/useMe';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';
import { PilotProjectForm } from './PilotProjectForm';
import { useCreatePilotProject, useOrganisations, useThemes } from './usePilotProjects';
import { emptyPilotProjectValues } from './validation';

/** /pilot-projects/new?city=<slug>: a new proposed project of a city the person manages the projects of. */
export function NewPilotProjectPage() {
  const { t, i18n } = useTranslation('pilotProjects');
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const cities = useCities();
  const themes = useThemes();
  const organisations = useOrganisations();
  const create = useCreatePilotProject();
  useDocumentTitle(t('new.title'));
  const language = i18n.resolvedLanguage ?? 'en';

  if (me.isPending || cities.isPending || themes.isPending || organisations.isPending) return <LoadingState />;
  const failed = [me, cities, themes, organisations].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  const manageable = (cities.data ?? []).filter((c) => me.data && canOnCity(me.data, 'manage_pilot_projects', c.id));
  if (manageable.length === 0) return <NotFoundPage />;
  const slug = params.get('city');
  const city = manageable.find((c) => c.slug === slug) ?? (manageable.length === 1 ? manageable[0] : undefined);
  if (slug && !city) return <NotFoundPage />;

  return (
    <div className="page page-narrow">
      <nav className="breadcrumbs" aria-label={t('common:nav.breadcrumbs')}>
        <Link to="/">{t('common:nav.programme')}</Link>
        {city && (
          <>
            <span aria-hidden="true">/</span>
            <Link to={`/cities/${city.slug}/action`}>{cityName(city, language)}</Link>
          </>
        )}
      </nav>
      <header className="page-header">
        <p className="eyebrow">{t('eyebrow')}</p>
        <h1>{city ? t('new.titleIn', { city: cityName(city, language) }) : t('new.title')}</h1>
        <p className="muted">{t('new.intro')}</p>
      </header>
      {!city ? (
        <div className="card field">
          <label htmlFor="new-project-city">{t('new.city')}</label>
          <select id="new-project-city" value="" onChange={(e) => setParams({ city: e.target.value })}>
            <option value="" disabled>
              {t('new.chooseCity')}
            </option>
            {manageable.map((c) => (
              <option key={c.id} value={c.slug}>
                {cityName(c, language)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <PilotProjectForm
          key={city.id}
          cityId={city.id}
          initial={emptyPilotProjectValues}
          themes={themes.data ?? []}
          organisations={organisations.data ?? []}
          submitLabel={t('new.submit')}
          onSubmit={async (fields) => {
            const project = await create.mutateAsync({ ...fields, cityId: city.id });
            navigate(`/pilot-projects/${project.id}`);
          }}
          onCancel={() => navigate(`/cities/${city.slug}/action`)}
        />
      )}
    </div>
  );
}
