import { reviewState, type DocumentTransition } from '@passerelle/domain';
import type { DocumentRecord } from '../documents/documents.repository';
import type { ReviewSummaryResponse } from './dto/review.dto';
import type { DecisionRecord, RoundRecord } from './reviews.repository';

export function toReviewSummary(input: {
  doc: DocumentRecord;
  round: RoundRecord | null;
  decisions: DecisionRecord[];
  pending: Array<{ id: string; name: string }>;
  canReview: boolean;
  canAdopt: boolean;
  transitions: DocumentTransition[];
}): ReviewSummaryResponse {
  const { doc, round, decisions, pending } = input;
  return {
    documentId: doc.id,
    status: doc.status,
    published: doc.published,
    round: round?.number ?? null,
    open: round?.open ?? false,
    state: reviewState({
      status: doc.status,
      hasRound: round !== null || doc.status === 'in_review',
      decisions,
      pendingCount: pending.length,
    }),
    submittedBy: round?.submittedBy ?? null,
    submittedAt: round ? round.submittedAt.toISOString() : null,
    approvals: decisions.map((d) => ({
      reviewer: d.reviewer,
      decision: d.decision,
      note: d.note,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    })),
    pending: pending.map((p) => ({ id: p.id, name: p.name })),
    canReview: input.canReview,
    canAdopt: input.canAdopt,
    transitions: input.transitions,
  };
}
