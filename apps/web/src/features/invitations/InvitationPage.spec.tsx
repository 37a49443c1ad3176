import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { api } from '../../lib/api';
import { mockFetch } from '../../test/fetch';
import { renderWithApp } from '../../test/render';
import { InvitationPage } from './InvitationPage';

const routes = (
  <Routes>
    <Route path="/invite/:token" element={<InvitationPage />} />
    <Route path="/cities/:slug" element={<p>city page</p>} />
  </Routes>
);

const preview = {
  email: 'new.editor@passerelle.test',
  cityName: 'Tangier',
  cityRole: 'editor',
  globalRole: 'member',
  expiresAt: '2031-01-15T12:00:00.000Z',
  existingAccount: false,
};

describe('the invitation page', () => {
  beforeEach(() => {
    api.setSession(null);
    localStorage.clear();
  });

  it('shows who is invited to what, then accepting signs the person in and opens their city', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/refresh': { status: 401 },
      'GET /api/invitations/token/abc123': { status: 200, body: preview },
      'POST /api/invitations/token/abc123/accept': {
        status: 200,
        body: {
          accessToken: 'tok',
          expiresIn: 900,
          user: { id: 'u9', email: preview.email, name: 'Nadia', role: 'member' },
        },
      },
      'GET /api/me': {
        status: 200,
        body: {
          id: 'u9',
          email: preview.email,
          name: 'Nadia',
          role: 'member',
          active: true,
          language: 'fr',
          memberships: [{ cityId: 'c-tng', citySlug: 'tangier', role: 'editor' }],
        },
      },
    });
    const user = userEvent.setup();
    await renderWithApp(routes, { route: '/invite/abc123' });

    expect(await screen.findByText('You are invited to join Tangier as Editor.')).toBeInTheDocument();
    expect(screen.getByText(preview.email)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Your name'), 'Nadia');
    await user.type(screen.getByLabelText('Password'), 'a-long-password');
    await user.type(screen.getByLabelText('Confirm the password'), 'a-long-password');
    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));

    expect(await screen.findByText('city page')).toBeInTheDocument();
    expect(calls.find((c) => c.url.endsWith('/accept'))?.body).toEqual({ name: 'Nadia', password: 'a-long-password' });
    expect(api.getAccessToken()).toBe('tok');
    // The profile's saved language follows the person.
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
  });

  it('refuses two different passwords before calling the API', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/refresh': { status: 401 },
      'GET /api/invitations/token/abc123': { status: 200, body: preview },
    });
    const user = userEvent.setup();
    await renderWithApp(routes, { route: '/invite/abc123' });
    await user.type(await screen.findByLabelText('Your name'), 'Nadia');
    await user.type(screen.getByLabelText('Password'), 'a-long-password');
    await user.type(screen.getByLabelText('Confirm the password'), 'another-password');
    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The two passwords are not the same.');
    expect(calls.some((c) => c.url.endsWith('/accept'))).toBe(false);
  });

  it('says so when the link is unknown or expired', async () => {
    mockFetch({
      'POST /api/auth/refresh': { status: 401 },
      'GET /api/invitations/token/gone': { status: 404, body: { statusCode: 404, code: 'not_found', message: 'x' } },
    });
    await renderWithApp(routes, { route: '/invite/gone', lng: 'fr' });
    expect(await screen.findByRole('heading', { name: 'Cette invitation n’est pas utilisable' })).toBeInTheDocument();
  });
});
