import { screen, within } from '@testing-library/react';
import type { MeDto } from '@passerelle/domain';
import { api } from '../../lib/api';
import { mockFetch } from '../../test/fetch';
import { editorMe, lyon, signedIn, tangier } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { DashboardPage } from './DashboardPage';
import type { DashboardCity, DashboardData } from './types';

const coordinator: MeDto = { ...editorMe, id: 'u-coord', name: 'Claire Dubois', role: 'coordinator', memberships: [] };

const zeroStatuses = (keys: string[]) => keys.map((key) => ({ key, count: 0 }));
const city = (over: Partial<DashboardCity> & Pick<DashboardCity, 'id' | 'slug' | 'name' | 'phase'>): DashboardCity => ({
  dialogue: { eventsHeld: 0, eventsUpcoming: 0 },
  knowledge: { migrationProfile: null, priorityPaper: null, indicatorsFilled: 0, indicatorsTotal: 9 },
  action: { pilotProjects: 0, byStatus: [], averageProgress: null },
  documentsByStatus: zeroStatuses(['draft', 'in_review', 'adopted', 'archived']),
  ...over,
});

const data: DashboardData = {
  generatedAt: '2025-03-14T10:00:00.000Z',
  totals: { cities: 2, documents: 4, pilotProjects: 1, overdueMilestones: 1, upcomingEvents: 1 },
  citiesByPhase: [
    { key: 'dialogue', count: 1 },
    { key: 'knowledge', count: 1 },
    { key: 'action', count: 0 },
  ],
  cities: [
    city({
      id: lyon.id,
      slug: 'lyon',
      name: 'Lyon',
      phase: 'action',
      dialogue: { eventsHeld: 2, eventsUpcoming: 1 },
      knowledge: {
        migrationProfile: { id: 'd-prof', status: 'adopted', published: true },
        priorityPaper: { id: 'd-pap', status: 'in_review', published: false },
        indicatorsFilled: 8,
        indicatorsTotal: 9,
      },
      action: { pilotProjects: 1, byStatus: [], averageProgress: 45 },
    }),
    city({ id: tangier.id, slug: 'tangier', name: 'Tangier', phase: 'dialogue' }),
  ],
  documentsByStatus: [
    { key: 'draft', count: 2 },
    { key: 'in_review', count: 1 },
    { key: 'adopted', count: 1 },
    { key: 'archived', count: 0 },
  ],
  pilotProjectsByStatus: [
    { key: 'proposed', count: 0 },
    { key: 'approved', count: 0 },
    { key: 'in_progress', count: 1 },
    { key: 'completed', count: 0 },
    { key: 'on_hold', count: 0 },
    { key: 'cancelled', count: 0 },
  ],
  pilotProjectsByTheme: [
    { key: 'basic-services', themeId: 't-1', names: { en: 'Access to basic services' }, count: 1 },
    { key: 'none', themeId: null, names: {}, count: 0 },
  ],
  overdueMilestones: [
    {
      id: 'm-1',
      title: 'Volunteer interpreters trained',
      dueDate: '2025-03-04',
      status: 'in_progress',
      daysOverdue: 10,
      pilotProject: { id: 'p-1', title: 'Guillotière welcome desk' },
      city: { id: lyon.id, slug: 'lyon', name: 'Lyon' },
    },
  ],
  upcomingEvents: [
    {
      id: 'e-1',
      title: 'Study visit: welcoming newcomers in Lisbon',
      kind: 'study_visit',
      startsAt: '2025-04-01T08:00:00.000Z',
      endsAt: '2025-04-03T16:00:00.000Z',
      hostCity: null,
    },
  ],
  recentActivity: [
    {
      id: 'a-1',
      verb: 'pilot_project.created',
      actor: { id: 'u-1', name: 'Julien Moreau' },
      city: { id: lyon.id, slug: 'lyon', name: 'Lyon' },
      document: null,
      target: { type: 'pilot_project', id: 'p-1' },
      data: { title: 'Guillotière welcome desk' },
      createdAt: '2025-03-14T09:00:00.000Z',
    },
  ],
  recentDocuments: [],
};

describe("the coordinators' dashboard", () => {
  beforeAll(() => {
    // jsdom does not lay out: the charts measure their box through ResizeObserver.
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
  });

  beforeEach(() => {
    api.setSession(null);
    localStorage.clear();
  });

  it("shows every city's progress through the phases, the overdue milestones and the coming events", async () => {
    mockFetch({
      ...signedIn(coordinator),
      'GET /api/dashboard': { status: 200, body: data },
      'GET /api/cities': { status: 200, body: [lyon, tangier] },
    });
    await renderWithApp(<DashboardPage />, { route: '/dashboard', lng: 'fr' });

    const totals = await screen.findByRole('list', { name: 'Le programme en chiffres' });
    expect(within(totals).getByText('Jalons en retard').parentElement).toHaveTextContent('1');

    const table = screen.getByRole('table', { name: 'Les villes au fil des trois phases' });
    const lyonRow = within(table).getByRole('rowheader', { name: 'Lyon' }).closest('tr')!;
    expect(within(lyonRow).getByRole('list', { name: 'Phase actuelle : Action' })).toBeInTheDocument();
    expect(within(lyonRow).getByText('2 tenus · 1 à venir')).toBeInTheDocument();
    expect(within(lyonRow).getByText('Adopté')).toBeInTheDocument();
    expect(within(lyonRow).getByText('Chiffres clés : 8 sur 9')).toBeInTheDocument();
    expect(within(lyonRow).getByText('1 projet pilote')).toBeInTheDocument();
    expect(within(lyonRow).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '45');
    // Localized city names come from the cities list.
    expect(within(table).getByRole('rowheader', { name: 'Tanger' })).toBeInTheDocument();

    const overdue = screen.getByRole('region', { name: 'Jalons en retard' });
    expect(within(overdue).getByText('Volunteer interpreters trained')).toBeInTheDocument();
    expect(within(overdue).getByRole('link', { name: 'Guillotière welcome desk' })).toHaveAttribute(
      'href',
      '/pilot-projects/p-1',
    );
    expect(within(overdue).getByText('10 jours de retard')).toBeInTheDocument();
    expect(within(overdue).getByText('Échéance : 4 mars 2025')).toBeInTheDocument();

    const events = screen.getByRole('region', { name: 'Événements à venir' });
    expect(within(events).getByRole('link', { name: 'Study visit: welcoming newcomers in Lisbon' })).toHaveAttribute(
      'href',
      '/events/e-1',
    );
    expect(screen.getByRole('region', { name: 'Activité récente' })).toHaveTextContent('Julien Moreau');
  });

  it('draws the charts with their figures readable as tables', async () => {
    mockFetch({
      ...signedIn(coordinator),
      'GET /api/dashboard': { status: 200, body: data },
      'GET /api/cities': { status: 200, body: [lyon, tangier] },
    });
    await renderWithApp(<DashboardPage />, { route: '/dashboard' });
    const byStatus = await screen.findByRole('table', { name: 'Pilot projects by status' });
    expect(within(byStatus).getByRole('rowheader', { name: 'In progress' }).nextSibling).toHaveTextContent('1');
    const byTheme = screen.getByRole('table', { name: 'Pilot projects by theme' });
    expect(
      within(byTheme)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Access to basic services', 'No theme']);
  });

  it('does not exist for a member, who never asks for it', async () => {
    const { calls } = mockFetch({ ...signedIn(editorMe) });
    await renderWithApp(<DashboardPage />, { route: '/dashboard' });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(calls.some((c) => c.url.startsWith('/api/dashboard'))).toBe(false);
  });
});
