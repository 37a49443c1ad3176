import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { canOnProgramme } from '@passerelle/domain';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useAuth } from '../auth/useAuth';
import { useCities } from '../cities/useCities';
import { EventList } from './EventList';
import { useEvents } from './useEvents';
import './events.css';

/** /events: the programme calendar, coming events first, past ones a tab away. */
export function EventsPage() {
  const { t } = useTranslation('events');
  const { user } = useAuth();
  const [params] = useSearchParams();
  const when = params.get('when') === 'past' ? 'past' : 'upcoming';
  const events = useEvents({ when });
  const cities = useCities();
  useDocumentTitle(t('calendar.title'));
  const canManage = user ? canOnProgramme(user, 'manage_events') : false;

  return (
    <div className="page events-page">
      <header className="page-header section-heading">
        <div>
          <p className="eyebrow">{t('common:phases.dialogue')}</p>
          <h1>{t('calendar.title')}</h1>
          <p className="muted">{t('calendar.intro')}</p>
        </div>
        {canManage && (
          <Link to="/events/new" className="button button-primary">
            {t('new')}
          </Link>
        )}
      </header>
      <nav className="tabs" aria-label={t('calendar.when')}>
        {(['upcoming', 'past'] as const).map((value) => (
          <Link
            key={value}
            to={value === 'upcoming' ? '/events' : '/events?when=past'}
            className={value === when ? 'tab active' : 'tab'}
            aria-current={value === when ? 'page' : undefined}
          >
            {t(value)}
          </Link>
        ))}
      </nav>
      {events.isPending ? (
        <LoadingState />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.length === 0 ? (
        <EmptyState title={t(when === 'upcoming' ? 'calendar.noUpcoming' : 'calendar.noPast')} />
      ) : (
        <EventList events={events.data} cities={cities.data ?? []} level={2} />
      )}
    </div>
  );
}
