import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PHASES, type Language } from '@passerelle/domain';
import { useFormat } from '../../lib/format';
import { cityName } from '../cities/cityName';
import type { City } from '../cities/types';
import { DocumentStatusBadge } from '../documents/DocumentStatusBadge';
import { ProgressBar } from '../pilot-projects/ProgressBar';
import type { DashboardCity, KeyDocumentState } from './types';

/** Every city's way through the three phases: where it is, and what each phase has produced so far. */
export function CityProgressTable({ cities, known }: { cities: DashboardCity[]; known: City[] }) {
  const { t, i18n } = useTranslation('dashboard');
  const format = useFormat();
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const nameOf = (city: DashboardCity) => {
    const found = known.find((c) => c.id === city.id);
    return found ? cityName(found, language) : city.name;
  };
  const keyDocument = (label: string, doc: KeyDocumentState | null) => (
    <span className="key-doc">
      <span className="key-doc-label">{label}</span>
      {doc ? (
        <Link to={`/documents/${doc.id}`} aria-label={t('cities.openDocument', { document: label })}>
          <DocumentStatusBadge status={doc.status} published={doc.published} />
        </Link>
      ) : (
        <span className="muted">{t('cities.missing')}</span>
      )}
    </span>
  );

  return (
    <div className="table-wrap">
      <table className="table city-progress">
        <caption className="visually-hidden">{t('cities.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cities.city')}</th>
            <th scope="col">{t('cities.phase')}</th>
            <th scope="col">{t('common:phases.dialogue')}</th>
            <th scope="col">{t('common:phases.knowledge')}</th>
            <th scope="col">{t('common:phases.action')}</th>
          </tr>
        </thead>
        <tbody>
          {cities.map((city) => {
            const reached = PHASES.indexOf(city.phase);
            return (
              <tr key={city.id}>
                <th scope="row">
                  <Link to={`/cities/${city.slug}`}>{nameOf(city)}</Link>
                </th>
                <td>
                  <ol
                    className="phase-steps"
                    aria-label={t('cities.phaseOf', { phase: t(`common:phases.${city.phase}`) })}
                  >
                    {PHASES.map((phase, index) => (
                      <li
                        key={phase}
                        className={`phase-step phase-step-${phase}${index <= reached ? ' reached' : ''}${index === reached ? ' current' : ''}`}
                        title={t(`common:phases.${phase}`)}
                      />
                    ))}
                  </ol>
                  <span className="phase-name">{t(`common:phases.${city.phase}`)}</span>
                </td>
                <td>
                  <Link to={`/cities/${city.slug}/dialogue`} className="cell-link">
                    {t('cities.events', {
                      held: format.number(city.dialogue.eventsHeld),
                      upcoming: format.number(city.dialogue.eventsUpcoming),
                    })}
                  </Link>
                </td>
                <td>
                  <div className="key-docs">
                    {keyDocument(t('documents:kinds.migration_profile'), city.knowledge.migrationProfile)}
                    {keyDocument(t('documents:kinds.priority_paper'), city.knowledge.priorityPaper)}
                    <Link to={`/cities/${city.slug}/knowledge`} className="cell-link">
                      {t('cities.indicators', {
                        filled: format.number(city.knowledge.indicatorsFilled),
                        total: format.number(city.knowledge.indicatorsTotal),
                      })}
                    </Link>
                  </div>
                </td>
                <td>
                  <Link to={`/cities/${city.slug}/action`} className="cell-link">
                    {t('cities.projects', { count: city.action.pilotProjects })}
                  </Link>
                  {city.action.pilotProjects > 0 && (
                    <ProgressBar
                      percent={city.action.averageProgress}
                      label={t('cities.averageProgress', { city: nameOf(city) })}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
