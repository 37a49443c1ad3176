import type { ApprovalDecision, DocumentTransition, ReviewSummaryDto } from '@passerelle/domain';
import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type { DocumentDetail } from '../documents/types';

/** One route per move of the status machine. */
const MOVES: { readonly [T in DocumentTransition]: `documents.${T}` } = {
  submit: 'documents.submit',
  adopt: 'documents.adopt',
  revise: 'documents.revise',
  publish: 'documents.publish',
  unpublish: 'documents.unpublish',
  archive: 'documents.archive',
  unarchive: 'documents.unarchive',
};

export interface ReviewDecision {
  decision: ApprovalDecision;
  note: string;
}

export const reviewsApi = {
  summary: (id: string, signal?: AbortSignal) =>
    api.call<ReviewSummaryDto>(endpoint('reviews.get', { id }), { signal }),
  decide: (id: string, body: ReviewDecision) =>
    api.call<ReviewSummaryDto>(endpoint('reviews.decide', { id }), { body }),
  /** Answers the document as it now is, with the caller's permissions. */
  move: (id: string, transition: DocumentTransition) => api.call<DocumentDetail>(endpoint(MOVES[transition], { id })),
};

export const reviewKeys = {
  summary: (id: string) => ['documents', id, 'reviews'] as const,
};
