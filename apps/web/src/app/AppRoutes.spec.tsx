import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '../lib/api';
import { mockFetch } from '../test/fetch';
import { editorMe, lyon, profileDoc, programme, signedIn, tangier } from '../test/fixtures';
import { renderWithApp } from '../test/render';
import { AppRoutes } from './AppRoutes';

describe('the app routes', () => {
  beforeEach(() => {
    api.setSession(null);
    localStorage.clear();
  });

  it('sends a signed-out visitor of a protected page to the sign-in page', async () => {
    mockFetch({ 'POST /api/auth/refresh': { status: 401 } });
    await renderWithApp(<AppRoutes />, { route: '/cities/lyon' });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('restores the session from the refresh cookie and shows the programme with every city', async () => {
    mockFetch({
      ...signedIn(),
      'GET /api/cities': { status: 200, body: [lyon, tangier] },
      'GET /api/programme': { status: 200, body: programme },
    });
    await renderWithApp(<AppRoutes />, { route: '/', lng: 'fr' });
    expect(await screen.findByRole('heading', { level: 1, name: programme.name })).toBeInTheDocument();
    const cards = await screen.findAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('link').textContent)).toEqual(['Lyon', 'Tanger']);
    expect(within(cards[1]).getByText('Dialogue')).toBeInTheDocument();
    expect(screen.getByText('2 villes partenaires')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Menu du compte de ${editorMe.name}` })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ma ville' })).toHaveAttribute('href', '/cities/lyon');
  });

  it("opens a city on its current phase and lists that phase's documents", async () => {
    mockFetch({
      ...signedIn(),
      'GET /api/cities/lyon': { status: 200, body: lyon },
      'GET /api/cities': { status: 200, body: [lyon] },
      'GET /api/documents': (req) =>
        req.url.includes(`cityId=${lyon.id}`) ? { status: 200, body: [profileDoc] } : { status: 400 },
    });
    await renderWithApp(<AppRoutes />, { route: '/cities/lyon' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Knowledge' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Knowledge/ })).toHaveAttribute('aria-current', 'page');
    const row = (await screen.findByRole('link', { name: profileDoc.title })).closest('tr')!;
    expect(within(row).getByText('Migration profile')).toBeInTheDocument();
    expect(within(row).getByText('Draft')).toBeInTheDocument();
    expect(within(row).getByText('French')).toBeInTheDocument();
    expect(within(row).getByRole('link')).toHaveAttribute('href', `/documents/${profileDoc.id}`);
  });

  it('shows an empty state, not an error, while the documents endpoint is not served', async () => {
    mockFetch({
      ...signedIn(),
      'GET /api/cities/lyon': { status: 200, body: lyon },
      'GET /api/documents': { status: 501, body: { statusCode: 501, message: 'Not Implemented' } },
    });
    const user = userEvent.setup();
    await renderWithApp(<AppRoutes />, { route: '/cities/lyon/knowledge' });
    expect(await screen.findByText('No documents yet')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: /Action/ }));
    expect(await screen.findByText('No action documents yet')).toBeInTheDocument();
  });

  it('shows the not-found page for a city that does not exist', async () => {
    mockFetch({
      ...signedIn(),
      'GET /api/cities/atlantis': {
        status: 404,
        body: { statusCode: 404, code: 'not_found', message: 'City not found' },
      },
    });
    await renderWithApp(<AppRoutes />, { route: '/cities/atlantis' });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('shows the not-found page for a path that does not exist', async () => {
    mockFetch({ 'POST /api/auth/refresh': { status: 401 } });
    await renderWithApp(<AppRoutes />, { route: '/no/such/page', lng: 'ar' });
    expect(await screen.findByRole('heading', { name: 'الصفحة غير موجودة' })).toBeInTheDocument();
  });

  it('signs out from the user menu and goes back to the sign-in page', async () => {
    const { calls } = mockFetch({
      ...signedIn(),
      'GET /api/cities': { status: 200, body: [lyon] },
      'GET /api/programme': { status: 200, body: programme },
      'POST /api/auth/logout': { status: 204 },
    });
    const user = userEvent.setup();
    await renderWithApp(<AppRoutes />, { route: '/' });
    await user.click(await screen.findByRole('button', { name: `Account menu for ${editorMe.name}` }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(calls.some((c) => c.url === '/api/auth/logout')).toBe(true);
    expect(api.getAccessToken()).toBeNull();
  });
});
