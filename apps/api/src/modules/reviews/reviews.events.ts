import type { ApprovalDecision, DocumentStatus, DocumentTransition } from '@passerelle/domain';
import { DOCUMENT_STATUS_CHANGED } from '../../collab/collab.events';

/**
 * Events of the review workflow. `document.status_changed` is also what the collaboration gateway
 * listens to, to re-check the access of open editors (adoption makes the content read-only live);
 * publication changes who may read, so it is emitted for publish and unpublish too.
 */
export { DOCUMENT_STATUS_CHANGED };
export const REVIEW_DECIDED = 'review.decided';

export interface DocumentStatusChangedEvent {
  documentId: string;
  /** Null for programme documents. */
  cityId: string | null;
  from: DocumentStatus;
  to: DocumentStatus;
  /** Who made the move. */
  userId: string;
  transition: DocumentTransition;
  published: boolean;
  wasPublished: boolean;
  /** The review round the move opened (submit) or closed (adopt, archive); null otherwise. */
  round: number | null;
}

export interface ReviewDecidedEvent {
  documentId: string;
  cityId: string | null;
  decision: ApprovalDecision;
  reviewerId: string;
  round: number;
  /** Who submitted the round (null when unknown), so that they hear of the decision. */
  submittedBy: string | null;
  /** Whether this decision replaced the reviewer's earlier one in the same round. */
  replaced: boolean;
}
