import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { canOnProgramme } from '@passerelle/domain';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useAuth } from '../auth/useAuth';
import type { City } from '../cities/types';
import { useCities } from '../cities/useCities';
import { EventList } from './EventList';
import type { EventFilter } from './types';
import { useEvents } from './useEvents';
import './events.css';

/** The Dialogue tab's main part: the exchanges the city hosts or joins, coming and past. */
export function CityEvents({ city }: { city: City }) {
  const { t } = useTranslation('events');
  const { user } = useAuth();
  const canManage = user ? canOnProgramme(user, 'manage_events') : false;

  return (
    <section className="phase-panel" aria-labelledby="city-events">
      <div className="section-heading">
        <h3 id="city-events">{t('city.title')}</h3>
        <span className="badge-group">
          <Link to="/events" className="button button-small">
            {t('city.calendar')}
          </Link>
          {canManage && (
            <Link
              to={`/events/new?host=${encodeURIComponent(city.slug)}`}
              className="button button-small button-primary"
            >
              {t('new')}
            </Link>
          )}
        </span>
      </div>
      <div className="event-columns">
        <EventGroup title={t('upcoming')} filter={{ cityId: city.id, when: 'upcoming' }} empty={t('city.noUpcoming')} />
        <EventGroup title={t('past')} filter={{ cityId: city.id, when: 'past' }} empty={t('city.noPast')} />
      </div>
    </section>
  );
}

function EventGroup({ title, filter, empty }: { title: string; filter: EventFilter; empty: string }) {
  const events = useEvents(filter);
  const cities = useCities();
  return (
    <div className="event-group">
      <h4 className="event-group-title">{title}</h4>
      {events.isPending ? (
        <LoadingState />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <EventList events={events.data} cities={cities.data ?? []} level={5} />
      )}
    </div>
  );
}
