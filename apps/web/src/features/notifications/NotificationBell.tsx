import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useFormat } from '../../lib/format';
import { usePopover } from '../../lib/usePopover';
import { NotificationList } from './NotificationList';
import './notifications.css';
import {
  unreadCountOf,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  useNotificationStream,
} from './useNotifications';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * The header's bell: the unread count, live over the `/live` socket, and a panel listing the
 * notifications (mentions, review requests, decisions, replies, adoptions, milestones) that lead
 * to what they are about.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { open, setOpen, root, button } = usePopover();
  const notifications = useNotifications(true);
  // Live updates once the list has loaded: they amend it, and there is nothing to amend before.
  useNotificationStream(notifications.isSuccess);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const panelId = useId();

  const unread = unreadCountOf(notifications.data);
  const items = notifications.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="notification-bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="notification-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('bell', { count: unread, n: format.number(unread) })}
        onClick={() => setOpen((value) => !value)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="notification-count" data-testid="unread-count" aria-hidden="true">
            {unread > 99 ? t('many') : format.number(unread)}
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className="notification-panel" role="region" aria-label={t('title')}>
          <div className="notification-panel-head">
            <h2 className="notification-panel-title">{t('title')}</h2>
            {unread > 0 && (
              <button
                type="button"
                className="button button-small"
                disabled={markAll.isPending}
                onClick={() => markAll.mutate()}
              >
                {t('markAllRead')}
              </button>
            )}
          </div>
          {notifications.isError ? (
            <p className="notification-empty" role="status">
              {errorMessage(notifications.error)}
            </p>
          ) : items.length === 0 ? (
            <p className="notification-empty">{notifications.isPending ? t('loading') : t('empty')}</p>
          ) : (
            <NotificationList
              items={items}
              onOpen={(n) => {
                setOpen(false);
                if (!n.read) markRead.mutate(n.id);
              }}
              onMarkRead={(n) => markRead.mutate(n.id)}
            />
          )}
          {notifications.hasNextPage && (
            <button
              type="button"
              className="button button-small notification-more"
              disabled={notifications.isFetchingNextPage}
              onClick={() => void notifications.fetchNextPage()}
            >
              {t('more')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
