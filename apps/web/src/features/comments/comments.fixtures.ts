import type { CommentThread, MeDto, ThreadComment } from '@passerelle/domain';
import type { DocumentDetail } from '../documents/types';
import { lyon } from '../../test/fixtures';

/** Test data of the comments feature: people, a priority paper and threads on it. */
export const stakeholder: MeDto = {
  id: '5a9c3f0e-1111-4c1e-8a55-000000000001',
  email: 'stakeholder.lyon@passerelle.test',
  name: 'Amina Benali',
  role: 'member',
  active: true,
  language: null,
  memberships: [{ cityId: lyon.id, citySlug: 'lyon', role: 'stakeholder' }],
};

export const editor: MeDto = {
  ...stakeholder,
  id: '5a9c3f0e-2222-4c1e-8a55-000000000002',
  email: 'editor.lyon@passerelle.test',
  name: 'Julien Moreau',
  memberships: [{ cityId: lyon.id, citySlug: 'lyon', role: 'editor' }],
};

export const paper = (permissions: DocumentDetail['permissions']): DocumentDetail => ({
  id: 'd-1',
  cityId: lyon.id,
  kind: 'priority_paper',
  title: 'Document de priorités de Lyon',
  language: 'fr',
  status: 'draft',
  published: false,
  phase: 'knowledge',
  updatedAt: '2025-03-14T10:00:00.000Z',
  permissions,
});

export const STAKEHOLDER_PERMISSIONS: DocumentDetail['permissions'] = ['read', 'comment', 'review'];
export const EDITOR_PERMISSIONS: DocumentDetail['permissions'] = ['read', 'comment', 'edit', 'submit_review'];

const person = (me: MeDto) => ({ id: me.id, name: me.name });

export function comment(overrides: Partial<ThreadComment> & { id: string; threadId: string }): ThreadComment {
  return {
    author: person(stakeholder),
    body: '',
    mentions: [],
    createdAt: '2025-03-14T10:00:00.000Z',
    editedAt: null,
    deleted: false,
    ...overrides,
  };
}

export function thread(overrides: Partial<CommentThread> & { id: string }): CommentThread {
  const quote = overrides.quote ?? 'accueil digne';
  return {
    documentId: 'd-1',
    anchor: { start: 'AAAA', end: 'AAAB' },
    quote,
    currentQuote: quote,
    detached: false,
    range: { from: 10, to: 23 },
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    createdBy: person(stakeholder),
    createdAt: '2025-03-14T10:00:00.000Z',
    updatedAt: '2025-03-14T10:00:00.000Z',
    comments: [],
    suggestion: null,
    ...overrides,
  };
}

export const people = { stakeholder: person(stakeholder), editor: person(editor) };
