import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useAuth } from '../auth/useAuth';
import type { DocumentDetail } from '../documents/types';
import './reviews.css';
import { reviewActions } from './reviewActions';
import { ReviewDecisionForm } from './ReviewDecisionForm';
import { ReviewStatus } from './ReviewStatus';
import { TransitionActions } from './TransitionActions';
import { useReviewSummary } from './useReview';

/**
 * Review and adoption on the document page: where the review stands (who approved, who asked for
 * changes and why, who is pending) and the moves the caller may make now.
 */
export function ReviewPanel({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation('reviews');
  const { user } = useAuth();
  const summary = useReviewSummary(document.id);
  const actions = reviewActions(document);
  const decided = summary.data?.approvals.some((decision) => decision.reviewer.id === user?.id) ?? false;

  return (
    <section className="card review-panel" aria-labelledby="review-panel-title">
      <h2 id="review-panel-title" className="review-panel-title">
        {t('title')}
      </h2>
      {summary.isPending ? (
        <LoadingState />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <ReviewStatus summary={summary.data} userId={user?.id} />
      )}
      <TransitionActions
        documentId={document.id}
        status={document.status}
        published={document.published}
        transitions={actions.transitions}
      />
      {actions.canReview && <ReviewDecisionForm documentId={document.id} decided={decided} />}
    </section>
  );
}
