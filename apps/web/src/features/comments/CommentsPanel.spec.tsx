import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CommentThread, MeDto } from '@passerelle/domain';
import { api } from '../../lib/api';
import { mockFetch, type FakeAnswer, type FakeRequest } from '../../test/fetch';
import { signedIn } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import {
  comment,
  editor,
  EDITOR_PERMISSIONS,
  paper,
  people,
  stakeholder,
  STAKEHOLDER_PERMISSIONS,
  thread,
} from './comments.fixtures';
import { useComments } from './CommentsContext';
import { DocumentComments } from './DocumentComments';
import { acquireLiveSocket } from './liveSocket';

jest.mock('./liveSocket', () => ({ acquireLiveSocket: jest.fn() }));

/** A stand-in for the live socket: records what is emitted, and lets a test push server events. */
function fakeSocket() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const emitted: Array<{ event: string; payload: unknown }> = [];
  const socket = {
    connected: true,
    on: (event: string, fn: (payload: unknown) => void) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(fn);
    },
    off: (event: string, fn: (payload: unknown) => void) => listeners.get(event)?.delete(fn),
    emit: (event: string, payload: unknown, ack?: (answer: unknown) => void) => {
      emitted.push({ event, payload });
      ack?.({ ok: true });
    },
  };
  const push = (event: string, payload: unknown) => listeners.get(event)?.forEach((fn) => fn(payload));
  return { socket, emitted, push };
}

const THREADS = '/api/documents/d-1/threads';

const plain = thread({
  id: 't-plain',
  quote: 'accueil digne',
  currentQuote: 'accueil digne',
  comments: [
    comment({
      id: 'c-1',
      threadId: 't-plain',
      body: `Peut-on préciser ? @[Julien M.](user:${editor.id})`,
      mentions: [people.editor],
      editedAt: '2025-03-14T11:00:00.000Z',
    }),
    comment({ id: 'c-2', threadId: 't-plain', author: people.editor, body: 'Oui, je reformule.' }),
    comment({ id: 'c-3', threadId: 't-plain', author: people.editor, body: '', deleted: true }),
  ],
});
const suggestion = thread({
  id: 't-suggestion',
  quote: 'trois ateliers',
  currentQuote: 'trois ateliers',
  suggestion: { text: 'quatre ateliers', status: 'pending', decidedBy: null, decidedAt: null },
});
const detached = thread({
  id: 't-detached',
  quote: 'un paragraphe supprimé',
  currentQuote: null,
  detached: true,
  range: null,
  comments: [comment({ id: 'c-4', threadId: 't-detached', body: 'À garder ?' })],
});
const resolved = thread({
  id: 't-resolved',
  quote: 'la Guillotière',
  resolved: true,
  resolvedAt: '2025-03-14T12:00:00.000Z',
  resolvedBy: people.editor,
  comments: [comment({ id: 'c-5', threadId: 't-resolved', body: 'Réglé.' })],
});

/** A button that stands for the editor: it starts a thread on a passage, as selecting text does. */
function FakeEditor() {
  const comments = useComments()!;
  return (
    <button
      type="button"
      onClick={() => comments.startDraft({ anchor: { start: 'AQID', end: 'BAUG' }, quote: 'services municipaux' })}
    >
      select a passage
    </button>
  );
}

async function open(
  me: MeDto,
  permissions: typeof EDITOR_PERMISSIONS,
  threads: CommentThread[] | (() => CommentThread[]),
  routes: Record<string, FakeAnswer | ((request: FakeRequest) => FakeAnswer | undefined)> = {},
) {
  const live = fakeSocket();
  jest.mocked(acquireLiveSocket).mockReturnValue({ socket: live.socket as never, release: jest.fn() });
  const fetch = mockFetch({
    ...signedIn(me),
    [`GET ${THREADS}`]: () => ({ status: 200, body: typeof threads === 'function' ? threads() : threads }),
    ...routes,
  });
  await renderWithApp(
    <DocumentComments document={paper(permissions)}>
      <FakeEditor />
    </DocumentComments>,
  );
  const panel = await screen.findByRole('complementary', { name: 'Comments' });
  await within(panel).findByRole('group', { name: 'Show' });
  return { panel, live, fetch };
}

const card = (panel: HTMLElement, quote: string) =>
  within(panel).getByRole('article', { name: new RegExp(`“${quote}`) });

describe('the comments panel', () => {
  beforeEach(() => {
    api.setSession(null);
    localStorage.clear();
  });

  it('lists the open threads with their passage and comments (author, edited, deleted), the resolved ones on demand', async () => {
    const user = userEvent.setup();
    const { panel } = await open(stakeholder, STAKEHOLDER_PERMISSIONS, [plain, suggestion, detached, resolved]);
    const cards = await within(panel).findAllByRole('article');
    expect(cards.map((c) => c.getAttribute('data-thread-id'))).toEqual(['t-plain', 't-suggestion', 't-detached']);

    const first = card(panel, 'accueil digne');
    expect(within(first).getByText('accueil digne')).toHaveAttribute('lang', 'fr');
    const [edited, reply, gone] = within(first).getAllByRole('listitem');
    expect(within(edited).getByText('Amina Benali')).toBeInTheDocument();
    expect(within(edited).getByText('(edited)')).toBeInTheDocument();
    expect(within(edited).getByText('@Julien Moreau')).toHaveClass('mention-chip');
    expect(within(edited).getByRole('time')).toHaveAttribute('dateTime', '2025-03-14T10:00:00.000Z');
    expect(within(reply).getByText('Oui, je reformule.')).toBeInTheDocument();
    expect(within(gone).getByText('This comment was deleted.')).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Resolved (1)' }));
    expect(within(panel).getAllByRole('article')).toHaveLength(1);
    const done = card(panel, 'la Guillotière');
    expect(within(done).getByText(/^Resolved by Julien Moreau/)).toBeInTheDocument();
    expect(within(done).getByRole('button', { name: 'Reopen' })).toBeInTheDocument();
  });

  it('keeps a detached thread readable with its original quote and a detached badge', async () => {
    const { panel } = await open(stakeholder, STAKEHOLDER_PERMISSIONS, [plain, detached]);
    const lost = await within(panel).findByRole('article', { name: /un paragraphe supprimé/ });
    expect(within(lost).getByText('Detached')).toHaveClass('badge');
    expect(within(lost).getByText('un paragraphe supprimé')).toBeInTheDocument();
    expect(within(card(panel, 'accueil digne')).queryByText('Detached')).not.toBeInTheDocument();
  });

  it('sends a reply that mentions someone chosen from the people who can read the document', async () => {
    const user = userEvent.setup();
    const { panel, fetch } = await open(stakeholder, STAKEHOLDER_PERMISSIONS, [plain], {
      'GET /api/documents/d-1/mentionable': { status: 200, body: [people.editor] },
      'POST /api/threads/t-plain/comments': { status: 201, body: comment({ id: 'c-9', threadId: 't-plain' }) },
    });
    const first = await within(panel).findByRole('article', { name: /accueil digne/ });
    await user.click(within(first).getByRole('button', { name: 'Reply' }));
    const box = within(first).getByRole('textbox', { name: 'Reply to this thread' });
    expect(box).toHaveFocus();
    await user.type(box, 'Merci @Jul');
    const option = await within(first).findByRole('option', { name: 'Julien Moreau' });
    expect(fetch.calls.some((c) => c.url === '/api/documents/d-1/mentionable?q=Jul')).toBe(true);
    expect(box).toHaveAttribute('aria-activedescendant', option.id);
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('Merci @Julien Moreau ');
    expect(within(first).queryByRole('listbox')).not.toBeInTheDocument();
    await user.type(box, 'voir page 2');
    await user.click(within(first).getByRole('button', { name: 'Reply' }));
    await waitFor(() =>
      expect(fetch.calls.find((c) => c.method === 'POST' && !c.url.startsWith('/api/auth'))?.body).toEqual({
        body: `Merci @[Julien Moreau](user:${editor.id}) voir page 2`,
      }),
    );
    await waitFor(() => expect(within(first).queryByRole('textbox')).not.toBeInTheDocument());
  });

  it('resolves an open thread and reopens a resolved one', async () => {
    const user = userEvent.setup();
    const { panel, fetch } = await open(stakeholder, STAKEHOLDER_PERMISSIONS, [plain, resolved], {
      'PATCH /api/threads/t-plain': { status: 200, body: { ...plain, resolved: true } },
      'PATCH /api/threads/t-resolved': { status: 200, body: { ...resolved, resolved: false } },
    });
    await user.click(within(card(panel, 'accueil digne')).getByRole('button', { name: 'Resolve' }));
    await user.click(within(panel).getByRole('button', { name: 'Resolved (1)' }));
    await user.click(within(card(panel, 'la Guillotière')).getByRole('button', { name: 'Reopen' }));
    const patches = fetch.calls.filter((c) => c.method === 'PATCH').map((c) => [c.url, c.body]);
    expect(patches).toEqual([
      ['/api/threads/t-plain', { resolved: true }],
      ['/api/threads/t-resolved', { resolved: false }],
    ]);
  });

  it('shows a suggestion struck through with its wording, and no Accept or Reject to people who may not edit', async () => {
    const { panel } = await open(stakeholder, STAKEHOLDER_PERMISSIONS, [suggestion]);
    const proposal = await within(panel).findByRole('article', { name: /trois ateliers/ });
    expect(within(proposal).getByText('Amina Benali suggests')).toBeInTheDocument();
    expect(
      within(proposal)
        .getAllByText('trois ateliers')
        .some((el) => el.tagName === 'DEL'),
    ).toBe(true);
    expect(within(proposal).getByText('quatre ateliers').tagName).toBe('INS');
    expect(within(proposal).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    expect(within(proposal).queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Accept all' })).not.toBeInTheDocument();
  });

  it('lets an editor accept or reject a suggestion, one by one or all at once', async () => {
    const user = userEvent.setup();
    const { panel, fetch } = await open(editor, EDITOR_PERMISSIONS, [suggestion], {
      'POST /api/threads/t-suggestion/suggestion/accept': { status: 200, body: suggestion },
      'POST /api/documents/d-1/suggestions/reject-all': {
        status: 200,
        body: { decided: ['t-suggestion'], skipped: [] },
      },
    });
    const proposal = await within(panel).findByRole('article', { name: /trois ateliers/ });
    await user.click(within(proposal).getByRole('button', { name: 'Accept' }));
    await user.click(within(panel).getByRole('button', { name: 'Reject all' }));
    await user.click(within(panel).getByRole('button', { name: 'Confirm' }));
    expect(await within(panel).findByRole('status')).toHaveTextContent('Decided: 1.');
    expect(fetch.calls.filter((c) => c.method === 'POST' && !c.url.startsWith('/api/auth')).map((c) => c.url)).toEqual([
      '/api/threads/t-suggestion/suggestion/accept',
      '/api/documents/d-1/suggestions/reject-all',
    ]);
  });

  it("lets people edit and delete their own comments, not others'", async () => {
    const user = userEvent.setup();
    const { panel, fetch } = await open(stakeholder, STAKEHOLDER_PERMISSIONS, [plain], {
      'PATCH /api/comments/c-1': { status: 200, body: plain.comments[0] },
      'DELETE /api/comments/c-1': { status: 204 },
    });
    const [mine, theirs] = within(await within(panel).findByRole('article', { name: /accueil/ })).getAllByRole(
      'listitem',
    );
    expect(within(theirs).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    await user.click(within(mine).getByRole('button', { name: 'Edit' }));
    const box = within(mine).getByRole('textbox', { name: 'Edit your comment' });
    // The mention reads as a name while editing, and is a token again once saved.
    expect(box).toHaveValue('Peut-on préciser ? @Julien M.');
    await user.type(box, ' Merci');
    await user.click(within(mine).getByRole('button', { name: 'Save' }));
    await user.click(within(mine).getByRole('button', { name: 'Delete' }));
    await user.click(within(mine).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(fetch.calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(fetch.calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      body: `Peut-on préciser ? @[Julien M.](user:${editor.id}) Merci`,
    });
  });

  it('subscribes to the document on the live socket and refetches the threads when one changes', async () => {
    let current = [plain];
    const { panel, live } = await open(stakeholder, STAKEHOLDER_PERMISSIONS, () => current);
    await within(panel).findByRole('article', { name: /accueil digne/ });
    expect(live.emitted).toContainEqual({ event: 'live:subscribe', payload: { documentId: 'd-1' } });
    current = [plain, suggestion];
    act(() => live.push('thread:changed', { documentId: 'd-1', threadId: 't-suggestion' }));
    expect(await within(panel).findByRole('article', { name: /trois ateliers/ })).toBeInTheDocument();
  });

  it('opens a thread on the passage chosen in the text; only people who may not edit can suggest wording', async () => {
    const user = userEvent.setup();
    const created = thread({ id: 't-new', quote: 'services municipaux' });
    const { panel, fetch } = await open(stakeholder, STAKEHOLDER_PERMISSIONS, [], {
      [`POST ${THREADS}`]: { status: 201, body: created },
    });
    expect(within(panel).getByText('No open comments')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'select a passage' }));
    const form = within(panel).getByRole('form', { name: 'New comment' });
    await user.click(within(form).getByRole('checkbox', { name: 'Suggest wording' }));
    const wording = within(form).getByRole('textbox', { name: 'Proposed wording' });
    expect(wording).toHaveValue('services municipaux');
    await user.clear(wording);
    await user.type(wording, 'services de la Ville');
    await user.click(within(form).getByRole('button', { name: 'Suggest' }));
    await waitFor(() => expect(within(panel).queryByRole('form')).not.toBeInTheDocument());
    expect(fetch.calls.find((c) => c.method === 'POST' && !c.url.startsWith('/api/auth'))?.body).toEqual({
      anchor: { start: 'AQID', end: 'BAUG' },
      quote: 'services municipaux',
      suggestion: 'services de la Ville',
    });
  });

  it('does not offer wording suggestions to editors, who change the text themselves', async () => {
    const user = userEvent.setup();
    const { panel } = await open(editor, EDITOR_PERMISSIONS, []);
    await user.click(screen.getByRole('button', { name: 'select a passage' }));
    const form = within(panel).getByRole('form', { name: 'New comment' });
    expect(within(form).queryByRole('checkbox')).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Comment' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Write a comment first.');
  });
});
