import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '../../lib/api';
import { mockFetch } from '../../test/fetch';
import { lyon, signedIn } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { ActivityFeed } from './ActivityFeed';
import type { ActivityEntry } from './types';

const at = new Date(Date.now() - 5 * 60_000).toISOString();
const entry = (id: string, verb: string, data: Record<string, unknown> = {}): ActivityEntry => ({
  id,
  verb,
  actor: { id: 'u-2', name: 'Nadia Benali' },
  city: { id: lyon.id, slug: 'lyon', name: 'Lyon' },
  document: { id: 'd-1', title: 'Document de priorités de Lyon' },
  target: null,
  data,
  createdAt: at,
  updatedAt: at,
});

describe('an activity feed', () => {
  beforeEach(() => api.setSession(null));

  it('tells each entry as a sentence with links, and loads older entries from nextBefore', async () => {
    const fetch = mockFetch({
      ...signedIn(),
      'GET /api/cities': { status: 200, body: [lyon] },
      'GET /api/activity': (request) =>
        request.url.includes('before=40')
          ? { status: 200, body: { items: [entry('39', 'document.adopted')], nextBefore: null } }
          : {
              status: 200,
              body: {
                items: [
                  entry('42', 'review.approved'),
                  entry('41', 'document.edited', { count: 3 }),
                  entry('40', 'version.created', { label: 'Avant la réunion' }),
                ],
                nextBefore: '40',
              },
            },
    });
    const user = userEvent.setup();
    await renderWithApp(<ActivityFeed filter={{ cityId: lyon.id }} title="Recent activity in Lyon" />);
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.activity-sentence')?.textContent)).toEqual([
      'Nadia Benali approved Document de priorités de Lyon',
      'Nadia Benali made 3 changes to Document de priorités de Lyon',
      'Nadia Benali saved the version Avant la réunion of Document de priorités de Lyon',
    ]);
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/documents/d-1');
    expect(items[0]).toHaveTextContent(/\d minutes ago/);
    expect(fetch.calls.find((c) => c.url.startsWith('/api/activity'))?.url).toContain(`cityId=${lyon.id}`);

    await user.click(screen.getByRole('button', { name: 'Show older activity' }));
    expect(await screen.findByText(/adopted/)).toHaveTextContent('Nadia Benali adopted Document de priorités de Lyon');
    expect(screen.queryByRole('button', { name: 'Show older activity' })).not.toBeInTheDocument();
  });

  it('names the city in the programme feed, in the interface language', async () => {
    mockFetch({
      ...signedIn(),
      'GET /api/cities': { status: 200, body: [{ ...lyon, names: { ...lyon.names, ar: 'ليون' } }] },
      'GET /api/activity': {
        status: 200,
        body: { items: [entry('7', 'indicators.updated', { keys: ['population'] })], nextBefore: null },
      },
    });
    await renderWithApp(<ActivityFeed filter={{}} title="النشاط" />, { lng: 'ar' });
    const item = await screen.findByRole('listitem');
    // The name in Arabic comes with the cities list, which may arrive after the feed.
    await waitFor(() =>
      expect(item.querySelector('.activity-sentence')).toHaveTextContent('حدّث Nadia Benali الأرقام الرئيسية لـ ليون'),
    );
    expect(item.querySelector('.activity-meta')).toHaveTextContent('ليون');
  });

  it('says so quietly, without breaking the page, when the feed cannot load', async () => {
    mockFetch({ ...signedIn(), 'GET /api/activity': { status: 503, body: { message: 'down' } } });
    await renderWithApp(<ActivityFeed filter={{}} title="Recent activity" />);
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
