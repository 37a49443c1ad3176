import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { documentKeys } from '../documents/documentsApi';
import { NOTIFICATIONS_PAGE, notificationKeys, notificationsApi } from './notificationsApi';
import { subscribeLive } from './liveSocket';
import type {
  AppNotification,
  NotificationKind,
  NotificationPage,
  NotificationPushed,
  NotificationRead,
} from './types';

/** The notifications that say a document's status or review changed. */
const DOCUMENT_KINDS: ReadonlySet<NotificationKind> = new Set([
  'review_requested',
  'approved',
  'changes_requested',
  'adopted',
]);

type Pages = InfiniteData<NotificationPage, string | undefined>;

/** The person's notifications, newest first, a page at a time; the unread count rides on the first page. */
export function useNotifications(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ pageParam, signal }) => notificationsApi.list(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) =>
      last.items.length < NOTIFICATIONS_PAGE ? undefined : last.items[last.items.length - 1]?.id,
    enabled,
  });
}

export const unreadCountOf = (data: InfiniteData<NotificationPage, unknown> | undefined): number =>
  data?.pages[0]?.unreadCount ?? 0;

function update(queryClient: QueryClient, change: (pages: Pages) => Pages) {
  queryClient.setQueryData<Pages>(notificationKeys.all, (data) => (data ? change(data) : data));
}

/** Marks read (one by id, or all with null) and sets the server's unread count. */
function applyRead(queryClient: QueryClient, notificationId: string | null, unreadCount: number) {
  const now = new Date().toISOString();
  const markRead = (n: AppNotification) =>
    !n.read && (notificationId === null || n.id === notificationId) ? { ...n, read: true, readAt: now } : n;
  update(queryClient, (data) => ({
    ...data,
    pages: data.pages.map((page, index) => ({
      items: page.items.map(markRead),
      unreadCount: index === 0 ? unreadCount : page.unreadCount,
    })),
  }));
}

/**
 * Keeps the list live: a new notification goes on top with the new count; one read in another tab
 * is marked read here too; after a reconnection the list is fetched again (what was pushed while
 * offline is not replayed).
 */
export function useNotificationStream(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return subscribeLive({
      onConnect: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
      handlers: {
        notification: ({ notification, unreadCount }: NotificationPushed) => {
          // A review request, a decision or an adoption changed the document: a page showing it refreshes.
          if (notification.document && DOCUMENT_KINDS.has(notification.kind)) {
            void queryClient.invalidateQueries({ queryKey: documentKeys.one(notification.document.id) });
          }
          update(queryClient, (data) => ({
            ...data,
            pages: data.pages.map((page, index) =>
              index === 0
                ? {
                    items: [notification, ...page.items.filter((n) => n.id !== notification.id)],
                    unreadCount,
                  }
                : page,
            ),
          }));
        },
        'notification:read': ({ notificationId, unreadCount }: NotificationRead) =>
          applyRead(queryClient, notificationId, unreadCount),
      },
    });
  }, [enabled, queryClient]);
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => notificationsApi.read(id),
    onSuccess: ({ unreadCount }, id) => applyRead(queryClient, id, unreadCount),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => notificationsApi.readAll(),
    onSuccess: ({ unreadCount }) => applyRead(queryClient, null, unreadCount),
  });
}
