import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../app/StatusViews';
import { useFormat } from '../../lib/format';
import { activitySentence } from '../activity/activitySentence';
import { relativeTime } from '../activity/relativeTime';
import type { CityRef, RecentActivity } from './types';

/**
 * The programme's latest activity as the dashboard receives it, told in the same sentences as the
 * activity feeds ("Nadia Benali adopted …"), with where and how long ago.
 */
export function ActivityFeed({ items, nameOf }: { items: RecentActivity[]; nameOf(city: CityRef): string }) {
  const { t } = useTranslation('dashboard');
  const { t: tActivity, i18n } = useTranslation('activity');
  const format = useFormat();
  const language = i18n.resolvedLanguage ?? 'en';
  if (items.length === 0) return <EmptyState title={t('activity.none')} />;
  return (
    <ul className="dash-list activity-list">
      {items.map((item) => (
        <li key={item.id}>
          <p className="dash-list-title">
            {activitySentence({ ...item, updatedAt: item.createdAt }, tActivity, {
              cityLabel: nameOf,
              number: format.number,
            })}
          </p>
          <p className="dash-list-meta muted">
            {item.city && <>{nameOf(item.city)} · </>}
            <time dateTime={item.createdAt} title={format.dateTime(item.createdAt)}>
              {relativeTime(item.createdAt, language)}
            </time>
          </p>
        </li>
      ))}
    </ul>
  );
}
