import type { Principal } from './access';
import { DOCUMENT_STATUSES, type DocumentStatus } from './enums';
import {
  availableTransitions,
  DOCUMENT_TRANSITIONS,
  reviewState,
  transitionRefusal,
  transitionResult,
  type DocumentTransition,
} from './reviews';

const city = 'c1';
const editor: Principal = { role: 'member', memberships: [{ cityId: city, role: 'editor' }] };
const stakeholder: Principal = { role: 'member', memberships: [{ cityId: city, role: 'stakeholder' }] };
const coordinator: Principal = { role: 'coordinator', memberships: [] };

/** Every (status, published) pair the machine can reach: published only when adopted. */
const STATES = [
  ...DOCUMENT_STATUSES.map((status) => ({ status, published: false })),
  { status: 'adopted' as DocumentStatus, published: true },
];

describe('document status machine', () => {
  const allowed: Record<DocumentTransition, string[]> = {
    submit: ['draft', 'in_review'],
    adopt: ['in_review'],
    revise: ['adopted', 'adopted+published'],
    publish: ['adopted'],
    unpublish: ['adopted+published'],
    archive: ['draft', 'in_review', 'adopted', 'adopted+published'],
    unarchive: ['archived'],
  };

  it.each(DOCUMENT_TRANSITIONS)('%s is allowed from exactly the listed states', (transition) => {
    const from = STATES.filter((s) => transitionRefusal(transition, s) === null).map(
      (s) => s.status + (s.published ? '+published' : ''),
    );
    expect(from).toEqual(allowed[transition]);
  });

  it('gives the reason of a refusal with the status the document is in', () => {
    expect(transitionRefusal('adopt', { status: 'draft', published: false })).toBe(
      'Only a document in review can be adopted (it is draft)',
    );
    expect(transitionRefusal('publish', { status: 'in_review', published: false })).toBe(
      'Only an adopted document can be published (it is in review)',
    );
    expect(transitionRefusal('publish', { status: 'adopted', published: true })).toBe(
      'This document is already published',
    );
    expect(transitionRefusal('archive', { status: 'archived', published: false })).toBe(
      'This document is already archived',
    );
  });

  it('never leaves a document published unless it is adopted', () => {
    for (const transition of DOCUMENT_TRANSITIONS) {
      for (const state of STATES) {
        if (transitionRefusal(transition, state) !== null) continue;
        const next = transitionResult(transition, state);
        expect(next.published ? next.status : 'adopted').toBe('adopted');
      }
    }
  });

  it('leads where the spec says', () => {
    const draft = { status: 'draft' as const, published: false };
    expect(transitionResult('submit', draft)).toEqual({ status: 'in_review', published: false });
    expect(transitionResult('adopt', { status: 'in_review', published: false }).status).toBe('adopted');
    expect(transitionResult('revise', { status: 'adopted', published: true })).toEqual(draft);
    expect(transitionResult('unarchive', { status: 'archived', published: false })).toEqual(draft);
  });

  it('offers each person only the moves the access table and the status allow', () => {
    const inReview = { cityId: city, published: false, status: 'in_review' as const };
    expect(availableTransitions(editor, inReview)).toEqual(['submit']);
    expect(availableTransitions(stakeholder, inReview)).toEqual([]);
    expect(availableTransitions(coordinator, inReview)).toEqual(['submit', 'adopt', 'archive']);
    const adopted = { cityId: city, published: false, status: 'adopted' as const };
    expect(availableTransitions(editor, adopted)).toEqual(['revise']);
    expect(availableTransitions(coordinator, adopted)).toEqual(['revise', 'publish', 'archive']);
  });
});

describe('reviewState', () => {
  const base = { status: 'in_review' as const, hasRound: true, decisions: [], pendingCount: 1 };
  it('tells where the latest round stands', () => {
    expect(reviewState({ ...base, hasRound: false, status: 'draft' })).toBe('not_submitted');
    expect(reviewState(base)).toBe('awaiting');
    expect(reviewState({ ...base, decisions: [{ decision: 'approve' }] })).toBe('awaiting');
    expect(reviewState({ ...base, decisions: [{ decision: 'approve' }], pendingCount: 0 })).toBe('approved');
    expect(
      reviewState({ ...base, decisions: [{ decision: 'approve' }, { decision: 'request_changes' }], pendingCount: 0 }),
    ).toBe('changes_requested');
    expect(reviewState({ ...base, status: 'adopted', decisions: [{ decision: 'approve' }] })).toBe('closed');
  });
});
