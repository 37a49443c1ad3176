import { canOnDocument, type DocumentAction, type DocumentRef, type Principal } from './access';
import { DOCUMENT_STATUSES, type ApprovalDecision, type DocumentStatus } from './enums';

/**
 * The document status machine (SPEC "Document status"), as data shared by the API and the web
 * client: which action of the access table each move needs, where it may start, where it leads.
 *
 * Decisions taken here, the way adoption works in practice:
 * - "Request changes" does not send the document back to draft: it stays in review, marked as
 *   changes requested, editors keep editing (in_review is editable) and submit again, which opens
 *   a new review round.
 * - `published` always implies `adopted`: only an adopted text is offered to the other cities, so
 *   reopening it as a new revision or archiving it withdraws the publication.
 */
export const DOCUMENT_TRANSITIONS = [
  'submit',
  'adopt',
  'revise',
  'publish',
  'unpublish',
  'archive',
  'unarchive',
] as const;
export type DocumentTransition = (typeof DOCUMENT_TRANSITIONS)[number];

export interface TransitionRule {
  /** The action of the access table the person needs. */
  action: DocumentAction;
  /** The statuses the move may start from. */
  from: readonly DocumentStatus[];
  /** The status afterwards; null keeps the status as it is (publication). */
  to: DocumentStatus | null;
  /** The publication flag afterwards; undefined keeps it. */
  published?: boolean;
  /** The publication flag the document must have before the move, when it matters. */
  requiresPublished?: boolean;
}

export const DOCUMENT_TRANSITION_RULES: Readonly<Record<DocumentTransition, TransitionRule>> = {
  submit: { action: 'submit_review', from: ['draft', 'in_review'], to: 'in_review' },
  adopt: { action: 'adopt', from: ['in_review'], to: 'adopted' },
  revise: { action: 'submit_review', from: ['adopted'], to: 'draft', published: false },
  publish: { action: 'publish', from: ['adopted'], to: null, published: true, requiresPublished: false },
  unpublish: { action: 'publish', from: DOCUMENT_STATUSES, to: null, published: false, requiresPublished: true },
  archive: { action: 'archive', from: ['draft', 'in_review', 'adopted'], to: 'archived', published: false },
  unarchive: { action: 'archive', from: ['archived'], to: 'draft' },
};

const STATUS_WORDS: Readonly<Record<DocumentStatus, string>> = {
  draft: 'draft',
  in_review: 'in review',
  adopted: 'adopted',
  archived: 'archived',
};

const REFUSALS: Readonly<Record<DocumentTransition, string>> = {
  submit: 'Only a draft or a document in review can be submitted for review',
  adopt: 'Only a document in review can be adopted',
  revise: 'Only an adopted document can be reopened as a new revision',
  publish: 'Only an adopted document can be published',
  unpublish: 'This document is not published',
  archive: 'This document is already archived',
  unarchive: 'Only an archived document can be taken out of the archive',
};

/**
 * Why the move cannot happen from the document's current state (null when it can). The status
 * part only: who may do it is the access table's business (`canOnDocument`).
 */
export function transitionRefusal(
  transition: DocumentTransition,
  doc: { status: DocumentStatus; published: boolean },
): string | null {
  const rule = DOCUMENT_TRANSITION_RULES[transition];
  if (rule.requiresPublished === true && !doc.published) return REFUSALS[transition];
  if (rule.requiresPublished === false && doc.published) return 'This document is already published';
  if (!rule.from.includes(doc.status)) {
    // "Already archived" says it all; the others name the status the document is in.
    return transition === 'archive'
      ? REFUSALS[transition]
      : `${REFUSALS[transition]} (it is ${STATUS_WORDS[doc.status]})`;
  }
  return null;
}

/** Where the move leads from `doc`. */
export function transitionResult(
  transition: DocumentTransition,
  doc: { status: DocumentStatus; published: boolean },
): { status: DocumentStatus; published: boolean } {
  const rule = DOCUMENT_TRANSITION_RULES[transition];
  return { status: rule.to ?? doc.status, published: rule.published ?? doc.published };
}

/** The moves this person may make on the document now (access table and status both allow). */
export function availableTransitions(
  principal: Principal,
  doc: DocumentRef & { status: DocumentStatus },
): DocumentTransition[] {
  return DOCUMENT_TRANSITIONS.filter(
    (t) => canOnDocument(principal, DOCUMENT_TRANSITION_RULES[t].action, doc) && transitionRefusal(t, doc) === null,
  );
}

/** Reviewers decide only while the document is in review. */
export const REVIEWABLE_STATUS: DocumentStatus = 'in_review';

/** Where a review round stands, for the status panel. */
export const REVIEW_STATES = ['not_submitted', 'awaiting', 'changes_requested', 'approved', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/**
 * The state of the latest round: any "request changes" outweighs approvals; it is approved once
 * somebody approved and no stakeholder of the city is left to decide.
 */
export function reviewState(input: {
  status: DocumentStatus;
  hasRound: boolean;
  decisions: ReadonlyArray<{ decision: ApprovalDecision }>;
  pendingCount: number;
}): ReviewState {
  if (!input.hasRound) return 'not_submitted';
  if (input.status !== REVIEWABLE_STATUS) return 'closed';
  if (input.decisions.some((d) => d.decision === 'request_changes')) return 'changes_requested';
  if (input.decisions.length > 0 && input.pendingCount === 0) return 'approved';
  return 'awaiting';
}

/** The review panel of a document (GET /api/documents/:id/reviews). */
export interface ReviewSummaryDto {
  documentId: string;
  status: DocumentStatus;
  published: boolean;
  /** The latest round's number (1, 2, …); null when the document was never submitted. */
  round: number | null;
  /** Whether that round is still open (the document is in review). */
  open: boolean;
  state: ReviewState;
  submittedBy: { id: string; name: string } | null;
  submittedAt: string | null;
  /** The current decision of each reviewer in that round, oldest first. */
  approvals: Array<{
    reviewer: { id: string; name: string };
    decision: ApprovalDecision;
    note: string;
    createdAt: string;
    updatedAt: string;
  }>;
  /** The city's stakeholders who have not decided yet in the open round. */
  pending: Array<{ id: string; name: string }>;
  canReview: boolean;
  canAdopt: boolean;
  /** The moves the caller may make now. */
  transitions: DocumentTransition[];
}
