import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PILOT_PROJECT_TRANSITIONS, type PilotProjectStatus } from '@passerelle/domain';
import { Route, Routes } from 'react-router-dom';
import { api } from '../../lib/api';
import { mockFetch, type FakeRequest } from '../../test/fetch';
import { editorMe, lyon, signedIn } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import { PilotProjectPage } from './PilotProjectPage';
import { organisations, project, themes } from './pilotProjects.fixtures';
import { StatusActions } from './StatusActions';
import type { PilotProject } from './types';

const after = (status: PilotProjectStatus) => [...PILOT_PROJECT_TRANSITIONS[status]];

function projectPage(current: PilotProject) {
  let state = current;
  const { calls } = mockFetch({
    ...signedIn(editorMe),
    'GET /api/cities': { status: 200, body: [lyon] },
    'GET /api/themes': { status: 200, body: themes },
    'GET /api/organisations': { status: 200, body: organisations },
    [`GET /api/pilot-projects/${current.id}`]: () => ({ status: 200, body: state }),
    [`GET /api/pilot-projects/${current.id}/progress`]: { status: 200, body: [] },
    [`PATCH /api/pilot-projects/${current.id}`]: (request: FakeRequest) => {
      const status = (request.body as { status: PilotProjectStatus }).status;
      state = { ...state, status, allowedTransitions: after(status) };
      return { status: 200, body: state };
    },
  });
  return { calls };
}

describe('the status buttons of a pilot project', () => {
  beforeEach(() => {
    api.setSession(null);
    localStorage.clear();
  });

  const buttons = () => within(screen.getByRole('group', { name: 'Change the status' })).getAllByRole('button');

  it('offers exactly the moves the API allows, and moves the project along when one is clicked', async () => {
    const { calls } = projectPage(project);
    const user = userEvent.setup();
    await renderWithApp(
      <Routes>
        <Route path="pilot-projects/:id" element={<PilotProjectPage />} />
      </Routes>,
      { route: `/pilot-projects/${project.id}` },
    );
    expect(await screen.findByRole('heading', { level: 1, name: project.title })).toBeInTheDocument();
    expect(buttons().map((b) => b.textContent)).toEqual(['Approve', 'Cancel the project']);

    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('Approved')).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ status: 'approved' });
    expect(buttons().map((b) => b.textContent)).toEqual(['Start', 'Put on hold', 'Cancel the project']);
  });

  it('asks before a final move, and sends nothing when the person keeps the project as it is', async () => {
    const onChange = jest.fn(async () => undefined);
    mockFetch({ 'POST /api/auth/refresh': { status: 401 } });
    const user = userEvent.setup();
    await renderWithApp(
      <StatusActions
        project={{ status: 'in_progress', allowedTransitions: after('in_progress'), canManage: true }}
        onChange={onChange}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Mark as completed' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('It becomes a record and can no longer change.');
    expect(onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Keep it as it is' }));
    expect(onChange).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Mark as completed' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Mark as completed' }));
    expect(onChange).toHaveBeenCalledWith('completed');
  });

  it('calls the way back from a pause "Resume", and offers nothing to people who may not manage the project', async () => {
    mockFetch({ 'POST /api/auth/refresh': { status: 401 } });
    const { rerender } = await renderWithApp(
      <StatusActions
        project={{ status: 'on_hold', allowedTransitions: after('on_hold'), canManage: true }}
        onChange={jest.fn()}
      />,
    );
    expect(buttons().map((b) => b.textContent)).toEqual(['Resume', 'Cancel the project']);
    rerender(
      <StatusActions
        project={{ status: 'on_hold', allowedTransitions: after('on_hold'), canManage: false }}
        onChange={jest.fn()}
      />,
    );
    expect(screen.queryByRole('group', { name: 'Change the status' })).not.toBeInTheDocument();
  });

  it('flags the overdue milestone and links the co-edited description', async () => {
    projectPage(project);
    await renderWithApp(
      <Routes>
        <Route path="pilot-projects/:id" element={<PilotProjectPage />} />
      </Routes>,
      { route: `/pilot-projects/${project.id}`, lng: 'fr' },
    );
    const row = (await screen.findByRole('rowheader', { name: 'Interpreters trained' })).closest('tr')!;
    expect(within(row).getByText('En retard')).toBeInTheDocument();
    expect(screen.getByText('1 jalon en retard')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ouvrir la description co-rédigée' })).toHaveAttribute(
      'href',
      '/documents/d-desc',
    );
    expect(screen.getByText('85 000,00 €')).toBeInTheDocument();
  });
});
