import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { cityName } from '../cities/cityName';
import type { City } from '../cities/types';
import type { ProgrammeEvent } from './types';
import { useEventDates } from './useEventDates';

/** Events as a calendar list: a date block, then what, when and where. */
export function EventList({
  events,
  cities,
  level = 3,
}: {
  events: ProgrammeEvent[];
  cities: City[];
  /** The heading level of each event's title, under the section that lists them. */
  level?: 2 | 3 | 4 | 5;
}) {
  const Title = `h${level}` as const;
  const { t, i18n } = useTranslation('events');
  const dates = useEventDates();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <ol className="event-list">
      {events.map((event) => {
        const host = cities.find((c) => c.id === event.hostCityId);
        return (
          <li key={event.id} className={`event-item event-${event.kind}`}>
            <time className="event-date" dateTime={event.startsAt} aria-hidden="true">
              <span className="event-date-month">{dates.month(event.startsAt)}</span>
              <span className="event-date-day">{dates.day(event.startsAt)}</span>
            </time>
            <div className="event-body">
              <p className="event-kind">{t(`kinds.${event.kind}`)}</p>
              <Title className="event-title">
                <Link to={`/events/${event.id}`} dir="auto">
                  {event.title}
                </Link>
              </Title>
              <p className="event-meta muted">
                <time dateTime={event.startsAt}>{dates.range(event.startsAt, event.endsAt)}</time>
                <span aria-hidden="true"> · </span>
                <span>
                  {host
                    ? t('hostedBy', { city: cityName(host, language) })
                    : event.onlineUrl
                      ? t('online')
                      : t('programmeWide')}
                </span>
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
