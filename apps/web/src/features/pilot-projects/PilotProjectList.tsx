import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDayFormat } from './useDayFormat';
import { themeName } from './names';
import { OverdueBadge, PilotProjectStatusBadge } from './PilotProjectStatusBadge';
import { ProgressBar } from './ProgressBar';
import type { PilotProject, Theme } from './types';

/** Pilot projects as cards: title, status, theme, dates, progress, late milestones. */
export function PilotProjectList({ projects, themes }: { projects: PilotProject[]; themes: Theme[] }) {
  const { t, i18n } = useTranslation('pilotProjects');
  const day = useDayFormat();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <ul className="project-list">
      {projects.map((project) => {
        const theme = themes.find((th) => th.id === project.themeId);
        return (
          <li key={project.id} className="card project-card">
            <div className="project-card-head">
              <h4 className="project-card-title">
                <Link to={`/pilot-projects/${project.id}`} className="stretched-link" dir="auto">
                  {project.title}
                </Link>
              </h4>
              <span className="badge-group">
                <PilotProjectStatusBadge status={project.status} />
                {project.overdueMilestones > 0 && <OverdueBadge count={project.overdueMilestones} />}
              </span>
            </div>
            {theme && <p className="project-card-theme">{themeName(theme, language)}</p>}
            {project.summary && (
              <p className="project-card-summary muted" dir="auto">
                {project.summary}
              </p>
            )}
            <div className="project-card-foot">
              <ProgressBar percent={project.progressPercent} label={t('progress.of', { title: project.title })} />
              {(project.startDate || project.endDate) && (
                <span className="muted project-card-dates">
                  {project.startDate && project.endDate
                    ? t('dates.range', { start: day(project.startDate), end: day(project.endDate) })
                    : project.startDate
                      ? t('dates.from', { start: day(project.startDate) })
                      : t('dates.until', { end: day(project.endDate!) })}
                </span>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
