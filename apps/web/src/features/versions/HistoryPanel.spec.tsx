import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocumentAction } from '@passerelle/domain';
import { api } from '../../lib/api';
import { mockFetch, type FakeRequest } from '../../test/fetch';
import { profileDoc, signedIn } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import type { DocumentDetail } from '../documents/types';
import { HistoryPanel } from './HistoryPanel';
import type { Version } from './types';

const base = `/api/documents/${profileDoc.id}/versions`;
const version = (id: string, label: string, reason: Version['reason'], createdAt: string): Version => ({
  id,
  documentId: profileDoc.id,
  label,
  reason,
  createdAt,
  createdBy: { id: 'u-1', name: 'Julien Moreau' },
});
const versions = [
  version('v3', 'Adopted (round 1)', 'adoption', '2025-03-16T10:00:00.000Z'),
  version('v2', 'Submitted for review (round 1)', 'review', '2025-03-15T10:00:00.000Z'),
  version('v1', 'Premier jet', 'manual', '2025-03-14T10:00:00.000Z'),
];
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const paper = (permissions: DocumentAction[]): DocumentDetail => ({ ...profileDoc, permissions });

function routes(extra = {}) {
  return mockFetch({
    ...signedIn(),
    [`GET ${base}`]: { status: 200, body: versions },
    [`GET ${base}/v1/content`]: { status: 200, body: doc('Nous ouvrirons deux guichets.') },
    [`GET ${base}/v2/content`]: { status: 200, body: doc('Nous ouvrirons trois guichets.') },
    ...extra,
  });
}

const posts = (calls: FakeRequest[]) => calls.filter((c) => c.method === 'POST' && !c.url.startsWith('/api/auth/'));

describe('the history panel', () => {
  beforeEach(() => api.setSession(null));

  it('lists the versions with their titles in the interface language, who and why', async () => {
    routes();
    await renderWithApp(<HistoryPanel document={paper(['read'])} />, { lng: 'fr' });
    const titles = (await screen.findAllByText(/./, { selector: '.version-title' })).map((el) => el.textContent);
    expect(titles).toEqual(['Adopté (tour 1)', 'Soumis à l’examen (tour 1)', 'Premier jet']);
    expect(screen.getAllByText(/par Julien Moreau/)).toHaveLength(3);
    // A reader may view and compare, not save nor restore.
    expect(screen.queryByRole('button', { name: 'Enregistrer une version' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Restaurer/ })).not.toBeInTheDocument();
  });

  it('compares the two ticked versions word by word, oldest first', async () => {
    routes();
    const user = userEvent.setup();
    await renderWithApp(<HistoryPanel document={paper(['read'])} />);
    await screen.findByText('Premier jet');
    await user.click(screen.getByRole('checkbox', { name: 'Select Submitted for review (round 1) to compare' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Premier jet to compare' }));
    await user.click(screen.getByRole('button', { name: 'Compare the two selected versions' }));
    const pane = await screen.findByRole('region', {
      name: 'What changed from “Premier jet” to “Submitted for review (round 1)”',
    });
    expect(await within(pane).findByText('deux', { selector: 'del' })).toBeInTheDocument();
    expect(within(pane).getByText('trois', { selector: 'ins' })).toBeInTheDocument();
    expect(within(pane).getByText(/1 word added/)).toBeInTheDocument();
  });

  it('restores a version only after confirmation', async () => {
    const fetch = routes({
      [`POST ${base}/v1/restore`]: { status: 200, body: { restored: versions[2], backup: versions[0] } },
    });
    const user = userEvent.setup();
    await renderWithApp(<HistoryPanel document={paper(['read', 'edit', 'create_version'])} />);
    await user.click(await screen.findByRole('button', { name: 'Restore Premier jet' }));
    expect(screen.getByRole('alertdialog', { name: 'Restore “Premier jet”?' })).toBeInTheDocument();
    expect(posts(fetch.calls)).toEqual([]);
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByRole('status')).toHaveTextContent('“Premier jet” has been restored');
    expect(posts(fetch.calls).map((c) => c.url)).toEqual([`${base}/v1/restore`]);
  });

  it('saves the current text as a named version', async () => {
    const fetch = routes({
      [`POST ${base}`]: { status: 201, body: version('v4', 'Avant la réunion', 'manual', '2025-03-17T10:00:00.000Z') },
    });
    const user = userEvent.setup();
    await renderWithApp(<HistoryPanel document={paper(['read', 'edit', 'create_version'])} />);
    await user.type(await screen.findByLabelText('Name of the new version'), 'Avant la réunion');
    await user.click(screen.getByRole('button', { name: 'Save a version' }));
    expect(await screen.findByText('Version “Avant la réunion” saved.')).toBeInTheDocument();
    expect(posts(fetch.calls)[0]?.body).toEqual({ label: 'Avant la réunion' });
  });
});
