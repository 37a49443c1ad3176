import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useFormat } from '../../lib/format';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';
import './activity.css';
import { activitySentence } from './activitySentence';
import { relativeTime } from './relativeTime';
import type { ActivityEntry, ActivityFilter } from './types';
import { useActivity } from './useActivity';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

function Entry({ entry, showCity }: { entry: ActivityEntry; showCity: boolean }) {
  const { t, i18n } = useTranslation('activity');
  const format = useFormat();
  const cities = useCities();
  const language = i18n.resolvedLanguage ?? 'en';
  // The feed gives the city's usual name; the cities list has it in the interface language.
  const cityLabel = (city: NonNullable<ActivityEntry['city']>) => {
    const known = cities.data?.find((c) => c.id === city.id);
    return known ? cityName(known, language) : city.name;
  };
  // An edit summary spans an hour: it is as recent as its last change.
  const when = entry.verb === 'document.edited' ? entry.updatedAt : entry.createdAt;
  return (
    <li className="activity-entry" data-verb={entry.verb}>
      <span className="activity-avatar" aria-hidden="true">
        {entry.actor ? initials(entry.actor.name) : '·'}
      </span>
      <div className="activity-body">
        <p className="activity-sentence">{activitySentence(entry, t, { cityLabel, number: format.number })}</p>
        <p className="activity-meta">
          <time dateTime={when} title={format.dateTime(when)}>
            {relativeTime(when, language)}
          </time>
          {showCity && entry.city && (
            <>
              <span aria-hidden="true"> · </span>
              <span>{cityLabel(entry.city)}</span>
            </>
          )}
        </p>
      </div>
    </li>
  );
}

/**
 * An activity feed: the programme's (every city the person may see) or one city's. Who did what and
 * when, newest first, with "show more" for older entries. A secondary part of its page: when it cannot
 * load, it says so quietly and the page stays usable.
 */
export function ActivityFeed({ filter, title }: { filter: ActivityFilter; title: string }) {
  const { t } = useTranslation('activity');
  const errorMessage = useErrorMessage();
  const feed = useActivity(filter);
  const titleId = useId();
  const entries = feed.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="activity-feed" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {feed.isPending ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : feed.isError ? (
        <div className="activity-error" role="status">
          <p>{errorMessage(feed.error)}</p>
          <button type="button" className="button button-small" onClick={() => void feed.refetch()}>
            {t('common:actions.retry')}
          </button>
        </div>
      ) : entries.length === 0 ? (
        <p className="muted activity-empty">{t('empty')}</p>
      ) : (
        <>
          <ol className="activity-list">
            {entries.map((entry) => (
              <Entry key={entry.id} entry={entry} showCity={!filter.cityId} />
            ))}
          </ol>
          {feed.hasNextPage && (
            <button
              type="button"
              className="button button-small activity-more"
              disabled={feed.isFetchingNextPage}
              onClick={() => void feed.fetchNextPage()}
            >
              {feed.isFetchingNextPage ? t('loading') : t('more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
