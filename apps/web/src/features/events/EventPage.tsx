import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useErrorMessage } from '../../app/useErrorMessage';
import { isApiError } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';
import { DownloadButton } from '../reports/DownloadButton';
import type { ProgrammeEvent } from './types';
import { useEvent, useEventMutations } from './useEvents';
import { useEventDates } from './useEventDates';
import './events.css';

/** An event: what, when, where, who, its agenda and minutes; "Add to calendar" for everyone. */
export function EventPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);
  useDocumentTitle(event.data?.title);
  if (event.isPending) return <LoadingState />;
  if (event.isError) {
    if (isApiError(event.error) && event.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={event.error} onRetry={() => void event.refetch()} />;
  }
  return <EventView event={event.data} />;
}

function EventView({ event }: { event: ProgrammeEvent }) {
  const { t, i18n } = useTranslation('events');
  const dates = useEventDates();
  const cities = useCities();
  const language = i18n.resolvedLanguage ?? 'en';
  const host = cities.data?.find((c) => c.id === event.hostCityId);
  const participating = (cities.data ?? []).filter((c) => event.cityIds.includes(c.id));

  return (
    <article className="page event-page">
      <nav className="breadcrumbs" aria-label={t('common:nav.breadcrumbs')}>
        <Link to="/">{t('common:nav.programme')}</Link>
        <span aria-hidden="true">/</span>
        <Link to="/events">{t('calendar.title')}</Link>
      </nav>
      <header className="page-header">
        <p className="eyebrow">{t(`kinds.${event.kind}`)}</p>
        <h1 dir="auto">{event.title}</h1>
        <p className="event-when">
          <time dateTime={event.startsAt}>{dates.range(event.startsAt, event.endsAt)}</time>
        </p>
        <div className="form-actions event-actions">
          <DownloadButton
            label={t('addToCalendar')}
            target={endpoint('events.ical', { id: event.id })}
            fallbackName={`${event.title}.ics`}
            className="button button-primary"
          />
          {event.minutesDocumentId && (
            <Link to={`/documents/${event.minutesDocumentId}`} className="button">
              {t('minutes')}
            </Link>
          )}
          {event.canManage && (
            <Link to={`/events/${event.id}/edit`} className="button">
              {t('edit')}
            </Link>
          )}
        </div>
      </header>
      <div className="event-layout">
        <div>
          {event.description && (
            <section className="event-section" aria-labelledby="event-about">
              <h2 id="event-about">{t('about')}</h2>
              <p className="event-description" dir="auto">
                {event.description}
              </p>
            </section>
          )}
          <section className="event-section" aria-labelledby="event-agenda">
            <h2 id="event-agenda">{t('agenda')}</h2>
            {event.agenda.length === 0 ? (
              <p className="muted">{t('noAgenda')}</p>
            ) : (
              <ol className="agenda">
                {event.agenda.map((item, index) => (
                  <li key={index}>
                    {item.time && (
                      <span className="agenda-time" dir="auto">
                        {item.time}
                      </span>
                    )}
                    <span dir="auto">{item.title}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <aside className="card event-facts" aria-label={t('facts')}>
          <dl className="meta-list meta-list-stacked">
            <div>
              <dt>{t('host')}</dt>
              <dd>
                {host ? <Link to={`/cities/${host.slug}/dialogue`}>{cityName(host, language)}</Link> : t('noHost')}
              </dd>
            </div>
            {event.location && (
              <div>
                <dt>{t('location')}</dt>
                <dd dir="auto">{event.location}</dd>
              </div>
            )}
            {event.onlineUrl && (
              <div>
                <dt>{t('onlineUrl')}</dt>
                <dd>
                  <a href={event.onlineUrl} target="_blank" rel="noreferrer noopener" dir="ltr">
                    {t('join')}
                  </a>
                </dd>
              </div>
            )}
            <div>
              <dt>{t('cities')}</dt>
              <dd>
                {participating.length === 0 ? (
                  t('none')
                ) : (
                  <ul className="chip-list compact">
                    {participating.map((c) => (
                      <li key={c.id} className="chip">
                        <Link to={`/cities/${c.slug}/dialogue`}>{cityName(c, language)}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('participants')}</dt>
              <dd>
                {event.participants.length === 0 ? (
                  t('none')
                ) : (
                  <ul className="plain-list">
                    {event.participants.map((p) => (
                      <li key={p.id}>{p.name}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
          {event.canManage && <DeleteEvent id={event.id} />}
        </aside>
      </div>
    </article>
  );
}

function DeleteEvent({ id }: { id: string }) {
  const { t } = useTranslation('events');
  const message = useErrorMessage();
  const navigate = useNavigate();
  const { remove } = useEventMutations();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" className="button button-small button-quiet" onClick={() => setConfirming(true)}>
        {t('delete')}
      </button>
    );
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby="delete-event">
      <p id="delete-event">{t('deleteConfirm')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(id, { onSuccess: () => navigate('/events', { replace: true }) })}
        >
          {t('delete')}
        </button>
        <button type="button" className="button" onClick={() => setConfirming(false)}>
          {t('keep')}
        </button>
      </div>
      {remove.isError && (
        <p className="alert alert-error" role="alert">
          {message(remove.error)}
        </p>
      )}
    </div>
  );
}
