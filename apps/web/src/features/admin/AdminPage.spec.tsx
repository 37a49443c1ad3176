import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeDto } from '@passerelle/domain';
import { Route, Routes } from 'react-router-dom';
import { api } from '../../lib/api';
import { mockFetch } from '../../test/fetch';
import { editorMe, lyon, signedIn, tangier } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { AdminPage } from './AdminPage';
import type { AdminUser, CityMember, PendingInvitation } from './types';

const adminMe: MeDto = {
  id: 'u-admin',
  email: 'admin@passerelle.test',
  name: 'Ada Admin',
  role: 'admin',
  active: true,
  language: null,
  memberships: [],
};
const coordinatorMe: MeDto = {
  ...adminMe,
  id: 'u-coord',
  email: 'coordinator@passerelle.test',
  name: 'Colette',
  role: 'coordinator',
};

const users: AdminUser[] = [
  { ...adminMe, memberships: [] },
  {
    id: 'u-1',
    email: 'editor.lyon@passerelle.test',
    name: 'Camille Martin',
    role: 'member',
    active: true,
    memberships: [{ cityId: lyon.id, citySlug: 'lyon', role: 'editor' }],
  },
  { id: 'u-2', email: 'old@example.org', name: 'Olivier Ancien', role: 'member', active: false, memberships: [] },
];

const pending: PendingInvitation[] = [
  {
    id: 'i-1',
    email: 'new.editor@example.org',
    cityId: lyon.id,
    cityRole: 'editor',
    globalRole: 'member',
    expiresAt: '2030-01-15T00:00:00.000Z',
    cityName: 'Lyon',
    invitedByName: 'Ada Admin',
    createdAt: '2030-01-01T00:00:00.000Z',
  },
];

const members: CityMember[] = [
  { userId: 'u-1', name: 'Camille Martin', email: 'editor.lyon@passerelle.test', role: 'editor', organisationId: null },
];

const page = (route: string) =>
  renderWithApp(
    <Routes>
      <Route path="admin/:tab?" element={<AdminPage />} />
    </Routes>,
    { route },
  );

describe('the administration page', () => {
  beforeEach(() => {
    api.setSession(null);
    localStorage.clear();
  });

  it('does not exist for someone who is neither admin nor coordinator', async () => {
    mockFetch({ ...signedIn(editorMe) });
    await page('/admin');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it("lets an admin change a person's global role and deactivate or reactivate accounts, but not their own", async () => {
    const { calls } = mockFetch({
      ...signedIn(adminMe),
      'GET /api/users': { status: 200, body: users },
      'GET /api/cities': { status: 200, body: [lyon, tangier] },
      'PATCH /api/users/u-1': (req) => ({ status: 200, body: { ...users[1], ...(req.body as object) } }),
      'PATCH /api/users/u-2': (req) => ({ status: 200, body: { ...users[2], ...(req.body as object) } }),
    });
    const user = userEvent.setup();
    await page('/admin');

    const camille = (await screen.findByText('Camille Martin')).closest('tr')!;
    expect(await within(camille).findByText('Lyon · Editor')).toBeInTheDocument();
    expect(within(camille).getByText('Active')).toBeInTheDocument();
    const self = screen.getByText('Ada Admin (you)').closest('tr')!;
    expect(within(self).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(self).queryByRole('button')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Global role of Camille Martin'), 'coordinator');
    expect(await screen.findByText('Camille Martin is now: Programme coordinator.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: '/api/users/u-1',
      body: { role: 'coordinator' },
    });

    await user.click(screen.getByRole('button', { name: 'Deactivate the account of Camille Martin' }));
    expect(calls.filter((c) => c.method === 'PATCH')[1]).toMatchObject({ body: { active: false } });
    await user.click(screen.getByRole('button', { name: 'Reactivate the account of Olivier Ancien' }));
    expect(calls.filter((c) => c.method === 'PATCH')[2]).toMatchObject({
      url: '/api/users/u-2',
      body: { active: true },
    });
  });

  it("shows the API's refusal when a change is not allowed", async () => {
    mockFetch({
      ...signedIn(adminMe),
      'GET /api/users': { status: 200, body: users },
      'GET /api/cities': { status: 200, body: [lyon] },
      'PATCH /api/users/u-1': { status: 409, body: { statusCode: 409, code: 'conflict', message: 'Not now' } },
    });
    const user = userEvent.setup();
    await page('/admin/people');
    await user.click(await screen.findByRole('button', { name: 'Deactivate the account of Camille Martin' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not now');
  });

  it('shows coordinators the people without the controls only admins have', async () => {
    mockFetch({
      ...signedIn(coordinatorMe),
      'GET /api/users': { status: 200, body: users },
      'GET /api/cities': { status: 200, body: [lyon] },
    });
    await page('/admin');
    expect(await screen.findByText('Camille Martin')).toBeInTheDocument();
    expect(screen.queryByLabelText('Global role of Camille Martin')).not.toBeInTheDocument();
    expect(screen.getByText('Only administrators change global roles and deactivate accounts.')).toBeInTheDocument();
  });

  it('filters people by name or email', async () => {
    mockFetch({
      ...signedIn(adminMe),
      'GET /api/users': { status: 200, body: users },
      'GET /api/cities': { status: 200, body: [lyon] },
    });
    const user = userEvent.setup();
    await page('/admin');
    await user.type(await screen.findByLabelText('Find a person'), 'old@');
    expect(screen.getByText('Olivier Ancien')).toBeInTheDocument();
    expect(screen.queryByText('Camille Martin')).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText('Find a person'));
    await user.type(screen.getByLabelText('Find a person'), 'nobody');
    expect(screen.getByText('Nobody matches this search')).toBeInTheDocument();
  });

  it('creates an invitation to a city and shows its one-time link, then lists and revokes pending ones', async () => {
    let invitations = [...pending];
    const { calls } = mockFetch({
      ...signedIn(coordinatorMe),
      'GET /api/cities': { status: 200, body: [lyon, tangier] },
      'GET /api/invitations': () => ({ status: 200, body: invitations }),
      'POST /api/invitations': (req) => ({
        status: 201,
        body: {
          id: 'i-2',
          ...(req.body as object),
          cityRole: 'stakeholder',
          globalRole: 'member',
          expiresAt: '2030-02-01T00:00:00.000Z',
          link: 'http://localhost:3000/invite/secret-token',
        },
      }),
      'DELETE /api/invitations/i-1': () => {
        invitations = [];
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    await page('/admin/invitations');

    expect(await screen.findByText('new.editor@example.org')).toBeInTheDocument();
    // Coordinators invite members only: no global role to choose.
    expect(screen.queryByLabelText('Global role')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Role in the city')).toBeDisabled();

    await user.type(screen.getByLabelText('Email address'), 'amina@example.org');
    await user.selectOptions(screen.getByLabelText('City'), 'Tangier');
    await user.selectOptions(screen.getByLabelText('Role in the city'), 'Stakeholder');
    await user.click(screen.getByRole('button', { name: 'Create the invitation' }));

    expect(await screen.findByLabelText('Invitation link')).toHaveValue('http://localhost:3000/invite/secret-token');
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/invitations')?.body).toEqual({
      email: 'amina@example.org',
      cityId: tangier.id,
      cityRole: 'stakeholder',
    });
    expect(screen.getByText('This link is shown only now.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Revoke the invitation for new.editor@example.org' }));
    expect(await screen.findByText('No pending invitations')).toBeInTheDocument();
  });

  it('lets an admin invite a coordinator', async () => {
    const { calls } = mockFetch({
      ...signedIn(adminMe),
      'GET /api/cities': { status: 200, body: [lyon] },
      'GET /api/invitations': { status: 200, body: [] },
      'POST /api/invitations': (req) => ({
        status: 201,
        body: {
          id: 'i-3',
          ...(req.body as object),
          cityId: null,
          cityRole: null,
          expiresAt: '2030-02-01T00:00:00.000Z',
          link: 'http://x/invite/t',
        },
      }),
    });
    const user = userEvent.setup();
    await page('/admin/invitations');
    await user.type(await screen.findByLabelText('Email address'), 'coord@example.org');
    await user.selectOptions(screen.getByLabelText('Global role'), 'coordinator');
    await user.click(screen.getByRole('button', { name: 'Create the invitation' }));
    await screen.findByLabelText('Invitation link');
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/invitations')?.body).toEqual({
      email: 'coord@example.org',
      globalRole: 'coordinator',
    });
  });

  it("manages a city's members: change a role, remove someone, add someone", async () => {
    let lyonMembers = [...members];
    const { calls } = mockFetch({
      ...signedIn(coordinatorMe),
      'GET /api/cities': { status: 200, body: [lyon, tangier] },
      'GET /api/users': { status: 200, body: users },
      [`GET /api/cities/${lyon.id}/members`]: () => ({ status: 200, body: lyonMembers }),
      [`GET /api/cities/${tangier.id}/members`]: { status: 200, body: [] },
      [`PUT /api/cities/${lyon.id}/members/u-1`]: (req) => {
        lyonMembers = [{ ...members[0], ...(req.body as object) }];
        return { status: 200, body: lyonMembers[0] };
      },
      [`DELETE /api/cities/${lyon.id}/members/u-1`]: () => {
        lyonMembers = [];
        return { status: 204 };
      },
      [`PUT /api/cities/${lyon.id}/members/u-admin`]: (req) => {
        lyonMembers = [
          { userId: 'u-admin', name: 'Ada Admin', email: adminMe.email, role: 'observer', organisationId: null },
        ];
        return { status: 201, body: { ...lyonMembers[0], ...(req.body as object) } };
      },
    });
    const user = userEvent.setup();
    await page('/admin/memberships');

    expect(await screen.findByRole('heading', { name: 'Members of Lyon' })).toBeInTheDocument();
    await user.selectOptions(await screen.findByLabelText('Role of Camille Martin'), 'stakeholder');
    expect(await screen.findByText('Camille Martin is now: Stakeholder.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ role: 'stakeholder' });

    await user.click(screen.getByRole('button', { name: 'Remove Camille Martin from Lyon' }));
    expect(await screen.findByText('Lyon has no members yet')).toBeInTheDocument();

    // Deactivated accounts are not offered.
    const person = screen.getByLabelText('Person');
    expect(within(person).queryByText(/Olivier Ancien/)).not.toBeInTheDocument();
    await user.selectOptions(person, 'u-admin');
    await user.selectOptions(screen.getByLabelText('Role'), 'observer');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Ada Admin')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('City'), 'tangier');
    expect(await screen.findByText('Tangier has no members yet')).toBeInTheDocument();
  });
});
