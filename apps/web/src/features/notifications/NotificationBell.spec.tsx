import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '../../lib/api';
import { mockFetch } from '../../test/fetch';
import { signedIn } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import type { LiveSubscription } from './liveSocket';
import { NotificationBell } from './NotificationBell';
import type { AppNotification } from './types';

// The live socket, replaced by a fake the test pushes events through.
const subscriptions = new Set<LiveSubscription>();
jest.mock('./liveSocket', () => ({
  subscribeLive: (subscription: LiveSubscription) => {
    subscriptions.add(subscription);
    return () => subscriptions.delete(subscription);
  },
}));
/** Delivers a live event, then lets TanStack Query tell the components (it notifies on the next tick). */
const push = (event: string, payload: unknown) =>
  act(async () => {
    subscriptions.forEach((s) => (s.handlers[event] as ((p: unknown) => void) | undefined)?.(payload));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

const notice = (overrides: Partial<AppNotification>): AppNotification => ({
  id: '1',
  kind: 'review_requested',
  actor: { id: 'u-1', name: 'Julien Moreau' },
  document: { id: 'd-1', title: 'Document de priorités de Lyon' },
  city: { id: 'c-lyon', slug: 'lyon', name: 'Lyon' },
  threadId: null,
  data: { round: 1 },
  read: false,
  readAt: null,
  createdAt: new Date().toISOString(),
  ...overrides,
});

const count = () => screen.queryByTestId('unread-count')?.textContent ?? null;
const bell = () => screen.getByRole('button', { name: /^Notifications/ });

describe('the notification bell', () => {
  beforeEach(() => {
    api.setSession(null);
    subscriptions.clear();
  });

  it('shows the unread count and keeps it live as notifications arrive and are read elsewhere', async () => {
    mockFetch({
      ...signedIn(),
      'GET /api/notifications': {
        status: 200,
        body: { items: [notice({ id: '2' }), notice({ id: '1', kind: 'adopted', read: true })], unreadCount: 1 },
      },
    });
    await renderWithApp(<NotificationBell />);
    expect(await screen.findByTestId('unread-count')).toHaveTextContent('1');
    expect(bell()).toHaveAccessibleName('Notifications, 1 unread');
    expect(subscriptions.size).toBe(1);

    await push('notification', {
      notification: notice({ id: '3', kind: 'approved', actor: { id: 'u-2', name: 'Nadia Benali' } }),
      unreadCount: 2,
    });
    expect(count()).toBe('2');
    await userEvent.setup().click(bell());
    const items = within(screen.getByRole('region', { name: 'Notifications' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Nadia Benali approved Document de priorités de Lyon');
    expect(items[1]).toHaveTextContent('Julien Moreau asks for your review of Document de priorités de Lyon');

    await push('notification:read', { notificationId: null, unreadCount: 0 });
    expect(count()).toBeNull();
    expect(bell()).toHaveAccessibleName('Notifications, none unread');
  });

  it('marks everything read from the panel', async () => {
    const fetch = mockFetch({
      ...signedIn(),
      'GET /api/notifications': { status: 200, body: { items: [notice({ id: '5' })], unreadCount: 1 } },
      'POST /api/notifications/read-all': { status: 200, body: { unreadCount: 0 } },
    });
    const user = userEvent.setup();
    await renderWithApp(<NotificationBell />);
    await screen.findByTestId('unread-count');
    await user.click(bell());
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(fetch.calls.some((c) => c.method === 'POST' && c.url === '/api/notifications/read-all')).toBe(true);
    expect(count()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mark as read' })).not.toBeInTheDocument();
  });

  it('says each kind of notification in the interface language', async () => {
    mockFetch({
      ...signedIn(),
      'GET /api/notifications': {
        status: 200,
        body: {
          items: [
            notice({ id: '7', kind: 'changes_requested' }),
            notice({ id: '6', kind: 'mention' }),
            notice({
              id: '4',
              kind: 'milestone',
              document: null,
              data: {
                title: 'Ouverture du guichet',
                pilotProjectTitle: 'Guichet unique',
                change: 'updated',
                status: 'done',
                previousStatus: 'in_progress',
              },
            }),
          ],
          unreadCount: 3,
        },
      },
    });
    await renderWithApp(<NotificationBell />, { lng: 'fr' });
    await screen.findByTestId('unread-count');
    await userEvent.setup().click(screen.getByRole('button', { name: /^Notifications/ }));
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Julien Moreau a demandé des modifications de Document de priorités de Lyon');
    expect(items[1]).toHaveTextContent('Julien Moreau vous a mentionné dans Document de priorités de Lyon');
    expect(items[2]).toHaveTextContent(
      'Julien Moreau a marqué l’étape Ouverture du guichet du projet Guichet unique comme terminée',
    );
    expect(within(items[2]!).getByRole('link')).toHaveAttribute('href', '/cities/lyon/action');
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/documents/d-1');
  });

  it('does not open the live socket when the notifications cannot be loaded', async () => {
    mockFetch({ ...signedIn(), 'GET /api/notifications': { status: 503, body: { message: 'down' } } });
    await renderWithApp(<NotificationBell />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(count()).toBeNull();
    expect(subscriptions.size).toBe(0);
  });
});
