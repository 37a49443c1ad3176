import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Language } from '@passerelle/domain';
import { EmptyState, LoadingState } from '../../app/StatusViews';
import { useFormat } from '../../lib/format';
import { cityName } from '../cities/cityName';
import type { City } from '../cities/types';
import { useEventDates } from '../events/useEventDates';
import { useDayFormat } from '../pilot-projects/useDayFormat';
import { ActivityFeed } from './ActivityFeed';
import { CityProgressTable } from './CityProgressTable';
import type { CityRef, DashboardData } from './types';

// recharts is loaded with the charts, after the figures and tables have shown.
const DashboardCharts = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.DashboardCharts })));

/** The coordinators' dashboard, drawn from GET /api/dashboard (and the cities' localized names). */
export function DashboardView({ data, cities }: { data: DashboardData; cities: City[] }) {
  const { t, i18n } = useTranslation('dashboard');
  const format = useFormat();
  const day = useDayFormat();
  const dates = useEventDates();
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const nameOf = (city: CityRef) => {
    const found = cities.find((c) => c.id === city.id);
    return found ? cityName(found, language) : city.name;
  };
  const totals: Array<[string, number, string?]> = [
    ['cities', data.totals.cities],
    ['documents', data.totals.documents],
    ['pilotProjects', data.totals.pilotProjects],
    ['overdueMilestones', data.totals.overdueMilestones, data.totals.overdueMilestones > 0 ? 'alarm' : undefined],
    ['upcomingEvents', data.totals.upcomingEvents],
  ];

  return (
    <>
      <ul className="stat-tiles" aria-label={t('totals.label')}>
        {totals.map(([key, value, tone]) => (
          <li key={key} className={`stat-tile card${tone ? ` stat-${tone}` : ''}`}>
            <span className="stat-value">{format.number(value)}</span>
            <span className="stat-label">{t(`totals.${key}`, { count: value })}</span>
          </li>
        ))}
      </ul>

      <section className="dashboard-section" aria-labelledby="dash-cities">
        <h2 id="dash-cities">{t('cities.title')}</h2>
        <CityProgressTable cities={data.cities} known={cities} />
      </section>

      <section className="dashboard-section" aria-labelledby="dash-charts">
        <h2 id="dash-charts">{t('charts.title')}</h2>
        <Suspense fallback={<LoadingState />}>
          <DashboardCharts data={data} />
        </Suspense>
      </section>

      <div className="dashboard-columns">
        <section className="dashboard-section" aria-labelledby="dash-overdue">
          <h2 id="dash-overdue">{t('overdue.title')}</h2>
          {data.overdueMilestones.length === 0 ? (
            <EmptyState title={t('overdue.none')} />
          ) : (
            <ul className="dash-list overdue-list">
              {data.overdueMilestones.map((milestone) => (
                <li key={milestone.id}>
                  <p className="dash-list-title" dir="auto">
                    {milestone.title}
                  </p>
                  <p className="dash-list-meta">
                    <Link to={`/pilot-projects/${milestone.pilotProject.id}`} dir="auto">
                      {milestone.pilotProject.title}
                    </Link>
                    <span aria-hidden="true"> · </span>
                    <span>{nameOf(milestone.city)}</span>
                  </p>
                  <p className="dash-list-meta">
                    <span className="badge badge-overdue">{t('overdue.days', { count: milestone.daysOverdue })}</span>{' '}
                    <span className="muted">{t('overdue.due', { date: day(milestone.dueDate) })}</span>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="dashboard-section" aria-labelledby="dash-events">
          <div className="section-heading">
            <h2 id="dash-events">{t('events.title')}</h2>
            <Link to="/events">{t('events.all')}</Link>
          </div>
          {data.upcomingEvents.length === 0 ? (
            <EmptyState title={t('events.none')} />
          ) : (
            <ul className="dash-list">
              {data.upcomingEvents.map((event) => (
                <li key={event.id}>
                  <p className="dash-list-title">
                    <Link to={`/events/${event.id}`} dir="auto">
                      {event.title}
                    </Link>
                  </p>
                  <p className="dash-list-meta muted">
                    {t(`events:kinds.${event.kind}`)}
                    {event.hostCity && <> · {nameOf(event.hostCity)}</>}
                  </p>
                  <p className="dash-list-meta muted">
                    <time dateTime={event.startsAt}>{dates.range(event.startsAt, event.endsAt)}</time>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <div className="dashboard-columns">
        <section className="dashboard-section" aria-labelledby="dash-activity">
          <h2 id="dash-activity">{t('activity.title')}</h2>
          <ActivityFeed items={data.recentActivity} nameOf={nameOf} />
        </section>
        <section className="dashboard-section" aria-labelledby="dash-documents">
          <h2 id="dash-documents">{t('recentDocuments.title')}</h2>
          {data.recentDocuments.length === 0 ? (
            <EmptyState title={t('recentDocuments.none')} />
          ) : (
            <ul className="dash-list">
              {data.recentDocuments.map((doc) => (
                <li key={doc.id}>
                  <p className="dash-list-title">
                    <Link to={`/documents/${doc.id}`} dir="auto">
                      {doc.title}
                    </Link>
                  </p>
                  <p className="dash-list-meta muted">
                    {t(`documents:kinds.${doc.kind}`)} · {t(`documents:status.${doc.status}`)}
                    {doc.city && <> · {nameOf(doc.city)}</>} ·{' '}
                    <time dateTime={doc.updatedAt}>{format.dateTime(doc.updatedAt)}</time>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
