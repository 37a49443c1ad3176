import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useAuth } from '../auth/useAuth';
import { useCities } from '../cities/useCities';
import { ReportForm } from './ReportForm';
import { DashboardView } from './DashboardView';
import { overseesProgramme } from './oversight';
import { useDashboard } from './useDashboard';
import './dashboard.css';

/** /dashboard: the whole programme at a glance, for coordinators and admins. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const { user } = useAuth();
  const allowed = overseesProgramme(user);
  const dashboard = useDashboard(allowed);
  const cities = useCities();
  useDocumentTitle(t('title'));

  if (!allowed) return <NotFoundPage />;
  if (dashboard.isError && isApiError(dashboard.error) && dashboard.error.status === 403) return <NotFoundPage />;

  return (
    <div className="page dashboard-page">
      <header className="page-header section-heading">
        <div>
          <p className="eyebrow">{t('eyebrow')}</p>
          <h1>{t('title')}</h1>
          {dashboard.data && (
            <p className="muted">{t('generatedAt', { time: format.dateTime(dashboard.data.generatedAt) })}</p>
          )}
        </div>
        <nav className="badge-group dashboard-links" aria-label={t('links')}>
          <Link to="/indicators/compare" className="button button-small">
            {t('compareLink')}
          </Link>
          <Link to="/good-practices" className="button button-small">
            {t('goodPractices:nav')}
          </Link>
          <Link to="/events" className="button button-small">
            {t('events:calendar.title')}
          </Link>
        </nav>
      </header>
      {dashboard.isPending ? (
        <LoadingState />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <DashboardView data={dashboard.data} cities={cities.data ?? []} />
      )}
      <ReportForm />
    </div>
  );
}
