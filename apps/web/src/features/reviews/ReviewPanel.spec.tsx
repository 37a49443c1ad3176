import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocumentAction, DocumentStatus, ReviewSummaryDto } from '@passerelle/domain';
import { api } from '../../lib/api';
import { mockFetch, type FakeAnswer, type FakeRequest } from '../../test/fetch';
import { profileDoc, signedIn } from '../../test/fixtures';
import { renderWithApp } from '../../test/render';
import type { DocumentDetail } from '../documents/types';
import { useDocument } from '../documents/useDocuments';
import { ReviewPanel } from './ReviewPanel';

const EDITOR: DocumentAction[] = ['read', 'comment', 'edit', 'submit_review', 'create_version'];
const STAKEHOLDER: DocumentAction[] = ['read', 'comment', 'review'];
const OBSERVER: DocumentAction[] = ['read'];
const COORDINATOR: DocumentAction[] = [
  'read',
  'comment',
  'submit_review',
  'create_version',
  'review',
  'adopt',
  'publish',
  'archive',
];

const paper = (status: DocumentStatus, permissions: DocumentAction[], published = false): DocumentDetail => ({
  ...profileDoc,
  kind: 'priority_paper',
  title: 'Document de priorités de Lyon',
  status,
  published,
  permissions,
});

const summary = (overrides: Partial<ReviewSummaryDto> = {}): ReviewSummaryDto => ({
  documentId: profileDoc.id,
  status: 'in_review',
  published: false,
  round: 1,
  open: true,
  state: 'awaiting',
  submittedBy: { id: 'u-1', name: 'Julien Moreau' },
  submittedAt: '2025-03-14T10:00:00.000Z',
  approvals: [],
  pending: [{ id: 'u-2', name: 'Nadia Benali' }],
  canReview: false,
  canAdopt: false,
  transitions: [],
  ...overrides,
});

const reviewsPath = `/api/documents/${profileDoc.id}/reviews`;

/** The panel as the document page shows it: with the document as the API answers it now. */
function Page() {
  const doc = useDocument(profileDoc.id);
  return doc.data ? <ReviewPanel document={doc.data} /> : null;
}

async function renderPanel(
  doc: DocumentDetail,
  review: ReviewSummaryDto = summary({ status: doc.status }),
  routes: Record<string, FakeAnswer | ((request: FakeRequest) => FakeAnswer)> = {},
) {
  const fetch = mockFetch({
    ...signedIn(),
    [`GET /api/documents/${profileDoc.id}`]: { status: 200, body: doc },
    [`GET ${reviewsPath}`]: { status: 200, body: review },
    ...routes,
  });
  const view = await renderWithApp(<Page />);
  await screen.findByText(/./, { selector: '.review-state' });
  return { ...view, fetch };
}

/** The calls that change something (the session's refresh aside). */
const posts = (fetch: { calls: FakeRequest[] }) =>
  fetch.calls.filter((c) => c.method === 'POST' && !c.url.startsWith('/api/auth/'));

const buttonNames = () =>
  within(screen.getByRole('region', { name: 'Review and adoption' }))
    .queryAllByRole('button')
    .map((button) => button.textContent);

describe('the review panel', () => {
  beforeEach(() => api.setSession(null));

  it.each([
    ['an editor, on a draft', paper('draft', EDITOR), ['Submit for review']],
    ['an editor, while in review', paper('in_review', EDITOR), ['Submit again (new round)']],
    ['an editor, once adopted', paper('adopted', EDITOR), ['Start a new revision']],
    ['a stakeholder, on a draft', paper('draft', STAKEHOLDER), []],
    ['a stakeholder, while in review', paper('in_review', STAKEHOLDER), ['Approve', 'Request changes']],
    ['an observer, while in review', paper('in_review', OBSERVER), []],
    [
      'a coordinator, while in review',
      paper('in_review', COORDINATOR),
      ['Submit again (new round)', 'Adopt', 'Archive', 'Approve', 'Request changes'],
    ],
    [
      'a coordinator, once adopted',
      paper('adopted', COORDINATOR),
      ['Start a new revision', 'Publish to the programme', 'Archive'],
    ],
    [
      'a coordinator, once published',
      paper('adopted', COORDINATOR, true),
      ['Start a new revision', 'Withdraw the publication', 'Archive'],
    ],
    ['a coordinator, on an archived document', paper('archived', COORDINATOR), ['Take out of the archive']],
  ])('offers %s exactly the moves the access table and the status allow', async (_who, doc, expected) => {
    await renderPanel(doc);
    expect(buttonNames()).toEqual(expected);
  });

  it('shows who approved with their note, who asked for changes, and who is pending', async () => {
    await renderPanel(
      paper('in_review', OBSERVER),
      summary({
        state: 'changes_requested',
        approvals: [
          {
            reviewer: { id: 'u-3', name: 'Karim Tazi' },
            decision: 'approve',
            note: 'Clear and complete.',
            createdAt: '2025-03-15T09:00:00.000Z',
            updatedAt: '2025-03-15T09:00:00.000Z',
          },
          {
            reviewer: { id: 'u-4', name: 'Leïla Haddad' },
            decision: 'request_changes',
            note: 'Name the housing partners.',
            createdAt: '2025-03-15T10:00:00.000Z',
            updatedAt: '2025-03-15T10:00:00.000Z',
          },
        ],
        pending: [
          { id: 'u-2', name: 'Nadia Benali' },
          { id: 'u-5', name: 'Omar Fares' },
        ],
      }),
    );
    expect(screen.getByText(/Changes requested: the editors revise/)).toBeInTheDocument();
    expect(screen.getByText(/Round 1 submitted by Julien Moreau/)).toBeInTheDocument();
    const decisions = within(screen.getByRole('list', { name: 'Decisions of the reviewers' })).getAllByRole('listitem');
    expect(decisions[0]).toHaveTextContent('Karim Tazi');
    expect(decisions[0]).toHaveTextContent('Approved');
    expect(decisions[0]).toHaveTextContent('Clear and complete.');
    expect(decisions[1]).toHaveTextContent('Changes requested');
    expect(decisions[1]).toHaveTextContent('Name the housing partners.');
    expect(screen.getByText('Nadia Benali and Omar Fares')).toBeInTheDocument();
  });

  it('asks before adopting, then shows the adopted document', async () => {
    const user = userEvent.setup();
    let current = paper('in_review', COORDINATOR);
    const { fetch, queryClient } = await renderPanel(current, summary(), {
      [`GET /api/documents/${profileDoc.id}`]: () => ({ status: 200, body: current }),
      [`POST /api/documents/${profileDoc.id}/adopt`]: () => {
        current = paper('adopted', COORDINATOR);
        return { status: 200, body: current };
      },
    });
    await user.click(screen.getByRole('button', { name: 'Adopt' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Adopt this document?' });
    expect(posts(fetch)).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Adopt' }));
    expect(await screen.findByText('Adopted. A final version has been saved.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(posts(fetch).map((c) => c.url)).toEqual([`/api/documents/${profileDoc.id}/adopt`]);
    expect(queryClient.getQueryData(['documents', profileDoc.id])).toMatchObject({ status: 'adopted' });
    // The moves offered are now those of an adopted document.
    expect(buttonNames()).toEqual(['Start a new revision', 'Publish to the programme', 'Archive']);
  });

  it('does nothing when the confirmation is cancelled', async () => {
    const user = userEvent.setup();
    const { fetch } = await renderPanel(paper('adopted', COORDINATOR));
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(posts(fetch)).toEqual([]);
  });

  it('explains a refused move (409) in the interface language', async () => {
    const user = userEvent.setup();
    await renderPanel(
      paper('draft', EDITOR),
      summary({ status: 'draft', state: 'not_submitted', round: null, open: false }),
      {
        [`POST /api/documents/${profileDoc.id}/submit`]: {
          status: 409,
          body: { statusCode: 409, code: 'conflict', message: 'Only a draft … (it is adopted)' },
        },
      },
    );
    await user.click(screen.getByRole('button', { name: 'Submit for review' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only a draft or a document in review can be submitted for review.',
    );
  });

  it('requires a note to request changes, and sends the decision with it', async () => {
    const user = userEvent.setup();
    const decided = summary({
      state: 'changes_requested',
      approvals: [
        {
          reviewer: { id: 'u-1', name: 'Camille Martin' },
          decision: 'request_changes',
          note: 'Add the 2024 figures.',
          createdAt: '2025-03-15T10:00:00.000Z',
          updatedAt: '2025-03-15T10:00:00.000Z',
        },
      ],
      pending: [],
    });
    const { fetch } = await renderPanel(paper('in_review', STAKEHOLDER), summary(), {
      [`POST ${reviewsPath}`]: { status: 201, body: decided },
    });
    await user.click(screen.getByRole('button', { name: 'Request changes' }));
    expect(screen.getByText(/Say what should change/)).toBeInTheDocument();
    expect(posts(fetch)).toEqual([]);

    await user.type(screen.getByLabelText('Note'), 'Add the 2024 figures.');
    await user.click(screen.getByRole('button', { name: 'Request changes' }));
    await screen.findByText('Your request for changes has been sent to the editors.');
    expect(posts(fetch)[0]?.body).toEqual({
      decision: 'request_changes',
      note: 'Add the 2024 figures.',
    });
    await waitFor(() => expect(screen.getByText('Camille Martin (you)')).toBeInTheDocument());
    expect(screen.getByRole('heading', { name: 'Change your decision' })).toBeInTheDocument();
  });
});
