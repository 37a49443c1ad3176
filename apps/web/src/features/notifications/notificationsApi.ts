import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type { NotificationPage } from './types';

/** How many notifications a page of the list holds. */
export const NOTIFICATIONS_PAGE = 15;

export const notificationsApi = {
  list: (before: string | undefined, signal?: AbortSignal) =>
    api.call<NotificationPage>(endpoint('notifications.list'), {
      query: { limit: String(NOTIFICATIONS_PAGE), before },
      signal,
    }),
  read: (id: string) => api.call<{ unreadCount: number }>(endpoint('notifications.read', { id })),
  readAll: () => api.call<{ unreadCount: number }>(endpoint('notifications.readAll')),
};

export const notificationKeys = {
  all: ['notifications'] as const,
};
