import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isFinalPilotProjectStatus } from '@passerelle/domain';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { isApiError } from '../../lib/api';
import { useDayFormat } from './useDayFormat';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';
import { MilestoneList } from './MilestoneList';
import { organisationName, themeName } from './names';
import { PilotProjectForm } from './PilotProjectForm';
import { OverdueBadge, PilotProjectStatusBadge } from './PilotProjectStatusBadge';
import { ProgressPanel } from './ProgressPanel';
import { StatusActions } from './StatusActions';
import type { PilotProject } from './types';
import { useOrganisations, usePilotProject, usePilotProjectMutations, useThemes } from './usePilotProjects';
import { valuesFromProject } from './validation';
import './pilotProjects.css';

/** A pilot project: what it is, where it stands, its next moves, milestones and progress. */
export function PilotProjectPage() {
  const { id = '' } = useParams();
  const project = usePilotProject(id);
  useDocumentTitle(project.data?.title);

  if (project.isPending) return <LoadingState />;
  if (project.isError) {
    if (isApiError(project.error) && project.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  }
  return <PilotProjectView project={project.data} />;
}

function PilotProjectView({ project }: { project: PilotProject }) {
  const { t, i18n } = useTranslation('pilotProjects');
  const day = useDayFormat();
  const cities = useCities();
  const themes = useThemes();
  const organisations = useOrganisations();
  const m = usePilotProjectMutations(project.id);
  const [editing, setEditing] = useState(false);
  const language = i18n.resolvedLanguage ?? 'en';
  // Completed and cancelled projects are records: the API refuses changes, so offer none.
  const editable = project.canManage && !isFinalPilotProjectStatus(project.status);
  const city = cities.data?.find((c) => c.id === project.cityId);
  const theme = themes.data?.find((th) => th.id === project.themeId);
  const orgById = new Map((organisations.data ?? []).map((o) => [o.id, o]));
  const lead = project.leadOrganisationId ? orgById.get(project.leadOrganisationId) : undefined;
  const partners = project.partnerOrganisationIds.map((pid) => orgById.get(pid)).filter((o) => o !== undefined);
  const money =
    project.budget === null
      ? null
      : new Intl.NumberFormat(language, {
          style: project.currency ? 'currency' : 'decimal',
          currency: project.currency ?? undefined,
          maximumFractionDigits: 2,
        }).format(project.budget);

  return (
    <article className="page project-page">
      <nav className="breadcrumbs" aria-label={t('common:nav.breadcrumbs')}>
        <Link to="/">{t('common:nav.programme')}</Link>
        {city && (
          <>
            <span aria-hidden="true">/</span>
            <Link to={`/cities/${city.slug}/action`}>{cityName(city, language)}</Link>
          </>
        )}
      </nav>
      <header className="page-header project-header">
        <p className="eyebrow">{t('eyebrow')}</p>
        <h1 dir="auto">{project.title}</h1>
        <div className="badge-group">
          <PilotProjectStatusBadge status={project.status} />
          {project.overdueMilestones > 0 && <OverdueBadge count={project.overdueMilestones} />}
        </div>
        {project.summary && (
          <p className="lead" dir="auto">
            {project.summary}
          </p>
        )}
        <StatusActions project={project} onChange={(status) => m.update.mutateAsync({ status })} />
      </header>
      <div className="project-layout">
        <div className="project-main">
          {editing && themes.data && organisations.data && (
            <section className="project-section" aria-labelledby="edit-title">
              <h2 id="edit-title">{t('edit.title')}</h2>
              <PilotProjectForm
                cityId={project.cityId}
                initial={valuesFromProject(project)}
                themes={themes.data}
                organisations={organisations.data}
                submitLabel={t('edit.submit')}
                onSubmit={async (fields) => {
                  await m.update.mutateAsync(fields);
                  setEditing(false);
                }}
                onCancel={() => setEditing(false)}
              />
            </section>
          )}
          <MilestoneList
            milestones={project.milestones}
            editable={editable}
            onAdd={(body) => m.addMilestone.mutateAsync(body)}
            onStatus={(milestoneId, status) => m.updateMilestone.mutateAsync({ milestoneId, status })}
            onRemove={(milestoneId) => m.removeMilestone.mutateAsync(milestoneId)}
          />
          <ProgressPanel
            projectId={project.id}
            percent={project.progressPercent}
            editable={editable}
            onAdd={(body) => m.addProgress.mutateAsync(body)}
          />
        </div>
        <aside className="card project-facts" aria-labelledby="facts-title">
          <div className="section-heading">
            <h2 id="facts-title">{t('facts.title')}</h2>
            {editable && !editing && (
              <button type="button" className="button button-small" onClick={() => setEditing(true)}>
                {t('edit.open')}
              </button>
            )}
          </div>
          <dl className="meta-list meta-list-stacked">
            <Fact label={t('form.theme')}>{theme ? themeName(theme, language) : t('facts.none')}</Fact>
            <Fact label={t('form.priority')}>{project.priority || t('facts.none')}</Fact>
            <Fact label={t('form.lead')}>{lead ? organisationName(lead) : t('facts.none')}</Fact>
            <Fact label={t('form.partners')}>
              {partners.length === 0 ? (
                t('facts.none')
              ) : (
                <ul className="plain-list">
                  {partners.map((o) => (
                    <li key={o.id}>{organisationName(o)}</li>
                  ))}
                </ul>
              )}
            </Fact>
            <Fact label={t('facts.dates')}>
              {project.startDate || project.endDate
                ? t('facts.dateRange', {
                    start: project.startDate ? day(project.startDate) : '…',
                    end: project.endDate ? day(project.endDate) : '…',
                  })
                : t('facts.none')}
            </Fact>
            <Fact label={t('form.budget')}>{money ?? t('facts.none')}</Fact>
            <Fact label={t('facts.description')}>
              {project.descriptionDocumentId ? (
                <Link to={`/documents/${project.descriptionDocumentId}`}>{t('facts.openDescription')}</Link>
              ) : (
                t('facts.none')
              )}
            </Fact>
          </dl>
        </aside>
      </div>
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd dir="auto">{children}</dd>
    </div>
  );
}
