import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { api } from '../../lib/api';
import { mockFetch } from '../../test/fetch';
import { renderWithApp } from '../../test/render';
import { SignInPage } from './SignInPage';

const routes = (
  <Routes>
    <Route path="/login" element={<SignInPage />} />
    <Route path="/" element={<p>programme home</p>} />
    <Route path="/cities/:slug" element={<p>city page</p>} />
  </Routes>
);

describe('the sign-in page', () => {
  beforeEach(() => {
    api.setSession(null);
    localStorage.clear();
  });

  it("shows the API's error message when the credentials are refused", async () => {
    const { calls } = mockFetch({
      'POST /api/auth/refresh': { status: 401 },
      'POST /api/auth/login': {
        status: 401,
        body: { statusCode: 401, code: 'unauthorized', message: 'Invalid email or password' },
      },
    });
    const user = userEvent.setup();
    await renderWithApp(routes, { route: '/login' });

    await user.type(await screen.findByLabelText('Email address'), 'editor.lyon@passerelle.test');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password');
    expect(calls.find((c) => c.url === '/api/auth/login')?.body).toEqual({
      email: 'editor.lyon@passerelle.test',
      password: 'wrong-password',
    });
  });

  it('shows the rate-limit message of the API too', async () => {
    mockFetch({
      'POST /api/auth/refresh': { status: 401 },
      'POST /api/auth/login': {
        status: 429,
        body: { statusCode: 429, code: 'rate_limited', message: 'Too many attempts, try again in a minute' },
      },
    });
    const user = userEvent.setup();
    await renderWithApp(routes, { route: '/login' });
    await user.type(await screen.findByLabelText('Email address'), 'a@b.test');
    await user.type(screen.getByLabelText('Password'), 'whatever-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in a minute');
  });

  it('takes a city editor to their city after signing in', async () => {
    mockFetch({
      'POST /api/auth/refresh': { status: 401 },
      'POST /api/auth/login': {
        status: 200,
        body: { accessToken: 't', expiresIn: 900, user: { id: 'u', email: 'e', name: 'Lyon Editor', role: 'member' } },
      },
      'GET /api/me': {
        status: 200,
        body: {
          id: 'u',
          email: 'e',
          name: 'Lyon Editor',
          role: 'member',
          active: true,
          language: null,
          memberships: [{ cityId: 'c1', citySlug: 'lyon', role: 'editor' }],
        },
      },
    });
    const user = userEvent.setup();
    await renderWithApp(routes, { route: '/login' });
    await user.type(await screen.findByLabelText('Email address'), 'editor.lyon@passerelle.test');
    await user.type(screen.getByLabelText('Password'), 'passerelle');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('city page')).toBeInTheDocument();
  });
});
