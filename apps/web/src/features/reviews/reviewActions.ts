import {
  DOCUMENT_TRANSITION_RULES,
  DOCUMENT_TRANSITIONS,
  REVIEWABLE_STATUS,
  transitionRefusal,
  type DocumentAction,
  type DocumentStatus,
  type DocumentTransition,
} from '@passerelle/domain';

export interface ReviewableDocument {
  status: DocumentStatus;
  published: boolean;
  /** What the caller may do to the document (GET /api/documents/:id, the shared access table). */
  permissions: readonly DocumentAction[];
}

export interface ReviewActions {
  /** The status moves to offer, in the order of the status machine. */
  transitions: DocumentTransition[];
  /** Whether to offer "Approve" and "Request changes". */
  canReview: boolean;
}

/**
 * What the review panel offers: the moves the caller's permissions allow (the access table) and
 * the document's status allows (the status machine), both shared with the API, so that a button
 * shown is a move the server accepts.
 */
export function reviewActions(doc: ReviewableDocument): ReviewActions {
  const allowed = (action: DocumentAction) => doc.permissions.includes(action);
  return {
    transitions: DOCUMENT_TRANSITIONS.filter(
      (transition) =>
        allowed(DOCUMENT_TRANSITION_RULES[transition].action) && transitionRefusal(transition, doc) === null,
    ),
    canReview: allowed('review') && doc.status === REVIEWABLE_STATUS,
  };
}

/** The moves that undo work or freeze the text: the person confirms them first. */
export const CONFIRMED_TRANSITIONS: ReadonlySet<DocumentTransition> = new Set([
  'adopt',
  'archive',
  'unpublish',
  'revise',
]);
