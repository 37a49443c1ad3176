import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormat } from '../../lib/format';
import { relativeTime } from '../activity/relativeTime';
import { notificationHref, notificationText } from './notificationText';
import type { AppNotification } from './types';

/** The notifications, unread ones marked; following one marks it read. */
export function NotificationList({
  items,
  onOpen,
  onMarkRead,
}: {
  items: AppNotification[];
  onOpen(notification: AppNotification): void;
  onMarkRead(notification: AppNotification): void;
}) {
  const { t, i18n } = useTranslation('notifications');
  const format = useFormat();
  return (
    <ul className="notification-list">
      {items.map((n) => {
        const href = notificationHref(n);
        const body = (
          <>
            <span className="notification-text">{notificationText(n, t)}</span>
            <time className="notification-time" dateTime={n.createdAt} title={format.dateTime(n.createdAt)}>
              {relativeTime(n.createdAt, i18n.resolvedLanguage ?? 'en')}
            </time>
          </>
        );
        return (
          <li key={n.id} className={n.read ? 'notification' : 'notification unread'} data-kind={n.kind}>
            {!n.read && <span className="visually-hidden">{t('unread')}</span>}
            {href ? (
              <Link to={href} className="notification-link" onClick={() => onOpen(n)}>
                {body}
              </Link>
            ) : (
              <div className="notification-link">{body}</div>
            )}
            {!n.read && (
              <button type="button" className="notification-mark" onClick={() => onMarkRead(n)}>
                {t('markRead')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
